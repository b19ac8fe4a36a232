// Fuzzes the BER-TLV reader with bytes as a card might send them: it refuses or accepts, never
// crashes, and what it accepts survives a round trip (parse ∘ encode is the identity on the
// elements, whatever padding or long-form lengths the input used).
#include "cards/BerTlv.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    auto parsed = lanyard::BerTlv::parse(bytes);
    if (!parsed) {
        if (parsed.error().code != lanyard::ErrorCode::CardError)
            std::abort();
        return 0;
    }
    QByteArray encoded;
    for (const lanyard::Tlv& e : *parsed)
        encoded += lanyard::BerTlv::encode(e.tag, e.value);
    auto again = lanyard::BerTlv::parse(encoded);
    if (!again || again->size() != parsed->size())
        std::abort();
    for (qsizetype i = 0; i < parsed->size(); ++i) {
        if (again->at(i).tag != parsed->at(i).tag || again->at(i).value != parsed->at(i).value)
            std::abort();
    }
    return 0;
}
