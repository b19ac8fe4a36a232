#include "HardwareService.h"

#include "AuditLog.h"
#include "SettingsSchema.h"
#include "SettingsService.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QRegularExpression>

namespace lanyard {

namespace {
QString normalise(HardwareKind kind, const QString& identifier)
{
    // DNS names compare case-insensitively; phone serials as printed.
    return kind == HardwareKind::Computer ? identifier.trimmed().toLower() : identifier.trimmed();
}

Result<void> audit(const EngineContext& ctx, const QSqlDatabase& db, const AccessControl& ac, const QString& label, const QString& details)
{
    const AuditEvent e = AuditLog::event(ctx.now(), &ac, workflowId(Workflow::AddEditDevices), QStringLiteral("hardware"), {}, label, details);
    if (auto r = AuditLog(db, ctx).append(e); !r)
        return r.error();
    return {};
}
} // namespace

HardwareService::HardwareService(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

QString HardwareService::kindId(HardwareKind kind)
{
    return kind == HardwareKind::Computer ? QStringLiteral("computer") : QStringLiteral("phone");
}

Result<qint64> HardwareService::add(const AccessControl& ac, const RegisteredHardware& h)
{
    if (auto r = ac.require(Workflow::AddEditDevices); !r)
        return r.error();
    if (auto r = SettingsService(m_ctx, m_db).requireOn(SettingKey::DeviceManagement); !r)
        return r.error();
    const QString id = normalise(h.kind, h.identifier);
    static const QRegularExpression dns(QStringLiteral("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$"));
    if (id.isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("a serial number or DNS name is required"), { { QStringLiteral("problem"), QStringLiteral("identifier-missing") } });
    if (h.kind == HardwareKind::Computer && !dns.match(id).hasMatch())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("'%1' is not a full DNS name (host.domain)").arg(h.identifier),
            { { QStringLiteral("problem"), QStringLiteral("dns-name") } });
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    qint64 ownerId = h.ownerId;
    if (ownerId <= 0 && !h.ownerLogon.trimmed().isEmpty()) {
        auto owner = fetchOne(m_db, QStringLiteral("SELECT id FROM people WHERE logon_name = ?"), { h.ownerLogon.trimmed() });
        if (!owner)
            return owner.error();
        if (owner->isEmpty())
            return Error(ErrorCode::NotFound, QStringLiteral("nobody has the logon name '%1'").arg(h.ownerLogon), { { QStringLiteral("what"), QStringLiteral("person") } });
        ownerId = owner->value("id").toLongLong();
    }
    auto existing = fetchOne(m_db, QStringLiteral("SELECT id, active FROM registered_hardware WHERE kind = ? AND identifier = ?"), { kindId(h.kind), id });
    if (!existing)
        return existing.error();
    qint64 rowId = 0;
    if (!existing->isEmpty()) {
        if (existing->value("active").toInt() != 0)
            return Error(ErrorCode::Conflict, QStringLiteral("%1 is already registered").arg(id));
        rowId = existing->value("id").toLongLong();
        if (auto r = exec(m_db, QStringLiteral("UPDATE registered_hardware SET active = 1, owner_id = ?, description = ? WHERE id = ?"),
                { ownerId > 0 ? QVariant(ownerId) : QVariant(QMetaType::fromType<qlonglong>()), h.description, rowId });
            !r)
            return r.error();
    } else {
        auto row = fetchOne(m_db, QStringLiteral("INSERT INTO registered_hardware (kind, identifier, owner_id, description, active) VALUES (?, ?, ?, ?, 1) RETURNING id"),
            { kindId(h.kind), id, ownerId > 0 ? QVariant(ownerId) : QVariant(QMetaType::fromType<qlonglong>()), h.description });
        if (!row)
            return row.error();
        rowId = row->value("id").toLongLong();
    }
    if (auto r = audit(m_ctx, m_db, ac, id, QStringLiteral("%1 registered").arg(kindId(h.kind))); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return rowId;
}

Result<void> HardwareService::deactivate(const AccessControl& ac, qint64 id)
{
    if (auto r = ac.require(Workflow::AddEditDevices); !r)
        return r;
    if (auto r = SettingsService(m_ctx, m_db).requireOn(SettingKey::DeviceManagement); !r)
        return r;
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r;
    auto row = fetchOne(m_db, QStringLiteral("SELECT identifier, active FROM registered_hardware WHERE id = ?"), { id });
    if (!row)
        return row.error();
    if (row->isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("hardware %1").arg(id), { { QStringLiteral("what"), QStringLiteral("hardware") } });
    if (row->value("active").toInt() == 0)
        return Error(ErrorCode::InvalidTransition, QStringLiteral("already inactive"),
            { { QStringLiteral("operation"), QStringLiteral("deactivate") }, { QStringLiteral("state"), QStringLiteral("inactive") } });
    if (auto r = exec(m_db, QStringLiteral("UPDATE registered_hardware SET active = 0 WHERE id = ?"), { id }); !r)
        return r.error();
    if (auto r = audit(m_ctx, m_db, ac, row->value("identifier").toString(), QStringLiteral("deactivated")); !r)
        return r;
    return tx.commit();
}

Result<QList<RegisteredHardware>> HardwareService::list(const AccessControl& ac, bool activeOnly)
{
    // Who may request a card sees the computers it can be made on, to pick the target from.
    const bool computersOnly = !ac.allows(Workflow::AddEditDevices) && ac.allows(Workflow::RequestCard);
    if (!computersOnly) {
        if (auto r = ac.require(Workflow::AddEditDevices); !r)
            return r.error();
    }
    QString where = activeOnly || computersOnly ? QStringLiteral("WHERE h.active = 1") : QString();
    if (computersOnly)
        where += QStringLiteral(" AND h.kind = 'computer'");
    auto q = exec(m_db, QStringLiteral("SELECT h.id, h.kind, h.identifier, COALESCE(h.owner_id, 0) AS owner_id, h.description, h.active, COALESCE(p.logon_name, '') AS owner_logon "
                                       "FROM registered_hardware h LEFT JOIN people p ON p.id = h.owner_id %1 ORDER BY h.kind, h.identifier")
                            .arg(where));
    if (!q)
        return q.error();
    QList<RegisteredHardware> out;
    const SqlRow row(*q);
    while (q->next()) {
        RegisteredHardware h;
        h.id = row.value("id").toLongLong();
        h.kind = row.value("kind").toString() == QLatin1String("computer") ? HardwareKind::Computer : HardwareKind::Phone;
        h.identifier = row.value("identifier").toString();
        h.ownerId = row.value("owner_id").toLongLong();
        h.description = row.value("description").toString();
        h.active = row.value("active").toInt() != 0;
        h.ownerLogon = row.value("owner_logon").toString();
        out.append(h);
    }
    return out;
}

Result<bool> HardwareService::isKnown(HardwareKind kind, const QString& identifier, qint64 ownerId)
{
    auto row = fetchOne(m_db, QStringLiteral("SELECT COALESCE(owner_id, 0) AS owner_id FROM registered_hardware WHERE kind = ? AND identifier = ? AND active = 1"),
        { kindId(kind), normalise(kind, identifier) });
    if (!row)
        return row.error();
    if (row->isEmpty())
        return false;
    return ownerId <= 0 || row->value("owner_id").toLongLong() == ownerId;
}

} // namespace lanyard
