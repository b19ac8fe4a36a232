#include "RoleService.h"

#include "AuditLog.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

namespace lanyard {

namespace {
Error roleError(const QString& problem, const QString& detail)
{
    return Error(ErrorCode::InvalidArgument, detail, { { QStringLiteral("problem"), problem } });
}
} // namespace

RoleService::RoleService(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

Result<void> RoleService::validate(const Role& role)
{
    if (role.name.trimmed().isEmpty())
        return roleError(QStringLiteral("role-name"), QStringLiteral("a role needs a name"));
    if (role.name.trimmed().size() > 100)
        return roleError(QStringLiteral("role-name-length"), QStringLiteral("a role name has at most 100 characters"));
    return {};
}

Result<QList<Role>> RoleService::list(const AccessControl& ac)
{
    if (!ac.allows(Workflow::EditRoles)) {
        if (auto r = ac.require(Workflow::EditCredentialProfiles); !r)
            return r.error();
    }
    auto q = exec(m_db, QStringLiteral("SELECT id, name, scope, workflows FROM roles ORDER BY name"));
    if (!q)
        return q.error();
    QList<Role> out;
    while (q->next()) {
        Role r;
        r.id = q->value(0).toLongLong();
        r.name = q->value(1).toString();
        scopeFromId(q->value(2).toString(), &r.scope);
        Role::parseWorkflowIds(q->value(3).toString(), &r.workflows);
        out.append(r);
    }
    return out;
}

Result<qint64> RoleService::save(const AccessControl& ac, const Role& role)
{
    if (auto r = ac.require(Workflow::EditRoles); !r)
        return r.error();
    if (auto r = validate(role); !r)
        return r.error();
    const QString name = role.name.trimmed();
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto clash = fetchOne(m_db, QStringLiteral("SELECT id FROM roles WHERE name = ? AND id <> ?"), { name, role.id });
    if (!clash)
        return clash.error();
    if (!clash->isEmpty())
        return Error(ErrorCode::Conflict, QStringLiteral("a role named '%1' already exists").arg(name),
            { { QStringLiteral("problem"), QStringLiteral("role-name-taken") }, { QStringLiteral("name"), name } });

    qint64 id = role.id;
    QString details;
    if (id > 0) {
        auto before = fetchOne(m_db, QStringLiteral("SELECT name, scope, workflows FROM roles WHERE id = ?"), { id });
        if (!before)
            return before.error();
        if (before->isEmpty())
            return Error(ErrorCode::NotFound, QStringLiteral("role %1").arg(id), { { QStringLiteral("what"), QStringLiteral("role") } });
        // An operator must not take away their own last way back into this editor.
        if (ac.roleIds().contains(id) && !role.workflows.contains(Workflow::EditRoles)) {
            auto others = fetchOne(m_db, QStringLiteral("SELECT COUNT(*) FROM roles r JOIN person_roles pr ON pr.role_id = r.id "
                                                        "WHERE pr.person_id = ? AND r.id <> ? AND (',' || r.workflows || ',') LIKE ?"),
                { ac.operatorPerson().id, id, QStringLiteral("%,%1,%").arg(workflowId(Workflow::EditRoles)) });
            if (!others)
                return others.error();
            if (others->at(0).toInt() == 0)
                return Error(ErrorCode::Conflict, QStringLiteral("removing edit-roles from '%1' would lock %2 out of the roles editor").arg(name, ac.operatorPerson().logonName),
                    { { QStringLiteral("problem"), QStringLiteral("self-lockout") }, { QStringLiteral("name"), name } });
        }
        if (auto r = exec(m_db, QStringLiteral("UPDATE roles SET name = ?, scope = ?, workflows = ? WHERE id = ?"),
                { name, scopeId(role.scope), role.workflowIds(), id });
            !r)
            return r.error();
        details = QStringLiteral("changed from %1 (%2: %3) to scope %4: %5")
                      .arg(before->at(0).toString(), before->at(1).toString(), before->at(2).toString(), scopeId(role.scope), role.workflowIds());
    } else {
        auto row = fetchOne(m_db, QStringLiteral("INSERT INTO roles (name, scope, workflows) VALUES (?, ?, ?) RETURNING id"),
            { name, scopeId(role.scope), role.workflowIds() });
        if (!row)
            return row.error();
        id = row->value(0).toLongLong();
        details = QStringLiteral("created with scope %1: %2").arg(scopeId(role.scope), role.workflowIds());
    }
    const AuditEvent e = AuditLog::event(m_ctx.now(), &ac, workflowId(Workflow::EditRoles), QStringLiteral("role"), QString::number(id), name, details);
    if (auto r = AuditLog(m_db, m_ctx.dialect()).append(e); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return id;
}

} // namespace lanyard
