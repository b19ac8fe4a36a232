#include "RecordModels.h"

#include "DomainText.h"

namespace lanyard {

DeviceListModel* RecordModels::devices(QObject* parent)
{
    return new DeviceListModel(
        {
            { tr("Serial"), [](const Device& d) -> QVariant { return d.serial; } },
            { tr("Type"), [](const Device& d) -> QVariant { return DomainText::cardEncoding(d.type); } },
            { tr("State"), [](const Device& d) -> QVariant { return DomainText::deviceState(d.state); } },
            { tr("Owner"), [](const Device& d) -> QVariant { return d.ownerName; } },
            { tr("Expires"), [](const Device& d) -> QVariant { return DomainText::date(d.expiresAt); } },
            { tr("Profile"), [](const Device& d) -> QVariant { return tr("%1 (v%2)").arg(d.profileName).arg(d.profileVersion); } },
            { tr("DNS name / phone"), [](const Device& d) -> QVariant { return d.dnsName.isEmpty() ? d.hardwareSerial : d.dnsName; } },
        },
        [](const Device& d) { return d.id; }, parent);
}

CertificateListModel* RecordModels::certificates(QObject* parent)
{
    return new CertificateListModel(
        {
            { tr("Serial"), [](const CertificateRecord& c) -> QVariant { return c.serial; } },
            { tr("Policy"), [](const CertificateRecord& c) -> QVariant {
                 return c.policyVersion > 0 ? tr("%1 (v%2)").arg(c.policyName).arg(c.policyVersion) : c.policyName;
             } },
            { tr("Subject"), [](const CertificateRecord& c) -> QVariant { return c.subject; } },
            { tr("Status"), [](const CertificateRecord& c) -> QVariant { return DomainText::certificateStatus(c.status, c.revocationReason); } },
            { tr("Valid until"), [](const CertificateRecord& c) -> QVariant { return DomainText::date(c.notAfter); } },
        },
        [](const CertificateRecord& c) { return c.id; }, parent);
}

JobListModel* RecordModels::jobs(QObject* parent)
{
    return new JobListModel(
        {
            { tr("Job"), [](const Job& j) -> QVariant { return j.id; } },
            { tr("Type"), [](const Job& j) -> QVariant { return DomainText::jobType(j.type); } },
            { tr("Status"), [](const Job& j) -> QVariant { return DomainText::jobStatus(j.status); } },
            { tr("Person"), [](const Job& j) -> QVariant { return j.personName; } },
            { tr("Profile"), [](const Job& j) -> QVariant { return j.profileName; } },
            { tr("Requested by"), [](const Job& j) -> QVariant { return j.requestedByName; } },
            { tr("Requested"), [](const Job& j) -> QVariant { return DomainText::dateTime(j.requestedAt); } },
            { tr("Code expires"), [](const Job& j) -> QVariant { return DomainText::dateTime(j.codeExpiresAt); } },
        },
        [](const Job& j) { return j.id; }, parent);
}

AuditEventModel* RecordModels::auditEvents(QObject* parent)
{
    return new AuditEventModel(
        {
            { tr("When"), [](const AuditEvent& e) -> QVariant { return DomainText::dateTime(e.at); } },
            { tr("Operator"), [](const AuditEvent& e) -> QVariant { return e.operatorName; } },
            { tr("Workflow"), [](const AuditEvent& e) -> QVariant { return e.workflow; } },
            { tr("Target"), [](const AuditEvent& e) -> QVariant { return e.targetLabel; } },
            { tr("Outcome"), [](const AuditEvent& e) -> QVariant { return e.outcome; } },
            { tr("Details"), [](const AuditEvent& e) -> QVariant { return e.details; } },
        },
        [](const AuditEvent& e) { return e.seq; }, parent);
}

HardwareListModel* RecordModels::hardware(QObject* parent)
{
    return new HardwareListModel(
        {
            { tr("Kind"), [](const RegisteredHardware& h) -> QVariant { return h.kind == HardwareKind::Computer ? tr("Computer") : tr("Phone"); } },
            { tr("Serial / DNS name"), [](const RegisteredHardware& h) -> QVariant { return h.identifier; } },
            { tr("Owner"), [](const RegisteredHardware& h) -> QVariant { return h.ownerLogon; } },
            { tr("Description"), [](const RegisteredHardware& h) -> QVariant { return h.description; } },
            { tr("Status"), [](const RegisteredHardware& h) -> QVariant { return h.active ? tr("Active") : tr("Deactivated"); } },
        },
        [](const RegisteredHardware& h) { return h.id; }, parent);
}

ProfileListModel* RecordModels::profiles(QObject* parent)
{
    return new ProfileListModel(
        {
            { tr("Profile"), [](const CredentialProfile& p) -> QVariant { return p.name; } },
            { tr("Version"), [](const CredentialProfile& p) -> QVariant { return p.version; } },
            { tr("Type"), [](const CredentialProfile& p) -> QVariant { return DomainText::cardEncoding(p.encoding); } },
            { tr("Validation"), [](const CredentialProfile& p) -> QVariant { return p.requiresValidation ? tr("Required") : QString(); } },
        },
        [](const CredentialProfile& p) { return p.id; }, parent);
}

PolicyListModel* RecordModels::certificatePolicies(QObject* parent)
{
    return new PolicyListModel(
        {
            { tr("Policy"), [](const CertificatePolicy& p) -> QVariant { return p.name; } },
            { tr("Version"), [](const CertificatePolicy& p) -> QVariant { return p.version; } },
            { tr("Keys"), [](const CertificatePolicy& p) -> QVariant { return DomainText::keyAlgorithms(p.keyAlgorithms); } },
            { tr("Validity (days)"), [](const CertificatePolicy& p) -> QVariant { return p.validityDays; } },
            { tr("Archive"), [](const CertificatePolicy& p) -> QVariant { return p.archiveKeys ? tr("Keys archived") : QString(); } },
        },
        [](const CertificatePolicy& p) { return p.id; }, parent);
}

PolicyListModel* RecordModels::certificatePolicyVersions(QObject* parent)
{
    return new PolicyListModel(
        {
            { tr("Version"), [](const CertificatePolicy& p) -> QVariant { return p.isCurrent ? tr("%1 (current)").arg(p.version) : QString::number(p.version); } },
            // Versions kept from before policies were versioned have no date.
            { tr("Saved"), [](const CertificatePolicy& p) -> QVariant { return p.createdAt.toMSecsSinceEpoch() > 0 ? DomainText::dateTime(p.createdAt) : QString(); } },
            { tr("Validity (days)"), [](const CertificatePolicy& p) -> QVariant { return p.validityDays; } },
            { tr("Subject"), [](const CertificatePolicy& p) -> QVariant { return p.dnTemplate; } },
        },
        [](const CertificatePolicy& p) { return p.versionId; }, parent);
}

ProfileListModel* RecordModels::profileVersions(QObject* parent)
{
    return new ProfileListModel(
        {
            { tr("Version"), [](const CredentialProfile& p) -> QVariant { return p.isCurrent ? tr("%1 (current)").arg(p.version) : QString::number(p.version); } },
            { tr("Saved"), [](const CredentialProfile& p) -> QVariant { return DomainText::dateTime(p.createdAt); } },
            { tr("Name"), [](const CredentialProfile& p) -> QVariant { return p.name; } },
            { tr("Lifetime (days)"), [](const CredentialProfile& p) -> QVariant { return p.lifetimeDays; } },
        },
        [](const CredentialProfile& p) { return p.id; }, parent);
}

RoleListModel* RecordModels::roles(QObject* parent)
{
    return new RoleListModel(
        {
            { tr("Role"), [](const Role& r) -> QVariant { return r.name; } },
            { tr("Scope"), [](const Role& r) -> QVariant { return DomainText::scope(r.scope); } },
            { tr("Workflows"), [](const Role& r) -> QVariant { return r.workflows.size(); } },
        },
        [](const Role& r) { return r.id; }, parent);
}

NotificationListModel* RecordModels::notifications(QObject* parent)
{
    return new NotificationListModel(
        {
            { tr("Message"), [](const Notification& n) -> QVariant { return DomainText::messageKind(n.templateName); } },
            { tr("Channel"), [](const Notification& n) -> QVariant { return DomainText::channel(n.channel); } },
            { tr("Recipient"), [](const Notification& n) -> QVariant { return n.recipient; } },
            { tr("State"), [](const Notification& n) -> QVariant { return DomainText::notificationState(n.state); } },
            { tr("Attempts"), [](const Notification& n) -> QVariant { return n.attempts; } },
            { tr("Sent"), [](const Notification& n) -> QVariant { return DomainText::dateTime(n.sentAt); } },
            { tr("Last error"), [](const Notification& n) -> QVariant { return n.lastError; } },
        },
        [](const Notification& n) { return n.id; }, parent);
}

} // namespace lanyard
