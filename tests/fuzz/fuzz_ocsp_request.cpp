// Fuzzes the OCSP responder with whatever a stranger may POST to /ocsp: it never crashes, and
// always answers with a DER OCSPResponse (successful, or malformedRequest).
#include "pki/CertificateAuthority.h"
#include "pki/OcspResponder.h"

#include <openssl/ocsp.h>

#include <cstdlib>

namespace {
struct Authority {
    lanyard::CertificateAuthority ca;
    lanyard::Certificate signer;
    lanyard::PrivateKey signerKey;
    Authority()
    {
        ca = *lanyard::CertificateAuthority::createRoot({ { QStringLiteral("CN"), QStringLiteral("Fuzz CA") } }, lanyard::KeyAlgorithm::EcP256, 30);
        signerKey = *lanyard::PrivateKey::generate(lanyard::KeyAlgorithm::EcP256);
        lanyard::IssuanceParameters p;
        p.subject = { { QStringLiteral("CN"), QStringLiteral("Fuzz OCSP") } };
        p.extendedKeyUsage = QStringLiteral("1.3.6.1.5.5.7.3.9");
        p.ocspNoCheck = true;
        signer = *ca.issueForKey(signerKey, p);
    }
};
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const Authority authority;
    const QByteArray request(reinterpret_cast<const char*>(data), qsizetype(size));
    (void)lanyard::OcspResponder::requestedSerials(request);
    const lanyard::OcspResponder responder(authority.ca, authority.signer, authority.signerKey);
    int asked = 0;
    const QByteArray answer = responder.respond(
        request,
        [&](const QString& serial) -> lanyard::Result<lanyard::OcspCertificateStatus> {
            ++asked;
            lanyard::OcspCertificateStatus s;
            s.kind = serial.endsWith(QLatin1Char('1')) ? lanyard::OcspCertificateStatus::Kind::Revoked : lanyard::OcspCertificateStatus::Kind::Good;
            s.revokedAt = QDateTime::currentDateTimeUtc();
            return s;
        },
        QDateTime::currentDateTimeUtc());
    const auto* in = reinterpret_cast<const unsigned char*>(answer.constData());
    OCSP_RESPONSE* parsed = d2i_OCSP_RESPONSE(nullptr, &in, long(answer.size()));
    if (!parsed)
        std::abort();
    const int status = OCSP_response_status(parsed);
    OCSP_RESPONSE_free(parsed);
    if (status != OCSP_RESPONSE_STATUS_SUCCESSFUL && status != OCSP_RESPONSE_STATUS_MALFORMEDREQUEST)
        std::abort();
    return 0;
}
