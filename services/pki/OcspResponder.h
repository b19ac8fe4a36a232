#pragma once

#include "Certificate.h"
#include "CertificateAuthority.h"
#include "PrivateKey.h"
#include "RevocationReason.h"
#include "core/Result.h"

#include <QDateTime>
#include <QList>

#include <functional>

namespace lanyard {

// What the engine knows of one serial number of the CA's.
struct OcspCertificateStatus {
    enum class Kind { Good, Revoked, Unknown };
    Kind kind = Kind::Unknown;
    QDateTime revokedAt;
    RevocationReason reason = RevocationReason::Unspecified; // CertificateHold: on hold
};

// An OCSP responder (RFC 6960) for one CA, answering with a delegated OCSP-signing
// certificate that the CA issued. A request names certificates by issuer hashes and serial;
// a certificate of another issuer is answered "unknown". A request's nonce is echoed.
class OcspResponder {
public:
    // How long a "good" answer may be kept (its nextUpdate).
    static constexpr int kValiditySeconds = 3600;
    // The largest request taken: a handful of certificate ids, far below this.
    static constexpr qsizetype kMaxRequestBytes = 16 * 1024;

    using Lookup = std::function<Result<OcspCertificateStatus>(const QString& serialHex)>;

    OcspResponder(const CertificateAuthority& ca, const Certificate& signer, const PrivateKey& signerKey);

    // A DER OCSPResponse for a DER OCSPRequest. A request that does not parse is answered
    // malformedRequest, a lookup failure internalError: an OCSP client expects an OCSP answer.
    QByteArray respond(const QByteArray& requestDer, const Lookup& lookup, const QDateTime& now) const;

    // The serials a DER request asks about, as upper-case hex (for tests and the fuzzer).
    static Result<QStringList> requestedSerials(const QByteArray& requestDer);

private:
    const CertificateAuthority& m_ca;
    const Certificate& m_signer;
    const PrivateKey& m_signerKey;
};

} // namespace lanyard
