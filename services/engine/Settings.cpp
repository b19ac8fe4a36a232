#include "Settings.h"

#include "SettingsSchema.h"

namespace lanyard {

QString Settings::value(const QString& key) const
{
    const auto it = m_values.constFind(key);
    return it != m_values.constEnd() ? *it : SettingsSchema::defaultValue(key);
}

bool Settings::boolean(const QString& key) const
{
    return value(key) == QLatin1String("true");
}

int Settings::integer(const QString& key) const
{
    return value(key).toInt();
}

} // namespace lanyard
