#include "PeopleService.h"

#include "AuditLog.h"
#include "PersonRules.h"
#include "pki/SecretHash.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <tuple>

namespace lanyard {

namespace {
constexpr const char* kPersonColumns = "p.id, p.logon_name, p.full_name, p.email, p.mobile, p.upn, p.group_name, p.enabled, p.fascn, p.card_uuid, p.employee_id, p.removed_at, p.directory_dn";

Person readPerson(const SqlRow& row)
{
    Person p;
    p.id = row.value("id").toLongLong();
    p.logonName = row.value("logon_name").toString();
    p.fullName = row.value("full_name").toString();
    p.email = row.value("email").toString();
    p.mobile = row.value("mobile").toString();
    p.userPrincipalName = row.value("upn").toString();
    p.group = row.value("group_name").toString();
    p.enabled = row.value("enabled").toInt() != 0;
    p.fascn = row.value("fascn").toString();
    p.cardUuid = row.value("card_uuid").toString();
    p.employeeId = row.value("employee_id").toString();
    p.removed = !row.value("removed_at").isNull();
    p.directoryDn = row.value("directory_dn").toString();
    return p;
}

// Upper bound for a prefix range scan; works with any index and collation-free keys.
QString prefixEnd(const QString& prefix)
{
    return prefix + QChar(0xFFFF);
}
} // namespace

PeopleService::PeopleService(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

QString PeopleService::nameKey(const QString& fullName)
{
    return fullName.simplified().toLower();
}

Result<OperatorSession> PeopleService::logon(const QString& logonName, const QString& password)
{
    if (logonName.size() > kMaxLogonNameLength || password.size() > kMaxPasswordLength)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("a logon name has at most %1 characters and a password at most %2").arg(kMaxLogonNameLength).arg(kMaxPasswordLength),
            { { QStringLiteral("problem"), QStringLiteral("logon-too-long") } });
    auto row = fetchOne(m_db, QStringLiteral("SELECT id, full_name, enabled, password_hash FROM people WHERE logon_name = ?"), { logonName.trimmed() });
    if (!row)
        return row.error();
    const bool found = !row->isEmpty();
    const QString hash = found ? row->value("password_hash").toString() : QString();
    // Verify even for unknown names, at the same cost, so timing does not tell which exist.
    static const QString kDummy = SecretHash::make(QStringLiteral("no-such-operator"));
    const bool matches = SecretHash::verify(password, hash.isEmpty() ? kDummy : hash);
    const bool passwordOk = found && !hash.isEmpty() && matches;
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    AuditEvent e;
    e.at = m_ctx.now();
    e.workflow = QStringLiteral("logon");
    e.targetType = QStringLiteral("person");
    e.targetLabel = logonName.trimmed();
    e.operatorName = logonName.trimmed();
    if (found) {
        e.operatorId = row->value("id").toLongLong();
        e.personId = e.operatorId;
        e.targetId = QString::number(e.operatorId);
    }
    const bool enabled = found && row->value("enabled").toInt() != 0;
    e.outcome = passwordOk && enabled ? QStringLiteral("success") : QStringLiteral("refused");
    e.details = !passwordOk ? QStringLiteral("wrong logon name or password") : (!enabled ? QStringLiteral("account disabled") : QString());
    if (auto r = AuditLog(m_db, m_ctx).append(e); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    if (!passwordOk)
        return Error(ErrorCode::LogonFailed, QStringLiteral("logon failed for '%1'").arg(logonName));
    if (!enabled)
        return Error(ErrorCode::AccountDisabled, QStringLiteral("'%1' is disabled").arg(logonName));
    OperatorSession s;
    s.personId = row->value("id").toLongLong();
    s.logonName = logonName.trimmed();
    s.fullName = row->value("full_name").toString();
    return s;
}

Result<PersonPage> PeopleService::find(const AccessControl& ac, const PersonQuery& query)
{
    if (auto r = ac.require(Workflow::FindPerson); !r)
        return r.error();
    QVariantList binds;
    QString where = ac.scopeCondition(Workflow::FindPerson, &binds) + QStringLiteral(" AND p.removed_at IS NULL");
    const QString text = query.text.trimmed();
    QString order = QStringLiteral("p.full_name_key, p.id");
    if (text.startsWith(QLatin1String("group:"), Qt::CaseInsensitive)) {
        where += QStringLiteral(" AND p.group_name = ?");
        binds << text.mid(6).trimmed();
        order = QStringLiteral("p.group_name, p.full_name_key, p.id");
    } else if (!text.isEmpty()) {
        const QString key = nameKey(text);
        where += QStringLiteral(" AND ((p.full_name_key >= ? AND p.full_name_key < ?) OR (p.logon_name >= ? AND p.logon_name < ?)"
                                " OR (p.email >= ? AND p.email < ?))");
        binds << key << prefixEnd(key) << text << prefixEnd(text) << text.toLower() << prefixEnd(text.toLower());
    }
    const int limit = qBound(1, query.limit, 1000);
    auto q = exec(m_db,
        QStringLiteral("SELECT %1 FROM people p WHERE %2 ORDER BY %3 LIMIT %4 OFFSET %5")
            .arg(QLatin1String(kPersonColumns), where, order)
            .arg(limit + 1)
            .arg(qMax(0, query.offset)),
        binds);
    if (!q)
        return q.error();
    PersonPage page;
    const SqlRow row(*q);
    while (q->next()) {
        if (page.people.size() == limit) {
            page.more = true;
            break;
        }
        page.people.append(readPerson(row));
    }
    return page;
}

Result<Person> PeopleService::load(qint64 id)
{
    auto row = fetchOne(m_db, QStringLiteral("SELECT %1 FROM people p WHERE p.id = ?").arg(QLatin1String(kPersonColumns)), { id });
    if (!row)
        return row.error();
    if (row->isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("no such person"), { { QStringLiteral("what"), QStringLiteral("person") } });
    Person p = readPerson(*row);
    auto roles = exec(m_db, QStringLiteral("SELECT r.name FROM roles r JOIN person_roles pr ON pr.role_id = r.id WHERE pr.person_id = ? ORDER BY r.name"), { id });
    if (!roles)
        return roles.error();
    const SqlRow role(*roles);
    while (roles->next())
        p.roles.append(role.value("name").toString());
    if (!p.directoryDn.isEmpty()) {
        auto fields = exec(m_db, QStringLiteral("SELECT field FROM directory_attributes ORDER BY field"));
        if (!fields)
            return fields.error();
        const SqlRow field(*fields);
        while (fields->next())
            p.directoryFields.append(field.value("field").toString());
    }
    return p;
}

Result<Person> PeopleService::get(const AccessControl& ac, qint64 id)
{
    auto p = load(id);
    if (!p)
        return p;
    // Everyone may read their own record (Self-Service); anyone else needs Find Person.
    if (p->id == ac.operatorPerson().id)
        return p;
    if (p->removed)
        return Error(ErrorCode::NotFound, QStringLiteral("no such person"), { { QStringLiteral("what"), QStringLiteral("person") } });
    if (auto r = ac.requireTarget(Workflow::FindPerson, *p); !r)
        return r.error(); // out of scope answers as absent does
    return p;
}

Result<qint64> PeopleService::createRole(const Role& role)
{
    auto row = fetchOne(m_db, QStringLiteral("INSERT INTO roles (name, scope, workflows) VALUES (?, ?, ?) RETURNING id"),
        { role.name, scopeId(role.scope), role.workflowIds() });
    if (!row)
        return row.error();
    return row->value("id").toLongLong();
}

Result<qint64> PeopleService::createPerson(const Person& p, const QString& password)
{
    auto details = PersonRules::normalise(PersonRules::detailsOf(p));
    if (!details)
        return details.error();
    if (auto r = PersonRules::requireUnique(m_db, *details, 0); !r)
        return r.error();
    auto row = fetchOne(m_db,
        QStringLiteral("INSERT INTO people (logon_name, full_name, full_name_key, email, mobile, upn, group_name, enabled, password_hash, fascn, card_uuid, employee_id)"
                       " VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id"),
        { details->logonName, details->fullName, nameKey(details->fullName), details->email, details->mobile, details->userPrincipalName, details->group,
            p.enabled ? 1 : 0, password.isEmpty() ? QString() : SecretHash::make(password), details->fascn, details->cardUuid, details->employeeId });
    if (!row)
        return row.error();
    return row->value("id").toLongLong();
}

Result<void> PeopleService::assignRole(qint64 personId, qint64 roleId)
{
    auto q = exec(m_db, QStringLiteral("INSERT INTO person_roles (person_id, role_id) VALUES (?, ?)"), { personId, roleId });
    if (!q)
        return q.error();
    return {};
}

} // namespace lanyard
