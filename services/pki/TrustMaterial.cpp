#include "TrustMaterial.h"

#include "OpenSslError.h"
#include "OpenSslPtr.h"

#include <openssl/pem.h>

namespace lanyard {

namespace {
Error unusable(const QString& why)
{
    return Error(ErrorCode::TrustFailure, why, { { QStringLiteral("problem"), QStringLiteral("trust-material") } });
}
} // namespace

Result<TrustMaterial> TrustMaterial::fromPem(const QByteArray& pem)
{
    TrustMaterial out;
    ossl::Bio bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    QList<Certificate> signers;
    while (X509* x = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
        const Certificate cert = Certificate::adopt(x);
        if (X509_check_ca(cert.native()) > 0)
            out.authorities << cert;
        else if (X509_get_extended_key_usage(cert.native()) & XKU_CODE_SIGN)
            signers << cert;
    }
    clearOpenSslErrors();
    if (out.authorities.isEmpty())
        return unusable(QStringLiteral("the trust material holds no CA certificate"));
    if (signers.size() != 1)
        return unusable(signers.isEmpty() ? QStringLiteral("the trust material names no content-signing certificate; fetch it again from the server's /api/v1/ca")
                                          : QStringLiteral("the trust material names %1 content-signing certificates, not one").arg(signers.size()));
    out.contentSigner = signers.first();
    return out;
}

QByteArray TrustMaterial::toPem() const
{
    QByteArray out;
    for (const Certificate& c : authorities)
        out += c.toPem();
    return out + contentSigner.toPem();
}

} // namespace lanyard
