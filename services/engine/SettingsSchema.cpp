#include "SettingsSchema.h"

#include "PersonRules.h"
#include "pki/CodeComplexity.h"
#include "pki/DnTemplate.h"

#include <QSet>
#include "pki/CertificateValidator.h"

#include <QUrl>

namespace lanyard {

namespace {
Error invalid(const QString& key, const QString& problem, const QString& detail)
{
    return Error(ErrorCode::SettingInvalid, QStringLiteral("%1: %2").arg(key, detail),
        { { QStringLiteral("key"), key }, { QStringLiteral("problem"), problem } });
}
} // namespace

const QList<SettingsSchema::Entry>& SettingsSchema::entries()
{
    using T = Type;
    static const QList<Entry> list {
        { SettingKey::CollectionBaseUrl, T::Url, QStringLiteral("https://lanyard.example.test/collect") },
        { SettingKey::ExternalWebAddress, T::Url, QString(), 0, 0, {}, true },
        { SettingKey::CodeComplexity, T::Complexity, QStringLiteral("04-08N") },
        { SettingKey::CodeImmediateLifetimeMinutes, T::Integer, QStringLiteral("60"), 1, 7 * 24 * 60 },
        { SettingKey::CodeLongLifetimeDays, T::Integer, QStringLiteral("14"), 1, 365 },
        { SettingKey::CodeMaxFailures, T::Integer, QStringLiteral("5"), 1, 100 },
        { SettingKey::MaxSessionCount, T::Integer, QStringLiteral("-1"), -1, 100000 },
        { SettingKey::SendEmail, T::Boolean, QStringLiteral("true") },
        { SettingKey::SmsEmail, T::Boolean, QStringLiteral("false") },
        { SettingKey::SmsGateway, T::Text, QString(), 0, 0, {}, true },
        { SettingKey::MobileProvisionViaEmail, T::Boolean, QStringLiteral("true") },
        { SettingKey::MobileProvisionViaSms, T::Boolean, QStringLiteral("false") },
        { SettingKey::MobileOtpViaSms, T::Boolean, QStringLiteral("false") },
        { SettingKey::AndroidAppUrl, T::Url, QStringLiteral("https://play.google.com/store/apps/details?id=org.lanyard.agent"), 0, 0, {}, true },
        { SettingKey::IosAppUrl, T::Url, QStringLiteral("https://apps.apple.com/app/lanyard-agent/id0000000000"), 0, 0, {}, true },
        { SettingKey::DeviceManagement, T::Boolean, QStringLiteral("true") },
        { SettingKey::TemporaryReplacementDays, T::Integer, QStringLiteral("7"), 1, 90 },
        { SettingKey::VscEnabled, T::Boolean, QStringLiteral("true") },
        { SettingKey::VscTemporaryUnlock, T::Boolean, QStringLiteral("true") },
        { SettingKey::ParentChildProfiles, T::Boolean, QStringLiteral("false") },
        { SettingKey::BiometricOnUpdate, T::Boolean, QStringLiteral("false") },
        { SettingKey::BiometricOnUnlock, T::Boolean, QStringLiteral("false") },
        { SettingKey::AgentLogLevel, T::Choice, QStringLiteral("info"), 0, 0,
            { QStringLiteral("error"), QStringLiteral("warning"), QStringLiteral("info"), QStringLiteral("debug") } },
        { SettingKey::AgentRetryAttempts, T::Integer, QStringLiteral("5"), 0, 100 },
        { SettingKey::AgentRetryDelaySeconds, T::Integer, QStringLiteral("10"), 1, 3600 },
        { SettingKey::DefaultDn, T::DistinguishedName, QStringLiteral("O=Lanyard Demo,C=GB"), 0, 0, {}, true },
        { SettingKey::CrlValidityHours, T::Integer, QStringLiteral("24"), 1, 24 * 30 },
        { SettingKey::MailFormat, T::Choice, QStringLiteral("html"), 0, 0, { QStringLiteral("html"), QStringLiteral("plain") } },
        { SettingKey::SmtpHost, T::Text, QString(), 0, 0, {}, true },
        { SettingKey::SmtpPort, T::Integer, QStringLiteral("587"), 1, 65535 },
        { SettingKey::SmtpSecurity, T::Choice, QStringLiteral("starttls"), 0, 0,
            { QStringLiteral("starttls"), QStringLiteral("tls"), QStringLiteral("none") } },
        { SettingKey::SmtpUsername, T::Text, QString(), 0, 0, {}, true },
        { SettingKey::SmtpPassword, T::Secret, QString(), 0, 0, {}, true },
        { SettingKey::SmtpSender, T::Text, QStringLiteral("lanyard@example.test") },
        { SettingKey::SmtpCaFile, T::Text, QString(), 0, 0, {}, true },
        { SettingKey::SmsMethod, T::Choice, QStringLiteral("email-gateway"), 0, 0, { QStringLiteral("email-gateway"), QStringLiteral("http") } },
        { SettingKey::SmsHttpUrl, T::Text, QString(), 0, 0, {}, true },
        { SettingKey::SmsHttpMethod, T::Choice, QStringLiteral("POST"), 0, 0, { QStringLiteral("POST"), QStringLiteral("GET") } },
        { SettingKey::SmsHttpBody, T::Text, QStringLiteral("{\"to\":\"{{Number}}\",\"text\":\"{{Message}}\"}"), 0, 0, {}, true },
        { SettingKey::SmsHttpContentType, T::Text, QStringLiteral("application/json"), 0, 0, {}, true },
        { SettingKey::SmsHttpUsername, T::Text, QString(), 0, 0, {}, true },
        { SettingKey::SmsHttpPassword, T::Secret, QString(), 0, 0, {}, true },
        { SettingKey::NotifyMaxAttempts, T::Integer, QStringLiteral("5"), 1, 50 },
        { SettingKey::NotifyRetryDelaySeconds, T::Integer, QStringLiteral("60"), 1, 86400 },
        { SettingKey::RenewalReminderDays, T::Integer, QStringLiteral("30"), 0, 365 },
        { SettingKey::RenewalWindowDays, T::Integer, QStringLiteral("30"), 0, 365 },
        { SettingKey::IncidentHoldHours, T::Integer, QStringLiteral("24"), 0, 24 * 30 },
        { SettingKey::IncidentHelpdeskEmail, T::Email, QString(), 0, 0, {}, true },
        { SettingKey::UnlockChecksSecurityQuestions, T::Boolean, QStringLiteral("false") },
        { SettingKey::DerivedTrustAnchorFiles, T::CertificateFiles, QString(), 0, 0, {}, true },
        { SettingKey::DerivedIntermediateFiles, T::CertificateFiles, QString(), 0, 0, {}, true },
        { SettingKey::DerivedCrlFiles, T::CrlFiles, QString(), 0, 0, {}, true },
        { SettingKey::DerivedMatchUpn, T::Boolean, QStringLiteral("false") },
        { SettingKey::DerivedProfile, T::Text, QString(), 0, 0, {}, true },
        { SettingKey::KioskIdleSeconds, T::Integer, QStringLiteral("60"), 15, 600 },
        { SettingKey::SessionMaxDays, T::Integer, QStringLiteral("7"), 1, 90 },
    };
    return list;
}

QStringList SettingsSchema::fileList(const QString& value)
{
    QStringList out;
    for (const QString& part : value.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            out.append(part.trimmed());
    }
    return out;
}

bool SettingsSchema::isSecret(const QString& key)
{
    return std::any_of(entries().cbegin(), entries().cend(), [&](const Entry& e) { return e.key == key && e.type == Type::Secret; });
}

QString SettingsSchema::defaultValue(const QString& key)
{
    for (const Entry& e : entries()) {
        if (e.key == key)
            return e.defaultValue;
    }
    return {};
}

Settings SettingsSchema::defaults()
{
    Settings s;
    for (const Entry& e : entries())
        s.set(e.key, e.defaultValue);
    s.timezones = {
        { QStringLiteral("(UTC) Coordinated Universal Time"), QStringLiteral("0") },
        { QStringLiteral("(UTC+00:00) London"), QStringLiteral("0.0") },
        { QStringLiteral("(UTC+01:00) Berlin, Paris"), QStringLiteral("+1") },
        { QStringLiteral("(UTC-05:00) Eastern Time (US & Canada)"), QStringLiteral("-5") },
        { QStringLiteral("(UTC-07:00) Mountain Time (US & Canada)"), QStringLiteral("-7") },
        { QStringLiteral("(UTC-07:00) Arizona"), QStringLiteral("-7.0") },
        { QStringLiteral("(UTC-08:00) Pacific Time (US & Canada)"), QStringLiteral("-8") },
        { QStringLiteral("(UTC+05:30) Chennai, Kolkata, Mumbai"), QStringLiteral("+5.5") },
    };
    return s;
}

Result<void> SettingsSchema::validate(const Settings& settings)
{
    for (const QString& key : settings.values().keys()) {
        if (defaultValue(key).isNull() && std::none_of(entries().cbegin(), entries().cend(), [&](const Entry& e) { return e.key == key; }))
            return invalid(key, QStringLiteral("unknown"), QStringLiteral("unknown setting"));
    }
    for (const Entry& e : entries()) {
        const QString v = settings.value(e.key).trimmed();
        if (v.isEmpty() && e.optional)
            continue;
        switch (e.type) {
        case Type::Boolean:
            if (v != QLatin1String("true") && v != QLatin1String("false"))
                return invalid(e.key, QStringLiteral("not-boolean"), QStringLiteral("must be true or false"));
            break;
        case Type::Integer: {
            bool ok = false;
            const int n = v.toInt(&ok);
            if (!ok)
                return invalid(e.key, QStringLiteral("not-integer"), QStringLiteral("'%1' is not a whole number").arg(v));
            if (n < e.minimum || n > e.maximum) {
                Error err = invalid(e.key, QStringLiteral("out-of-range"), QStringLiteral("%1 is outside %2..%3").arg(n).arg(e.minimum).arg(e.maximum));
                err.args.insert(QStringLiteral("minimum"), e.minimum);
                err.args.insert(QStringLiteral("maximum"), e.maximum);
                return err;
            }
            break;
        }
        case Type::Secret:
            break;
        case Type::Text:
            if (v.isEmpty())
                return invalid(e.key, QStringLiteral("empty"), QStringLiteral("must not be empty"));
            break;
        case Type::Url: {
            const QUrl url(v, QUrl::StrictMode);
            if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) || url.host().isEmpty())
                return invalid(e.key, QStringLiteral("not-url"), QStringLiteral("'%1' is not an http(s) address").arg(v));
            break;
        }
        case Type::Email:
            if (!PersonRules::isEmailAddress(v))
                return invalid(e.key, QStringLiteral("not-email"), QStringLiteral("'%1' is not an e-mail address").arg(v.left(60)));
            break;
        case Type::Choice:
            if (!e.choices.contains(v))
                return invalid(e.key, QStringLiteral("not-a-choice"), QStringLiteral("'%1' is not one of %2").arg(v, e.choices.join(QStringLiteral(", "))));
            break;
        case Type::Complexity:
            if (auto r = CodeComplexity::parse(v); !r) {
                Error err = invalid(e.key, QStringLiteral("complexity"), r.error().detail);
                err.args.insert(QStringLiteral("cause"), r.error().args.value(QStringLiteral("problem")));
                return err;
            }
            break;
        case Type::DistinguishedName:
            if (auto r = DnTemplate::parseDn(v); !r)
                return invalid(e.key, QStringLiteral("dn"), r.error().detail);
            break;
        case Type::CertificateFiles:
            if (auto r = CertificateValidator::readCertificates(fileList(v)); !r)
                return invalid(e.key, QStringLiteral("file"), r.error().detail);
            break;
        case Type::CrlFiles:
            if (auto r = CertificateValidator::readCrls(fileList(v)); !r)
                return invalid(e.key, QStringLiteral("file"), r.error().detail);
            break;
        }
    }
    // Rules between settings.
    if (settings.boolean(SettingKey::MobileOtpViaSms) && !settings.boolean(SettingKey::MobileProvisionViaEmail))
        return invalid(SettingKey::MobileOtpViaSms, QStringLiteral("otp-sms-needs-email"),
            QStringLiteral("sending the code by SMS needs the collection link to go by email"));
    if (settings.boolean(SettingKey::SmsEmail) && settings.value(SettingKey::SmsMethod) == QLatin1String("http")) {
        QString address = settings.value(SettingKey::SmsHttpUrl).trimmed();
        address.replace(QLatin1String("{{Number}}"), QLatin1String("0")).replace(QLatin1String("{{Message}}"), QLatin1String("0"));
        const QUrl url(address, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) || url.host().isEmpty())
            return invalid(SettingKey::SmsHttpUrl, QStringLiteral("not-url"), QStringLiteral("an HTTP SMS gateway needs its http(s) address"));
    }
    if (settings.boolean(SettingKey::SmsEmail) && settings.value(SettingKey::SmsMethod) != QLatin1String("http")
        && settings.value(SettingKey::SmsGateway).trimmed().isEmpty())
        return invalid(SettingKey::SmsGateway, QStringLiteral("gateway-missing"), QStringLiteral("SMS by email needs a gateway"));
    return validateTimezones(settings.timezones);
}

Result<void> SettingsSchema::validateTimezones(const QList<Timezone>& zones)
{
    QSet<QString> seen;
    for (const Timezone& z : zones) {
        int minutes = 0;
        if (z.displayName.trimmed().isEmpty())
            return invalid(QStringLiteral("timezones"), QStringLiteral("timezone-name"), QStringLiteral("a timezone has no name"));
        if (!z.offsetMinutes(&minutes)) {
            Error err = invalid(QStringLiteral("timezones"), QStringLiteral("timezone-offset"),
                QStringLiteral("'%1' is not an offset in hours between -12 and +14").arg(z.utcOffset));
            err.args.insert(QStringLiteral("value"), z.utcOffset);
            return err;
        }
        if (seen.contains(z.utcOffset)) {
            Error err = invalid(QStringLiteral("timezones"), QStringLiteral("timezone-duplicate"),
                QStringLiteral("the offset '%1' is listed twice").arg(z.utcOffset));
            err.args.insert(QStringLiteral("value"), z.utcOffset);
            return err;
        }
        seen.insert(z.utcOffset);
    }
    return {};
}

} // namespace lanyard
