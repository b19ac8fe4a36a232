#include "ConnectionSettings.h"

#include <QSettings>

namespace lanyard {

ConnectionSettings ConnectionSettings::load(const QSettings& settings)
{
    ConnectionSettings c;
    c.kind = settings.value(QStringLiteral("connection/kind")).toString() == QLatin1String("server") ? Kind::Server : Kind::Embedded;
    c.databasePath = settings.value(QStringLiteral("connection/database")).toString();
    c.serverUrl = settings.value(QStringLiteral("connection/server")).toString();
    c.caFile = settings.value(QStringLiteral("connection/caFile")).toString();
    return c;
}

void ConnectionSettings::save(QSettings& settings) const
{
    settings.setValue(QStringLiteral("connection/kind"), isServer() ? QStringLiteral("server") : QStringLiteral("embedded"));
    settings.setValue(QStringLiteral("connection/database"), databasePath);
    settings.setValue(QStringLiteral("connection/server"), serverUrl);
    settings.setValue(QStringLiteral("connection/caFile"), caFile);
}

} // namespace lanyard
