#include "SettingsService.h"

#include "AuditLog.h"
#include "SettingsSchema.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

namespace lanyard {

SettingsService::SettingsService(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

Result<Settings> SettingsService::load()
{
    Settings s = SettingsSchema::defaults();
    auto q = exec(m_db, QStringLiteral("SELECT key, value FROM settings"));
    if (!q)
        return q.error();
    while (q->next())
        s.set(q->value(0).toString(), q->value(1).toString());
    auto tz = exec(m_db, QStringLiteral("SELECT display_name, utc_offset FROM timezones ORDER BY position, id"));
    if (!tz)
        return tz.error();
    s.timezones.clear();
    while (tz->next())
        s.timezones.append({ tz->value(0).toString(), tz->value(1).toString() });
    return s;
}

Result<Settings> SettingsService::get(const AccessControl& ac)
{
    if (auto r = ac.require(Workflow::EditConfiguration); !r)
        return r.error();
    return load();
}

Result<void> SettingsService::save(const AccessControl& ac, const Settings& settings)
{
    if (auto r = ac.require(Workflow::EditConfiguration); !r)
        return r;
    if (auto r = SettingsSchema::validate(settings); !r)
        return r;
    auto before = load();
    if (!before)
        return before.error();
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r;
    QStringList changed;
    for (auto it = settings.values().cbegin(); it != settings.values().cend(); ++it) {
        if (before->value(it.key()) == it.value())
            continue;
        changed << it.key();
        if (auto r = exec(m_db, QStringLiteral("DELETE FROM settings WHERE key = ?"), { it.key() }); !r)
            return r.error();
        if (auto r = exec(m_db, QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"), { it.key(), it.value().trimmed() }); !r)
            return r.error();
    }
    bool zonesChanged = before->timezones.size() != settings.timezones.size();
    for (int i = 0; !zonesChanged && i < settings.timezones.size(); ++i)
        zonesChanged = before->timezones.at(i).displayName != settings.timezones.at(i).displayName
            || before->timezones.at(i).utcOffset != settings.timezones.at(i).utcOffset;
    if (zonesChanged) {
        changed << QStringLiteral("timezones");
        if (auto r = exec(m_db, QStringLiteral("DELETE FROM timezones")); !r)
            return r.error();
        for (int i = 0; i < settings.timezones.size(); ++i) {
            const Timezone& z = settings.timezones.at(i);
            if (auto r = exec(m_db, QStringLiteral("INSERT INTO timezones (display_name, utc_offset, position) VALUES (?, ?, ?)"),
                    { z.displayName.trimmed(), z.utcOffset.trimmed(), i });
                !r)
                return r.error();
        }
    }
    if (changed.isEmpty())
        return {};
    const AuditEvent e = AuditLog::event(m_ctx.now(), &ac, workflowId(Workflow::EditConfiguration), QStringLiteral("settings"), {},
        QStringLiteral("Operation Settings"), QStringLiteral("changed: ") + changed.join(QStringLiteral(", ")));
    if (auto r = AuditLog(m_db, m_ctx.dialect()).append(e); !r)
        return r.error();
    return tx.commit();
}

Result<void> SettingsService::seedDefaults()
{
    auto q = exec(m_db, QStringLiteral("SELECT COUNT(*) FROM timezones"));
    if (!q)
        return q.error();
    if (q->next() && q->value(0).toInt() > 0)
        return {};
    const Settings defaults = SettingsSchema::defaults();
    for (int i = 0; i < defaults.timezones.size(); ++i) {
        const Timezone& z = defaults.timezones.at(i);
        if (auto r = exec(m_db, QStringLiteral("INSERT INTO timezones (display_name, utc_offset, position) VALUES (?, ?, ?)"),
                { z.displayName, z.utcOffset, i });
            !r)
            return r.error();
    }
    return {};
}

} // namespace lanyard
