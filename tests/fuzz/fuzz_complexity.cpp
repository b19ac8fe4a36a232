// Fuzzes the code complexity grammar: parsing never crashes, and whatever parses round-trips
// through toString() and generates codes that the grammar accepts.
#include "pki/AuthCode.h"
#include "pki/CodeComplexity.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    auto parsed = lanyard::CodeComplexity::parse(text);
    if (!parsed)
        return 0;
    auto again = lanyard::CodeComplexity::parse(parsed->toString());
    if (!again || again->toString() != parsed->toString())
        std::abort();
    if (parsed->maxLength() <= 16) {
        const QString code = lanyard::AuthCode::generate(*parsed);
        if (!parsed->accepts(code) || code.size() != parsed->maxLength())
            std::abort();
    }
    return 0;
}
