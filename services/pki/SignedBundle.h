#pragma once

#include "Certificate.h"
#include "PrivateKey.h"
#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

namespace lanyard {

// A payload signed as CMS SignedData (RFC 5652) with the payload inside. The engine signs the
// collection bundle with its content-signing certificate; an agent verifies it against the CA
// it was told to trust before it believes a byte of it.
class SignedBundle {
public:
    // DER SignedData carrying `payload`, the signer certificate and `chain`.
    static Result<QByteArray> sign(const QByteArray& payload, const Certificate& signer, const PrivateKey& key, const QList<Certificate>& chain);

    // Checks the signature, that the signer chains to `trusted`, and that the signer is
    // `pinnedSigner` itself (the content-signing certificate named in the trust material);
    // returns the payload. `at` defaults to now.
    static Result<QByteArray> verify(const QByteArray& der, const QList<Certificate>& trusted, const Certificate& pinnedSigner, const QDateTime& at = {});
};

} // namespace lanyard
