#pragma once

#include "Certificate.h"
#include "PrivateKey.h"
#include "core/Result.h"

#include <QByteArray>

namespace lanyard {

// A key the engine holds (generated for archival, or recovered from the archive) on its way to
// one agent: a PKCS#12 file under a random password, and that password encrypted with RSA-OAEP
// (SHA-256) to the RSA transport key the agent made for this collection. Only that agent can
// open it.
struct SealedKey {
    QByteArray pkcs12;
    QByteArray encryptedPassword;
};

struct OpenedKey {
    PrivateKey key;
    Certificate certificate;
};

class KeyTransport {
public:
    // `transportKey`: the agent's public key (SubjectPublicKeyInfo, DER or PEM), RSA ≥ 2048.
    static Result<SealedKey> seal(const PrivateKey& key, const Certificate& certificate, const QByteArray& transportKey);
    static Result<OpenedKey> open(const SealedKey& sealed, const PrivateKey& transportPrivateKey);
    // The password alone, for storing the PKCS#12 as the agent's own file.
    static Result<QByteArray> password(const SealedKey& sealed, const PrivateKey& transportPrivateKey);
    // Checks a transport key before anything is sealed to it.
    static Result<void> checkTransportKey(const QByteArray& transportKey);
};

} // namespace lanyard
