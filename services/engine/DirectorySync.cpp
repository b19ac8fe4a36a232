#include "DirectorySync.h"

#include "AccountSwitch.h"
#include "AuditLog.h"
#include "PeopleService.h"
#include "PersonAdministration.h"
#include "PersonRules.h"
#include "storage/Database.h"

namespace lanyard {

namespace {

// A person as stored, with what the sync compares and matches by.
struct Local {
    qint64 id = 0;
    PersonDetails details;
    bool enabled = true;
    bool removed = false;
    bool disabledByDirectory = false;
    QString directoryId;
    QString directoryDn;
};

DirectorySyncError entryError(const QString& dn, const Error& e)
{
    return { dn, e.args.value(QStringLiteral("problem"), e.id()).toString(), e.args.value(QStringLiteral("field")).toString(), e.detail };
}

QString lower(const QString& s)
{
    return s.toLower();
}

} // namespace

DirectorySync::DirectorySync(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

Result<DirectorySnapshot> DirectorySync::read(const DirectoryConfig& config, const QString& highWater, bool full)
{
    LdapEndpoint endpoint { config.url.trimmed(), config.startTls, config.caFile.trimmed() };
    auto connection = LdapConnection::open(endpoint, config.bindDn.trimmed(), config.bindPassword);
    if (!connection)
        return connection.error();
    const DirectoryEntryReader reader(config);
    DirectorySnapshot s;
    s.full = full || config.changeAttribute.isEmpty() || highWater.isEmpty();
    s.highWater = highWater;
    const QString base = config.baseDn.trimmed();
    auto read = (*connection)->search(base, LdapScope::Subtree, s.full ? config.filter.trimmed() : reader.changedSince(highWater), reader.attributes(),
        config.pageSize, [&](const LdapEntry& entry) -> Result<void> {
            auto person = reader.read(entry);
            if (!person) {
                s.errors << entryError(entry.dn, person.error());
                // Present, though unreadable: it neither counts as having left nor comes back.
                if (const QString id = reader.idOf(entry); !id.isEmpty() && s.full) {
                    s.presentIds.insert(id);
                    s.disabledIds.insert(id);
                }
                return {};
            }
            if (s.full) {
                s.presentIds.insert(person->directoryId);
                if (person->disabled)
                    s.disabledIds.insert(person->directoryId);
            }
            if (reader.isLater(person->changeMark, s.highWater))
                s.highWater = person->changeMark;
            s.people << *person;
            return {};
        });
    if (!read)
        return read.error();
    s.entries = *read;
    if (!s.full) {
        // Who is there at all, by id alone: how a deletion is seen without reading everyone.
        auto present = (*connection)->search(base, LdapScope::Subtree, config.filter.trimmed(), reader.presenceAttributes(), config.pageSize,
            [&](const LdapEntry& entry) -> Result<void> {
                const QString id = reader.idOf(entry);
                if (id.isEmpty())
                    return {};
                s.presentIds.insert(id);
                if (auto person = reader.read(entry); !person || person->disabled)
                    s.disabledIds.insert(id);
                return {};
            });
        if (!present)
            return present.error();
    }
    QSet<QString> groups;
    for (const DirectoryGroupRole& g : config.groupRoles)
        groups.insert(g.groupDn.trimmed());
    for (const QString& group : groups) {
        QSet<QString> members;
        // Active Directory hands out a large group's members 1,500 at a time, as
        // member;range=0-1499; the rest is asked for range by range, so nobody past the first
        // range loses their role.
        qint64 next = 0;
        Result<int> found = 0;
        while (next >= 0) {
            const QString memberAttribute = next == 0 ? QStringLiteral("member") : QStringLiteral("member;range=%1-*").arg(next);
            const qint64 asked = next;
            next = -1;
            found = (*connection)->search(group, LdapScope::Base, QStringLiteral("(objectClass=*)"), { memberAttribute, QStringLiteral("uniqueMember") }, 0,
                [&](const LdapEntry& entry) -> Result<void> {
                    for (auto it = entry.values.cbegin(); it != entry.values.cend(); ++it) {
                        const QString& name = it.key();
                        const bool ranged = name.startsWith(QLatin1String("member;range="));
                        if (name != QLatin1String("member") && name != QLatin1String("uniquemember") && !ranged)
                            continue;
                        for (const QByteArray& dn : it.value())
                            members.insert(DirectoryEntryReader::dnKey(QString::fromUtf8(dn)));
                        if (!ranged)
                            continue;
                        const QString end = name.section(QLatin1Char('-'), -1);
                        bool ok = false;
                        const qint64 last = end.toLongLong(&ok);
                        if (end != QLatin1String("*") && (!ok || last < asked))
                            return Error(ErrorCode::DirectoryFailure, QStringLiteral("%1: the member range %2 does not go on").arg(group, name),
                                { { QStringLiteral("problem"), QStringLiteral("directory-refused") }, { QStringLiteral("reason"), name } });
                        if (end != QLatin1String("*"))
                            next = last + 1;
                    }
                    return {};
                });
            if (!found)
                break;
        }
        if (!found) {
            if (found.error().args.value(QStringLiteral("problem")) != QLatin1String("directory-base-missing"))
                return found.error();
            // A group that is not there gives nobody its role, and takes it from nobody: a
            // mistyped name must not strip everyone of their role.
            s.errors << DirectorySyncError { group, QStringLiteral("directory-group-missing"), QStringLiteral("groupRoles"),
                QStringLiteral("the group %1 is not in the directory; its role was left as it was").arg(group) };
            continue;
        }
        s.groupMembers.insert(DirectoryEntryReader::dnKey(group), members);
    }
    return s;
}

Result<void> DirectorySync::apply(const DirectoryConfig& config, const DirectorySnapshot& snapshot, const AccessControl* ac, DirectorySyncReport* report)
{
    auto administratorsBefore = PersonAdministration::anAdministratorExists(m_db);
    if (!administratorsBefore)
        return administratorsBefore.error();

    // Everyone, in memory: matching and uniqueness are decided here, not row by row in SQL.
    QHash<qint64, Local> people;
    QHash<QString, qint64> byDirectoryId, byLogon, byUpn, byEmployeeId;
    {
        auto q = exec(m_db, QStringLiteral("SELECT id, logon_name, full_name, email, mobile, upn, group_name, employee_id, fascn, card_uuid, enabled, removed_at, "
                                           "directory_id, directory_dn, disabled_by_directory FROM people"));
        if (!q)
            return q.error();
        const SqlRow row(*q);
        while (q->next()) {
            Local l;
            l.id = row.value("id").toLongLong();
            l.details = { row.value("logon_name").toString(), row.value("full_name").toString(), row.value("email").toString(), row.value("mobile").toString(),
                row.value("upn").toString(), row.value("group_name").toString(), row.value("employee_id").toString(), row.value("fascn").toString(),
                row.value("card_uuid").toString() };
            l.enabled = row.value("enabled").toInt() != 0;
            l.removed = !row.value("removed_at").isNull();
            l.disabledByDirectory = row.value("disabled_by_directory").toInt() != 0;
            l.directoryId = row.value("directory_id").toString();
            l.directoryDn = row.value("directory_dn").toString();
            people.insert(l.id, l);
        }
    }
    const auto index = [&](const Local& l) {
        if (!l.directoryId.isEmpty())
            byDirectoryId.insert(l.directoryId, l.id);
        byLogon.insert(lower(l.details.logonName), l.id);
        if (!l.details.userPrincipalName.isEmpty())
            byUpn.insert(lower(l.details.userPrincipalName), l.id);
        if (!l.details.employeeId.isEmpty())
            byEmployeeId.insert(l.details.employeeId, l.id);
    };
    const auto unindex = [&](const Local& l) {
        byLogon.remove(lower(l.details.logonName));
        byUpn.remove(lower(l.details.userPrincipalName));
        byEmployeeId.remove(l.details.employeeId);
    };
    for (const Local& l : std::as_const(people))
        index(l);

    const auto audit = [&](const QString& targetType, qint64 personId, const QString& label, const QString& details) -> Result<void> {
        AuditEvent e = AuditLog::event(m_ctx.now(), ac, QStringLiteral("directory-sync"), targetType, personId ? QString::number(personId) : QString(), label, details);
        e.personId = personId;
        if (auto r = AuditLog(m_db, m_ctx).append(e); !r)
            return r.error();
        return {};
    };
    const auto fail = [&](const DirectoryPerson& entry, const Error& e) {
        report->errors << entryError(entry.dn, e);
    };
    AccountSwitch accounts(m_ctx, m_db);
    // Prepared once: a first sync writes every person.
    PreparedStatement insertPerson(m_db,
        QStringLiteral("INSERT INTO people (logon_name, full_name, full_name_key, email, mobile, upn, group_name, enabled, employee_id, directory_id, "
                       "directory_dn, disabled_by_directory) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id"));
    PreparedStatement updatePerson(m_db,
        QStringLiteral("UPDATE people SET logon_name = ?, full_name = ?, full_name_key = ?, email = ?, mobile = ?, upn = ?, group_name = ?, "
                       "employee_id = ?, directory_id = ?, directory_dn = ? WHERE id = ?"));
    const bool employeeMapped = config.attributes.contains(QStringLiteral("employeeId"));

    for (const DirectoryPerson& entry : snapshot.people) {
        qint64 match = byDirectoryId.value(entry.directoryId);
        if (!match) {
            // People added before the directory are adopted once, by employee id or logon name.
            const QString employeeId = entry.fields.value(QStringLiteral("employeeId")).trimmed();
            const qint64 byEmployee = employeeMapped && !employeeId.isEmpty() ? byEmployeeId.value(employeeId) : 0;
            const qint64 byName = byLogon.value(lower(entry.fields.value(QStringLiteral("logonName")).trimmed()));
            for (qint64 candidate : { byEmployee, byName }) {
                if (candidate && people.value(candidate).directoryId.isEmpty() && !people.value(candidate).removed) {
                    match = candidate;
                    break;
                }
            }
        }
        if (match && people.value(match).removed)
            continue; // removed in Lanyard on purpose; the directory does not bring them back
        Local before = match ? people.value(match) : Local {};
        PersonDetails wanted = before.details;
        for (auto it = entry.fields.cbegin(); it != entry.fields.cend(); ++it)
            PersonRules::setValue(wanted, it.key(), it.value());
        auto details = PersonRules::normalise(wanted);
        if (!details) {
            fail(entry, details.error());
            continue;
        }
        // Unique among everyone, removed people included.
        bool taken = false;
        const struct {
            const char* field;
            QHash<QString, qint64>* map;
            QString key;
        } uniques[] = { { "logonName", &byLogon, lower(details->logonName) }, { "userPrincipalName", &byUpn, lower(details->userPrincipalName) },
            { "employeeId", &byEmployeeId, details->employeeId } };
        for (const auto& u : uniques) {
            const qint64 owner = u.key.isEmpty() ? 0 : u.map->value(u.key);
            if (owner && owner != match) {
                const QString field = QLatin1String(u.field);
                fail(entry, Error(ErrorCode::Conflict, QStringLiteral("%1 '%2' belongs to %3").arg(field, PersonRules::valueOf(*details, field), people.value(owner).details.logonName),
                                {
                                    { QStringLiteral("problem"), QStringLiteral("person-field-taken") },
                                    { QStringLiteral("field"), field },
                                }));
                taken = true;
                break;
            }
        }
        if (taken)
            continue;
        if (!match) {
            auto row = insertPerson.fetchOne({ details->logonName, details->fullName, PeopleService::nameKey(details->fullName), details->email, details->mobile, details->userPrincipalName,
                    details->group, entry.disabled ? 0 : 1, details->employeeId, entry.directoryId, entry.dn, entry.disabled ? 1 : 0 });
            if (!row)
                return row.error();
            Local fresh { row->value("id").toLongLong(), *details, !entry.disabled, false, entry.disabled, entry.directoryId, entry.dn };
            people.insert(fresh.id, fresh);
            index(fresh);
            ++report->added;
            continue;
        }
        const QStringList changed = PersonRules::changedFields(before.details, *details);
        if (!changed.isEmpty() || before.directoryDn != entry.dn || before.directoryId != entry.directoryId) {
            if (auto r = updatePerson.run({ details->logonName, details->fullName, PeopleService::nameKey(details->fullName), details->email, details->mobile, details->userPrincipalName,
                        details->group, details->employeeId, entry.directoryId, entry.dn, match });
                !r)
                return r.error();
            Local after = before;
            after.details = *details;
            after.directoryId = entry.directoryId;
            after.directoryDn = entry.dn;
            unindex(before);
            people.insert(match, after);
            index(after);
            QStringList changes;
            for (const QString& f : changed)
                changes << QStringLiteral("%1 '%2' -> '%3'").arg(f, PersonRules::valueOf(before.details, f), PersonRules::valueOf(*details, f));
            if (before.directoryId.isEmpty())
                changes.prepend(QStringLiteral("now synced from %1").arg(entry.dn));
            else if (before.directoryDn != entry.dn)
                changes << QStringLiteral("entry '%1' -> '%2'").arg(before.directoryDn, entry.dn);
            if (auto r = audit(QStringLiteral("person"), match, details->fullName, QStringLiteral("from the directory: ") + changes.join(QStringLiteral(", "))); !r)
                return r;
            if (!changed.isEmpty())
                ++report->updated;
        }
        Local& now = people[match];
        if (entry.disabled && now.enabled) {
            auto done = accounts.disable(match, QStringLiteral("disabled in the directory"));
            if (!done)
                return done.error();
            if (auto r = exec(m_db, QStringLiteral("UPDATE people SET disabled_by_directory = 1 WHERE id = ?"), { match }); !r)
                return r.error();
            now.enabled = false;
            now.disabledByDirectory = true;
            ++report->disabled;
            if (auto r = audit(QStringLiteral("person"), match, now.details.fullName, done->join(QStringLiteral("; "))); !r)
                return r;
        } else if (!entry.disabled && !now.enabled && now.disabledByDirectory) {
            auto done = accounts.enable(match, QStringLiteral("enabled in the directory"), true);
            if (!done)
                return done.error();
            now.enabled = true;
            now.disabledByDirectory = false;
            ++report->enabled;
            if (auto r = audit(QStringLiteral("person"), match, now.details.fullName, done->join(QStringLiteral("; "))); !r)
                return r;
        }
    }

    // Who came back without their entry changing (an incremental sync did not read it).
    for (Local& l : people) {
        if (l.directoryId.isEmpty() || l.removed || l.enabled || !l.disabledByDirectory || !snapshot.presentIds.contains(l.directoryId)
            || snapshot.disabledIds.contains(l.directoryId))
            continue;
        auto done = accounts.enable(l.id, QStringLiteral("back in the directory"), true);
        if (!done)
            return done.error();
        l.enabled = true;
        l.disabledByDirectory = false;
        ++report->enabled;
        if (auto r = audit(QStringLiteral("person"), l.id, l.details.fullName, done->join(QStringLiteral("; "))); !r)
            return r;
    }

    // Who left: synced, still enabled, and no longer matched by the filter.
    const bool anySynced = !byDirectoryId.isEmpty();
    if (snapshot.presentIds.isEmpty() && anySynced)
        return Error(ErrorCode::DirectoryFailure, QStringLiteral("the directory matched nobody; nobody was disabled"),
            { { QStringLiteral("problem"), QStringLiteral("directory-empty") } });
    for (Local& l : people) {
        if (l.directoryId.isEmpty() || l.removed || !l.enabled || snapshot.presentIds.contains(l.directoryId))
            continue;
        auto done = accounts.disable(l.id, QStringLiteral("no longer in the directory"));
        if (!done)
            return done.error();
        if (auto r = exec(m_db, QStringLiteral("UPDATE people SET disabled_by_directory = 1 WHERE id = ?"), { l.id }); !r)
            return r.error();
        l.enabled = false;
        l.disabledByDirectory = true;
        ++report->disabled;
        if (auto r = audit(QStringLiteral("person"), l.id, l.details.fullName, done->join(QStringLiteral("; "))); !r)
            return r;
    }

    // Roles by group membership, for the roles whose groups were all found.
    QHash<qint64, QSet<QString>> membersOfRole;
    QSet<qint64> undecided;
    QHash<qint64, QString> groupsOfRole;
    for (const DirectoryGroupRole& g : config.groupRoles) {
        const QString key = DirectoryEntryReader::dnKey(g.groupDn);
        groupsOfRole[g.roleId] += (groupsOfRole[g.roleId].isEmpty() ? QString() : QStringLiteral(", ")) + g.groupDn.trimmed();
        if (!snapshot.groupMembers.contains(key))
            undecided.insert(g.roleId);
        else
            membersOfRole[g.roleId].unite(snapshot.groupMembers.value(key));
    }
    for (auto role = membersOfRole.cbegin(); role != membersOfRole.cend(); ++role) {
        if (undecided.contains(role.key()))
            continue;
        auto holders = exec(m_db, QStringLiteral("SELECT person_id FROM person_roles WHERE role_id = ?"), { role.key() });
        if (!holders)
            return holders.error();
        QSet<qint64> holding;
        const SqlRow holder(*holders);
        while (holders->next())
            holding.insert(holder.value("person_id").toLongLong());
        auto name = fetchValue(m_db, QStringLiteral("SELECT name FROM roles WHERE id = ?"), { role.key() });
        if (!name)
            return name.error();
        for (const Local& l : std::as_const(people)) {
            if (l.directoryId.isEmpty() || l.removed)
                continue;
            const bool member = role->contains(DirectoryEntryReader::dnKey(l.directoryDn));
            if (member == holding.contains(l.id))
                continue;
            if (auto r = exec(m_db, member ? QStringLiteral("INSERT INTO person_roles (person_id, role_id) VALUES (?, ?)") : QStringLiteral("DELETE FROM person_roles WHERE person_id = ? AND role_id = ?"),
                    { l.id, role.key() });
                !r)
                return r.error();
            ++report->roleChanges;
            const QString what = member ? QStringLiteral("role '%1' given: a member of %2") : QStringLiteral("role '%1' taken: no longer a member of %2");
            if (auto r = audit(QStringLiteral("person"), l.id, l.details.fullName, what.arg(name->toString(), groupsOfRole.value(role.key()))); !r)
                return r;
        }
    }

    auto administratorsAfter = PersonAdministration::anAdministratorExists(m_db);
    if (!administratorsAfter)
        return administratorsAfter.error();
    if (*administratorsBefore && !*administratorsAfter)
        return Error(ErrorCode::Conflict, QStringLiteral("the directory would leave nobody who may edit roles and assign them to everyone"),
            { { QStringLiteral("problem"), QStringLiteral("last-administrator") } });
    report->errors << snapshot.errors;
    report->entries = snapshot.entries;
    return {};
}

} // namespace lanyard
