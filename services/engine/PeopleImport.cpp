#include "PeopleImport.h"

#include "AuditLog.h"
#include "PeopleService.h"
#include "PersonAdministration.h"
#include "PersonRules.h"
#include "core/IdTable.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

namespace lanyard {

namespace {
constexpr auto kActions = makeIdTable<ImportAction>(std::pair { ImportAction::Added, "added" }, std::pair { ImportAction::Updated, "updated" },
    std::pair { ImportAction::Unchanged, "unchanged" }, std::pair { ImportAction::Refused, "refused" });

// Header names a file may use for each field, in lower case.
const QList<std::pair<const char*, QStringList>>& aliases()
{
    static const QList<std::pair<const char*, QStringList>> list {
        { "logonName", { "logonname", "logon", "username", "user", "login", "samaccountname", "uid" } },
        { "fullName", { "fullname", "name", "displayname", "cn", "full name", "display name" } },
        { "email", { "email", "e-mail", "mail", "email address" } },
        { "mobile", { "mobile", "mobilephone", "mobile phone", "phone", "cell" } },
        { "userPrincipalName", { "userprincipalname", "upn" } },
        { "group", { "group", "department", "dept", "team", "ou" } },
        { "employeeId", { "employeeid", "employee id", "employeenumber", "staff number", "personnel number" } },
        { "fascn", { "fascn", "fasc-n" } },
        { "cardUuid", { "carduuid", "card uuid", "uuid" } },
    };
    return list;
}

Result<qint64> personWhere(const QSqlDatabase& db, const char* condition, const QString& value, bool* removed)
{
    auto row = fetchOne(db, QStringLiteral("SELECT id, removed_at FROM people WHERE %1 LIMIT 1").arg(QLatin1String(condition)), { value });
    if (!row)
        return row.error();
    if (row->isEmpty())
        return qint64(0);
    *removed = !row->value("removed_at").isNull();
    return row->value("id").toLongLong();
}
} // namespace

QString importActionId(ImportAction a)
{
    return kActions.id(a);
}

bool importActionFromId(const QString& id, ImportAction* a)
{
    const auto found = kActions.find(id);
    if (found)
        *a = *found;
    return found.has_value();
}

PeopleImport::PeopleImport(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

QHash<QString, int> PeopleImport::guessColumns(const QStringList& header)
{
    QHash<QString, int> out;
    for (int column = 0; column < header.size(); ++column) {
        const QString name = header.at(column).trimmed().toLower();
        for (const auto& [field, names] : aliases()) {
            if (names.contains(name) && !out.contains(QLatin1String(field))) {
                out.insert(QLatin1String(field), column);
                break;
            }
        }
    }
    return out;
}

QList<ImportedPerson> PeopleImport::rowsOf(const CsvTable& table, const QHash<QString, int>& columns, QList<ImportOutcome>* refused)
{
    QList<ImportedPerson> out;
    for (int i = 0; i < table.rows.size(); ++i) {
        const QStringList& cells = table.rows.at(i);
        if (cells.size() != table.header.size()) {
            ImportOutcome bad;
            bad.line = table.lines.at(i);
            bad.error = Error(ErrorCode::InvalidArgument, QStringLiteral("line %1 has %2 field(s), the header %3").arg(bad.line).arg(cells.size()).arg(table.header.size()),
                { { QStringLiteral("problem"), QStringLiteral("csv-columns") }, { QStringLiteral("found"), int(cells.size()) },
                    { QStringLiteral("expected"), int(table.header.size()) } });
            if (refused)
                *refused << bad;
            continue;
        }
        ImportedPerson person;
        person.line = table.lines.at(i);
        for (auto it = columns.cbegin(); it != columns.cend(); ++it) {
            if (it.value() >= 0 && it.value() < cells.size())
                PersonRules::setValue(person.details, it.key(), cells.at(it.value()));
        }
        out << person;
    }
    return out;
}

Result<ImportOutcome> PeopleImport::applyRow(const AccessControl& ac, const PeopleImportBatch& batch, const ImportedPerson& row)
{
    ImportOutcome out;
    out.line = row.line;
    out.logonName = row.details.logonName.trimmed();
    const QString employeeId = batch.fields.contains(QStringLiteral("employeeId")) ? row.details.employeeId.trimmed() : QString();
    const QString logon = batch.fields.contains(QStringLiteral("logonName")) ? row.details.logonName.trimmed() : QString();
    bool removedByEmployee = false, removedByLogon = false;
    auto byEmployee = employeeId.isEmpty() ? Result<qint64>(qint64(0)) : personWhere(m_db, "employee_id = ?", employeeId, &removedByEmployee);
    if (!byEmployee)
        return byEmployee.error();
    auto byLogon = logon.isEmpty() ? Result<qint64>(qint64(0)) : personWhere(m_db, "lower(logon_name) = lower(?)", logon, &removedByLogon);
    if (!byLogon)
        return byLogon.error();
    if (*byEmployee > 0 && *byLogon > 0 && *byEmployee != *byLogon)
        return Error(ErrorCode::Conflict, QStringLiteral("employee id %1 and logon name %2 belong to two people").arg(employeeId, logon),
            { { QStringLiteral("problem"), QStringLiteral("import-two-people") }, { QStringLiteral("employeeId"), employeeId }, { QStringLiteral("logonName"), logon } });
    const qint64 match = *byEmployee > 0 ? *byEmployee : *byLogon;
    if (match > 0 && (*byEmployee > 0 ? removedByEmployee : removedByLogon)) {
        const QString field = *byEmployee > 0 ? QStringLiteral("employeeId") : QStringLiteral("logonName");
        return Error(ErrorCode::Conflict, QStringLiteral("%1 belongs to a removed person").arg(field),
            { { QStringLiteral("problem"), QStringLiteral("person-field-taken") }, { QStringLiteral("field"), field },
                { QStringLiteral("value"), *byEmployee > 0 ? employeeId : logon }, { QStringLiteral("removed"), true } });
    }
    PersonAdministration people(m_ctx, m_db);
    if (match == 0) {
        auto added = people.add(ac, row.details);
        if (!added)
            return added.error();
        if (batch.roleForNew > 0) {
            if (auto r = people.setRoles(ac, added->id, { batch.roleForNew }); !r)
                return r.error();
        }
        out.action = ImportAction::Added;
        out.personId = added->id;
        out.logonName = added->logonName;
        return out;
    }
    auto current = PeopleService(m_ctx, m_db).load(match);
    if (!current)
        return current.error();
    PersonDetails wanted = PersonRules::detailsOf(*current);
    for (const QString& field : batch.fields) {
        const QString value = PersonRules::valueOf(row.details, field);
        if (value.trimmed().isEmpty())
            continue; // an empty cell leaves what is stored
        PersonRules::setValue(wanted, field, value);
    }
    out.personId = match;
    out.logonName = current->logonName;
    auto normal = PersonRules::normalise(wanted);
    if (!normal)
        return normal.error();
    out.changed = PersonRules::changedFields(PersonRules::detailsOf(*current), *normal);
    if (out.changed.isEmpty()) {
        out.action = ImportAction::Unchanged;
        return out;
    }
    auto edited = people.edit(ac, match, wanted);
    if (!edited)
        return edited.error();
    out.action = ImportAction::Updated;
    out.logonName = edited->logonName;
    return out;
}

Result<QList<ImportOutcome>> PeopleImport::apply(const AccessControl& ac, const PeopleImportBatch& batch)
{
    if (!ac.allows(Workflow::AddPerson) && !ac.allows(Workflow::EditPeople))
        return ac.require(Workflow::AddPerson).error();
    for (const QString& field : batch.fields) {
        if (!PersonRules::fieldNames().contains(field))
            return Error(ErrorCode::InvalidArgument, QStringLiteral("no person field '%1'").arg(field.left(40)),
                { { QStringLiteral("problem"), QStringLiteral("import-field-unknown") }, { QStringLiteral("field"), field.left(40) } });
    }
    if (!batch.fields.contains(QStringLiteral("logonName")) && !batch.fields.contains(QStringLiteral("employeeId")))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("an import needs a column for the logon name or the employee id, to find each person by"),
            { { QStringLiteral("problem"), QStringLiteral("import-key-missing") } });
    if (batch.rows.size() > kMaxRows)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("at most %1 rows at a time").arg(kMaxRows),
            { { QStringLiteral("problem"), QStringLiteral("import-batch-size") }, { QStringLiteral("maximum"), kMaxRows } });
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    QList<ImportOutcome> outcomes;
    QHash<ImportAction, int> counts;
    for (const ImportedPerson& row : batch.rows) {
        // Each row in its own savepoint: applied whole, or left out whole.
        Transaction rowTx(m_db, m_ctx.dialect());
        if (auto r = rowTx.begin(); !r)
            return r.error();
        auto outcome = applyRow(ac, batch, row);
        if (!outcome) {
            if (outcome.error().code == ErrorCode::StorageFailure || outcome.error().code == ErrorCode::StorageBusy)
                return outcome.error(); // the database, not the row
            ImportOutcome refused;
            refused.line = row.line;
            refused.logonName = row.details.logonName.trimmed();
            refused.error = outcome.error();
            outcomes << refused;
            ++counts[ImportAction::Refused];
            continue;
        }
        if (auto r = rowTx.commit(); !r)
            return r.error();
        ++counts[outcome->action];
        outcomes << *outcome;
    }
    if (batch.dryRun)
        return outcomes; // the transaction is never committed
    AuditEvent e = AuditLog::event(m_ctx.now(), &ac, workflowId(Workflow::AddPerson), QStringLiteral("people"), QString(), QStringLiteral("import"),
        QStringLiteral("import of %1 row(s): %2 added, %3 updated, %4 unchanged, %5 refused")
            .arg(batch.rows.size())
            .arg(counts.value(ImportAction::Added))
            .arg(counts.value(ImportAction::Updated))
            .arg(counts.value(ImportAction::Unchanged))
            .arg(counts.value(ImportAction::Refused)));
    if (auto r = AuditLog(m_db, m_ctx).append(e); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return outcomes;
}

} // namespace lanyard
