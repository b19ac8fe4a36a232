#pragma once

#include "PrivateKey.h"
#include "core/Result.h"

#include <QByteArray>

#include <functional>

#include <memory>

typedef struct X509_req_st X509_REQ;

namespace lanyard {

// A PKCS#10 request whose self-signature has been checked: fromBytes() refuses a request
// that does not parse or whose signature does not verify, so holding one means it is sound.
class CertificateRequest {
public:
    static Result<CertificateRequest> fromBytes(const QByteArray& derOrPem);
    // Makes a request for tests, the demo generator and the reference agent.
    static Result<QByteArray> create(const PrivateKey& key, const QString& commonName);
    // The same for a key that stays elsewhere (on a card): `sign` gets the DER to be signed and
    // returns a SHA-256 signature (PKCS#1 v1.5 or DER ECDSA). The result is checked like
    // any request before it is returned.
    using ExternalSigner = std::function<Result<QByteArray>(const QByteArray& toBeSigned)>;
    static Result<QByteArray> create(const PrivateKey& publicKey, const QString& commonName, const ExternalSigner& sign);

    PrivateKey publicKey() const { return m_publicKey; }
    Result<KeyAlgorithm> algorithm() const { return m_publicKey.algorithm(); }

private:
    std::shared_ptr<X509_REQ> m_req;
    PrivateKey m_publicKey;
};

} // namespace lanyard
