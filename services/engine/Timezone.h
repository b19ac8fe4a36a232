#pragma once

#include <QString>

namespace lanyard {

// An entry of the configured timezone list. The offset is kept exactly as written: "-7" and
// "-7.0" are different entries, as in the systems this replaces.
struct Timezone {
    QString displayName;
    QString utcOffset; // hours, e.g. "-7", "+5.5", "0"

    // Minutes east of UTC; false when the text is not an offset between -12 and +14 hours.
    bool offsetMinutes(int* minutes) const;

    bool operator==(const Timezone&) const = default;
};

} // namespace lanyard
