// Fuzzes the DN template and DN parsers: never crash; an escaped field value always stays a
// single attribute value, whatever it contains.
#include "pki/DnTemplate.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    (void)lanyard::DnTemplate::parseDn(text);
    auto tmpl = lanyard::DnTemplate::parse(text);
    if (tmpl) {
        QHash<QString, QString> fields;
        for (const QString& f : lanyard::DnTemplate::knownFields())
            fields.insert(f, text);
        (void)tmpl->render(fields);
    }
    // The escaping property, with the input as the value.
    auto single = lanyard::DnTemplate::parse(QStringLiteral("CN=[[People.FullName]]"));
    auto rendered = single->render({ { QStringLiteral("People.FullName"), text } });
    if (!rendered)
        std::abort();
    const QString expected = text.trimmed().isEmpty() ? QString() : text;
    if (!expected.isEmpty() && (rendered->size() != 1 || rendered->first().second != text))
        std::abort();
    return 0;
}
