#include "SignedBundle.h"

#include "OpenSslError.h"
#include "OpenSslPtr.h"

#include <openssl/cms.h>

namespace lanyard {

namespace {
using Cms = std::unique_ptr<CMS_ContentInfo, ossl::Deleter<CMS_ContentInfo_free>>;
struct CertStackFree {
    void operator()(STACK_OF(X509) * s) const { sk_X509_pop_free(s, X509_free); }
};
using CertStack = std::unique_ptr<STACK_OF(X509), CertStackFree>;

QByteArray readAll(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, size) : QByteArray();
}
} // namespace

Result<QByteArray> SignedBundle::sign(const QByteArray& payload, const Certificate& signer, const PrivateKey& key, const QList<Certificate>& chain)
{
    if (signer.isNull() || key.isNull())
        return Error(ErrorCode::CryptoFailure, QStringLiteral("no content-signing identity"));
    CertStack extra(sk_X509_new_null());
    for (const Certificate& c : chain) {
        X509_up_ref(c.native());
        sk_X509_push(extra.get(), c.native());
    }
    ossl::Bio in(BIO_new_mem_buf(payload.constData(), int(payload.size())));
    Cms cms(CMS_sign(signer.native(), key.native(), extra.get(), in.get(), CMS_BINARY));
    if (!cms)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("signing the bundle"));
    ossl::Bio out(BIO_new(BIO_s_mem()));
    if (i2d_CMS_bio(out.get(), cms.get()) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("encoding the bundle"));
    return readAll(out.get());
}

Result<QByteArray> SignedBundle::verify(const QByteArray& der, const QList<Certificate>& trusted, const Certificate& pinnedSigner, const QDateTime& at)
{
    ossl::Bio in(BIO_new_mem_buf(der.constData(), int(der.size())));
    Cms cms(d2i_CMS_bio(in.get(), nullptr));
    if (!cms)
        return openSslError(ErrorCode::InvalidArgument, QStringLiteral("the bundle is not CMS SignedData"));
    ossl::X509Store store(X509_STORE_new());
    for (const Certificate& c : trusted)
        X509_STORE_add_cert(store.get(), c.native());
    // The signer is a content-signing certificate, not an S/MIME one: its usage is checked below.
    X509_STORE_set_purpose(store.get(), X509_PURPOSE_ANY);
    if (at.isValid()) {
        X509_VERIFY_PARAM* param = X509_STORE_get0_param(store.get());
        X509_VERIFY_PARAM_set_time(param, time_t(at.toSecsSinceEpoch()));
    }
    ossl::Bio out(BIO_new(BIO_s_mem()));
    if (CMS_verify(cms.get(), nullptr, store.get(), nullptr, out.get(), CMS_BINARY) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("the bundle's signature or its signer's chain does not verify"));
    STACK_OF(X509)* signers = CMS_get0_signers(cms.get());
    const int count = signers ? sk_X509_num(signers) : 0;
    // The usage alone would let any certificate issued with codeSigning sign bundles: the
    // signer must be the one the trust material names.
    const bool pinned = count == 1 && !pinnedSigner.isNull() && X509_cmp(sk_X509_value(signers, 0), pinnedSigner.native()) == 0;
    sk_X509_free(signers);
    if (!pinned)
        return Error(ErrorCode::CryptoFailure, QStringLiteral("the bundle is not signed by the content-signing certificate of the trust material"),
            { { QStringLiteral("problem"), QStringLiteral("signer-not-pinned") } });
    return readAll(out.get());
}

} // namespace lanyard
