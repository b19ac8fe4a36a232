#pragma once

#include "KeyAlgorithm.h"
#include "core/Result.h"

#include <QByteArray>

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace lanyard {

// A private (or public-only) key. Cheap to copy: copies share the immutable OpenSSL key.
class PrivateKey {
public:
    PrivateKey() = default;

    static Result<PrivateKey> generate(KeyAlgorithm alg);
    static Result<PrivateKey> fromPem(const QByteArray& pem);
    // Public keys as a card hands them out: RSA modulus and exponent (big-endian), or an
    // uncompressed P-256 point (04‖X‖Y).
    static Result<PrivateKey> rsaPublic(const QByteArray& modulus, const QByteArray& exponent);
    static Result<PrivateKey> p256Public(const QByteArray& point);
    // Takes ownership of a reference to `key`.
    static PrivateKey adopt(EVP_PKEY* key);

    bool isNull() const { return !m_key; }
    QByteArray toPem() const; // unencrypted PKCS#8; wrap before storing
    QByteArray publicKeyDer() const; // SubjectPublicKeyInfo
    // The RSA public exponent, or 0 for another kind of key (or one too large to say).
    quint64 rsaPublicExponent() const;
    Result<KeyAlgorithm> algorithm() const;
    // A SHA-256 signature as Certificate::verifySignature checks it: PKCS#1 v1.5 for RSA,
    // DER ECDSA for EC. For keys held in software (an agent's wallet, a test's phone).
    Result<QByteArray> signSha256(const QByteArray& message) const;

    EVP_PKEY* native() const { return m_key.get(); }

private:
    std::shared_ptr<EVP_PKEY> m_key;
};

// Which of our algorithms a public key is; refuses sizes and curves we do not issue for.
Result<KeyAlgorithm> keyAlgorithmOf(EVP_PKEY* key);

} // namespace lanyard
