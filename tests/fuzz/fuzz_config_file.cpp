// Fuzzes the configuration file parser: it never crashes, and whatever it accepts holds only
// known keys, each with a non-empty trimmed value on a line that exists, and reads back the
// same from the lines it names.
#include "core/ConfigFile.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QStringList known { QStringLiteral("db"), QStringLiteral("key-file"), QStringLiteral("listen"), QStringLiteral("tls-cert") };
    const QByteArray text(reinterpret_cast<const char*>(data), qsizetype(size));
    auto parsed = lanyard::ConfigFile::parse(text, known, QStringLiteral("fuzz.conf"));
    if (!parsed)
        return 0;
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    for (const QString& key : parsed->keys()) {
        const QString value = parsed->value(key);
        if (!known.contains(key) || value.isEmpty() || value != value.trimmed())
            std::abort();
        const int line = parsed->lineOf(key);
        if (line < 1 || line > lines.size() || !lines.at(line - 1).contains(value))
            std::abort();
    }
    return 0;
}
