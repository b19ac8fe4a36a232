#pragma once

#include "PivClient.h"
#include "pki/KeyAlgorithm.h"

namespace lanyard {

// Signs a message with a PIV key the way a verifier expects a SHA-256 signature: PKCS#1 v1.5
// for RSA-2048 (the card only does the raw RSA operation, so the block is built here) and
// DER ECDSA for P-256 (the card takes the hash).
class PivSigner {
public:
    static Result<QByteArray> sign(PivClient& piv, PivSlot slot, KeyAlgorithm keyAlgorithm, const QByteArray& message);
    static QByteArray pkcs1Sha256Block(const QByteArray& sha256, int modulusBytes);
};

} // namespace lanyard
