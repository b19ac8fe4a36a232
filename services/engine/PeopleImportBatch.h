#pragma once

#include "Person.h"
#include "core/Error.h"

#include <QList>
#include <QStringList>

namespace lanyard {

inline constexpr int kMaxImportRows = 1000; // rows in one batch

// One row of a file import: the line it came from and the fields read from it.
struct ImportedPerson {
    int line = 0;
    PersonDetails details;

    bool operator==(const ImportedPerson&) const = default;
};

// Rows sent together. `fields` names (by wire name) the fields the file holds: only those
// are written, and an empty cell leaves what is stored. A person is matched by employee id,
// else by logon name, so the same file imported twice changes nothing the second time.
struct PeopleImportBatch {
    QStringList fields;
    QList<ImportedPerson> rows;
    qint64 roleForNew = 0; // a role given to each person the import adds; 0 for none
    bool dryRun = false; // everything checked and reported, nothing kept

    bool operator==(const PeopleImportBatch&) const = default;
};

enum class ImportAction { Added, Updated, Unchanged, Refused };
QString importActionId(ImportAction a);
bool importActionFromId(const QString& id, ImportAction* a);

struct ImportOutcome {
    int line = 0;
    ImportAction action = ImportAction::Refused;
    qint64 personId = 0;
    QString logonName;
    QStringList changed; // fields an update changed
    Error error; // why a row was refused (args: problem, field)

    bool operator==(const ImportOutcome& o) const
    {
        return line == o.line && action == o.action && personId == o.personId && logonName == o.logonName && changed == o.changed
            && error.code == o.error.code && error.args == o.error.args;
    }
};

} // namespace lanyard
