#pragma once

#include <QString>
#include <QUrl>

class QSettings;

namespace lanyard {

// Which engine the operator client talks to: the embedded one on this computer, or a
// lanyard-server. Kept in the desktop's own settings, so the next start goes to the same place.
struct ConnectionSettings {
    enum class Kind { Embedded, Server };
    Kind kind = Kind::Embedded;
    QString databasePath; // embedded; empty: the default database
    QString serverUrl; // https://host:port
    QString caFile; // PEM of the CA that signs the server; empty: the system's CAs

    bool isServer() const { return kind == Kind::Server; }
    // The server address as typed ("host:port" alone reads as http and is refused as such).
    QUrl serverAddress() const { return QUrl::fromUserInput(serverUrl); }
    // Where a remembered token is filed in the keychain: one per server.
    QString tokenKey() const { return QStringLiteral("operator-token ") + serverUrl; }

    static ConnectionSettings load(const QSettings& settings);
    void save(QSettings& settings) const;
};

} // namespace lanyard
