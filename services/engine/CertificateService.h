#pragma once

#include "AccessControl.h"
#include "CertificatePolicy.h"
#include "CertificateRecord.h"
#include "DeviceLifecycle.h"
#include "EngineContext.h"
#include "Person.h"

#include <QSqlDatabase>

namespace lanyard {

// A key the archive holds for a person and policy, with its certificate.
struct ArchivedKey {
    QByteArray der;
    QByteArray wrappedKey; // under the master key, purpose "archived-key"
    qint64 certificateId = 0;
    bool current = false; // usable as a device's own certificate: not revoked, not expired
};

struct KeyArchive {
    QList<ArchivedKey> keys; // newest first
    int compromised = 0; // left out: their certificates were revoked for key compromise
};

// Issues certificates for devices from verified requests, changes their status with the
// device lifecycle, and publishes the CRL. Write methods run inside the caller's transaction.
class CertificateService {
public:
    CertificateService(const EngineContext& context, QSqlDatabase db);

    // The person's fields for DN templates ("People.FullName" -> value).
    static QHash<QString, QString> templateFields(const Person& person);
    // Builds the subject: the policy's template, then the default DN from the settings.
    static Result<DistinguishedName> subjectFor(const CertificatePolicy& policy, const Person& person, const QString& defaultDn);

    Result<CertificateRecord> issue(const Person& person, const CertificatePolicy& policy, const QByteArray& csr, qint64 deviceId,
        const QDateTime& notAfterCap, const QString& defaultDn);
    // Puts on hold, releases or revokes every certificate of the device that the action touches.
    Result<int> applyToDevice(qint64 deviceId, CertificateAction action, RevocationReason reason);
    // The device's own certificates and those recovered onto it from the archive.
    Result<QList<CertificateRecord>> forDevice(qint64 deviceId);
    // The same for a device the operator can see.
    Result<QList<CertificateRecord>> forDevice(const AccessControl& ac, qint64 deviceId);
    // Lists an archived certificate on the device it was recovered onto.
    Result<void> linkRecovered(qint64 certificateId, qint64 deviceId);
    // The archive's keys for this person and policy; never one whose certificate was revoked
    // for key compromise (which a lost or stolen device's are).
    Result<KeyArchive> archivedKeys(qint64 personId, const QString& policyName);
    // Records the collection a certificate was issued in, and its key when the server made it
    // (wrapped; null for a key the phone made and kept).
    Result<void> recordCollection(qint64 certificateId, const QString& sessionId, const QVariant& wrappedArchivedKey);
    // Hashes of the public keys of certificates issued before they were kept; returns how many.
    Result<int> backfillPublicKeyHashes();
    static QString publicKeyHash(const QByteArray& subjectPublicKeyInfo);
    // The CRL (DER): as stored while the revocation state is the one it lists and it is in the
    // first half of its life, else newly signed (with a new CRL number) and stored.
    Result<QByteArray> crl(int validityHours);
    // The same with the validity the settings give.
    Result<QByteArray> publishedCrl();

private:
    Result<QList<RevokedEntry>> revokedEntries();
    static QString stateDigest(const QList<RevokedEntry>& entries);

    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
