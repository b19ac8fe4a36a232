#pragma once

#include "Device.h"
#include "Job.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace lanyard {

// When a PIN-lock job is due: at the next Self-Service run, or after a wall-clock date and
// time in one of the configured timezones (named by its value, which the list keeps unique:
// "-7" and "-7.0" are two entries for the same offset).
struct LockSchedule {
    bool nextRun = true;
    QDate date;
    QTime time;
    QString timezoneValue;

    bool operator==(const LockSchedule&) const = default;
};

// What Unlock VSC Temporary Access answers: the response to read aloud, and the job that locks
// the card again (id 0 for unrestricted access).
struct TemporaryAccess {
    QString response; // grouped hex
    Job relockJob;
    // A child card disabled for its parent was enabled: until when (invalid: for good).
    bool childEnabled = false;
    QDateTime enabledUntil;
};

// Durations offered for temporary access, in hours; 0 is unrestricted.
inline QList<int> temporaryAccessHours()
{
    return { 8, 12, 24, 48, 72, 96, 120, 144, 168, 0 };
}

// A PIN lock that is due on the computer asking, with what its card backend needs: the
// device's certificates (to find the card) and the PUK the engine holds for the cards it
// issued (empty for others).
struct VscLockTask {
    Job job;
    Device device;
    QList<QByteArray> certificates; // DER
    QString puk;
};

// What the computer reports after trying a lock.
struct VscLockOutcome {
    qint64 jobId = 0;
    bool applied = false;
    QString reason; // why it failed

    bool operator==(const VscLockOutcome&) const = default;
};

// The challenge the holder of a locked or blocked card reads to the helpdesk; the helpdesk's
// answer (Unlock VSC Temporary Access) releases the held PUK once.
struct VscUnblockChallenge {
    qint64 deviceId = 0;
    QString deviceSerial;
    QString challenge; // grouped hex, as the helpdesk types it
    QDateTime expiresAt;
};

} // namespace lanyard
