#include "DirectoryService.h"

#include "AuditLog.h"
#include "DirectoryEntryReader.h"
#include "DirectorySync.h"
#include "Role.h"
#include "SettingsSchema.h"
#include "pki/CertificateValidator.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QUrl>

namespace lanyard {

namespace {
QByteArray kPasswordPurpose()
{
    return QByteArrayLiteral("directory-bind");
}

// Where a typed password was meant to go: the server, the account and how the line is kept.
bool sameDestination(const DirectoryConfig& a, const DirectoryConfig& b)
{
    const QUrl ua(a.url.trimmed()), ub(b.url.trimmed());
    return ua.scheme().toLower() == ub.scheme().toLower() && ua.host().toLower() == ub.host().toLower() && ua.port() == ub.port()
        && a.bindDn.trimmed().compare(b.bindDn.trimmed(), Qt::CaseInsensitive) == 0 && a.startTls == b.startTls && a.caFile.trimmed() == b.caFile.trimmed();
}

// Whatever changes which entries are read or how they are read makes the next sync full.
bool sameReading(const DirectoryConfig& a, const DirectoryConfig& b)
{
    return sameDestination(a, b) && a.baseDn == b.baseDn && a.filter == b.filter && a.attributes == b.attributes && a.idAttribute == b.idAttribute
        && a.disabledBy == b.disabledBy && a.disabledAttribute == b.disabledAttribute && a.disabledValue == b.disabledValue && a.changeAttribute == b.changeAttribute;
}

// A search stops early by answering this from the visitor.
Error enough()
{
    return Error(ErrorCode::InvalidArgument, {}, { { QStringLiteral("stop"), true } });
}
} // namespace

DirectoryService::DirectoryService(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

Result<DirectoryConfig> DirectoryService::load()
{
    auto row = fetchOne(m_db, QStringLiteral("SELECT * FROM directory_config ORDER BY id LIMIT 1"));
    if (!row)
        return row.error();
    if (row->isEmpty())
        return DirectoryConfig::defaultsFor(DirectoryConfig::Kind::OpenLdap);
    DirectoryConfig c;
    c.enabled = row->value("enabled").toInt() != 0;
    directoryKindFromId(row->value("kind").toString(), &c.kind);
    c.url = row->value("url").toString();
    c.startTls = row->value("start_tls").toInt() != 0;
    c.caFile = row->value("ca_file").toString();
    c.bindDn = row->value("bind_dn").toString();
    const QString wrapped = row->value("bind_password").toString();
    if (!wrapped.isEmpty()) {
        auto plain = m_ctx.keyWrapper->unwrap(QByteArray::fromBase64(wrapped.toLatin1()), kPasswordPurpose());
        if (!plain)
            return plain.error();
        c.bindPassword = QString::fromUtf8(*plain);
    }
    c.baseDn = row->value("base_dn").toString();
    c.filter = row->value("filter").toString();
    c.pageSize = row->value("page_size").toInt();
    c.idAttribute = row->value("id_attribute").toString();
    disabledByFromId(row->value("disabled_by").toString(), &c.disabledBy);
    c.disabledAttribute = row->value("disabled_attribute").toString();
    c.disabledValue = row->value("disabled_value").toString();
    c.changeAttribute = row->value("change_attribute").toString();
    c.intervalMinutes = row->value("interval_minutes").toInt();
    auto attributes = exec(m_db, QStringLiteral("SELECT field, attribute FROM directory_attributes"));
    if (!attributes)
        return attributes.error();
    const SqlRow attribute(*attributes);
    while (attributes->next())
        c.attributes.insert(attribute.value("field").toString(), attribute.value("attribute").toString());
    auto groups = exec(m_db, QStringLiteral("SELECT group_dn, role_id FROM directory_group_roles ORDER BY group_dn, role_id"));
    if (!groups)
        return groups.error();
    const SqlRow group(*groups);
    while (groups->next())
        c.groupRoles << DirectoryGroupRole { group.value("group_dn").toString(), group.value("role_id").toLongLong() };
    return c;
}

Result<QString> DirectoryService::storedHighWater()
{
    auto v = fetchValue(m_db, QStringLiteral("SELECT high_water FROM directory_config ORDER BY id LIMIT 1"));
    if (!v)
        return v.error();
    return v->toString();
}

Result<DirectoryConfig> DirectoryService::config(const AccessControl& ac)
{
    if (auto r = ac.require(Workflow::ManageDirectory); !r)
        return r.error();
    auto c = load();
    if (c && !c->bindPassword.isEmpty())
        c->bindPassword = SettingsSchema::secretPlaceholder();
    return c;
}

Result<DirectoryConfig> DirectoryService::withStoredPassword(const DirectoryConfig& config)
{
    if (config.bindPassword != SettingsSchema::secretPlaceholder())
        return config;
    auto stored = load();
    if (!stored)
        return stored.error();
    if (!sameDestination(*stored, config))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("the bind password was typed for another server, account or TLS setting; type it again"),
            { { QStringLiteral("problem"), QStringLiteral("directory-password-needed") }, { QStringLiteral("field"), QStringLiteral("bindPassword") } });
    DirectoryConfig out = config;
    out.bindPassword = stored->bindPassword;
    return out;
}

Result<void> DirectoryService::save(const AccessControl& ac, const DirectoryConfig& input)
{
    if (auto r = ac.require(Workflow::ManageDirectory); !r)
        return r;
    if (auto r = DirectoryConfig::validate(input); !r)
        return r;
    if (!input.caFile.trimmed().isEmpty()) {
        if (auto r = CertificateValidator::readCertificates({ input.caFile.trimmed() }); !r)
            return Error(ErrorCode::InvalidArgument, r.error().detail,
                { { QStringLiteral("problem"), QStringLiteral("directory-ca-file") }, { QStringLiteral("field"), QStringLiteral("caFile") },
                    { QStringLiteral("path"), input.caFile.trimmed() } });
    }
    auto config = withStoredPassword(input);
    if (!config)
        return config.error();
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r;
    auto before = load();
    if (!before)
        return before.error();
    // A role given by a group is given by whoever maps the group: they need its rights.
    for (const DirectoryGroupRole& g : config->groupRoles) {
        auto role = fetchOne(m_db, QStringLiteral("SELECT id, name, scope, workflows FROM roles WHERE id = ?"), { g.roleId });
        if (!role)
            return role.error();
        if (role->isEmpty())
            return Error(ErrorCode::NotFound, QStringLiteral("no role %1").arg(g.roleId), { { QStringLiteral("what"), QStringLiteral("role") } });
        Role r;
        r.id = g.roleId;
        r.name = role->value("name").toString();
        scopeFromId(role->value("scope").toString(), &r.scope);
        Role::parseWorkflowIds(role->value("workflows").toString(), &r.workflows);
        if (const QList<Workflow> lacking = ac.lacking(r); !lacking.isEmpty()) {
            QStringList ids;
            for (Workflow w : lacking)
                ids << workflowId(w);
            return Error(ErrorCode::PermissionDenied, QStringLiteral("the role %1 carries rights you do not hold").arg(r.name),
                { { QStringLiteral("problem"), QStringLiteral("role-rights") }, { QStringLiteral("role"), r.name }, { QStringLiteral("workflow"), ids.join(QLatin1Char(',')) } });
        }
    }
    QString wrapped;
    if (!config->bindPassword.isEmpty()) {
        auto w = m_ctx.keyWrapper->wrap(config->bindPassword.toUtf8(), kPasswordPurpose());
        if (!w)
            return w.error();
        wrapped = QString::fromLatin1(w->toBase64());
    }
    auto highWater = storedHighWater();
    if (!highWater)
        return highWater.error();
    const QString keptHighWater = sameReading(*before, *config) ? *highWater : QString();
    for (const char* sql : { "DELETE FROM directory_config", "DELETE FROM directory_attributes", "DELETE FROM directory_group_roles" }) {
        if (auto r = exec(m_db, QLatin1String(sql)); !r)
            return r.error();
    }
    const DirectoryConfig& c = *config;
    if (auto r = exec(m_db,
            QStringLiteral("INSERT INTO directory_config (enabled, kind, url, start_tls, ca_file, bind_dn, bind_password, base_dn, filter, page_size, id_attribute, "
                           "disabled_by, disabled_attribute, disabled_value, change_attribute, interval_minutes, high_water) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
            { c.enabled ? 1 : 0, directoryKindId(c.kind), c.url.trimmed(), c.startTls ? 1 : 0, c.caFile.trimmed(), c.bindDn.trimmed(), wrapped, c.baseDn.trimmed(),
                c.filter.trimmed(), c.pageSize, c.idAttribute.trimmed(), disabledById(c.disabledBy), c.disabledAttribute.trimmed(), c.disabledValue.trimmed(),
                c.changeAttribute, c.intervalMinutes, keptHighWater });
        !r)
        return r.error();
    for (auto it = c.attributes.cbegin(); it != c.attributes.cend(); ++it) {
        if (auto r = exec(m_db, QStringLiteral("INSERT INTO directory_attributes (field, attribute) VALUES (?, ?)"), { it.key(), it.value().trimmed() }); !r)
            return r.error();
    }
    for (const DirectoryGroupRole& g : c.groupRoles) {
        if (auto r = exec(m_db, QStringLiteral("INSERT INTO directory_group_roles (group_dn, role_id) VALUES (?, ?)"), { g.groupDn.trimmed(), g.roleId }); !r)
            return r.error();
    }
    QStringList what { QStringLiteral("%1 %2").arg(c.enabled ? QStringLiteral("on,") : QStringLiteral("off,"), c.url.trimmed()),
        QStringLiteral("base %1").arg(c.baseDn.trimmed()), QStringLiteral("filter %1").arg(c.filter.trimmed()),
        QStringLiteral("%1 group mapping(s)").arg(c.groupRoles.size()) };
    if (input.bindPassword != SettingsSchema::secretPlaceholder() && before->bindPassword != c.bindPassword)
        what << QStringLiteral("bind password changed");
    const AuditEvent e = AuditLog::event(m_ctx.now(), &ac, workflowId(Workflow::ManageDirectory), QStringLiteral("directory"), {}, QStringLiteral("Directory"),
        QStringLiteral("saved: ") + what.join(QStringLiteral("; ")));
    if (auto r = AuditLog(m_db, m_ctx).append(e); !r)
        return r.error();
    return tx.commit();
}

Result<DirectoryProbe> DirectoryService::test(const AccessControl& ac, const DirectoryConfig& input)
{
    if (auto r = ac.require(Workflow::ManageDirectory); !r)
        return r.error();
    if (auto r = DirectoryConfig::validate(input); !r)
        return r.error();
    auto config = withStoredPassword(input);
    if (!config)
        return config.error();
    LdapEndpoint endpoint { config->url.trimmed(), config->startTls, config->caFile.trimmed() };
    auto connection = LdapConnection::open(endpoint, config->bindDn.trimmed(), config->bindPassword);
    if (!connection)
        return connection.error();
    DirectoryProbe probe;
    const DirectoryEntryReader reader(*config);
    auto counted = (*connection)->search(config->baseDn.trimmed(), LdapScope::Subtree, config->filter.trimmed(), {}, config->pageSize,
        [](const LdapEntry&) -> Result<void> { return {}; });
    if (!counted)
        return counted.error();
    probe.matching = *counted;
    auto first = (*connection)->search(config->baseDn.trimmed(), LdapScope::Subtree, config->filter.trimmed(), reader.attributes(), kProbePeople,
        [&](const LdapEntry& entry) -> Result<void> {
            auto person = reader.read(entry);
            if (!person) {
                probe.errors << DirectorySyncError { entry.dn, person.error().args.value(QStringLiteral("problem")).toString(),
                    person.error().args.value(QStringLiteral("field")).toString(), person.error().detail };
            } else {
                QMap<QString, QString> shown = person->fields;
                shown.insert(QStringLiteral("dn"), entry.dn);
                shown.insert(QStringLiteral("directoryId"), person->directoryId);
                shown.insert(QStringLiteral("disabled"), person->disabled ? QStringLiteral("true") : QStringLiteral("false"));
                probe.firstPeople << shown;
            }
            if (probe.firstPeople.size() + probe.errors.size() >= kProbePeople)
                return enough();
            return {};
        });
    if (!first && !first.error().args.value(QStringLiteral("stop")).toBool())
        return first.error();
    return probe;
}

Result<qint64> DirectoryService::record(const AccessControl* ac, const DirectorySyncReport& report)
{
    auto row = fetchOne(m_db,
        QStringLiteral("INSERT INTO directory_syncs (started_at, finished_at, operator_id, full_sync, outcome, entries, added, updated, disabled, enabled, "
                       "role_changes, error_count, problem, detail) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id"),
        { report.startedAt, report.finishedAt, ac ? QVariant(ac->operatorPerson().id) : QVariant(QMetaType::fromType<qint64>()), report.full ? 1 : 0,
            report.failed ? QStringLiteral("failed") : QStringLiteral("done"), report.entries, report.added, report.updated, report.disabled, report.enabled,
            report.roleChanges, report.errorCount, report.problem, report.detail });
    if (!row)
        return row.error();
    const qint64 id = row->value("id").toLongLong();
    for (const DirectorySyncError& e : report.errors.mid(0, DirectorySyncReport::kKeptErrors)) {
        if (auto r = exec(m_db, QStringLiteral("INSERT INTO directory_sync_errors (sync_id, dn, problem, field, detail) VALUES (?,?,?,?,?)"),
                { id, e.dn, e.problem, e.field, e.detail });
            !r)
            return r.error();
    }
    QString summary = report.failed
        ? QStringLiteral("failed (%1): %2; nothing changed").arg(report.problem, report.detail)
        : QStringLiteral("%1 sync of %2 entr(ies): %3 added, %4 updated, %5 disabled, %6 enabled again, %7 role change(s), %8 error(s)")
              .arg(report.full ? QStringLiteral("full") : QStringLiteral("incremental"))
              .arg(report.entries)
              .arg(report.added)
              .arg(report.updated)
              .arg(report.disabled)
              .arg(report.enabled)
              .arg(report.roleChanges)
              .arg(report.errorCount);
    AuditEvent e = AuditLog::event(m_ctx.now(), ac, QStringLiteral("directory-sync"), QStringLiteral("directory"), QString::number(id), QStringLiteral("Directory"), summary);
    if (report.failed)
        e.outcome = QStringLiteral("failed");
    if (auto r = AuditLog(m_db, m_ctx).append(e); !r)
        return r.error();
    return id;
}

Result<DirectorySyncReport> DirectoryService::run(const AccessControl* ac, const DirectoryConfig& config, bool full)
{
    DirectorySyncReport report;
    report.startedAt = m_ctx.now().toMSecsSinceEpoch();
    auto highWater = storedHighWater();
    if (!highWater)
        return highWater.error();
    auto snapshot = DirectorySync::read(config, *highWater, full);
    Result<void> applied;
    if (snapshot) {
        report.full = snapshot->full;
        Transaction tx(m_db, m_ctx.dialect());
        applied = tx.begin();
        if (applied)
            applied = DirectorySync(m_ctx, m_db).apply(config, *snapshot, ac, &report);
        if (applied) {
            report.finishedAt = m_ctx.now().toMSecsSinceEpoch();
            report.errorCount = int(report.errors.size());
            if (auto r = exec(m_db, QStringLiteral("UPDATE directory_config SET high_water = ?"), { snapshot->highWater }); !r)
                return r.error();
            auto id = record(ac, report);
            if (!id)
                return id.error();
            report.id = *id;
            if (auto r = tx.commit(); !r)
                return r.error();
            report.errors = report.errors.mid(0, DirectorySyncReport::kKeptErrors);
            return report;
        }
        // Left without commit: everything the sync wrote is undone.
    } else {
        applied = snapshot.error();
    }
    if (applied.error().code == ErrorCode::StorageFailure || applied.error().code == ErrorCode::StorageBusy)
        return applied.error();
    DirectorySyncReport failed;
    failed.startedAt = report.startedAt;
    failed.finishedAt = m_ctx.now().toMSecsSinceEpoch();
    failed.full = full;
    failed.failed = true;
    failed.problem = applied.error().args.value(QStringLiteral("problem"), applied.error().id()).toString();
    failed.detail = applied.error().detail;
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto id = record(ac, failed);
    if (!id)
        return id.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    failed.id = *id;
    return failed;
}

Result<DirectorySyncReport> DirectoryService::sync(const AccessControl& ac, bool full)
{
    if (auto r = ac.require(Workflow::ManageDirectory); !r)
        return r.error();
    auto config = load();
    if (!config)
        return config.error();
    if (auto r = DirectoryConfig::validate(*config); !r)
        return Error(ErrorCode::InvalidTransition, QStringLiteral("the directory is not set up"), { { QStringLiteral("problem"), QStringLiteral("directory-not-set-up") } });
    return run(&ac, *config, full);
}

Result<DirectorySyncReport> DirectoryService::syncIfDue()
{
    auto config = load();
    if (!config)
        return config.error();
    if (!config->enabled || config->intervalMinutes == 0 || !DirectoryConfig::validate(*config))
        return DirectorySyncReport {};
    auto last = fetchValue(m_db, QStringLiteral("SELECT MAX(started_at) FROM directory_syncs"));
    if (!last)
        return last.error();
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    if (!last->isNull() && now - last->toLongLong() < qint64(config->intervalMinutes) * 60000)
        return DirectorySyncReport {};
    return run(nullptr, *config, false);
}

Result<QList<DirectorySyncReport>> DirectoryService::reports(const AccessControl& ac, int limit)
{
    if (auto r = ac.require(Workflow::ManageDirectory); !r)
        return r.error();
    auto q = exec(m_db, QStringLiteral("SELECT * FROM directory_syncs ORDER BY id DESC LIMIT ?"), { qBound(1, limit, 100) });
    if (!q)
        return q.error();
    QList<DirectorySyncReport> out;
    const SqlRow row(*q);
    while (q->next()) {
        DirectorySyncReport r;
        r.id = row.value("id").toLongLong();
        r.startedAt = row.value("started_at").toLongLong();
        r.finishedAt = row.value("finished_at").toLongLong();
        r.full = row.value("full_sync").toInt() != 0;
        r.failed = row.value("outcome").toString() == QLatin1String("failed");
        r.entries = row.value("entries").toInt();
        r.added = row.value("added").toInt();
        r.updated = row.value("updated").toInt();
        r.disabled = row.value("disabled").toInt();
        r.enabled = row.value("enabled").toInt();
        r.roleChanges = row.value("role_changes").toInt();
        r.errorCount = row.value("error_count").toInt();
        r.problem = row.value("problem").toString();
        r.detail = row.value("detail").toString();
        out << r;
    }
    q->finish();
    if (!out.isEmpty()) {
        auto errors = exec(m_db, QStringLiteral("SELECT dn, problem, field, detail FROM directory_sync_errors WHERE sync_id = ? ORDER BY id"), { out.first().id });
        if (!errors)
            return errors.error();
        const SqlRow error(*errors);
        while (errors->next())
            out.first().errors << DirectorySyncError { error.value("dn").toString(), error.value("problem").toString(), error.value("field").toString(),
                error.value("detail").toString() };
    }
    return out;
}

} // namespace lanyard
