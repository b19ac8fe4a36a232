// lanyard-server: the credential engine over HTTPS for many desks and for phones.
//   lanyard-server init            --db URL [--key-file F] [--demo]
//   lanyard-server create-operator --db URL [--key-file F] --logon NAME [--name TEXT] [--group NAME] [--role ROLE]...  (password on stdin)
//   lanyard-server serve           --db URL [--key-file F] --listen HOST:PORT --tls-cert F --tls-key F [--max-client-connections N] [--header-timeout S] [--handshake-timeout S]

#include "core/WhenFinished.h"
#include "demo/DemoDataGenerator.h"
#include "engine/Administration.h"
#include "engine/EmbeddedEngine.h"
#include "remote/ApiServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>

using namespace lanyard;

namespace {

int g_signalPipe[2] = { -1, -1 };

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &c, 1);
}

// SIGTERM and SIGINT end the event loop, so open requests finish and the engine closes cleanly.
void watchSignals(QCoreApplication& app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto* notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] {
        char c = 0;
        [[maybe_unused]] const auto n = ::read(g_signalPipe[0], &c, 1);
        qInfo().noquote() << R"({"event":"shutdown","reason":"signal"})";
        app.quit();
    });
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
}

// Structured logs: one JSON object per line on stderr.
void jsonLog(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    static const char* kLevels[] = { "debug", "warning", "critical", "fatal", "info" };
    QJsonObject line { { QStringLiteral("level"), QString::fromLatin1(kLevels[type]) },
        { QStringLiteral("category"), QString::fromLatin1(context.category ? context.category : "default") } };
    const QJsonDocument inner = QJsonDocument::fromJson(message.toUtf8());
    if (inner.isObject())
        line.insert(QStringLiteral("data"), inner.object());
    else
        line.insert(QStringLiteral("message"), message);
    std::fprintf(stderr, "%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stderr);
}

int fail(const QString& text)
{
    QTextStream(stderr) << "lanyard-server: " << text << Qt::endl;
    return 1;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("lanyard-server"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Lanyard credential engine server"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("init | create-operator | serve"));
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("sqlite:PATH or postgresql://user:password@host:port/name"), QStringLiteral("url"));
    const QCommandLineOption keyFile(QStringLiteral("key-file"), QStringLiteral("Master key file (default for SQLite: the database file + .key)"), QStringLiteral("file"));
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("Address and port, e.g. 127.0.0.1:8443"), QStringLiteral("host:port"),
        QStringLiteral("127.0.0.1:8443"));
    const QCommandLineOption cert(QStringLiteral("tls-cert"), QStringLiteral("Server certificate (PEM)"), QStringLiteral("file"));
    const QCommandLineOption key(QStringLiteral("tls-key"), QStringLiteral("Server private key (PEM)"), QStringLiteral("file"));
    const QCommandLineOption demo(QStringLiteral("demo"), QStringLiteral("init: fill a new database with demo people and profiles"));
    const QCommandLineOption logon(QStringLiteral("logon"), QStringLiteral("create-operator: logon name"), QStringLiteral("name"));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("create-operator: full name"), QStringLiteral("text"));
    const QCommandLineOption group(QStringLiteral("group"), QStringLiteral("create-operator: the operator's group (what a Group-scoped role reaches)"), QStringLiteral("name"));
    const QCommandLineOption role(QStringLiteral("role"), QStringLiteral("create-operator: a role to give (repeat for several)"), QStringLiteral("role"), QStringLiteral("Administrator"));
    const QCommandLineOption delivery(QStringLiteral("delivery-interval"), QStringLiteral("Seconds between notification delivery passes"),
        QStringLiteral("seconds"), QStringLiteral("30"));
    const HttpLimits defaults;
    const QCommandLineOption perClient(QStringLiteral("max-client-connections"),
        QStringLiteral("serve: open connections allowed from one client address (default %1)").arg(defaults.maxConnectionsPerClient), QStringLiteral("count"),
        QString::number(defaults.maxConnectionsPerClient));
    const QCommandLineOption headerTimeout(QStringLiteral("header-timeout"),
        QStringLiteral("serve: seconds a connection may take to send a request header, idle time included (default %1)").arg(defaults.headerSeconds),
        QStringLiteral("seconds"), QString::number(defaults.headerSeconds));
    const QCommandLineOption handshakeTimeout(QStringLiteral("handshake-timeout"),
        QStringLiteral("serve: seconds a connection may take for its TLS handshake (default %1)").arg(defaults.handshakeSeconds), QStringLiteral("seconds"),
        QString::number(defaults.handshakeSeconds));
    parser.addOptions({ db, keyFile, listen, cert, key, demo, logon, name, group, role, delivery, perClient, headerTimeout, handshakeTimeout });
    parser.process(app);
    const QString command = parser.positionalArguments().value(0);
    if (command != QLatin1String("init") && command != QLatin1String("create-operator") && command != QLatin1String("serve"))
        return fail(QStringLiteral("say what to do: init, create-operator or serve (see --help)"));
    if (!parser.isSet(db))
        return fail(QStringLiteral("--db is required, e.g. --db sqlite:/var/lib/lanyard/engine.db"));
    auto config = DatabaseConfig::fromUrl(parser.value(db));
    if (!config)
        return fail(config.error().detail);
    EmbeddedEngineOptions options;
    options.database = *config;
    // A server has no desktop keychain: the master key lives in a file only root can read.
    options.keyStore = EmbeddedEngineOptions::KeyStore::FileOnly;
    if (parser.isSet(keyFile))
        options.keyFilePath = parser.value(keyFile);
    else if (config->dialect != SqlDialect::Sqlite)
        return fail(QStringLiteral("--key-file is required with PostgreSQL"));
    options.deliveryIntervalMs = command == QLatin1String("serve") ? qMax(1, parser.value(delivery).toInt()) * 1000 : 0;

    QByteArray certificatePem;
    QByteArray privateKeyPem;
    HttpLimits limits;
    QHostAddress address;
    quint16 port = 0;
    if (command == QLatin1String("serve")) {
        const QString where = parser.value(listen);
        const int colon = where.lastIndexOf(QLatin1Char(':'));
        bool portOk = false;
        port = quint16(where.mid(colon + 1).toUInt(&portOk));
        if (colon < 0 || !portOk || !address.setAddress(where.left(colon)))
            return fail(QStringLiteral("--listen wants HOST:PORT with an IP address, e.g. 127.0.0.1:8443"));
        if (!parser.isSet(cert) || !parser.isSet(key))
            return fail(QStringLiteral("--tls-cert and --tls-key are required: the API is served over HTTPS only"));
        QFile certFile(parser.value(cert));
        QFile keyFileIn(parser.value(key));
        if (!certFile.open(QIODevice::ReadOnly) || !keyFileIn.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read the TLS certificate or key"));
        certificatePem = certFile.readAll();
        privateKeyPem = keyFileIn.readAll();
        const auto bounded = [&](const QCommandLineOption& option, int low, int high, int& into) {
            bool ok = false;
            const int value = parser.value(option).toInt(&ok);
            if (!ok || value < low || value > high)
                return false;
            into = value;
            return true;
        };
        if (!bounded(perClient, 1, 100000, limits.maxConnectionsPerClient))
            return fail(QStringLiteral("--max-client-connections wants a whole number from 1 to 100000"));
        if (!bounded(headerTimeout, 1, 3600, limits.headerSeconds))
            return fail(QStringLiteral("--header-timeout wants seconds from 1 to 3600"));
        if (!bounded(handshakeTimeout, 1, 3600, limits.handshakeSeconds))
            return fail(QStringLiteral("--handshake-timeout wants seconds from 1 to 3600"));
        qInstallMessageHandler(jsonLog);
    }

    QString password;
    if (command == QLatin1String("create-operator")) {
        if (!parser.isSet(logon))
            return fail(QStringLiteral("--logon is required"));
        // From stdin, so it appears in no process list or shell history.
        password = QTextStream(stdin).readLine();
    }

    auto engine = std::make_unique<EmbeddedEngine>(options);
    std::unique_ptr<ApiServer> server;
    int exitCode = 0;
    whenFinished(engine->open(), &app, [&](Result<EngineInfo> info) {
        if (!info) {
            exitCode = fail(info.error().toLogString());
            app.exit(exitCode);
            return;
        }
        if (command == QLatin1String("serve")) {
            server = std::make_unique<ApiServer>(*engine, limits);
            auto bound = server->listen(address, port, certificatePem, privateKeyPem);
            if (!bound) {
                exitCode = fail(bound.error().detail);
                app.exit(exitCode);
                return;
            }
            qInfo().noquote() << QJsonDocument(QJsonObject { { QStringLiteral("event"), QStringLiteral("listening") },
                                                   { QStringLiteral("address"), address.toString() }, { QStringLiteral("port"), int(*bound) },
                                                   { QStringLiteral("database"), info->location } })
                                     .toJson(QJsonDocument::Compact);
            return;
        }
        const bool withDemo = parser.isSet(demo);
        const QString op = parser.value(logon), fullName = parser.value(name), groupName = parser.value(group);
        const QStringList roleNames = parser.values(role);
        auto task = engine->runTask<QString>([=](const EngineContext& ctx, QSqlDatabase conn) -> Result<QString> {
            Administration admin(ctx, conn);
            if (command == QLatin1String("create-operator")) {
                if (auto r = admin.ensureAdministratorRole(); !r)
                    return r.error();
                auto id = admin.createOperator(op, fullName, password, roleNames, groupName);
                if (!id)
                    return id.error();
                return QStringLiteral("operator %1 created (person %2)").arg(op).arg(*id);
            }
            if (withDemo) {
                auto people = fetchValue(conn, QStringLiteral("SELECT COUNT(*) FROM people"));
                if (!people)
                    return people.error();
                if (people->toInt() == 0) {
                    DemoOptions demoOptions;
                    demoOptions.people = 200;
                    demoOptions.issuedDevices = 5;
                    auto summary = DemoDataGenerator(ctx, conn).generate(demoOptions);
                    if (!summary)
                        return summary.error();
                }
            }
            // After the demo, which brings its own Administrator role.
            if (auto r = admin.ensureAdministratorRole(); !r)
                return r.error();
            return QStringLiteral("database ready: %1").arg(ctx.database->config().displayName());
        });
        whenFinished(task, &app, [&](Result<QString> done) {
            if (!done)
                exitCode = fail(done.error().toLogString());
            else
                QTextStream(stdout) << done.value() << Qt::endl;
            app.exit(exitCode);
        });
    });
    watchSignals(app);
    const int rc = app.exec();
    server.reset();
    engine.reset();
    return rc != 0 ? rc : exitCode;
}
