// Fuzzes how a directory entry is read as a person: whatever a directory (or someone who
// controls one) sends in its attributes, the reader answers a person or a named refusal,
// never crashes; what it accepts has an id; the stored form of its fields is decided by the
// same rules as any other person's; and DN keys are stable.
#include "engine/DirectoryEntryReader.h"
#include "engine/PersonRules.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace lanyard;
    // Fields separated by NUL: dn, then one value for each attribute below.
    const QList<QByteArray> parts = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size)).split('\0');
    static const char* const names[] = { "objectGUID", "entryUUID", "sAMAccountName", "uid", "displayName", "cn", "mail", "mobile", "userPrincipalName",
        "department", "employeeID", "employeeNumber", "userAccountControl", "employeeType", "uSNChanged", "entryCSN" };
    LdapEntry entry;
    entry.dn = QString::fromUtf8(parts.value(0));
    for (int i = 0; i < int(std::size(names)) && i + 1 < parts.size(); ++i)
        entry.values.insert(QString::fromLatin1(names[i]).toLower(), { parts.at(i + 1) });
    for (DirectoryConfig::Kind kind : { DirectoryConfig::Kind::ActiveDirectory, DirectoryConfig::Kind::OpenLdap }) {
        DirectoryConfig config = DirectoryConfig::defaultsFor(kind);
        if (kind == DirectoryConfig::Kind::OpenLdap) {
            config.disabledBy = DirectoryConfig::DisabledBy::Attribute;
            config.disabledAttribute = QStringLiteral("employeeType");
            config.disabledValue = QStringLiteral("disabled");
        }
        const DirectoryEntryReader reader(config);
        auto person = reader.read(entry);
        if (!person) {
            if (person.error().code != ErrorCode::InvalidArgument || person.error().args.value(QStringLiteral("problem")).toString().isEmpty())
                std::abort();
            continue;
        }
        if (person->directoryId.isEmpty() || person->directoryId != reader.idOf(entry))
            std::abort();
        PersonDetails details;
        for (auto it = person->fields.cbegin(); it != person->fields.cend(); ++it)
            PersonRules::setValue(details, it.key(), it.value());
        if (auto normal = PersonRules::normalise(details); normal) {
            auto again = PersonRules::normalise(*normal);
            if (!again || *again != *normal)
                std::abort();
        }
        (void)reader.isLater(person->changeMark, QStringLiteral("20260101000000Z"));
        (void)reader.changedSince(person->changeMark);
    }
    const QString key = DirectoryEntryReader::dnKey(entry.dn);
    if (DirectoryEntryReader::dnKey(key) != key)
        std::abort();
    return 0;
}
