#pragma once

#include "KeyAlgorithm.h"
#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

#include <memory>

typedef struct x509_st X509;

namespace lanyard {

// An X.509 certificate as a value. Copies share the immutable OpenSSL object.
class Certificate {
public:
    Certificate() = default;
    static Result<Certificate> fromDer(const QByteArray& der);
    static Result<Certificate> fromPem(const QByteArray& pem);
    static Certificate adopt(X509* cert);

    bool isNull() const { return !m_cert; }
    QByteArray toDer() const;
    QByteArray toPem() const;
    QString serialHex() const;
    QString subject() const; // RFC 2253 order and escaping
    QString issuer() const;
    QDateTime notBefore() const;
    QDateTime notAfter() const;
    QStringList emailAddresses() const; // from the subjectAltName
    QString userPrincipalName() const; // the Microsoft UPN otherName of the subjectAltName, or empty
    // The PIV FASC-N otherName (2.16.840.1.101.3.6.6) of the subjectAltName: its 25 bytes, or empty.
    QByteArray fascnBytes() const;
    // The card UUID of the subjectAltName (URI urn:uuid:…), lower case without braces, or empty.
    QString cardUuid() const;
    bool hasExtendedKeyUsage(const char* oid) const;
    Result<KeyAlgorithm> publicKeyAlgorithm() const;
    QByteArray publicKeyDer() const; // SubjectPublicKeyInfo
    QByteArray sha256Fingerprint() const;
    QByteArray subjectKeyIdentifier() const; // empty when the certificate has none
    // Checks a SHA-256 signature (PKCS#1 v1.5 or DER ECDSA) over `message` with this
    // certificate's public key.
    Result<void> verifySignature(const QByteArray& message, const QByteArray& signature) const;
    // OpenSSL path validation to one of `trusted` (at `at`, default now).
    Result<void> verifiedBy(const QList<Certificate>& trusted, const QDateTime& at = {}) const;

    X509* native() const { return m_cert.get(); }

private:
    std::shared_ptr<X509> m_cert;
};

} // namespace lanyard
