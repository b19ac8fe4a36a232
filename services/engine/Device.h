#pragma once

#include "CredentialProfile.h"
#include "DeviceLifecycle.h"

#include <QDateTime>
#include <QString>

namespace lanyard {

struct Device {
    qint64 id = 0;
    QString serial;
    CardEncoding type = CardEncoding::IdentityAgent;
    QString platform;
    QString hardwareSerial; // the phone's own serial, for Known Mobiles
    QString dnsName;
    qint64 ownerId = 0;
    QString ownerName;
    qint64 profileId = 0;
    QString profileName;
    int profileVersion = 0;
    // Parent and child profiles: a child VSC's parent profile, or a parent's child profile.
    QString associatedProfileName;
    DeviceState state = DeviceState::Active;
    QDateTime expiresAt;
    qint64 parentDeviceId = 0;
    bool accessLocked = false;
    // Disabled because the holder's account was; enabling the account may enable it again.
    bool disabledWithAccount = false;

    bool isExpired(const QDateTime& now) const { return expiresAt.isValid() && expiresAt <= now; }
};

} // namespace lanyard
