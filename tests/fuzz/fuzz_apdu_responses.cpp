// Fuzzes how the PIV client and the APDU transport take a card's answers: the input is a
// script of responses (each a 1-byte length and that many bytes), served in turn to every
// command the client sends. Chained GET RESPONSEs, odd status words, short answers and
// malformed TLVs must end in an error value, never a crash or unbounded growth.
#include "cards/PivClient.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray script(reinterpret_cast<const char*>(data), qsizetype(size));
    qsizetype offset = 0;
    int exchanges = 0;
    lanyard::ApduTransport transport([&](const QByteArray&) -> lanyard::Result<QByteArray> {
        ++exchanges;
        if (offset >= script.size())
            return lanyard::Error(lanyard::ErrorCode::NoCard, QStringLiteral("script ended"));
        const int n = quint8(script.at(offset++));
        QByteArray answer = script.mid(offset, n);
        offset += n;
        return answer;
    });
    lanyard::PivClient piv(transport);
    (void)piv.select();
    (void)piv.readChuid();
    auto cert = piv.readCertificate(lanyard::PivSlot::Authentication);
    if (cert && cert->size() > lanyard::ApduTransport::kMaxResponse)
        std::abort();
    (void)piv.pinStatus();
    (void)piv.verifyPin(QStringLiteral("123456"));
    (void)piv.generalAuthenticate(lanyard::PivAlgorithm::EcP256, lanyard::PivSlot::Authentication, QByteArray(32, 'h'));
    if (exchanges > 2000)
        std::abort();
    return 0;
}
