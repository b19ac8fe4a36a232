#include "NotificationComposer.h"

#include "SettingsSchema.h"
#include "TemplateStore.h"

namespace lanyard {

NotificationComposer::NotificationComposer(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

Result<QJsonObject> NotificationComposer::compose(const QString& kind, const QString& channel, const QMap<QString, QString>& values, const Settings& settings)
{
    auto tpl = TemplateStore(m_ctx, m_db).load(kind + QLatin1Char('-') + channel);
    if (!tpl)
        return tpl.error();
    QJsonObject body;
    body.insert(QStringLiteral("subject"), MessageTemplate::render(tpl->subject, values));
    body.insert(QStringLiteral("text"), MessageTemplate::render(tpl->body, values));
    if (channel == QLatin1String("email") && settings.value(SettingKey::MailFormat) == QLatin1String("html") && !tpl->html.isEmpty())
        body.insert(QStringLiteral("html"), MessageTemplate::render(tpl->html, values, true));
    return body;
}

} // namespace lanyard
