#pragma once

#include "AccessControl.h"
#include "EngineContext.h"
#include "VscAccess.h"

#include <QSqlDatabase>

namespace lanyard {

// The card holder's side of VSC access, called by Self-Service on their own computer: the PIN
// locks due there and their outcome, and unblocking a card the engine issued with the PUK it
// holds, released only against a response from the helpdesk. Only the device's owner may
// call these; nobody is ever shown the PUK.
class VscHolderService {
public:
    static constexpr int kChallengeSeconds = 15 * 60;

    VscHolderService(const EngineContext& context, QSqlDatabase db);

    // Lock jobs due now for the caller's cards made on `dnsName` (compared without case).
    Result<QList<VscLockTask>> dueLocks(const AccessControl& ac, const QString& dnsName);
    // Completed (the card is locked) or Failed with the reason; a job that is not pending and
    // due is refused, so an outcome never lands twice.
    Result<Job> reportLock(const AccessControl& ac, const VscLockOutcome& outcome);
    // The caller's card whose certificate this is, and a challenge for the helpdesk: the open
    // one while it lasts, otherwise a fresh one.
    Result<VscUnblockChallenge> unblockChallenge(const AccessControl& ac, const QByteArray& cardCertificate);
    // The held PUK, when `response` answers the open challenge (used once).
    Result<QString> releasePuk(const AccessControl& ac, qint64 deviceId, const QString& response);

private:
    Result<Device> ownCard(const AccessControl& ac, qint64 deviceId);
    Result<QString> heldPuk(qint64 deviceId);

    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
