#include "DeviceLifecycle.h"

#include "core/IdTable.h"

namespace lanyard {

namespace {
constexpr auto kStates = makeIdTable<DeviceState>(std::pair { DeviceState::Active, "active" },
    std::pair { DeviceState::Disabled, "disabled" }, std::pair { DeviceState::Suspended, "suspended" },
    std::pair { DeviceState::Canceled, "canceled" }, std::pair { DeviceState::Issued, "issued" });
constexpr auto kOps = makeIdTable<DeviceOperation>(std::pair { DeviceOperation::Disable, "disable" },
    std::pair { DeviceOperation::Enable, "enable" }, std::pair { DeviceOperation::ReplaceForgotten, "replace-forgotten" },
    std::pair { DeviceOperation::Reinstate, "reinstate" }, std::pair { DeviceOperation::Cancel, "cancel" },
    std::pair { DeviceOperation::ReplaceLost, "replace-lost" }, std::pair { DeviceOperation::ReplaceStolen, "replace-stolen" },
    std::pair { DeviceOperation::ReplaceDamaged, "replace-damaged" });
} // namespace

QString deviceStateId(DeviceState s) { return kStates.id(s); }
bool deviceStateFromId(const QString& id, DeviceState* s)
{
    const auto f = kStates.find(id);
    if (f)
        *s = *f;
    return f.has_value();
}
QString deviceOperationId(DeviceOperation op) { return kOps.id(op); }
bool deviceOperationFromId(const QString& id, DeviceOperation* op)
{
    const auto f = kOps.find(id);
    if (f)
        *op = *f;
    return f.has_value();
}

Result<DeviceTransition> DeviceLifecycle::apply(DeviceState from, DeviceOperation op, RevocationReason cancelReason)
{
    DeviceTransition t;
    const bool live = from == DeviceState::Active || from == DeviceState::Disabled || from == DeviceState::Suspended;
    switch (op) {
    case DeviceOperation::Disable:
        if (from == DeviceState::Active) {
            t.to = DeviceState::Disabled;
            t.certificates = CertificateAction::Hold;
            return t;
        }
        break;
    case DeviceOperation::Enable:
        if (from == DeviceState::Disabled) {
            t.to = DeviceState::Active;
            t.certificates = CertificateAction::Release;
            return t;
        }
        break;
    case DeviceOperation::ReplaceForgotten:
        if (from == DeviceState::Active) {
            t.to = DeviceState::Suspended;
            t.certificates = CertificateAction::Hold;
            t.createsTemporaryReplacementJob = true;
            return t;
        }
        break;
    case DeviceOperation::Reinstate:
        if (from == DeviceState::Suspended) {
            t.to = DeviceState::Active;
            t.certificates = CertificateAction::Release;
            t.cancelsTemporaryReplacement = true;
            return t;
        }
        break;
    case DeviceOperation::Cancel:
        if (live) {
            if (cancelReason == RevocationReason::CertificateHold)
                return Error(ErrorCode::InvalidArgument, QStringLiteral("certificateHold is not a reason to cancel"));
            t.to = DeviceState::Canceled;
            t.certificates = CertificateAction::Revoke;
            t.revocationReason = cancelReason;
            t.cancelsTemporaryReplacement = from == DeviceState::Suspended;
            return t;
        }
        break;
    case DeviceOperation::ReplaceLost:
    case DeviceOperation::ReplaceStolen:
    case DeviceOperation::ReplaceDamaged:
        if (live) {
            t.to = DeviceState::Canceled;
            t.certificates = CertificateAction::Revoke;
            t.revocationReason = op == DeviceOperation::ReplaceDamaged ? RevocationReason::CessationOfOperation : RevocationReason::KeyCompromise;
            t.createsReplacementJob = true;
            t.cancelsTemporaryReplacement = from == DeviceState::Suspended;
            return t;
        }
        break;
    }
    return Error(ErrorCode::InvalidTransition,
        QStringLiteral("%1 is not allowed for a device that is %2").arg(deviceOperationId(op), deviceStateId(from)),
        { { QStringLiteral("operation"), deviceOperationId(op) }, { QStringLiteral("state"), deviceStateId(from) } });
}

Workflow DeviceLifecycle::workflowFor(DeviceOperation op)
{
    switch (op) {
    case DeviceOperation::Disable:
    case DeviceOperation::Enable:
        return Workflow::EnableDisableDevice;
    case DeviceOperation::Cancel:
        return Workflow::CancelDevice;
    case DeviceOperation::ReplaceForgotten:
    case DeviceOperation::Reinstate:
    case DeviceOperation::ReplaceLost:
    case DeviceOperation::ReplaceStolen:
    case DeviceOperation::ReplaceDamaged:
        break;
    }
    return Workflow::RequestReplacement;
}

Result<DeviceTransition> DeviceLifecycle::reportedMissing(DeviceState from, DeviceOperation op)
{
    DeviceTransition t;
    t.to = DeviceState::Suspended;
    t.certificates = CertificateAction::Hold;
    switch (op) {
    case DeviceOperation::ReplaceForgotten:
        // Left at home: only a device in use can be forgotten; the operator's Reinstate or the
        // holder withdrawing the request brings it back.
        if (from == DeviceState::Active)
            return t;
        break;
    case DeviceOperation::ReplaceLost:
    case DeviceOperation::ReplaceStolen:
    case DeviceOperation::ReplaceDamaged:
        // A disabled device held by someone else is still a risk; a suspended one (forgotten,
        // then found missing) stays suspended, its certificates already on hold.
        if (from == DeviceState::Active || from == DeviceState::Disabled || from == DeviceState::Suspended)
            return t;
        break;
    default:
        return Error(ErrorCode::InvalidArgument, QStringLiteral("%1 is not an incident a holder reports").arg(deviceOperationId(op)),
            { { QStringLiteral("problem"), QStringLiteral("incident-kind") }, { QStringLiteral("field"), QStringLiteral("operation") } });
    }
    return Error(ErrorCode::InvalidTransition,
        QStringLiteral("%1 is not allowed for a device that is %2").arg(deviceOperationId(op), deviceStateId(from)),
        { { QStringLiteral("operation"), deviceOperationId(op) }, { QStringLiteral("state"), deviceStateId(from) } });
}

RevocationReason DeviceLifecycle::reportedReason(DeviceOperation op)
{
    return op == DeviceOperation::ReplaceDamaged ? RevocationReason::CessationOfOperation : RevocationReason::KeyCompromise;
}

bool DeviceLifecycle::allows(DeviceState from, DeviceOperation op)
{
    return apply(from, op).ok();
}

} // namespace lanyard
