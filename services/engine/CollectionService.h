#pragma once

#include "CertificatePolicy.h"
#include "Collection.h"
#include "CredentialProfile.h"
#include "Device.h"
#include "EngineContext.h"
#include "Person.h"
#include "Settings.h"

#include <QJsonObject>
#include <QSqlDatabase>

namespace lanyard {

class CollectionBundleBuilder;

// The engine's half of the collection protocol. Each step is one transaction, so a phone that
// disappears mid-way leaves either nothing or an Issued device that the session's expiry rolls
// back (certificates revoked, device cancelled, job collectable again) with an audit record.
class CollectionService {
public:
    static constexpr int kSessionMinutes = 10;

    CollectionService(const EngineContext& context, QSqlDatabase db);

    // Checks the code (failure limit, expiry, single use), mobile issuance being on, the
    // biometric settings, the session limit and the profile's device restriction; opens a
    // session and says which certificates to request.
    Result<CollectionSession> start(const CollectionStart& request);
    // Issues from the requests (and makes or recovers server-held keys), and answers with the
    // signed bundle. Asking again for the same session returns the same bundle.
    Result<CollectionBundle> submit(const CollectionSubmission& submission);
    // The phone stored its credential: the device is Active and the job Completed.
    Result<Device> confirm(const QString& sessionId);
    // Rolls back every session that expired before it was confirmed; returns how many.
    Result<int> expireSessions();
    // The agent gives up on a session it started (the holder's PIN does not meet the policy, a
    // delivered certificate fails its check): rolled back at once as an expired one would be,
    // so the same code works again. Asking again changes nothing; a confirmed session is
    // refused (invalid-transition).
    Result<void> abandon(const QString& sessionId, const QString& reason);

private:
    // Rolls one open or issued session back (certificates revoked, device cancelled, the job
    // collectable again while its code lives), audited with `cause`; false when another
    // process got there first.
    Result<bool> rollBack(const QString& sessionId, const QString& cause);
    // What every certificate of one collection is issued with.
    struct Issuing {
        const Person& person;
        qint64 deviceId = 0;
        QString sessionId;
        QDateTime expires;
        const Settings& settings;
    };

    Result<void> checkDevice(const Job& job, DeviceRestriction restriction, const DeviceFacts& facts);
    Result<QJsonObject> collectCertificate(const CollectionBundleBuilder& bundle, const Issuing& issuing, int index, const CertificatePolicy& policy,
        KeyRecovery recovery, const QByteArray& request, QStringList* issued);

    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
