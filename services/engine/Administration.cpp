#include "Administration.h"

#include "AuditLog.h"
#include "Baseline.h"
#include "PeopleService.h"
#include "Role.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

namespace lanyard {

Administration::Administration(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

Result<qint64> Administration::ensureAdministratorRole()
{
    const Role admin = Baseline::administratorRole();
    auto row = fetchOne(m_db, QStringLiteral("SELECT id FROM roles WHERE name = ?"), { admin.name });
    if (!row)
        return row.error();
    if (!row->isEmpty())
        return row->value("id").toLongLong();
    return PeopleService(m_ctx, m_db).createRole(admin);
}

Result<bool> Administration::hasAdministrator()
{
    auto count = fetchValue(m_db,
        QStringLiteral("SELECT COUNT(*) FROM person_roles pr JOIN roles r ON r.id = pr.role_id JOIN people p ON p.id = pr.person_id "
                       "WHERE r.name = ? AND p.enabled = 1"),
        { Baseline::administratorRole().name });
    if (!count)
        return count.error();
    return count->toLongLong() > 0;
}

Result<qint64> Administration::createOperator(const QString& logonName, const QString& fullName, const QString& password, const QStringList& roleNames,
    const QString& group)
{
    if (logonName.trimmed().isEmpty() || password.size() < 8)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("a logon name and a password of at least 8 characters are required"),
            { { QStringLiteral("problem"), QStringLiteral("operator-fields") } });
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto taken = fetchOne(m_db, QStringLiteral("SELECT id FROM people WHERE logon_name = ?"), { logonName.trimmed() });
    if (!taken)
        return taken.error();
    if (!taken->isEmpty())
        return Error(ErrorCode::Conflict, QStringLiteral("the logon name '%1' is in use").arg(logonName.trimmed()));
    QList<qint64> roles;
    for (const QString& roleName : roleNames) {
        auto role = fetchOne(m_db, QStringLiteral("SELECT id FROM roles WHERE name = ?"), { roleName });
        if (!role)
            return role.error();
        if (role->isEmpty()) {
            auto names = exec(m_db, QStringLiteral("SELECT name FROM roles ORDER BY name"));
            if (!names)
                return names.error();
            QStringList existing;
            const SqlRow name(*names);
            while (names->next())
                existing << QStringLiteral("'%1'").arg(name.value("name").toString());
            return Error(ErrorCode::NotFound, QStringLiteral("no role named '%1'; the roles are: %2").arg(roleName, existing.join(QStringLiteral(", "))),
                { { QStringLiteral("what"), QStringLiteral("role") } });
        }
        roles << role->value("id").toLongLong();
    }
    PeopleService people(m_ctx, m_db);
    Person p;
    p.logonName = logonName.trimmed();
    p.fullName = fullName.trimmed().isEmpty() ? p.logonName : fullName.trimmed();
    // The group a Group-scoped role reaches; without one such a role reaches only the operator.
    p.group = group.trimmed();
    auto id = people.createPerson(p, password);
    if (!id)
        return id.error();
    for (qint64 role : roles)
        if (auto r = people.assignRole(*id, role); !r)
            return r.error();
    AuditEvent e = AuditLog::event(m_ctx.now(), nullptr, QStringLiteral("system"), QStringLiteral("person"), QString::number(*id), p.fullName,
        QStringLiteral("operator %1 created from the command line with the roles %2%3")
            .arg(p.logonName, roleNames.join(QStringLiteral(", ")), p.group.isEmpty() ? QString() : QStringLiteral(" in group ") + p.group));
    e.operatorName = QStringLiteral("lanyard-server");
    if (auto r = AuditLog(m_db, m_ctx).append(e); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return *id;
}

} // namespace lanyard
