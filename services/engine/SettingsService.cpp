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
    const SqlRow setting(*q);
    while (q->next()) {
        const QString key = setting.value("key").toString();
        QString value = setting.value("value").toString();
        if (SettingsSchema::isSecret(key) && !value.isEmpty()) {
            // Secrets are stored wrapped under the master key, never as plain text.
            auto plain = m_ctx.keyWrapper->unwrap(QByteArray::fromBase64(value.toLatin1()), "setting");
            if (!plain)
                return plain.error();
            value = QString::fromUtf8(*plain);
        }
        s.set(key, value);
    }
    auto tz = exec(m_db, QStringLiteral("SELECT display_name, utc_offset FROM timezones ORDER BY position, id"));
    if (!tz)
        return tz.error();
    s.timezones.clear();
    const SqlRow timezone(*tz);
    while (tz->next())
        s.timezones.append({ timezone.value("display_name").toString(), timezone.value("utc_offset").toString() });
    return s;
}

Result<void> SettingsService::requireOn(const QString& key)
{
    auto settings = load();
    if (!settings)
        return settings.error();
    if (settings->boolean(key))
        return {};
    return Error(ErrorCode::PermissionDenied, QStringLiteral("the setting %1 is off").arg(key),
        { { QStringLiteral("problem"), QStringLiteral("switched-off") }, { QStringLiteral("setting"), key } });
}

Result<Settings> SettingsService::get(const AccessControl& ac)
{
    if (auto r = ac.require(Workflow::EditConfiguration); !r)
        return r.error();
    auto s = load();
    if (!s)
        return s;
    // The operator sees that a secret is set, never the secret.
    for (const QString& key : s->values().keys()) {
        if (SettingsSchema::isSecret(key) && !s->value(key).isEmpty())
            s->set(key, SettingsSchema::secretPlaceholder());
    }
    return s;
}

Result<void> SettingsService::save(const AccessControl& ac, const Settings& settings)
{
    if (auto r = ac.require(Workflow::EditConfiguration); !r)
        return r;
    return store(&ac, settings);
}

Result<void> SettingsService::saveAtSetUp(const Settings& settings)
{
    return store(nullptr, settings);
}

Result<void> SettingsService::store(const AccessControl* ac, const Settings& settings)
{
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
        const bool secret = SettingsSchema::isSecret(it.key());
        if (before->value(it.key()) == it.value() || (secret && it.value() == SettingsSchema::secretPlaceholder()))
            continue;
        changed << it.key();
        QString stored = secret ? it.value() : it.value().trimmed();
        if (secret && !stored.isEmpty()) {
            auto wrapped = m_ctx.keyWrapper->wrap(stored.toUtf8(), "setting");
            if (!wrapped)
                return wrapped.error();
            stored = QString::fromLatin1(wrapped->toBase64());
        }
        if (auto r = exec(m_db, QStringLiteral("DELETE FROM settings WHERE key = ?"), { it.key() }); !r)
            return r.error();
        if (auto r = exec(m_db, QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"), { it.key(), stored }); !r)
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
    const AuditEvent e = AuditLog::event(m_ctx.now(), ac, ac ? workflowId(Workflow::EditConfiguration) : QStringLiteral("system"), QStringLiteral("settings"), {},
        QStringLiteral("Operation Settings"), QStringLiteral("changed: ") + changed.join(QStringLiteral(", ")));
    if (auto r = AuditLog(m_db, m_ctx).append(e); !r)
        return r.error();
    return tx.commit();
}

Result<void> SettingsService::seedDefaults()
{
    auto zones = fetchValue(m_db, QStringLiteral("SELECT COUNT(*) FROM timezones"));
    if (!zones)
        return zones.error();
    if (zones->toInt() > 0)
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
