#pragma once

#include "DirectoryConfig.h"
#include "directory/LdapConnection.h"

#include <QMap>
#include <QString>

namespace lanyard {

// A directory entry read as a person: the stable id, the mapped fields as text, whether the
// directory disabled the account, and the entry's change mark.
struct DirectoryPerson {
    QString dn;
    QString directoryId;
    QMap<QString, QString> fields; // every mapped field; empty when the entry lacks it
    bool disabled = false;
    QString changeMark; // modifyTimestamp or uSNChanged, as the directory wrote it
};

// Reads entries the way the configuration says. Whatever the directory sends is checked:
// text must be UTF-8, the id present, the account-control value a number. Refusals are
// invalid-argument with args problem (directory-id-missing, directory-encoding,
// directory-account-control) and field.
class DirectoryEntryReader {
public:
    explicit DirectoryEntryReader(const DirectoryConfig& config);

    // The attributes a sync asks for.
    QStringList attributes() const;
    // The attributes that say whether an entry is there and enabled.
    QStringList presenceAttributes() const;
    // The entry's stable id (objectGUID as its usual text form), or empty.
    QString idOf(const LdapEntry& entry) const;
    Result<DirectoryPerson> read(const LdapEntry& entry) const;

    // Orders two change marks of the configured attribute (timestamps as text, USNs as numbers).
    bool isLater(const QString& mark, const QString& than) const;
    // The filter for entries changed at or after `mark`.
    QString changedSince(const QString& mark) const;
    // A DN in one spelling, for comparing member lists with entries.
    static QString dnKey(const QString& dn);

private:
    const DirectoryConfig& m_config;
};

} // namespace lanyard
