#pragma once

#include "DeviceLifecycle.h"

#include <QString>

namespace lanyard {

// An operator's request to move a device through its lifecycle.
struct DeviceAction {
    DeviceOperation operation = DeviceOperation::Disable;
    RevocationReason cancelReason = RevocationReason::CessationOfOperation; // for Cancel
    QString reason;
    QString details;

    bool operator==(const DeviceAction&) const = default;
};

} // namespace lanyard
