#include "DirectorySync.h"

#include "AccountSwitch.h"
#include "AuditLog.h"
#include "PeopleService.h"
#include "PersonAdministration.h"
#include "PersonRules.h"
#include "storage/Database.h"
#include "storage/IndexRebuild.h"

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
    // Newcomers are written kInsertBatch at a time by one statement prepared once (a first sync
    // writes every person; a statement per person cost more than the person). Until their
    // batch is written they are known here by a stand-in id below zero.
    const auto insertSql = [](qsizetype rows) {
        QStringList values;
        for (qsizetype i = 0; i < rows; ++i)
            values << QStringLiteral("(?,?,?,?,?,?,?,?,?,?,?,?)");
        return QStringLiteral("INSERT INTO people (logon_name, full_name, full_name_key, email, mobile, upn, group_name, enabled, employee_id, directory_id, "
                              "directory_dn, disabled_by_directory) VALUES %1 RETURNING id, directory_id")
            .arg(values.join(QLatin1Char(',')));
    };
    PreparedStatement insertBatch(m_db, insertSql(kInsertBatch));
    QVariantList pendingValues;
    QHash<QString, qint64> pendingByDirectoryId; // stand-in ids

    qint64 nextStandIn = -1;
    const auto writeNewcomers = [&]() -> Result<void> {
        const qsizetype count = pendingByDirectoryId.size();
        if (count == 0)
            return {};
        auto rows = count == kInsertBatch ? insertBatch.fetchAll(pendingValues) : PreparedStatement(m_db, insertSql(count)).fetchAll(pendingValues);
        if (!rows)
            return rows.error();
        if (rows->size() != count)
            return Error(ErrorCode::StorageFailure, QStringLiteral("%1 people written, %2 expected").arg(rows->size()).arg(count));
        for (const SqlRow& row : *rows) {
            const qint64 standIn = pendingByDirectoryId.value(row.value("directory_id").toString());
            if (!standIn)
                return Error(ErrorCode::StorageFailure, QStringLiteral("a person written was not among those to write"));
            Local l = people.take(standIn);
            l.id = row.value("id").toLongLong();
            people.insert(l.id, l);
            index(l);
        }
        pendingValues.clear();
        pendingByDirectoryId.clear();
        return {};
    };
    PreparedStatement updatePerson(m_db,
        QStringLiteral("UPDATE people SET logon_name = ?, full_name = ?, full_name_key = ?, email = ?, mobile = ?, upn = ?, group_name = ?, "
                       "employee_id = ?, directory_id = ?, directory_dn = ? WHERE id = ?"));
    const bool employeeMapped = config.attributes.contains(QStringLiteral("employeeId"));

    // Many newcomers (a first sync): people's indexes are made afresh after them, not kept up
    // person by person. Uniqueness is decided in memory above, so the rebuild cannot fail on it.
    qsizetype newcomers = 0;
    for (const DirectoryPerson& entry : snapshot.people)
        newcomers += byDirectoryId.contains(entry.directoryId) ? 0 : 1;
    std::optional<IndexRebuild> indexes;
    if (newcomers >= kManyNewcomers && newcomers >= people.size()) {
        auto aside = IndexRebuild::setAside(m_db, m_ctx.dialect(), QStringLiteral("people"));
        if (!aside)
            return aside.error();
        indexes.emplace(std::move(aside).value());
    }

    for (const DirectoryPerson& entry : snapshot.people) {
        if (pendingByDirectoryId.contains(entry.directoryId)) {
            // The same id twice in one read: the first is written before the second is matched.
            if (auto r = writeNewcomers(); !r)
                return r;
        }
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
            pendingValues << details->logonName << details->fullName << PeopleService::nameKey(details->fullName) << details->email << details->mobile
                          << details->userPrincipalName << details->group << (entry.disabled ? 0 : 1) << details->employeeId << entry.directoryId << entry.dn
                          << (entry.disabled ? 1 : 0);
            Local fresh { nextStandIn--, *details, !entry.disabled, false, entry.disabled, entry.directoryId, entry.dn };
            pendingByDirectoryId.insert(fresh.directoryId, fresh.id);
            people.insert(fresh.id, fresh);
            index(fresh);
            ++report->added;
            if (pendingByDirectoryId.size() == kInsertBatch) {
                if (auto r = writeNewcomers(); !r)
                    return r;
            }
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

    if (auto r = writeNewcomers(); !r)
        return r;
    if (indexes) {
        if (auto r = indexes->rebuild(); !r)
            return r.error();
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
