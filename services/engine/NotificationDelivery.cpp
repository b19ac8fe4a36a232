#include "NotificationDelivery.h"

#include "NotificationComposer.h"
#include "Outbox.h"
#include "SettingsSchema.h"
#include "SettingsService.h"
#include "notify/CurlTransport.h"
#include "notify/MailMessage.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QUrl>

namespace lanyard {

namespace {
// A message "sending" for longer than this belongs to a pass that stopped.
constexpr int kInterruptedAfterSeconds = 600;
// How long a message waits when there is nothing to send it with yet.
constexpr int kWaitForConfigurationSeconds = 300;

QString jsonEscaped(const QString& text)
{
    // The value of a JSON string, without its quotes.
    const QByteArray quoted = QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(quoted.mid(2, quoted.size() - 4));
}

QString fillGateway(const QString& text, const QString& number, const QString& message, bool inUrl, bool json)
{
    const auto encode = [&](const QString& v) {
        if (inUrl || !json)
            return QString::fromLatin1(QUrl::toPercentEncoding(v));
        return jsonEscaped(v);
    };
    QString out = text;
    out.replace(QLatin1String("{{Number}}"), encode(number));
    out.replace(QLatin1String("{{Message}}"), encode(message));
    return out;
}
} // namespace

SmtpServer NotificationDelivery::smtpServer(const Settings& s)
{
    SmtpServer server;
    server.host = s.value(SettingKey::SmtpHost).trimmed();
    server.port = s.integer(SettingKey::SmtpPort);
    const QString security = s.value(SettingKey::SmtpSecurity);
    server.security = security == QLatin1String("tls") ? SmtpServer::Security::Tls
        : security == QLatin1String("none")             ? SmtpServer::Security::None
                                                        : SmtpServer::Security::StartTls;
    server.username = s.value(SettingKey::SmtpUsername).trimmed();
    server.password = s.value(SettingKey::SmtpPassword);
    server.caFile = s.value(SettingKey::SmtpCaFile).trimmed();
    return server;
}

NotificationDelivery::NotificationDelivery(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

QString NotificationDelivery::gatewayNumber(const QString& mobile)
{
    QString n = mobile.trimmed();
    static const QRegularExpression trunkZero(QStringLiteral("\\(0\\)"));
    static const QRegularExpression notDigit(QStringLiteral("[^0-9]"));
    n.remove(trunkZero);
    const bool international = n.startsWith(QLatin1Char('+'));
    n.remove(notDigit);
    return international ? QStringLiteral("00") + n : n;
}

Result<int> NotificationDelivery::queueRenewalReminders(const Settings& settings)
{
    const int days = settings.integer(SettingKey::RenewalReminderDays);
    if (days <= 0)
        return 0;
    const QDateTime now = m_ctx.now();
    const int window = settings.integer(SettingKey::RenewalWindowDays);
    auto q = exec(m_db, QStringLiteral("SELECT d.id, d.serial, d.expires_at, p.full_name, p.email, p.mobile FROM devices d JOIN people p ON p.id = d.owner_id "
                                       "WHERE d.state = 'active' AND d.device_type = 'identity-agent' AND d.expires_at > ? AND d.expires_at <= ?"),
        { now.toMSecsSinceEpoch(), now.addDays(days).toMSecsSinceEpoch() });
    if (!q)
        return q.error();
    struct Due {
        qint64 device;
        QString serial;
        qint64 expires;
        QString name, email, mobile;
    };
    QList<Due> due;
    const SqlRow row(*q);
    while (q->next())
        due.append({ row.value("id").toLongLong(), row.value("serial").toString(), row.value("expires_at").toLongLong(), row.value("full_name").toString(),
            row.value("email").toString(), row.value("mobile").toString() });
    q->finish();
    int queued = 0;
    Outbox outbox(m_ctx, m_db);
    NotificationComposer composer(m_ctx, m_db);
    for (const Due& d : due) {
        QList<std::pair<QString, QString>> channels;
        if (settings.boolean(SettingKey::SendEmail) && !d.email.isEmpty())
            channels.append({ QStringLiteral("email"), d.email });
        if (settings.boolean(SettingKey::SmsEmail) && !d.mobile.isEmpty())
            channels.append({ QStringLiteral("sms"), d.mobile });
        const QDateTime expires = QDateTime::fromMSecsSinceEpoch(d.expires, Qt::UTC);
        const QString renewFrom = QLocale::c().toString(expires.addDays(-window).date(), QStringLiteral("d MMM yyyy"));
        const QString renewHow = window <= 0 ? QStringLiteral("Ask the helpdesk to renew it before then.")
            : expires.addDays(-window) <= now ? QStringLiteral("Renew it yourself now in Lanyard Self-Service with Renew my ID, or ask the helpdesk.")
                                              : QStringLiteral("Renew it yourself from %1 in Lanyard Self-Service with Renew my ID, or ask the helpdesk.").arg(renewFrom);
        const QMap<QString, QString> values { { QStringLiteral("FullName"), d.name }, { QStringLiteral("DeviceSerial"), d.serial },
            { QStringLiteral("Expires"), QLocale::c().toString(expires.date(), QStringLiteral("d MMM yyyy")) }, { QStringLiteral("RenewHow"), renewHow } };
        for (const auto& [channel, recipient] : channels) {
            // One reminder per device, expiry and channel, however often the pass runs.
            const QString key = QStringLiteral("renewal:%1:%2:%3").arg(d.device).arg(d.expires).arg(channel);
            Transaction tx(m_db, m_ctx.dialect());
            if (auto r = tx.begin(); !r)
                return r.error();
            auto exists = outbox.hasReminder(key);
            if (!exists)
                return exists.error();
            if (*exists)
                continue;
            auto body = composer.compose(QStringLiteral("renewal"), channel, values, settings);
            if (!body)
                return body.error();
            Notification meta;
            meta.deviceId = d.device;
            meta.channel = channel;
            meta.recipient = recipient;
            meta.templateName = QStringLiteral("renewal");
            if (auto r = outbox.queue(meta, *body, key); !r)
                return r.error();
            if (auto r = tx.commit(); !r)
                return r.error();
            ++queued;
        }
    }
    return queued;
}

Result<DeliveryReport> NotificationDelivery::run(int batch)
{
    auto settings = SettingsService(m_ctx, m_db).load();
    if (!settings)
        return settings.error();
    Outbox outbox(m_ctx, m_db);
    DeliveryReport report;
    if (auto r = outbox.failInterrupted(kInterruptedAfterSeconds); !r)
        return r.error();
    auto reminders = queueRenewalReminders(*settings);
    if (!reminders)
        return reminders.error();
    report.remindersQueued = *reminders;
    auto claimed = outbox.claimDue(batch);
    if (!claimed)
        return claimed.error();
    const SmtpServer smtp = smtpServer(*settings);
    const QString sender = settings->value(SettingKey::SmtpSender).trimmed();
    const int maxAttempts = settings->integer(SettingKey::NotifyMaxAttempts);
    const int delay = settings->integer(SettingKey::NotifyRetryDelaySeconds);
    for (const Outbox::Claimed& c : *claimed) {
        const Notification& n = c.meta;
        const bool sms = n.channel == QLatin1String("sms");
        const bool http = sms && settings->value(SettingKey::SmsMethod) == QLatin1String("http");
        // A channel switched off after the message was queued: say so, do not retry.
        if (!(sms ? settings->boolean(SettingKey::SmsEmail) : settings->boolean(SettingKey::SendEmail))) {
            if (auto r = outbox.markFailed(n.id, sms ? QStringLiteral("SMS notifications are switched off") : QStringLiteral("email notifications are switched off")); !r)
                return r.error();
            ++report.failed;
            continue;
        }
        if (!http && smtp.host.isEmpty()) {
            if (auto r = outbox.postpone(n.id, QStringLiteral("waiting for an SMTP server to be set in the Operation Settings"), kWaitForConfigurationSeconds); !r)
                return r.error();
            ++report.waiting;
            continue;
        }
        Result<void> sent;
        if (http) {
            const bool json = settings->value(SettingKey::SmsHttpContentType).contains(QLatin1String("json"));
            const QString number = gatewayNumber(n.recipient);
            const QString text = c.body.value(QStringLiteral("text")).toString();
            HttpRequest request;
            request.method = settings->value(SettingKey::SmsHttpMethod);
            request.url = fillGateway(settings->value(SettingKey::SmsHttpUrl).trimmed(), number, text, true, json);
            if (request.method != QLatin1String("GET")) {
                request.body = fillGateway(settings->value(SettingKey::SmsHttpBody), number, text, false, json).toUtf8();
                request.contentType = settings->value(SettingKey::SmsHttpContentType).trimmed();
            }
            request.username = settings->value(SettingKey::SmsHttpUsername).trimmed();
            request.password = settings->value(SettingKey::SmsHttpPassword);
            auto answer = CurlTransport::http(request);
            if (!answer)
                sent = answer.error();
        } else {
            MailMessage mail;
            mail.from = sender;
            mail.to = sms ? gatewayNumber(n.recipient) + QLatin1Char('@') + settings->value(SettingKey::SmsGateway).trimmed() : n.recipient;
            mail.subject = c.body.value(QStringLiteral("subject")).toString();
            mail.text = c.body.value(QStringLiteral("text")).toString();
            mail.html = sms ? QString() : c.body.value(QStringLiteral("html")).toString();
            mail.messageId = QStringLiteral("notification-%1.%2@lanyard").arg(n.id).arg(m_ctx.engineId);
            mail.date = m_ctx.now();
            sent = CurlTransport::sendMail(smtp, sender, { mail.to }, mail.toMime());
        }
        if (sent) {
            if (auto r = outbox.markSent(n.id); !r)
                return r.error();
            ++report.sent;
            continue;
        }
        auto state = outbox.markAttemptFailed(n.id, sent.error().args.value(QStringLiteral("reason")).toString(), maxAttempts, delay);
        if (!state)
            return state.error();
        if (*state == QLatin1String("failed"))
            ++report.failed;
        else
            ++report.retrying;
    }
    return report;
}

} // namespace lanyard
