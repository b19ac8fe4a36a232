#pragma once

#include "PivClient.h"
#include "pki/KeyAlgorithm.h"

namespace lanyard {

// Signs a message with a PIV key the way a verifier expects a SHA-256 signature: PKCS#1 v1.5
// for RSA-2048 (the card only does the raw RSA operation, so the block is built here) and
// DER ECDSA for P-256 (the card takes the hash).
class PivSigner {
public:
    // What a verifier needs to check that the card's holder is here: the PIV Authentication
    // certificate and its key's signature over the verifier's challenge.
    struct HolderProof {
        QByteArray certificate; // DER, read in the same transaction as the signature
        QByteArray signature;
    };

    static Result<QByteArray> sign(PivClient& piv, PivSlot slot, KeyAlgorithm keyAlgorithm, const QByteArray& message);
    // VERIFY the PIN, then sign `challenge` with key 9A; the key's algorithm comes from the
    // card's certificate.
    static Result<HolderProof> proveHolder(PivClient& piv, const QString& pin, const QByteArray& challenge);
    static QByteArray pkcs1Sha256Block(const QByteArray& sha256, int modulusBytes);
};

} // namespace lanyard
