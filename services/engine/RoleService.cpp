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

// Whether saving `after` over `before` (empty for a new role) hands out more than the
// operator holds: a workflow they lack, a scope wider than their own for it, or any widening
// of a role they hold themself. Returns the refusal's reason, or an empty string.
QString escalation(const AccessControl& ac, const Role& after, const QList<Workflow>& before, Scope beforeScope, bool holdsRole)
{
    const bool widerScope = int(after.scope) > int(beforeScope);
    QStringList added;
    for (Workflow w : after.workflows) {
        if (!before.contains(w))
            added << workflowId(w);
    }
    if (holdsRole && (widerScope || !added.isEmpty()))
        return QStringLiteral("%1 holds this role and may not widen it (%2)")
            .arg(ac.operatorPerson().logonName, widerScope ? QStringLiteral("scope %1").arg(scopeId(after.scope)) : added.join(QLatin1Char(',')));
    QStringList lacking;
    for (Workflow w : after.workflows) {
        // A workflow already in the role at this scope was granted by someone else; only what
        // is new (an added workflow, or every workflow when the scope widens) must be held.
        if (!widerScope && before.contains(w))
            continue;
        if (!ac.holds(w, after.scope))
            lacking << workflowId(w);
    }
    if (!lacking.isEmpty())
        return QStringLiteral("%1 cannot grant what they do not hold at scope %2: %3").arg(ac.operatorPerson().logonName, scopeId(after.scope), lacking.join(QLatin1Char(',')));
    return {};
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
    // Who edits roles, assigns them, gives profiles' rights to them or maps directory groups
    // to them sees them all.
    if (!ac.allows(Workflow::EditRoles) && !ac.allows(Workflow::AssignRoles) && !ac.allows(Workflow::ManageDirectory)) {
        if (auto r = ac.require(Workflow::EditCredentialProfiles); !r)
            return r.error();
    }
    auto q = exec(m_db, QStringLiteral("SELECT id, name, scope, workflows FROM roles ORDER BY name"));
    if (!q)
        return q.error();
    QList<Role> out;
    const SqlRow row(*q);
    while (q->next()) {
        Role r;
        r.id = row.value("id").toLongLong();
        r.name = row.value("name").toString();
        scopeFromId(row.value("scope").toString(), &r.scope);
        Role::parseWorkflowIds(row.value("workflows").toString(), &r.workflows);
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
    QList<Workflow> beforeWorkflows;
    Scope beforeScope = Scope::Self;
    SqlRow before;
    if (id > 0) {
        auto row = fetchOne(m_db, QStringLiteral("SELECT name, scope, workflows FROM roles WHERE id = ?"), { id });
        if (!row)
            return row.error();
        if (row->isEmpty())
            return Error(ErrorCode::NotFound, QStringLiteral("role %1").arg(id), { { QStringLiteral("what"), QStringLiteral("role") } });
        before = *row;
        scopeFromId(before.value("scope").toString(), &beforeScope);
        Role::parseWorkflowIds(before.value("workflows").toString(), &beforeWorkflows);
    }
    if (const QString why = escalation(ac, role, beforeWorkflows, beforeScope, id > 0 && ac.roleIds().contains(id)); !why.isEmpty()) {
        AuditEvent refused = AuditLog::event(m_ctx.now(), &ac, workflowId(Workflow::EditRoles), QStringLiteral("role"), id > 0 ? QString::number(id) : QString(), name,
            QStringLiteral("refused: %1").arg(why));
        refused.outcome = QStringLiteral("refused");
        if (auto r = AuditLog(m_db, m_ctx).append(refused); !r)
            return r.error();
        if (auto r = tx.commit(); !r) // nothing but the refusal was written
            return r.error();
        return Error(ErrorCode::PermissionDenied, why, { { QStringLiteral("problem"), QStringLiteral("role-escalation") }, { QStringLiteral("name"), name } });
    }
    if (id > 0) {
        // An operator must not take away their own last way back into this editor.
        if (ac.roleIds().contains(id) && !role.workflows.contains(Workflow::EditRoles)) {
            auto others = fetchValue(m_db, QStringLiteral("SELECT COUNT(*) FROM roles r JOIN person_roles pr ON pr.role_id = r.id "
                                                        "WHERE pr.person_id = ? AND r.id <> ? AND (',' || r.workflows || ',') LIKE ?"),
                { ac.operatorPerson().id, id, QStringLiteral("%,%1,%").arg(workflowId(Workflow::EditRoles)) });
            if (!others)
                return others.error();
            if (others->toInt() == 0)
                return Error(ErrorCode::Conflict, QStringLiteral("removing edit-roles from '%1' would lock %2 out of the roles editor").arg(name, ac.operatorPerson().logonName),
                    { { QStringLiteral("problem"), QStringLiteral("self-lockout") }, { QStringLiteral("name"), name } });
        }
        if (auto r = exec(m_db, QStringLiteral("UPDATE roles SET name = ?, scope = ?, workflows = ? WHERE id = ?"),
                { name, scopeId(role.scope), role.workflowIds(), id });
            !r)
            return r.error();
        details = QStringLiteral("changed from %1 (%2: %3) to scope %4: %5")
                      .arg(before.value("name").toString(), before.value("scope").toString(), before.value("workflows").toString(), scopeId(role.scope), role.workflowIds());
    } else {
        auto row = fetchOne(m_db, QStringLiteral("INSERT INTO roles (name, scope, workflows) VALUES (?, ?, ?) RETURNING id"),
            { name, scopeId(role.scope), role.workflowIds() });
        if (!row)
            return row.error();
        id = row->value("id").toLongLong();
        details = QStringLiteral("created with scope %1: %2").arg(scopeId(role.scope), role.workflowIds());
    }
    const AuditEvent e = AuditLog::event(m_ctx.now(), &ac, workflowId(Workflow::EditRoles), QStringLiteral("role"), QString::number(id), name, details);
    if (auto r = AuditLog(m_db, m_ctx).append(e); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return id;
}

} // namespace lanyard
