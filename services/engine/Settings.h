#pragma once

#include "Timezone.h"

#include <QList>
#include <QMap>
#include <QString>

namespace lanyard {

// Operation settings: a map from setting key to text, with typed reads. Keys and defaults are
// declared once in SettingsSchema; a Settings read from the engine has every key.
class Settings {
public:
    QString value(const QString& key) const;
    bool boolean(const QString& key) const;
    int integer(const QString& key) const;
    void set(const QString& key, const QString& value) { m_values.insert(key, value); }
    const QMap<QString, QString>& values() const { return m_values; }

    QList<Timezone> timezones;

    bool operator==(const Settings&) const = default;

private:
    QMap<QString, QString> m_values;
};

} // namespace lanyard
