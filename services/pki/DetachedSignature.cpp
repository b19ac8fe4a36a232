#include "DetachedSignature.h"

#include "OpenSslError.h"
#include "OpenSslPtr.h"

#include <openssl/cms.h>

namespace lanyard {

namespace {
using Cms = std::unique_ptr<CMS_ContentInfo, ossl::Deleter<CMS_ContentInfo_free>>;
using Asn1Object = std::unique_ptr<ASN1_OBJECT, ossl::Deleter<ASN1_OBJECT_free>>;

Error badSignature(const QString& why)
{
    return Error(ErrorCode::TrustFailure, why, { { QStringLiteral("problem"), QStringLiteral("signature-invalid") } });
}
} // namespace

Result<QByteArray> DetachedSignature::sign(const QByteArray& content, const char* contentTypeOid, const Certificate& signer, const PrivateKey& key)
{
    if (signer.isNull() || key.isNull())
        return Error(ErrorCode::CryptoFailure, QStringLiteral("no signing identity"));
    ossl::Bio in(BIO_new_mem_buf(content.constData(), int(content.size())));
    Cms cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, CMS_BINARY | CMS_DETACHED | CMS_PARTIAL));
    Asn1Object type(OBJ_txt2obj(contentTypeOid, 1));
    if (!cms || !type || CMS_set1_eContentType(cms.get(), type.get()) != 1
        || !CMS_add1_signer(cms.get(), signer.native(), key.native(), EVP_sha256(), CMS_BINARY) || CMS_final(cms.get(), in.get(), nullptr, CMS_BINARY | CMS_DETACHED) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("signing the content"));
    const int n = i2d_CMS_ContentInfo(cms.get(), nullptr);
    QByteArray out(n, Qt::Uninitialized);
    auto* p = reinterpret_cast<unsigned char*>(out.data());
    i2d_CMS_ContentInfo(cms.get(), &p);
    return out;
}

Result<Certificate> DetachedSignature::verify(const QByteArray& der, const QByteArray& content, const char* contentTypeOid)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    Cms cms(d2i_CMS_ContentInfo(nullptr, &p, long(der.size())));
    if (!cms || p != reinterpret_cast<const unsigned char*>(der.constData()) + der.size()) {
        clearOpenSslErrors();
        return badSignature(QStringLiteral("the signature is not one CMS SignedData"));
    }
    Asn1Object wanted(OBJ_txt2obj(contentTypeOid, 1));
    const ASN1_OBJECT* type = CMS_get0_eContentType(cms.get());
    if (OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed || !type || !wanted || OBJ_cmp(type, wanted.get()) != 0) {
        clearOpenSslErrors();
        return badSignature(QStringLiteral("the signature is over another kind of content"));
    }
    ossl::Bio in(BIO_new_mem_buf(content.constData(), int(content.size())));
    // The chain is the caller's to check, against its own anchors and CRLs.
    if (CMS_verify(cms.get(), nullptr, nullptr, in.get(), nullptr, CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY) != 1) {
        clearOpenSslErrors();
        return badSignature(QStringLiteral("the signature does not verify over this content"));
    }
    STACK_OF(X509)* signers = CMS_get0_signers(cms.get());
    const int count = signers ? sk_X509_num(signers) : 0;
    if (count != 1) {
        sk_X509_free(signers);
        return badSignature(QStringLiteral("the signature has %1 signers, not one").arg(count));
    }
    X509* signer = sk_X509_value(signers, 0);
    X509_up_ref(signer);
    sk_X509_free(signers);
    return Certificate::adopt(signer);
}

} // namespace lanyard
