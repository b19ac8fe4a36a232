#pragma once

#include "Workflow.h"
#include "core/Result.h"
#include "pki/RevocationReason.h"

#include <QString>

namespace lanyard {

// Issued: certificates made during a collection that the phone has not yet confirmed; no
// operator operation applies until the collection is confirmed or rolled back.
enum class DeviceState { Active, Disabled, Suspended, Canceled, Issued };

enum class DeviceOperation {
    Disable,
    Enable,
    ReplaceForgotten, // temporary replacement; the device is suspended
    Reinstate, // the forgotten device was found
    Cancel,
    ReplaceLost,
    ReplaceStolen,
    ReplaceDamaged,
};

enum class CertificateAction { None, Hold, Release, Revoke };

QString deviceStateId(DeviceState s);
bool deviceStateFromId(const QString& id, DeviceState* s);
QString deviceOperationId(DeviceOperation op);
bool deviceOperationFromId(const QString& id, DeviceOperation* op);

struct DeviceTransition {
    DeviceState to = DeviceState::Active;
    CertificateAction certificates = CertificateAction::None;
    RevocationReason revocationReason = RevocationReason::Unspecified;
    bool createsReplacementJob = false;
    bool createsTemporaryReplacementJob = false;
    bool cancelsTemporaryReplacement = false;
};

// The device lifecycle table (DESIGN.md §2) as one pure function: the only place that knows
// which operation is allowed from which state and what it does to the certificates.
class DeviceLifecycle {
public:
    // cancelReason is the revocation reason the operator chose for Cancel; ignored otherwise.
    static Result<DeviceTransition> apply(DeviceState from, DeviceOperation op,
        RevocationReason cancelReason = RevocationReason::CessationOfOperation);
    static bool allows(DeviceState from, DeviceOperation op);
    // The holder's own report (Self-Service) that the device is lost, stolen, damaged (`op`
    // ReplaceLost, ReplaceStolen, ReplaceDamaged) or forgotten (ReplaceForgotten): suspended
    // with its certificates on hold, never revoked at once; what follows is the incident's.
    static Result<DeviceTransition> reportedMissing(DeviceState from, DeviceOperation op);
    // The revocation reason for a device reported lost, stolen or damaged once its hold ends.
    static RevocationReason reportedReason(DeviceOperation op);
    // The workflow a role must grant for the operation.
    static Workflow workflowFor(DeviceOperation op);
};

} // namespace lanyard
