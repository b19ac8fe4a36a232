#pragma once

#include "Certificate.h"
#include "CertificateRequest.h"
#include "DnTemplate.h"
#include "KeyAlgorithm.h"
#include "PrivateKey.h"
#include "RevocationReason.h"
#include "core/Result.h"

#include <QDateTime>
#include <QList>

namespace lanyard {

// What a certificate policy asks for, with the person's values already filled in.
struct IssuanceParameters {
    DistinguishedName subject;
    QStringList sanEmails;
    QString sanUpn;
    QByteArray sanFascn; // the 25 bytes of a PIV FASC-N (otherName 2.16.840.1.101.3.6.6)
    QString sanCardUuid; // URI urn:uuid:…
    int validityDays = 365;
    QDateTime notBefore; // defaults to now
    // When set, the certificate ends here if that is sooner than the validity: it must not
    // outlive what it belongs to (its device, a derived credential's parent card).
    QDateTime notAfterCap;
    QString keyUsage = QStringLiteral("digitalSignature");
    QString extendedKeyUsage; // comma-separated names, e.g. "clientAuth,emailProtection"
    QList<KeyAlgorithm> allowedAlgorithms { KeyAlgorithm::Rsa2048, KeyAlgorithm::Rsa3072, KeyAlgorithm::EcP256 };
    // Where a relying party finds out whether the certificate still holds: the issuer's CRL
    // (CRL distribution point), its certificate and its OCSP responder (authority information
    // access). Each is left out when empty.
    QString crlUrl;
    QString caIssuersUrl;
    QString ocspUrl;
    // id-pkix-ocsp-nocheck: for the delegated OCSP responder, whose own status is not asked.
    bool ocspNoCheck = false;
};

struct RevokedEntry {
    QString serialHex;
    QDateTime revokedAt;
    RevocationReason reason = RevocationReason::Unspecified;
};

// The embedded certificate authority: a CA key and self-signed certificate that issues from
// verified PKCS#10 requests and publishes CRLs. Thread-safe for issuing: the key is only read.
class CertificateAuthority {
public:
    CertificateAuthority() = default;
    static Result<CertificateAuthority> createRoot(const DistinguishedName& subject, KeyAlgorithm alg, int validityDays);
    // A CA below this one (an intermediate), ending no later than this one.
    Result<CertificateAuthority> createSubordinate(const DistinguishedName& subject, KeyAlgorithm alg, int validityDays) const;
    static Result<CertificateAuthority> fromParts(const Certificate& cert, const PrivateKey& key);

    static QStringList knownKeyUsages();
    static QStringList knownExtendedKeyUsages();
    static Result<void> validateUsages(const QString& keyUsage, const QString& extendedKeyUsage);

    bool isNull() const { return m_cert.isNull(); }
    const Certificate& certificate() const { return m_cert; }
    const PrivateKey& key() const { return m_key; }

    Result<Certificate> issue(const CertificateRequest& request, const IssuanceParameters& params) const;
    // For keys the engine made itself (content signing, archived encryption keys).
    Result<Certificate> issueForKey(const PrivateKey& subjectKey, const IssuanceParameters& params) const;
    Result<QByteArray> makeCrl(const QList<RevokedEntry>& revoked, qint64 number, const QDateTime& thisUpdate,
        const QDateTime& nextUpdate) const; // DER

    // Checks leaf -> this CA with OpenSSL's path validation (at `at`, default now).
    Result<void> verify(const Certificate& leaf, const QDateTime& at = {}) const;

private:
    // A root when `issuer` is null, else a CA below it.
    static Result<CertificateAuthority> create(const DistinguishedName& subject, KeyAlgorithm alg, int validityDays, const CertificateAuthority* issuer);

    Certificate m_cert;
    PrivateKey m_key;
};

} // namespace lanyard
