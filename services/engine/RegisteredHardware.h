#pragma once

#include <QString>

namespace lanyard {

enum class HardwareKind { Phone, Computer };

// A phone (by serial) or computer (by full DNS name) the organisation knows.
struct RegisteredHardware {
    qint64 id = 0;
    HardwareKind kind = HardwareKind::Phone;
    QString identifier;
    qint64 ownerId = 0;
    QString description;
    bool active = true;
    QString ownerLogon; // on input, names the owner when ownerId is not known

    bool operator==(const RegisteredHardware&) const = default;
};

} // namespace lanyard
