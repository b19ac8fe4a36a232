// Fuzzes the agent's reading of a QR code's text: anything else than https://HOST/c/TOKEN is
// refused with the qr-payload problem, never a crash; what it accepts is an https base URL
// without path, query or fragment, and a token of URL-safe characters.
#include "agent/CollectionAgent.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    auto parsed = lanyard::CollectionAgent::parsePayload(text);
    if (!parsed) {
        if (parsed.error().args.value(QStringLiteral("problem")) != QLatin1String("qr-payload"))
            std::abort();
        return 0;
    }
    const auto& [base, token] = *parsed;
    if (base.scheme() != QLatin1String("https") || base.host().isEmpty() || !base.path().isEmpty() || base.hasQuery() || base.hasFragment())
        std::abort();
    if (token.size() < 16 || token.size() > 64)
        std::abort();
    for (QChar c : token)
        if (!((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_'))
            std::abort();
    return 0;
}
