#include "AccessControl.h"

#include "storage/Database.h"

#include <algorithm>

namespace lanyard {

Result<AccessControl> AccessControl::load(const QSqlDatabase& db, qint64 operatorId)
{
    if (operatorId <= 0)
        return Error(ErrorCode::NotAuthenticated, QStringLiteral("no operator"));
    auto ac = granted(db, operatorId);
    if (!ac)
        return ac;
    if (!ac->m_operator.enabled)
        return Error(ErrorCode::AccountDisabled, QStringLiteral("operator %1 is disabled").arg(ac->m_operator.logonName));
    return ac;
}

Result<AccessControl> AccessControl::granted(const QSqlDatabase& db, qint64 operatorId)
{
    auto q = fetchOne(db, QStringLiteral("SELECT id, logon_name, full_name, group_name, enabled FROM people WHERE id = ?"), { operatorId });
    if (!q)
        return q.error();
    if (q->isEmpty())
        return Error(ErrorCode::NotAuthenticated, QStringLiteral("operator %1 no longer exists").arg(operatorId));
    AccessControl ac;
    ac.m_operator.id = q->value("id").toLongLong();
    ac.m_operator.logonName = q->value("logon_name").toString();
    ac.m_operator.fullName = q->value("full_name").toString();
    ac.m_operator.group = q->value("group_name").toString();
    ac.m_operator.enabled = q->value("enabled").toInt() != 0;
    auto roles = exec(db, QStringLiteral("SELECT r.id, r.name, r.scope, r.workflows FROM roles r JOIN person_roles pr ON pr.role_id = r.id WHERE pr.person_id = ?"),
        { operatorId });
    if (!roles)
        return roles.error();
    const SqlRow role(*roles);
    while (roles->next()) {
        ac.m_roleIds.append(role.value("id").toLongLong());
        ac.m_operator.roles.append(role.value("name").toString());
        Scope scope = Scope::Self;
        scopeFromId(role.value("scope").toString(), &scope);
        QList<Workflow> workflows;
        Role::parseWorkflowIds(role.value("workflows").toString(), &workflows);
        for (Workflow w : workflows) {
            if (!ac.m_scopes.contains(w) || int(scope) > int(ac.m_scopes.value(w)))
                ac.m_scopes.insert(w, scope);
        }
    }
    return ac;
}

QList<Workflow> AccessControl::lacking(const AccessControl& other) const
{
    QList<Workflow> out;
    for (auto it = other.m_scopes.cbegin(); it != other.m_scopes.cend(); ++it) {
        if (!reachesOnlyItsHolder(it.key()) && !holds(it.key(), it.value()))
            out << it.key();
    }
    std::sort(out.begin(), out.end());
    return out;
}

QList<Workflow> AccessControl::lacking(const Role& role) const
{
    QList<Workflow> out;
    for (Workflow w : role.workflows) {
        if (!reachesOnlyItsHolder(w) && !holds(w, role.scope))
            out << w;
    }
    std::sort(out.begin(), out.end());
    return out;
}

Result<QList<Workflow>> AccessControl::lackedFor(const QSqlDatabase& db, const AccessControl& viewer, qint64 holderId)
{
    if (holderId == viewer.operatorPerson().id)
        return QList<Workflow>();
    auto holder = load(db, holderId);
    if (!holder)
        return holder.error();
    return viewer.lacking(*holder);
}

Result<void> AccessControl::require(Workflow w) const
{
    if (!allows(w))
        return Error(ErrorCode::PermissionDenied, QStringLiteral("%1 may not %2").arg(m_operator.logonName, workflowId(w)),
            { { QStringLiteral("workflow"), workflowId(w) } });
    return {};
}

Result<void> AccessControl::requireTarget(Workflow w, const Person& target) const
{
    if (auto r = require(w); !r)
        return r;
    const Scope scope = scopeFor(w);
    // An operator without a group has no group to reach: not everyone else without one.
    const bool inside = scope == Scope::All || (scope == Scope::Group && !m_operator.group.isEmpty() && target.group == m_operator.group)
        || target.id == m_operator.id;
    // Out of scope looks the same as absent: the operator learns nothing about the person.
    if (!inside)
        return Error(ErrorCode::NotFound, QStringLiteral("no such person"), { { QStringLiteral("what"), QStringLiteral("person") } });
    return {};
}

QString AccessControl::scopeCondition(Workflow w, QVariantList* binds) const
{
    switch (scopeFor(w)) {
    case Scope::All:
        return QStringLiteral("1=1");
    case Scope::Group:
        if (m_operator.group.isEmpty())
            break; // as requireTarget: only themself
        binds->append(m_operator.group);
        binds->append(m_operator.id);
        return QStringLiteral("(p.group_name = ? OR p.id = ?)");
    case Scope::Self:
        break;
    }
    binds->append(m_operator.id);
    return QStringLiteral("p.id = ?");
}

} // namespace lanyard
