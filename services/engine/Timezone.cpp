#include "Timezone.h"

#include <QRegularExpression>

#include <cmath>

namespace lanyard {

bool Timezone::offsetMinutes(int* minutes) const
{
    static const QRegularExpression re(QStringLiteral("^[+-]?\\d{1,2}(\\.\\d{1,2})?$"));
    if (!re.match(utcOffset).hasMatch())
        return false;
    bool ok = false;
    const double hours = utcOffset.toDouble(&ok);
    if (!ok || hours < -12.0 || hours > 14.0)
        return false;
    *minutes = int(std::lround(hours * 60.0));
    return true;
}

} // namespace lanyard
