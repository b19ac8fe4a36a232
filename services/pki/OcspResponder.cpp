#include "OcspResponder.h"

#include "OpenSslError.h"
#include "OpenSslPtr.h"

#include <openssl/ocsp.h>

namespace lanyard {

namespace {

using Request = std::unique_ptr<OCSP_REQUEST, ossl::Deleter<OCSP_REQUEST_free>>;
using Response = std::unique_ptr<OCSP_RESPONSE, ossl::Deleter<OCSP_RESPONSE_free>>;
using BasicResponse = std::unique_ptr<OCSP_BASICRESP, ossl::Deleter<OCSP_BASICRESP_free>>;
using CertId = std::unique_ptr<OCSP_CERTID, ossl::Deleter<OCSP_CERTID_free>>;

QByteArray encode(OCSP_RESPONSE* response)
{
    const int size = i2d_OCSP_RESPONSE(response, nullptr);
    if (size <= 0)
        return {};
    QByteArray der(size, '\0');
    auto* out = reinterpret_cast<unsigned char*>(der.data());
    i2d_OCSP_RESPONSE(response, &out);
    return der;
}

QByteArray statusOnly(int status)
{
    Response response(OCSP_response_create(status, nullptr));
    return encode(response.get());
}

Request parse(const QByteArray& der)
{
    if (der.isEmpty() || der.size() > OcspResponder::kMaxRequestBytes)
        return nullptr;
    const auto* in = reinterpret_cast<const unsigned char*>(der.constData());
    Request request(d2i_OCSP_REQUEST(nullptr, &in, long(der.size())));
    // Trailing bytes after the request are no part of it: refuse rather than ignore them.
    if (request && in != reinterpret_cast<const unsigned char*>(der.constData()) + der.size())
        return nullptr;
    return request;
}

ossl::Asn1Time asn1Time(const QDateTime& at)
{
    return ossl::Asn1Time(ASN1_TIME_set(nullptr, time_t(at.toSecsSinceEpoch())));
}

} // namespace

OcspResponder::OcspResponder(const CertificateAuthority& ca, const Certificate& signer, const PrivateKey& signerKey)
    : m_ca(ca)
    , m_signer(signer)
    , m_signerKey(signerKey)
{
}

Result<QStringList> OcspResponder::requestedSerials(const QByteArray& requestDer)
{
    Request request = parse(requestDer);
    if (!request)
        return openSslError(ErrorCode::InvalidArgument, QStringLiteral("not an OCSP request"));
    QStringList serials;
    const int count = OCSP_request_onereq_count(request.get());
    for (int i = 0; i < count; ++i) {
        ASN1_INTEGER* serial = nullptr;
        OCSP_id_get0_info(nullptr, nullptr, nullptr, &serial, OCSP_onereq_get0_id(OCSP_request_onereq_get0(request.get(), i)));
        serials << (serial ? ossl::serialHex(serial) : QString());
    }
    return serials;
}

QByteArray OcspResponder::respond(const QByteArray& requestDer, const Lookup& lookup, const QDateTime& now) const
{
    clearOpenSslErrors();
    Request request = parse(requestDer);
    const int count = request ? OCSP_request_onereq_count(request.get()) : 0;
    if (!request || count < 1 || count > 32)
        return statusOnly(OCSP_RESPONSE_STATUS_MALFORMEDREQUEST);

    BasicResponse basic(OCSP_BASICRESP_new());
    const ossl::Asn1Time thisUpdate = asn1Time(now);
    const ossl::Asn1Time nextUpdate = asn1Time(now.addSecs(kValiditySeconds));
    for (int i = 0; i < count; ++i) {
        OCSP_CERTID* asked = OCSP_onereq_get0_id(OCSP_request_onereq_get0(request.get(), i));
        ASN1_OBJECT* hashAlgorithm = nullptr;
        ASN1_INTEGER* serial = nullptr;
        OCSP_id_get0_info(nullptr, &hashAlgorithm, nullptr, &serial, asked);
        const EVP_MD* md = hashAlgorithm ? EVP_get_digestbyobj(hashAlgorithm) : nullptr;
        // The request names its issuer by hashes of its name and key, in a digest of its choice.
        CertId ours(md ? OCSP_cert_id_new(md, X509_get_subject_name(m_ca.certificate().native()),
                             X509_get0_pubkey_bitstr(m_ca.certificate().native()), serial)
                       : nullptr);
        OcspCertificateStatus status;
        if (ours && OCSP_id_issuer_cmp(ours.get(), asked) == 0) {
            auto found = lookup(ossl::serialHex(serial));
            if (!found)
                return statusOnly(OCSP_RESPONSE_STATUS_INTERNALERROR);
            status = *found;
        }
        switch (status.kind) {
        case OcspCertificateStatus::Kind::Good:
            OCSP_basic_add1_status(basic.get(), asked, V_OCSP_CERTSTATUS_GOOD, 0, nullptr, thisUpdate.get(), nextUpdate.get());
            break;
        case OcspCertificateStatus::Kind::Revoked: {
            const ossl::Asn1Time revokedAt = asn1Time(status.revokedAt);
            // RFC 5280: "unspecified" is said by leaving the reason out.
            const int reason = status.reason == RevocationReason::Unspecified ? -1 : int(status.reason);
            OCSP_basic_add1_status(basic.get(), asked, V_OCSP_CERTSTATUS_REVOKED, reason, revokedAt.get(), thisUpdate.get(), nextUpdate.get());
            break;
        }
        case OcspCertificateStatus::Kind::Unknown:
            // No nextUpdate: an answer about a certificate we do not know is not to be kept.
            OCSP_basic_add1_status(basic.get(), asked, V_OCSP_CERTSTATUS_UNKNOWN, 0, nullptr, thisUpdate.get(), nullptr);
            break;
        }
    }
    if (OCSP_copy_nonce(basic.get(), request.get()) <= 0)
        return statusOnly(OCSP_RESPONSE_STATUS_INTERNALERROR);
    // Signed by the delegated responder, whose certificate travels with the answer so that a
    // client trusting only the CA can check the delegation.
    if (OCSP_basic_sign(basic.get(), m_signer.native(), m_signerKey.native(), EVP_sha256(), nullptr, 0) != 1)
        return statusOnly(OCSP_RESPONSE_STATUS_INTERNALERROR);
    Response response(OCSP_response_create(OCSP_RESPONSE_STATUS_SUCCESSFUL, basic.get()));
    return encode(response.get());
}

} // namespace lanyard
