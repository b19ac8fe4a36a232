// Fuzzes CHUID and FASC-N decoding. A FASC-N that decodes encodes back to the same 25 bytes
// (parity and LRC included); a CHUID that parses keeps its identifiers through a round trip.
#include "cards/Chuid.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    if (bytes.size() >= 25) {
        auto fascn = lanyard::Fascn::decode(bytes.left(25));
        if (fascn) {
            auto encoded = fascn->encode();
            if (!encoded || *encoded != bytes.left(25) || fascn->digits().size() != 32)
                std::abort();
        }
    }
    auto chuid = lanyard::Chuid::parse(bytes);
    if (!chuid)
        return 0;
    // What the issuer signed is always a prefix of the object, ending where the signature begins.
    if (!bytes.startsWith(chuid->signedContent))
        std::abort();
    auto encoded = chuid->encode();
    if (!encoded)
        std::abort();
    auto again = lanyard::Chuid::parse(*encoded);
    if (!again || again->guid != chuid->guid || again->expiry != chuid->expiry || !(again->fascn == chuid->fascn)
        || again->cardholderUuid != chuid->cardholderUuid)
        std::abort();
    return 0;
}
