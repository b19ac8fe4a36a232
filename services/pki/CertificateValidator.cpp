#include "CertificateValidator.h"

#include "OpenSslError.h"
#include "OpenSslPtr.h"

#include <QFile>

#include <openssl/pem.h>
#include <openssl/x509_vfy.h>

namespace lanyard {

namespace {
Error untrusted(const QString& problem, const QString& detail, const QVariantMap& more = {})
{
    QVariantMap args = more;
    args.insert(QStringLiteral("problem"), problem);
    return Error(ErrorCode::CertificateUntrusted, detail, args);
}

ossl::X509Crl parseCrl(const QByteArray& der)
{
    const unsigned char* p = reinterpret_cast<const unsigned char*>(der.constData());
    return ossl::X509Crl(d2i_X509_CRL(nullptr, &p, long(der.size())));
}
} // namespace

Result<QList<Certificate>> CertificateValidator::readCertificates(const QStringList& paths)
{
    QList<Certificate> out;
    for (const QString& path : paths) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return Error(ErrorCode::SettingInvalid, QStringLiteral("cannot read certificate file %1").arg(path), { { QStringLiteral("file"), path } });
        const QByteArray pem = f.readAll();
        ossl::Bio bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
        int found = 0;
        while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
            out.append(Certificate::adopt(cert));
            ++found;
        }
        clearOpenSslErrors();
        if (found == 0)
            return Error(ErrorCode::SettingInvalid, QStringLiteral("%1 holds no PEM certificate").arg(path), { { QStringLiteral("file"), path } });
    }
    return out;
}

Result<QList<QByteArray>> CertificateValidator::readCrls(const QStringList& paths)
{
    QList<QByteArray> out;
    for (const QString& path : paths) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return Error(ErrorCode::SettingInvalid, QStringLiteral("cannot read CRL file %1").arg(path), { { QStringLiteral("file"), path } });
        QByteArray bytes = f.readAll();
        if (bytes.startsWith("-----")) {
            ossl::Bio bio(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
            ossl::X509Crl crl(PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr));
            clearOpenSslErrors();
            if (!crl)
                return Error(ErrorCode::SettingInvalid, QStringLiteral("%1 is not a CRL").arg(path), { { QStringLiteral("file"), path } });
            unsigned char* der = nullptr;
            const int n = i2d_X509_CRL(crl.get(), &der);
            bytes = QByteArray(reinterpret_cast<const char*>(der), n);
            OPENSSL_free(der);
        } else if (!parseCrl(bytes)) {
            clearOpenSslErrors();
            return Error(ErrorCode::SettingInvalid, QStringLiteral("%1 is not a CRL").arg(path), { { QStringLiteral("file"), path } });
        }
        out.append(bytes);
    }
    return out;
}

Result<void> CertificateValidator::validate(const Certificate& leaf, const QDateTime& at) const
{
    if (leaf.isNull())
        return Error(ErrorCode::CardError, QStringLiteral("no certificate"));
    if (m_anchors.isEmpty())
        return untrusted(QStringLiteral("no-anchors"), QStringLiteral("no trust anchors are configured for PIV cards"));
    ossl::X509Store store(X509_STORE_new());
    for (const Certificate& c : m_anchors)
        X509_STORE_add_cert(store.get(), c.native());
    for (const QByteArray& der : m_crls) {
        if (auto crl = parseCrl(der))
            X509_STORE_add_crl(store.get(), crl.get());
    }
    clearOpenSslErrors();
    X509_STORE_set_flags(store.get(), X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
    struct StackFree {
        void operator()(STACK_OF(X509) * s) const { sk_X509_free(s); } // the certificates stay ours
    };
    std::unique_ptr<STACK_OF(X509), StackFree> helpers(sk_X509_new_null());
    for (const Certificate& c : m_intermediates)
        sk_X509_push(helpers.get(), c.native());
    ossl::X509StoreCtx ctx(X509_STORE_CTX_new());
    X509_STORE_CTX_init(ctx.get(), store.get(), leaf.native(), helpers.get());
    X509_STORE_CTX_set_time(ctx.get(), 0, time_t(at.toSecsSinceEpoch()));
    if (X509_verify_cert(ctx.get()) == 1)
        return {};
    const int err = X509_STORE_CTX_get_error(ctx.get());
    clearOpenSslErrors();
    const QString reason = QString::fromLatin1(X509_verify_cert_error_string(err));
    switch (err) {
    case X509_V_ERR_CERT_HAS_EXPIRED:
    case X509_V_ERR_CERT_NOT_YET_VALID:
        return Error(ErrorCode::CertificateExpired, reason,
            { { QStringLiteral("notBefore"), leaf.notBefore() }, { QStringLiteral("notAfter"), leaf.notAfter() } });
    case X509_V_ERR_CERT_REVOKED:
        return Error(ErrorCode::CertificateRevoked, reason);
    case X509_V_ERR_UNABLE_TO_GET_CRL:
        return untrusted(QStringLiteral("crl-missing"), reason);
    case X509_V_ERR_CRL_HAS_EXPIRED:
    case X509_V_ERR_CRL_NOT_YET_VALID:
        return untrusted(QStringLiteral("crl-stale"), reason);
    default:
        return untrusted(QStringLiteral("path"), reason, { { QStringLiteral("reason"), reason } });
    }
}

bool CertificateValidator::isRevoked(const Certificate& leaf) const
{
    for (const QByteArray& der : m_crls) {
        auto crl = parseCrl(der);
        if (!crl || X509_NAME_cmp(X509_CRL_get_issuer(crl.get()), X509_get_issuer_name(leaf.native())) != 0)
            continue;
        X509_REVOKED* entry = nullptr;
        if (X509_CRL_get0_by_cert(crl.get(), &entry, leaf.native()) == 1)
            return true;
    }
    clearOpenSslErrors();
    return false;
}

} // namespace lanyard
