#pragma once

#include <QString>

namespace lanyard {

// What a phone or computer says about itself when it collects a credential.
struct DeviceFacts {
    QString hardwareSerial;
    QString platform;
    QString model;
    QString dnsName;
};

} // namespace lanyard
