#pragma once

#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QString>

namespace lanyard::test {

// A real lanyard-server for a test: a TLS certificate for 127.0.0.1, a database made with
// `init --demo` (SQLite in the folder, or PostgreSQL when LANYARD_TEST_PG_URL is set), the
// operators "helpdesk" (Helpdesk Operator) and "admin" (Administrator and Helpdesk
// Operator), a free loopback port.
// Started and waited for by polling its health check; stopped by its PID with SIGTERM.
class ServerProcess {
public:
    static constexpr const char* kHelpdeskPassword = "correct horse battery";
    static constexpr const char* kAdminPassword = "admin horse battery";

    explicit ServerProcess(QString dir);
    ~ServerProcess();

    static QString tool(const char* name);
    // Creates certificate, database and operators; the error text on failure.
    QString prepare();
    // Instead of prepare(): `init` without demo data, as an organisation starts: the baseline
    // and the first administrator "admin" (kAdminPassword). `init` gets what init printed.
    struct CommandOutput;
    QString prepareBaseline(CommandOutput* init);
    // Instead of prepare(): a second server on the database, key and certificate of another
    // (several processes sharing one PostgreSQL database).
    QString prepareSharing(const ServerProcess& other);
    // Another person who can log on (after prepare()); the error text on failure.
    QString createOperator(const QString& logon, const QString& name, const QStringList& roles, const QString& password);
    // lanyard-server COMMAND on this server's database and key: `args` follow --db and the key.
    struct CommandOutput {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    CommandOutput command(const QString& command, const QStringList& args, const QByteArray& input = {});
    // `serveArguments` are added to `serve`, e.g. the connection limits.
    QString start(const QStringList& serveArguments = {});
    // SIGTERM; true when the server ended cleanly with exit code 0.
    bool stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 processId() const { return m_process.processId(); }

    int port() const { return m_port; }
    QString url() const { return QStringLiteral("https://127.0.0.1:%1").arg(m_port); }
    QString tlsCertificate() const { return path(QStringLiteral("tls.crt")); }
    QString caCertificate() const { return path(QStringLiteral("ca.pem")); } // the engine's CA, after start()
    QString databaseArgument() const { return m_db; }
    QString logFile() const { return path(QStringLiteral("server.log")); }
    QString path(const QString& name) const;
    bool isPostgres() const { return m_db.startsWith(QLatin1String("postgres")); }

    struct Reply {
        int status = 0;
        QByteArray body;
        QMap<QByteArray, QByteArray> headers; // names in lower case
        QJsonObject json() const;
    };
    Reply http(const QString& verb, const QString& route, const QJsonObject& body = {}, const QString& token = {});
    // POST /api/v1/operator/<method> with this token. Another status than `expected` is
    // recorded as the running test function's failure (never qFatal: the cleanup must still
    // stop what the test started) and gives an empty object.
    QJsonObject operatorCall(const QString& token, const QString& method, const QJsonObject& args, int expected = 200);
    // A bearer token for this operator, or an empty string.
    QString logon(const QString& logonName, const QString& password);
    // Changes operation settings through the API as the administrator would.
    QString setSettings(const QMap<QString, QString>& values);

    // The helpdesk (the administrator) requests a Virtual Smart Card for the one person
    // `personText` finds, and lanyard-agent collects it onto the blank card in the first
    // reader (`--vsc`) from the computer `dnsName`, with the holder's PIN. The agent keeps its
    // files in `store` (certificate-1.pem is the card's PIV Authentication certificate).
    struct IssuedVsc {
        QString error; // empty on success
        qint64 personId = 0;
        qint64 deviceId = 0;
        QString agentOutput;
    };
    IssuedVsc issueVscOntoCard(const QString& personText, const QString& store, const QString& dnsName, const QString& pin);

private:
    QString makeTlsCertificate();

    QString m_dir;
    QString m_db;
    QStringList m_keyArgs;
    int m_port = 0;
    QProcess m_process;
    QNetworkAccessManager m_net;
};

} // namespace lanyard::test
