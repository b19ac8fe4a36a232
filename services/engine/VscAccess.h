#pragma once

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
};

// What Unlock VSC Temporary Access answers: the response to read aloud, and the job that locks
// the card again (id 0 for unrestricted access).
struct TemporaryAccess {
    QString response; // grouped hex
    Job relockJob;
};

// Durations offered for temporary access, in hours; 0 is unrestricted.
inline QList<int> temporaryAccessHours()
{
    return { 8, 12, 24, 48, 72, 96, 120, 144, 168, 0 };
}

} // namespace lanyard
