#pragma once

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
    // OpenSSL path validation to one of `trusted` (at `at`, default now).
    Result<void> verifiedBy(const QList<Certificate>& trusted, const QDateTime& at = {}) const;

    X509* native() const { return m_cert.get(); }

private:
    std::shared_ptr<X509> m_cert;
};

} // namespace lanyard
