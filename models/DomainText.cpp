#include "DomainText.h"

#include <QHash>
#include <QLocale>

namespace lanyard {

QString DomainText::deviceState(DeviceState s)
{
    switch (s) {
    case DeviceState::Active:
        return tr("Active");
    case DeviceState::Disabled:
        return tr("Disabled");
    case DeviceState::Suspended:
        return tr("Suspended");
    case DeviceState::Canceled:
        return tr("Canceled");
    case DeviceState::Issued:
        return tr("Being collected");
    }
    return {};
}

QString DomainText::deviceOperation(DeviceOperation op)
{
    switch (op) {
    case DeviceOperation::Disable:
        return tr("Disable");
    case DeviceOperation::Enable:
        return tr("Enable");
    case DeviceOperation::ReplaceForgotten:
        return tr("Replace (forgotten)");
    case DeviceOperation::Reinstate:
        return tr("Reinstate");
    case DeviceOperation::Cancel:
        return tr("Cancel");
    case DeviceOperation::ReplaceLost:
        return tr("Replace (lost)");
    case DeviceOperation::ReplaceStolen:
        return tr("Replace (stolen)");
    case DeviceOperation::ReplaceDamaged:
        return tr("Replace (damaged)");
    }
    return {};
}

QString DomainText::jobStatus(JobStatus s)
{
    switch (s) {
    case JobStatus::AwaitingValidation:
        return tr("Awaiting validation");
    case JobStatus::AwaitingIssue:
        return tr("Awaiting issue");
    case JobStatus::InProgress:
        return tr("In progress");
    case JobStatus::Completed:
        return tr("Completed");
    case JobStatus::Cancelled:
        return tr("Cancelled");
    case JobStatus::Failed:
        return tr("Failed");
    case JobStatus::Expired:
        return tr("Expired");
    case JobStatus::Locked:
        return tr("Locked");
    }
    return {};
}

QString DomainText::jobType(JobType t)
{
    switch (t) {
    case JobType::Issue:
        return tr("Issue");
    case JobType::Replacement:
        return tr("Replacement");
    case JobType::TemporaryReplacement:
        return tr("Temporary replacement");
    case JobType::Update:
        return tr("Update");
    case JobType::Renewal:
        return tr("Renewal");
    case JobType::PinLock:
        return tr("PIN lock");
    case JobType::TemporaryUnlock:
        return tr("Temporary unlock");
    }
    return {};
}

QString DomainText::cardEncoding(CardEncoding e)
{
    switch (e) {
    case CardEncoding::IdentityAgent:
        return tr("Mobile identity");
    case CardEncoding::VirtualSmartCard:
        return tr("Virtual smart card");
    case CardEncoding::DerivedCredential:
        return tr("Derived credential");
    case CardEncoding::PivCard:
        return tr("PIV card");
    }
    return {};
}

QString DomainText::notificationScheme(NotificationScheme s)
{
    switch (s) {
    case NotificationScheme::Default:
        return tr("Link by email; code by separate email, and by SMS too where the person has a mobile");
    case NotificationScheme::None:
        return tr("No notification (code on screen only)");
    case NotificationScheme::MobileAuthCodeEmail:
        return tr("Link by email, code by separate email");
    case NotificationScheme::MobileAuthCodeSms:
        return tr("Link by email, code by SMS");
    }
    return {};
}

QString DomainText::deviceRestriction(DeviceRestriction r)
{
    switch (r) {
    case DeviceRestriction::Any:
        return tr("Any mobile");
    case DeviceRestriction::KnownMobiles:
        return tr("Known mobiles");
    case DeviceRestriction::MyMobilesOnly:
        return tr("My mobiles only");
    }
    return {};
}

QString DomainText::keyRecovery(KeyRecovery r)
{
    switch (r) {
    case KeyRecovery::IssueNew:
        return tr("Issue a new key");
    case KeyRecovery::UseExisting:
        return tr("Recover the current key");
    case KeyRecovery::HistoricOnly:
        return tr("Recover historic keys only");
    }
    return {};
}

QString DomainText::workflow(Workflow w)
{
    switch (w) {
    case Workflow::FindPerson:
        return tr("Find and view people");
    case Workflow::RequestMobile:
        return tr("Request mobile identity");
    case Workflow::RequestCard:
        return tr("Request card");
    case Workflow::RequestMyId:
        return tr("Request my own identity (self-service)");
    case Workflow::CancelDevice:
        return tr("Cancel device");
    case Workflow::EnableDisableDevice:
        return tr("Enable and disable devices");
    case Workflow::RequestReplacement:
        return tr("Request replacement");
    case Workflow::RequestUpdate:
        return tr("Request update");
    case Workflow::RequestRenewal:
        return tr("Request renewal");
    case Workflow::UnlockCredential:
        return tr("Unlock credential");
    case Workflow::ValidateRequest:
        return tr("Validate requests");
    case Workflow::ManageVscAccess:
        return tr("Manage virtual smart card access");
    case Workflow::UnlockVscTemporaryAccess:
        return tr("Grant temporary virtual smart card access");
    case Workflow::ViewAudit:
        return tr("View the audit trail");
    case Workflow::EditConfiguration:
        return tr("Edit operation settings");
    case Workflow::EditRoles:
        return tr("Edit roles");
    case Workflow::EditCredentialProfiles:
        return tr("Edit credential profiles");
    case Workflow::AddEditDevices:
        return tr("Register hardware");
    case Workflow::ManageJobs:
        return tr("Manage requests");
    case Workflow::IssueDerivedCredential:
        return tr("Derived credential kiosk");
    case Workflow::EditPeople:
        return tr("Edit people");
    case Workflow::EditCertificatePolicies:
        return tr("Edit certificate policies");
    case Workflow::AddPerson:
        return tr("Add people");
    case Workflow::DisableEnableAccount:
        return tr("Disable and enable accounts");
    case Workflow::AssignRoles:
        return tr("Assign roles");
    case Workflow::RemovePerson:
        return tr("Remove people");
    case Workflow::ManageDirectory:
        return tr("Manage the directory");
    case Workflow::ReportIncident:
        return tr("Report own credentials lost, stolen or forgotten (self-service)");
    }
    return {};
}

QString DomainText::keyAlgorithm(KeyAlgorithm a)
{
    switch (a) {
    case KeyAlgorithm::Rsa2048:
        return tr("RSA 2048");
    case KeyAlgorithm::Rsa3072:
        return tr("RSA 3072");
    case KeyAlgorithm::EcP256:
        return tr("ECC P-256");
    }
    return {};
}

QString DomainText::keyAlgorithms(const QList<KeyAlgorithm>& list)
{
    QStringList names;
    for (KeyAlgorithm a : list)
        names << keyAlgorithm(a);
    return names.join(QStringLiteral(", "));
}

QString DomainText::keyUsage(const QString& name)
{
    static const QHash<QString, const char*> labels {
        { QStringLiteral("digitalSignature"), QT_TR_NOOP("Digital signature") },
        { QStringLiteral("nonRepudiation"), QT_TR_NOOP("Non-repudiation") },
        { QStringLiteral("keyEncipherment"), QT_TR_NOOP("Key encipherment") },
        { QStringLiteral("dataEncipherment"), QT_TR_NOOP("Data encipherment") },
        { QStringLiteral("keyAgreement"), QT_TR_NOOP("Key agreement") },
    };
    const char* label = labels.value(name);
    return label ? tr(label) : name;
}

QString DomainText::extendedKeyUsage(const QString& nameOrOid)
{
    static const QHash<QString, const char*> labels {
        { QStringLiteral("clientAuth"), QT_TR_NOOP("Client authentication") },
        { QStringLiteral("serverAuth"), QT_TR_NOOP("Server authentication") },
        { QStringLiteral("emailProtection"), QT_TR_NOOP("E-mail protection") },
        { QStringLiteral("codeSigning"), QT_TR_NOOP("Code signing") },
        { QStringLiteral("msSmartcardLogin"), QT_TR_NOOP("Smart card logon (Windows)") },
        { QStringLiteral("msEFS"), QT_TR_NOOP("Encrypting file system (Windows)") },
        { QStringLiteral("2.16.840.1.101.3.6.8"), QT_TR_NOOP("PIV card authentication") },
        { QStringLiteral("2.16.840.1.101.3.6.7"), QT_TR_NOOP("PIV content signing") },
    };
    const char* label = labels.value(nameOrOid);
    return label ? tr(label) : nameOrOid;
}

QString DomainText::personField(const QString& field)
{
    static const QHash<QString, const char*> labels {
        { QStringLiteral("logonName"), QT_TR_NOOP("logon name") },
        { QStringLiteral("fullName"), QT_TR_NOOP("full name") },
        { QStringLiteral("email"), QT_TR_NOOP("e-mail address") },
        { QStringLiteral("mobile"), QT_TR_NOOP("mobile number") },
        { QStringLiteral("userPrincipalName"), QT_TR_NOOP("user principal name") },
        { QStringLiteral("group"), QT_TR_NOOP("group") },
        { QStringLiteral("employeeId"), QT_TR_NOOP("employee id") },
        { QStringLiteral("fascn"), QT_TR_NOOP("FASC-N") },
        { QStringLiteral("cardUuid"), QT_TR_NOOP("card UUID") },
    };
    const auto it = labels.constFind(field);
    return it == labels.constEnd() ? field : tr(*it);
}

QString DomainText::alternativeName(const QString& id)
{
    if (id == QLatin1String("email"))
        return tr("e-mail address");
    if (id == QLatin1String("upn"))
        return tr("user principal name");
    if (id == QLatin1String("fascn"))
        return tr("card FASC-N");
    if (id == QLatin1String("card-uuid"))
        return tr("card UUID");
    return id;
}

QString DomainText::scope(Scope s)
{
    switch (s) {
    case Scope::Self:
        return tr("Only themself");
    case Scope::Group:
        return tr("Their group");
    case Scope::All:
        return tr("Everyone");
    }
    return {};
}

QString DomainText::certificateStatus(CertificateStatus s, const QString& reason)
{
    switch (s) {
    case CertificateStatus::Active:
        return tr("Active");
    case CertificateStatus::OnHold:
        return tr("On hold");
    case CertificateStatus::Revoked:
        return reason.isEmpty() ? tr("Revoked") : tr("Revoked (%1)").arg(reason);
    }
    return {};
}

QString DomainText::channel(const QString& channel)
{
    if (channel == QLatin1String("email"))
        return tr("Email");
    if (channel == QLatin1String("sms"))
        return tr("SMS");
    return channel;
}

QString DomainText::notificationState(const QString& state)
{
    if (state == QLatin1String("queued"))
        return tr("Queued");
    if (state == QLatin1String("sending"))
        return tr("Sending");
    if (state == QLatin1String("sent"))
        return tr("Sent");
    if (state == QLatin1String("failed"))
        return tr("Failed");
    if (state == QLatin1String("superseded"))
        return tr("Replaced by a newer code");
    return state;
}

QString DomainText::messageKind(const QString& kind)
{
    if (kind == QLatin1String("collection-link"))
        return tr("Collection link");
    if (kind == QLatin1String("auth-code"))
        return tr("Authentication code");
    if (kind == QLatin1String("renewal"))
        return tr("Renewal reminder");
    if (kind == QLatin1String("incident"))
        return tr("Incident report to the helpdesk");
    return kind;
}

QString DomainText::messageTemplate(const QString& name)
{
    if (name == QLatin1String("collection-link-email"))
        return tr("Collection link (email)");
    if (name == QLatin1String("collection-link-sms"))
        return tr("Collection link (SMS)");
    if (name == QLatin1String("vsc-ready-email"))
        return tr("Virtual smart card ready (email)");
    if (name == QLatin1String("auth-code-email"))
        return tr("Authentication code (email)");
    if (name == QLatin1String("auth-code-sms"))
        return tr("Authentication code (SMS)");
    if (name == QLatin1String("renewal-email"))
        return tr("Renewal reminder (email)");
    if (name == QLatin1String("renewal-sms"))
        return tr("Renewal reminder (SMS)");
    if (name == QLatin1String("incident-email"))
        return tr("Incident reported by a holder (email to the helpdesk)");
    return name;
}

QString DomainText::dateTime(const QDateTime& t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString DomainText::date(const QDateTime& t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime().date(), QLocale::ShortFormat) : QString();
}

} // namespace lanyard
