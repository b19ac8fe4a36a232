#pragma once

#include "AccessControl.h"
#include "CertificatePolicy.h"
#include "CertificateRecord.h"
#include "DeviceLifecycle.h"
#include "EngineContext.h"
#include "Person.h"
#include "Settings.h"
#include "pki/OcspResponder.h"

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

    // The alternative names the policy asks for, from the person's record. What the record
    // lacks is named: `missing` stops issuance (fascn, card-uuid), `leftOut` does not (email, upn).
    struct AlternativeNames {
        QStringList emails;
        QString upn;
        QByteArray fascn; // the 25 encoded bytes
        QString cardUuid;
        QStringList missing;
        QStringList leftOut;
    };
    static AlternativeNames alternativeNamesFor(const CertificatePolicy& policy, const Person& person);
    // Refused (problem san-value-missing) when the person lacks a card identifier the policy
    // asks for: relying parties map such a certificate to its card by it.
    static Result<AlternativeNames> requireAlternativeNames(const CertificatePolicy& policy, const Person& person);
    // What a certificate under this policy would name for this person, for the policy editor.
    static Result<CertificatePolicyExample> example(const CertificatePolicy& policy, const Person& person, const QString& defaultDn);

    // `settings` give the default DN and the address relying parties reach (publicationUrls).
    Result<CertificateRecord> issue(const Person& person, const CertificatePolicy& policy, const QByteArray& csr, qint64 deviceId,
        const QDateTime& notAfterCap, const Settings& settings);

    // Where the issuing CA's CRL, certificate and OCSP responder are, as the certificates it
    // issues name them: <address>/crl/<name>.crl, /ca/<name>.crt and /ocsp under the external web address,
    // or the collection address when that is not set (both are this server as the world
    // reaches it). <name> is publicationName().
    struct PublicationUrls {
        QString crl;
        QString caCertificate;
        QString ocsp;
    };
    PublicationUrls publicationUrls(const Settings& settings) const;
    // The issuing CA's name in those paths: its subject key identifier in lower-case hex.
    QString publicationName() const;
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
    // The same with the times it was signed for, for a publisher's caching headers.
    struct PublishedCrl {
        QByteArray der;
        QDateTime thisUpdate;
        QDateTime nextUpdate;
    };
    Result<PublishedCrl> currentCrl(int validityHours);
    // The CRL and the CA certificate (DER) by the name the certificates give
    // (publicationName()); NotFound for any other name.
    Result<PublishedCrl> publishedCrl(const QString& name);
    Result<QByteArray> publishedCaCertificate(const QString& name);
    // What the OCSP responder says of a serial of this CA's: good, revoked (on hold is revoked
    // with reason certificateHold, as RFC 6960 has it) or unknown.
    Result<OcspCertificateStatus> ocspStatus(const QString& serialHex);
    // A DER OCSP response to a DER OCSP request, signed by the delegated responder.
    QByteArray answerOcsp(const QByteArray& requestDer);
    // The same with the validity the settings give.
    Result<QByteArray> publishedCrl();

private:
    Result<void> requirePublished(const QString& name) const;

    Result<QList<RevokedEntry>> revokedEntries();
    static QString stateDigest(const QList<RevokedEntry>& entries);

    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
