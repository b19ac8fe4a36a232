#include "PersonAdministration.h"

#include "AccountSwitch.h"
#include "AuditLog.h"
#include "DeviceLifecycle.h"
#include "PeopleService.h"
#include "PersonRules.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace lanyard {

namespace {
Error noSuchPerson()
{
    return Error(ErrorCode::NotFound, QStringLiteral("no such person"), { { QStringLiteral("what"), QStringLiteral("person") } });
}

Error reasonRequired()
{
    return Error(ErrorCode::InvalidArgument, QStringLiteral("a reason is required"), { { QStringLiteral("problem"), QStringLiteral("reason-required") } });
}

QString workflowIds(const QList<Workflow>& workflows)
{
    QStringList ids;
    for (Workflow w : workflows)
        ids << workflowId(w);
    return ids.join(QLatin1Char(','));
}
} // namespace

PersonAdministration::PersonAdministration(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

Result<Person> PersonAdministration::loadLive(qint64 personId)
{
    auto removed = fetchValue(m_db, QStringLiteral("SELECT COUNT(*) FROM people WHERE id = ? AND removed_at IS NULL"), { personId });
    if (!removed)
        return removed.error();
    if (removed->toInt() == 0)
        return noSuchPerson();
    return PeopleService(m_ctx, m_db).load(personId);
}

Result<Person> PersonAdministration::loadTarget(const AccessControl& ac, Workflow w, qint64 personId)
{
    auto person = loadLive(personId);
    if (!person)
        return person;
    if (auto r = ac.requireTarget(w, *person); !r)
        return r.error();
    return person;
}

Result<void> PersonAdministration::requireGroupInScope(const AccessControl& ac, Workflow w, const QString& group)
{
    if (auto r = ac.require(w); !r)
        return r;
    const Scope scope = ac.scopeFor(w);
    if (scope == Scope::All || (scope == Scope::Group && !group.isEmpty() && group == ac.operatorPerson().group))
        return {};
    return Error(ErrorCode::PermissionDenied, QStringLiteral("%1 may %2 only in their own group, not in '%3'").arg(ac.operatorPerson().logonName, workflowId(w), group),
        { { QStringLiteral("problem"), QStringLiteral("group-out-of-scope") }, { QStringLiteral("group"), group }, { QStringLiteral("workflow"), workflowId(w) } });
}

Result<void> PersonAdministration::requireHoldsRightsOf(const AccessControl& ac, Workflow w, const Person& person, const QString& problem)
{
    if (person.id == ac.operatorPerson().id)
        return {};
    auto theirs = AccessControl::granted(m_db, person.id);
    if (!theirs)
        return theirs.error();
    const QList<Workflow> lacking = ac.lacking(*theirs);
    if (lacking.isEmpty())
        return {};
    // The refusal is recorded: it is what an attempt to take over an account looks like.
    if (auto r = audit(ac, w, person, QStringLiteral("refused: %1 holds rights %2 lacks (%3)").arg(person.logonName, ac.operatorPerson().logonName, workflowIds(lacking)), true); !r)
        return r;
    return Error(ErrorCode::PermissionDenied, QStringLiteral("%1 holds rights you do not").arg(person.logonName),
        { { QStringLiteral("problem"), problem }, { QStringLiteral("person"), person.fullName }, { QStringLiteral("workflow"), workflowIds(lacking) } });
}

Result<bool> PersonAdministration::anAdministratorExists(const QSqlDatabase& db)
{
    auto q = exec(db, QStringLiteral("SELECT pr.person_id, r.workflows FROM person_roles pr JOIN roles r ON r.id = pr.role_id "
                                     "JOIN people p ON p.id = pr.person_id WHERE p.enabled = 1 AND p.removed_at IS NULL AND r.scope = ?"),
        { scopeId(Scope::All) });
    if (!q)
        return q.error();
    QHash<qint64, QSet<Workflow>> held;
    const SqlRow row(*q);
    while (q->next()) {
        QList<Workflow> list;
        Role::parseWorkflowIds(row.value("workflows").toString(), &list);
        QSet<Workflow>& mine = held[row.value("person_id").toLongLong()];
        for (Workflow w : list)
            mine.insert(w);
    }
    return std::any_of(held.cbegin(), held.cend(), [](const QSet<Workflow>& w) { return w.contains(Workflow::AssignRoles) && w.contains(Workflow::EditRoles); });
}

// Someone must be left who can edit roles and give them to everyone, or nobody could ever
// again: an administrator.
Result<void> PersonAdministration::requireAnAdministratorRemains(qint64 personId, const QList<qint64>& rolesAfter, bool enabledAfter)
{
    auto q = exec(m_db, QStringLiteral("SELECT pr.person_id, r.id AS role_id, r.scope, r.workflows FROM person_roles pr JOIN roles r ON r.id = pr.role_id "
                                       "JOIN people p ON p.id = pr.person_id WHERE p.enabled = 1 AND p.removed_at IS NULL AND r.scope = ?"),
        { scopeId(Scope::All) });
    if (!q)
        return q.error();
    // For each person, which of the two rights they hold now and would hold after.
    struct Holds {
        bool assign = false, edit = false;
    };
    QHash<qint64, Holds> before, after;
    const SqlRow row(*q);
    while (q->next()) {
        QList<Workflow> list;
        Role::parseWorkflowIds(row.value("workflows").toString(), &list);
        const qint64 holder = row.value("person_id").toLongLong();
        const bool kept = holder != personId || (enabledAfter && rolesAfter.contains(row.value("role_id").toLongLong()));
        for (QHash<qint64, Holds>* h : { &before, kept ? &after : nullptr }) {
            if (!h)
                continue;
            (*h)[holder].assign |= list.contains(Workflow::AssignRoles);
            (*h)[holder].edit |= list.contains(Workflow::EditRoles);
        }
    }
    // Roles newly given to the person count for them after the change.
    if (enabledAfter && !rolesAfter.isEmpty()) {
        QStringList ids;
        for (qint64 id : rolesAfter)
            ids << QString::number(id);
        auto added = exec(m_db, QStringLiteral("SELECT workflows FROM roles WHERE scope = ? AND id IN (%1)").arg(ids.join(QLatin1Char(','))), { scopeId(Scope::All) });
        if (!added)
            return added.error();
        const SqlRow role(*added);
        while (added->next()) {
            QList<Workflow> list;
            Role::parseWorkflowIds(role.value("workflows").toString(), &list);
            after[personId].assign |= list.contains(Workflow::AssignRoles);
            after[personId].edit |= list.contains(Workflow::EditRoles);
        }
    }
    const auto anyAdministrator = [](const QHash<qint64, Holds>& holds) {
        return std::any_of(holds.cbegin(), holds.cend(), [](const Holds& h) { return h.assign && h.edit; });
    };
    if (anyAdministrator(before) && !anyAdministrator(after))
        return Error(ErrorCode::Conflict, QStringLiteral("this would leave nobody who may edit roles and assign them to everyone"),
            { { QStringLiteral("problem"), QStringLiteral("last-administrator") } });
    return {};
}

Result<void> PersonAdministration::audit(const AccessControl& ac, Workflow w, const Person& person, const QString& details, bool refused)
{
    AuditEvent e = AuditLog::event(m_ctx.now(), &ac, workflowId(w), QStringLiteral("person"), QString::number(person.id), person.fullName, details);
    e.personId = person.id;
    if (refused)
        e.outcome = QStringLiteral("refused");
    if (auto r = AuditLog(m_db, m_ctx).append(e); !r)
        return r.error();
    return {};
}

Result<Person> PersonAdministration::add(const AccessControl& ac, const PersonDetails& input)
{
    if (auto r = ac.require(Workflow::AddPerson); !r)
        return r.error();
    auto details = PersonRules::normalise(input);
    if (!details)
        return details.error();
    if (auto r = requireGroupInScope(ac, Workflow::AddPerson, details->group); !r)
        return r.error();
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    Person fresh;
    fresh.logonName = details->logonName;
    fresh.fullName = details->fullName;
    fresh.email = details->email;
    fresh.mobile = details->mobile;
    fresh.userPrincipalName = details->userPrincipalName;
    fresh.group = details->group;
    fresh.employeeId = details->employeeId;
    fresh.fascn = details->fascn;
    fresh.cardUuid = details->cardUuid;
    auto id = PeopleService(m_ctx, m_db).createPerson(fresh); // no password: they log on by card or not at all
    if (!id)
        return id.error();
    auto person = PeopleService(m_ctx, m_db).load(*id);
    if (!person)
        return person;
    QStringList fields;
    for (const QString& f : PersonRules::changedFields({}, *details))
        fields << QStringLiteral("%1 '%2'").arg(f, PersonRules::valueOf(*details, f));
    if (auto r = audit(ac, Workflow::AddPerson, *person, QStringLiteral("added: ") + fields.join(QStringLiteral(", "))); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return person;
}

Result<Person> PersonAdministration::update(const AccessControl& ac, const Person& person, const PersonDetails& input, const QString& problemWhenLacking)
{
    auto details = PersonRules::normalise(input);
    if (!details)
        return details.error();
    const PersonDetails before = PersonRules::detailsOf(person);
    const QStringList changed = PersonRules::changedFields(before, *details);
    if (changed.isEmpty())
        return person;
    // The directory is where a synced person's directory fields change; here they would be
    // overwritten at the next sync.
    for (const QString& f : changed) {
        if (person.directoryFields.contains(f))
            return Error(ErrorCode::InvalidArgument, QStringLiteral("%1 comes from the directory (%2)").arg(f, person.directoryDn),
                { { QStringLiteral("problem"), QStringLiteral("directory-field") }, { QStringLiteral("field"), f }, { QStringLiteral("dn"), person.directoryDn } });
    }
    if (details->group != person.group) {
        if (auto r = requireGroupInScope(ac, Workflow::EditPeople, details->group); !r)
            return r.error();
    }
    // A disabled person's rights come back with their account, so they count too.
    if (auto r = requireHoldsRightsOf(ac, Workflow::EditPeople, person, problemWhenLacking); !r)
        return r.error();
    if (auto r = PersonRules::requireUnique(m_db, *details, person.id); !r)
        return r.error();
    if (auto r = exec(m_db,
            QStringLiteral("UPDATE people SET logon_name = ?, full_name = ?, full_name_key = ?, email = ?, mobile = ?, upn = ?, group_name = ?, employee_id = ?, "
                           "fascn = ?, card_uuid = ? WHERE id = ?"),
            { details->logonName, details->fullName, PeopleService::nameKey(details->fullName), details->email, details->mobile, details->userPrincipalName,
                details->group, details->employeeId, details->fascn, details->cardUuid, person.id });
        !r)
        return r.error();
    QStringList changes;
    for (const QString& f : changed)
        changes << QStringLiteral("%1 '%2' -> '%3'").arg(f, PersonRules::valueOf(before, f), PersonRules::valueOf(*details, f));
    if (auto r = audit(ac, Workflow::EditPeople, person, QStringLiteral("changed: ") + changes.join(QStringLiteral(", "))); !r)
        return r.error();
    return PeopleService(m_ctx, m_db).load(person.id);
}

Result<Person> PersonAdministration::editWith(const AccessControl& ac, qint64 personId, const std::function<PersonDetails(const Person&)>& change,
    const QString& problemWhenLacking)
{
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto person = loadTarget(ac, Workflow::EditPeople, personId);
    if (!person)
        return person;
    auto updated = update(ac, *person, change(*person), problemWhenLacking);
    // A refusal for want of rights is committed for its audit; any other failure undoes all.
    if (!updated && updated.error().code != ErrorCode::PermissionDenied)
        return updated;
    if (auto r = tx.commit(); !r)
        return r.error();
    return updated;
}

Result<Person> PersonAdministration::edit(const AccessControl& ac, qint64 personId, const PersonDetails& details)
{
    return editWith(ac, personId, [&](const Person&) { return details; }, QStringLiteral("person-rights"));
}

Result<Person> PersonAdministration::setCardIdentifiers(const AccessControl& ac, qint64 personId, const QString& fascn, const QString& cardUuid)
{
    return editWith(
        ac, personId,
        [&](const Person& person) {
            PersonDetails details = PersonRules::detailsOf(person);
            details.fascn = fascn;
            details.cardUuid = cardUuid;
            return details;
        },
        QStringLiteral("identifier-rights"));
}

Result<Person> PersonAdministration::setEnabled(const AccessControl& ac, qint64 personId, bool enabled, const QString& reason, bool devicesToo)
{
    if (!enabled && reason.trimmed().isEmpty())
        return reasonRequired();
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto person = loadTarget(ac, Workflow::DisableEnableAccount, personId);
    if (!person)
        return person;
    if (person->id == ac.operatorPerson().id)
        return Error(ErrorCode::PermissionDenied, QStringLiteral("an operator does not disable or enable their own account"),
            { { QStringLiteral("problem"), QStringLiteral("own-account") } });
    if (person->enabled == enabled)
        return Error(ErrorCode::InvalidTransition, QStringLiteral("%1 is %2 already").arg(person->logonName, enabled ? QStringLiteral("enabled") : QStringLiteral("disabled")),
            { { QStringLiteral("operation"), enabled ? QStringLiteral("enable-account") : QStringLiteral("disable-account") },
                { QStringLiteral("state"), person->enabled ? QStringLiteral("enabled") : QStringLiteral("disabled") } });
    if (auto r = requireHoldsRightsOf(ac, Workflow::DisableEnableAccount, *person, QStringLiteral("person-rights")); !r) {
        if (auto c = tx.commit(); !c)
            return c.error();
        return r.error();
    }
    if (!enabled) {
        if (auto r = requireAnAdministratorRemains(personId, {}, false); !r)
            return r.error();
    }
    auto details = enabled ? AccountSwitch(m_ctx, m_db).enable(personId, reason, devicesToo) : AccountSwitch(m_ctx, m_db).disable(personId, reason);
    if (!details)
        return details.error();
    if (auto r = audit(ac, Workflow::DisableEnableAccount, *person, details->join(QStringLiteral("; "))); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return PeopleService(m_ctx, m_db).load(personId);
}

Result<Person> PersonAdministration::setRoles(const AccessControl& ac, qint64 personId, const QList<qint64>& roleIds)
{
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto person = loadTarget(ac, Workflow::AssignRoles, personId);
    if (!person)
        return person;
    auto current = fetchIds(m_db, QStringLiteral("SELECT role_id AS id FROM person_roles WHERE person_id = ?"), { personId });
    if (!current)
        return current.error();
    const QList<qint64> before = *current;
    QList<qint64> after;
    for (qint64 id : roleIds) {
        if (!after.contains(id))
            after << id;
    }
    QList<qint64> changed;
    for (qint64 id : after)
        if (!before.contains(id))
            changed << id;
    for (qint64 id : before)
        if (!after.contains(id))
            changed << id;
    if (changed.isEmpty())
        return person;
    if (auto r = requireHoldsRightsOf(ac, Workflow::AssignRoles, *person, QStringLiteral("person-rights")); !r) {
        if (auto c = tx.commit(); !c)
            return c.error();
        return r.error();
    }
    QStringList added, removed;
    for (qint64 id : changed) {
        auto row = fetchOne(m_db, QStringLiteral("SELECT id, name, scope, workflows FROM roles WHERE id = ?"), { id });
        if (!row)
            return row.error();
        if (row->isEmpty())
            return Error(ErrorCode::NotFound, QStringLiteral("no role %1").arg(id), { { QStringLiteral("what"), QStringLiteral("role") } });
        Role role;
        role.id = id;
        role.name = row->value("name").toString();
        scopeFromId(row->value("scope").toString(), &role.scope);
        Role::parseWorkflowIds(row->value("workflows").toString(), &role.workflows);
        // Giving or taking a role is granting what it carries: only by someone who holds it.
        const QList<Workflow> lacking = ac.lacking(role);
        if (!lacking.isEmpty()) {
            if (auto r = audit(ac, Workflow::AssignRoles, *person, QStringLiteral("refused: role %1 carries rights %2 lacks (%3)").arg(role.name, ac.operatorPerson().logonName, workflowIds(lacking)), true); !r)
                return r.error();
            if (auto r = tx.commit(); !r)
                return r.error();
            return Error(ErrorCode::PermissionDenied, QStringLiteral("role %1 carries rights you do not hold").arg(role.name),
                { { QStringLiteral("problem"), QStringLiteral("role-rights") }, { QStringLiteral("role"), role.name }, { QStringLiteral("workflow"), workflowIds(lacking) } });
        }
        (after.contains(id) ? added : removed) << role.name;
    }
    if (auto r = requireAnAdministratorRemains(personId, after, person->enabled); !r)
        return r.error();
    if (auto r = exec(m_db, QStringLiteral("DELETE FROM person_roles WHERE person_id = ?"), { personId }); !r)
        return r.error();
    for (qint64 id : after) {
        if (auto r = exec(m_db, QStringLiteral("INSERT INTO person_roles (person_id, role_id) VALUES (?, ?)"), { personId, id }); !r)
            return r.error();
    }
    QStringList details;
    if (!added.isEmpty())
        details << QStringLiteral("roles given: ") + added.join(QStringLiteral(", "));
    if (!removed.isEmpty())
        details << QStringLiteral("roles taken: ") + removed.join(QStringLiteral(", "));
    if (auto r = audit(ac, Workflow::AssignRoles, *person, details.join(QStringLiteral("; "))); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return PeopleService(m_ctx, m_db).load(personId);
}

Result<void> PersonAdministration::remove(const AccessControl& ac, qint64 personId, const QString& reason)
{
    if (reason.trimmed().isEmpty())
        return reasonRequired();
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto person = loadTarget(ac, Workflow::RemovePerson, personId);
    if (!person)
        return person.error();
    if (person->id == ac.operatorPerson().id)
        return Error(ErrorCode::PermissionDenied, QStringLiteral("an operator does not remove their own account"), { { QStringLiteral("problem"), QStringLiteral("own-account") } });
    auto inUse = fetchValue(m_db, QStringLiteral("SELECT COUNT(*) FROM devices WHERE owner_id = ? AND state <> ?"), { personId, deviceStateId(DeviceState::Canceled) });
    if (!inUse)
        return inUse.error();
    if (inUse->toInt() > 0)
        return Error(ErrorCode::Conflict, QStringLiteral("%1 holds %2 device(s) not cancelled").arg(person->logonName).arg(inUse->toInt()),
            { { QStringLiteral("problem"), QStringLiteral("person-has-devices") }, { QStringLiteral("count"), inUse->toInt() } });
    if (auto r = requireHoldsRightsOf(ac, Workflow::RemovePerson, *person, QStringLiteral("person-rights")); !r) {
        if (auto c = tx.commit(); !c)
            return c.error();
        return r;
    }
    if (auto r = requireAnAdministratorRemains(personId, {}, false); !r)
        return r;
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    auto cancelled = AccountSwitch(m_ctx, m_db).cancelOpenWork(personId, QStringLiteral("person removed: ") + reason.trimmed());
    if (!cancelled)
        return cancelled.error();
    if (auto r = exec(m_db, QStringLiteral("UPDATE people SET enabled = 0, removed_at = ? WHERE id = ?"), { now, personId }); !r)
        return r.error();
    if (auto r = exec(m_db, QStringLiteral("DELETE FROM person_roles WHERE person_id = ?"), { personId }); !r)
        return r.error();
    // What only they knew goes with them; the audit keeps that they had set it.
    for (const char* table : { "security_answers", "security_checks" }) {
        if (auto r = exec(m_db, QStringLiteral("DELETE FROM %1 WHERE person_id = ?").arg(QLatin1String(table)), { personId }); !r)
            return r.error();
    }
    const QString details = QStringLiteral("removed: %1; roles taken: %2; %3 open request(s) cancelled")
                                .arg(reason.trimmed(), person->roles.isEmpty() ? QStringLiteral("none") : person->roles.join(QStringLiteral(", ")))
                                .arg(*cancelled);
    if (auto r = audit(ac, Workflow::RemovePerson, *person, details); !r)
        return r;
    return tx.commit();
}

} // namespace lanyard
