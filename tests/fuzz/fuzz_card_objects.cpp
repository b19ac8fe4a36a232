// Fuzzes what a PIV card hands over that Lanyard parses beyond BER-TLV: a compressed
// certificate (gzip, bounded), the CHUID's issuer signature (CMS over detached content) and the
// identifiers in a certificate's subjectAltName (FASC-N otherName, urn:uuid URI). None may
// crash, read out of bounds or produce more than its bound.
#include "cards/CompressedCertificate.h"
#include "pki/Certificate.h"
#include "pki/DetachedSignature.h"

#include <QUuid>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    if (auto inflated = lanyard::CompressedCertificate::inflate(bytes); inflated && inflated->size() > lanyard::CompressedCertificate::kMaxCertificateBytes)
        std::abort();
    // The first byte splits the rest into a signature and the content it claims to sign.
    const qsizetype split = bytes.isEmpty() ? 0 : qsizetype(quint8(bytes.at(0))) * bytes.size() / 256;
    if (auto signer = lanyard::DetachedSignature::verify(bytes.mid(1, split), bytes.mid(1 + split), lanyard::DetachedSignature::kChuidContentType); signer && signer->isNull())
        std::abort();
    if (auto certificate = lanyard::Certificate::fromDer(bytes)) {
        const QByteArray fascn = certificate->fascnBytes();
        const QString uuid = certificate->cardUuid();
        if (fascn.size() > bytes.size() || uuid.size() > bytes.size())
            std::abort();
        (void)certificate->hasExtendedKeyUsage(lanyard::DetachedSignature::kPivContentSigningUsage);
    }
    return 0;
}
