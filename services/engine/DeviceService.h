#pragma once

#include "AccessControl.h"
#include "Device.h"
#include "DeviceAction.h"
#include "CredentialProfile.h"
#include "DeviceFacts.h"
#include "EngineContext.h"
#include "Job.h"

#include <QSqlDatabase>

namespace lanyard {

// A device made by a collection, with the secrets its holder's agent receives once.
struct CollectedDevice {
    qint64 id = 0;
    QString serial;
    QByteArray unlockKey; // behind the device's unlock codes
    QByteArray vscAdminKey; // virtual smart cards: the card's administrator key
    QString vscPuk; // virtual smart cards: the PUK, shown to nobody
};

// Devices and their lifecycle. A state change, its certificate changes, the jobs it creates
// or cancels and its audit event commit together or not at all.
class DeviceService {
public:
    DeviceService(const EngineContext& context, QSqlDatabase db);

    Result<Device> load(qint64 id);
    // Absent and out of scope give the same answer.
    static Error noSuchDevice();
    Result<Device> get(const AccessControl& ac, qint64 id);
    // The device, once the operator may act with the workflow on its owner.
    Result<Device> loadInScope(const AccessControl& ac, qint64 id, Workflow workflow);
    Result<QList<Device>> forPerson(const AccessControl& ac, qint64 personId);
    // By serial, phone serial or DNS name (prefix, case-insensitive for DNS names), within scope.
    Result<QList<Device>> find(const AccessControl& ac, const QString& text, int limit = 100);
    // `replacementJob`, when given, is set to the replacement request the action created (0: none).
    Result<Device> change(const AccessControl& ac, qint64 deviceId, const DeviceAction& action, qint64* replacementJob = nullptr);
    // What a transition does to a device the caller has already checked (an operator's action,
    // its holder's incident report, a hold running out): its state, its certificates, its
    // waiting renewals and temporary replacements; a device leaving Suspended closes its open
    // incident with `outcome`. Returns how many certificates changed; `endedRenewals`, when
    // given, is set to the renewals and updates it cancelled.
    Result<int> applyTransition(const Device& device, const DeviceTransition& transition, const QString& outcome, qint64* endedRenewals = nullptr);
    // For the audit: "2 certificate(s) on hold".
    static QString certificatesChanged(int count, const DeviceTransition& transition);
    // A replacement request for the device from its profile's current version.
    Result<qint64> createReplacementJob(const Device& device, JobType type, JobStatus status, qint64 requestedBy, const QString& reason,
        const QString& details);
    // Unlock Credential: the response code for the challenge a locked mobile agent shows. With
    // unlock.checkSecurityQuestions on, `answers` are the caller's to the holder's questions
    // (checked whenever given).
    Result<QString> unlockCode(const AccessControl& ac, qint64 deviceId, const QString& challenge, const QStringList& answers = {});

    // A new device for a collection, Issued until the phone confirms: a serial by its
    // encoding, an unlock key, and for a virtual smart card its administrator key and PUK,
    // each kept wrapped under the master key.
    Result<CollectedDevice> createCollected(qint64 ownerId, const CredentialProfile& profile, const DeviceFacts& facts, const QDateTime& expires);
    // The device a re-collection writes into (a renewal or reissue keeps its device), with
    // its unlock key; no administrator key or PUK is sent again.
    Result<CollectedDevice> existingCollected(qint64 deviceId);
    // The person's other live devices (not cancelled) issued from a profile of this credential
    // group, but not the device `except`.
    Result<QList<Device>> liveOfGroup(qint64 ownerId, const QString& group, qint64 except = 0);
    // A device of a profile that cancels the previous one is in use: the owner's earlier
    // devices of its group are cancelled and their certificates revoked (superseded).
    // Returns their serials.
    Result<QStringList> cancelEarlierOfGroup(const Device& issued, const CredentialProfile& profile, qint64 now);

private:
    Result<QByteArray> unlockKeyOf(qint64 deviceId, const QString& serial, bool required);
    Result<void> cancelTemporaryReplacements(qint64 deviceId, qint64 now);

    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
