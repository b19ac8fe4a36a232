#include "DomainText.h"

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

QString DomainText::dateTime(const QDateTime& t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString DomainText::date(const QDateTime& t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime().date(), QLocale::ShortFormat) : QString();
}

} // namespace lanyard
