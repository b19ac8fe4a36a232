#include "FirstSetup.h"

#include "AuditLog.h"
#include "NotificationDelivery.h"
#include "notify/MailMessage.h"
#include "PeopleService.h"
#include "SettingsSchema.h"
#include "SettingsService.h"
#include "pki/DnTemplate.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QUrl>

namespace lanyard {

namespace {
Error setupError(const char* problem, const QString& detail)
{
    return Error(ErrorCode::InvalidArgument, detail, { { QStringLiteral("problem"), QLatin1String(problem) } });
}

} // namespace

Settings FirstSetupPlan::settings(Settings base) const
{
    base.set(SettingKey::DefaultDn, defaultDn.trimmed());
    base.set(SettingKey::CollectionBaseUrl, collectionUrl.trimmed());
    const bool mail = !smtpHost.trimmed().isEmpty();
    base.set(SettingKey::SendEmail, mail ? QStringLiteral("true") : QStringLiteral("false"));
    if (mail) {
        base.set(SettingKey::SmtpHost, smtpHost.trimmed());
        base.set(SettingKey::SmtpPort, QString::number(smtpPort));
        base.set(SettingKey::SmtpSecurity, smtpSecurity);
        base.set(SettingKey::SmtpUsername, smtpUsername.trimmed());
        base.set(SettingKey::SmtpPassword, smtpPassword);
        base.set(SettingKey::SmtpSender, smtpSender.trimmed());
    }
    return base;
}

Result<void> FirstSetupPlan::sendTestMail(const QString& to, const QString& subject, const QString& text) const
{
    if (smtpHost.trimmed().isEmpty())
        return setupError("setup-mail-host", QStringLiteral("no mail server to test"));
    if (auto r = checkMail(); !r)
        return r;
    if (!to.contains(QLatin1Char('@')) || to.trimmed().contains(QLatin1Char(' ')))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("'%1' is not an e-mail address").arg(to.left(200)),
            { { QStringLiteral("problem"), QStringLiteral("setup-test-recipient") } });
    MailMessage mail;
    mail.from = smtpSender.trimmed();
    mail.to = to.trimmed();
    mail.subject = subject;
    mail.text = text;
    mail.date = QDateTime::currentDateTimeUtc();
    mail.messageId = QStringLiteral("setup-test.%1@lanyard").arg(QDateTime::currentMSecsSinceEpoch());
    return CurlTransport::sendMail(NotificationDelivery::smtpServer(settings(SettingsSchema::defaults())), mail.from, { mail.to }, mail.toMime());
}

Result<void> FirstSetupPlan::checkOrganisation() const
{
    if (organisation.trimmed().isEmpty())
        return setupError("setup-organisation", QStringLiteral("the organisation needs a name"));
    auto dn = DnTemplate::parseDn(defaultDn.trimmed());
    if (!dn || dn->isEmpty()) {
        Error e = setupError("setup-default-dn", QStringLiteral("'%1' is not a distinguished name such as O=Example,C=GB").arg(defaultDn));
        if (!dn)
            e.args.insert(QStringLiteral("reason"), dn.error().detail);
        return e;
    }
    return {};
}

Result<void> FirstSetupPlan::checkAuthority() const
{
    if (caCommonName.trimmed().isEmpty())
        return setupError("setup-ca-name", QStringLiteral("the CA needs a name"));
    if (caValidityYears < 5 || caValidityYears > 30)
        return setupError("setup-ca-validity", QStringLiteral("the CA lives 5 to 30 years"));
    if (auto subject = caSubject(); !subject)
        return subject.error();
    return {};
}

Result<void> FirstSetupPlan::checkCollection() const
{
    const QUrl url(collectionUrl.trimmed(), QUrl::StrictMode);
    // Phones receive codes and keys from it: never in clear text.
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty() || !url.query().isEmpty() || !url.fragment().isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("'%1' is not an https address such as https://id.example.org").arg(collectionUrl),
            { { QStringLiteral("problem"), QStringLiteral("setup-collection-url") }, { QStringLiteral("value"), collectionUrl.left(200) } });
    return {};
}

Result<void> FirstSetupPlan::checkMail() const
{
    if (smtpHost.trimmed().isEmpty())
        return {};
    return SettingsSchema::validate(settings(SettingsSchema::defaults()));
}

Result<void> FirstSetupPlan::checkAdministrator() const
{
    if (adminLogon.trimmed().isEmpty() || adminLogon.trimmed().contains(QLatin1Char(' ')))
        return setupError("setup-admin-logon", QStringLiteral("the administrator needs a logon name without spaces"));
    if (adminPassword.size() < kMinimumPasswordLength)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("the administrator's password needs at least %1 characters").arg(kMinimumPasswordLength),
            { { QStringLiteral("problem"), QStringLiteral("setup-admin-password") }, { QStringLiteral("minimum"), kMinimumPasswordLength } });
    return {};
}

Result<void> FirstSetupPlan::check() const
{
    for (auto part : { &FirstSetupPlan::checkOrganisation, &FirstSetupPlan::checkAuthority, &FirstSetupPlan::checkCollection, &FirstSetupPlan::checkMail,
             &FirstSetupPlan::checkAdministrator }) {
        if (auto r = (this->*part)(); !r)
            return r;
    }
    return {};
}

Result<QList<QPair<QString, QString>>> FirstSetupPlan::caSubject() const
{
    auto suffix = DnTemplate::parseDn(defaultDn.trimmed());
    if (!suffix)
        return suffix.error();
    DistinguishedName subject { { QStringLiteral("CN"), caCommonName.trimmed() } };
    subject.append(*suffix);
    return subject;
}

FirstSetup::FirstSetup(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

Result<Baseline::Report> FirstSetup::apply(const FirstSetupPlan& plan)
{
    if (auto r = plan.check(); !r)
        return r.error();
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto report = Baseline(m_ctx, m_db).ensure();
    if (!report)
        return report.error();
    auto settings = SettingsService(m_ctx, m_db).load();
    if (!settings)
        return settings.error();
    if (auto r = SettingsService(m_ctx, m_db).saveAtSetUp(plan.settings(*settings)); !r)
        return r.error();

    PeopleService people(m_ctx, m_db);
    Person admin;
    admin.logonName = plan.adminLogon.trimmed();
    admin.fullName = plan.adminName.trimmed().isEmpty() ? admin.logonName : plan.adminName.trimmed();
    admin.email = plan.adminEmail.trimmed();
    auto id = people.createPerson(admin, plan.adminPassword);
    if (!id)
        return id.error();
    auto role = fetchValue(m_db, QStringLiteral("SELECT id FROM roles WHERE name = ?"), { Baseline::administratorRole().name });
    if (!role)
        return role.error();
    if (auto r = people.assignRole(*id, role->toLongLong()); !r)
        return r.error();
    AuditEvent e = AuditLog::event(m_ctx.now(), nullptr, QStringLiteral("system"), QStringLiteral("person"), QString::number(*id), admin.fullName,
        QStringLiteral("first administrator %1 created by the first-run wizard for %2").arg(admin.logonName, plan.organisation.trimmed()));
    e.operatorName = QStringLiteral("first-run wizard");
    if (auto r = AuditLog(m_db, m_ctx).append(e); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return report;
}

} // namespace lanyard
