#pragma once

#include "Certificate.h"
#include "PrivateKey.h"
#include "core/Result.h"

#include <QByteArray>

namespace lanyard {

// A CMS SignedData over content kept elsewhere (RFC 5652 with the eContent absent), as PIV
// cards sign their CHUID (SP 800-73-4: issuer asymmetric signature, tag 3E). verify() checks
// only the signature and returns the signer's certificate carried inside; whether that signer
// is trusted is the caller's question (its chain, its revocation, its usage).
class DetachedSignature {
public:
    // The PIV CHUID security object's content type and the content-signing usage its signer carries.
    static constexpr const char* kChuidContentType = "2.16.840.1.101.3.6.1";
    static constexpr const char* kPivContentSigningUsage = "2.16.840.1.101.3.6.7";

    static Result<QByteArray> sign(const QByteArray& content, const char* contentTypeOid, const Certificate& signer, const PrivateKey& key);
    static Result<Certificate> verify(const QByteArray& der, const QByteArray& content, const char* contentTypeOid);
};

} // namespace lanyard
