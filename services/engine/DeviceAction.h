#pragma once

#include "DeviceLifecycle.h"
#include "Device.h"
#include "Job.h"
#include "core/Error.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace lanyard {

// An operator's request to move a device through its lifecycle.
struct DeviceAction {
    DeviceOperation operation = DeviceOperation::Disable;
    RevocationReason cancelReason = RevocationReason::CessationOfOperation; // for Cancel
    QString reason;
    QString details;
    // For a replacement: its code is shown to the operator to read out, rather than sent by
    // the profile's notification scheme.
    bool showCode = false;

    bool operator==(const DeviceAction&) const = default;
};

// What a device action did: the device as it is now and, for a replacement, the request made
// for it, with its code or the messages that carry it. A replacement whose code could not go
// out (the scheme cannot reach the holder) is still requested, and the device action stands:
// the problem says why, and New code on the request sends or shows it later.
struct DeviceChange {
    Device device;
    std::optional<IssuedRequest> replacement;
    std::optional<Error> replacementProblem;
    // A device its holder reported lost, stolen or damaged: when its suspension turns into
    // revocation unless the helpdesk reinstates it first (invalid: no such hold).
    QDateTime revokesAt;
};

} // namespace lanyard
