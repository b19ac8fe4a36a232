#pragma once

#include "Certificate.h"
#include "core/Result.h"

#include <QList>

namespace lanyard {

// What an agent is given to trust an engine by (GET /api/v1/ca): the engine's CA and its
// content-signing certificate, as PEM. The signer is named, not inferred from its extended
// key usage: any certificate the CA issues under a policy with that usage would otherwise be
// able to sign bundles.
struct TrustMaterial {
    QList<Certificate> authorities;
    Certificate contentSigner;

    // Certificates that are CAs go to `authorities`; exactly one other, with the codeSigning
    // usage, is the signer. Anything else is refused with the reason (problem "trust-material").
    static Result<TrustMaterial> fromPem(const QByteArray& pem);
    QByteArray toPem() const;
};

} // namespace lanyard
