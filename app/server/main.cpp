// lanyard-server: the credential engine over HTTPS for many desks and for phones.
//   lanyard-server init            --db URL [--key-file F] [--demo | --logon NAME --name TEXT]   (first administrator's password on stdin)
//   lanyard-server create-operator --db URL [--key-file F] --logon NAME [--name TEXT] [--group NAME] [--role ROLE]...  (password on stdin)
//   lanyard-server serve           --db URL [--key-file F] --listen HOST:PORT --tls-cert F --tls-key F [--max-client-connections N] [--header-timeout S] [--handshake-timeout S]
// Each takes --config FILE (e.g. /etc/lanyard/server.conf): a key there for every setting flag;
// a flag on the command line wins over its key.

#include "core/ConfigFile.h"
#include "core/WhenFinished.h"
#include "demo/DemoDataGenerator.h"
#include "engine/Administration.h"
#include "engine/Baseline.h"
#include "engine/EmbeddedEngine.h"
#include "engine/PeopleImport.h"
#include "engine/SettingsSchema.h"
#include "engine/SettingsService.h"
#include "storage/Database.h"
#include "remote/ApiServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>
#include <sys/socket.h>
#include <termios.h>
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

// Structured logs: one JSON object per line on standard output, which systemd hands to the
// journal; command errors before serving go to standard error.
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
    std::fprintf(stdout, "%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

int fail(const QString& text)
{
    QTextStream(stderr) << "lanyard-server: " << text << Qt::endl;
    return 1;
}

// A password from standard input: typed without echo at a terminal (twice, to catch a typo),
// else the first line, so it appears in no process list or shell history.
QString readPassword(const QString& prompt)
{
    QTextStream in(stdin);
    if (!::isatty(STDIN_FILENO))
        return in.readLine();
    termios saved {};
    ::tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    QTextStream out(stderr);
    out << prompt << Qt::flush;
    const QString first = in.readLine();
    out << Qt::endl << QStringLiteral("Again: ") << Qt::flush;
    const QString second = in.readLine();
    out << Qt::endl;
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    if (first != second) {
        out << QStringLiteral("The two passwords differ.") << Qt::endl;
        return {};
    }
    return first;
}

// What init made, and what the administrator does next.
struct InitState {
    Baseline::Report baseline;
    bool hasAdministrator = false;
    QString location;
    QString collectionUrl;
};

void printInitReport(const InitState& state)
{
    QTextStream out(stdout);
    out << "database ready: " << state.location << Qt::endl;
    for (const QString& line : state.baseline.made)
        out << "made " << line << Qt::endl;
    if (!state.baseline.kept.isEmpty())
        out << "kept as it was: " << state.baseline.kept.join(QStringLiteral(", ")) << Qt::endl;
}

void printNextSteps(const InitState& state)
{
    QTextStream(stdout) << "next steps:\n"
                           "  1. Set the address phones collect from, as the operator client's Configuration page or the API's\n"
                           "     saveSettings calls it: collection.baseUrl (now "
                        << state.collectionUrl
                        << ").\n"
                           "     It is this server's https address as phones reach it, e.g. https://id.example.org:8443: QR codes hold it\n"
                           "     followed by /c/<token>. Until it is set, no phone can reach what is issued.\n"
                           "  2. Start the server: lanyard-server serve --config /etc/lanyard/server.conf (or systemctl enable --now lanyard-server).\n"
                           "  3. Log on as the administrator: lanyard --engine https://HOST:PORT, then add operators with\n"
                           "     lanyard-server create-operator --logon NAME --role \"Helpdesk Operator\".\n"
                           "  4. Set the mail server (smtp.*) so that codes and links reach people.\n"
                        << Qt::flush;
}

// init without demo data: the baseline, then the first administrator, whose password is read
// only when there is none yet (so running init again asks nothing and changes nothing).
void runInit(EmbeddedEngine& engine, QCoreApplication& app, int& exitCode, const QString& logonName, const QString& fullName)
{
    auto prepared = engine.runTask<InitState>([](const EngineContext& ctx, QSqlDatabase conn) -> Result<InitState> {
        InitState state;
        auto baseline = Baseline(ctx, conn).ensure();
        if (!baseline)
            return baseline.error();
        state.baseline = *baseline;
        auto has = Administration(ctx, conn).hasAdministrator();
        if (!has)
            return has.error();
        state.hasAdministrator = *has;
        auto settings = SettingsService(ctx, conn).load();
        if (!settings)
            return settings.error();
        state.collectionUrl = settings->value(SettingKey::CollectionBaseUrl);
        state.location = ctx.database->config().displayName();
        return state;
    });
    whenFinished(prepared, &app, [&engine, &app, &exitCode, logonName, fullName](Result<InitState> state) {
        if (!state) {
            exitCode = fail(state.error().toLogString());
            app.exit(exitCode);
            return;
        }
        printInitReport(*state);
        if (state->hasAdministrator) {
            printNextSteps(*state);
            app.exit(exitCode);
            return;
        }
        const QString password = readPassword(QStringLiteral("Password for the first administrator '%1': ").arg(logonName));
        if (password.size() < 8) {
            exitCode = fail(QStringLiteral("the first administrator '%1' needs a password of at least 8 characters on standard input "
                                           "(typed twice alike at a terminal, or piped); run init again to make them, nothing else changes")
                                .arg(logonName));
            app.exit(exitCode);
            return;
        }
        auto made = engine.runTask<qint64>([=](const EngineContext& ctx, QSqlDatabase conn) -> Result<qint64> {
            return Administration(ctx, conn).createOperator(logonName, fullName.isEmpty() ? QStringLiteral("Administrator") : fullName, password,
                { Baseline::administratorRole().name });
        });
        whenFinished(made, &app, [&app, &exitCode, logonName, state = *state](Result<qint64> id) {
            if (!id) {
                exitCode = fail(id.error().toLogString());
            } else {
                QTextStream(stdout) << "made the first administrator '" << logonName << "' (person " << *id << ")" << Qt::endl;
                printNextSteps(state);
            }
            app.exit(exitCode);
        });
    });
}

// import-people: the file's rows in batches, as the operator named by --as (their rights,
// their name in the audit); each refused row said with its line, a summary at the end.
struct ImportRequest {
    QString file;
    QString asLogon;
    QString newRole;
    bool dryRun = false;
};

void runImport(EmbeddedEngine& engine, QCoreApplication& app, int& exitCode, const ImportRequest& request)
{
    auto task = engine.runTask<QString>([request](const EngineContext& ctx, QSqlDatabase conn) -> Result<QString> {
        QFile in(request.file);
        if (!in.open(QIODevice::ReadOnly))
            return Error(ErrorCode::InvalidArgument, QStringLiteral("cannot read %1: %2").arg(request.file, in.errorString()));
        auto table = CsvTable::parse(in.readAll());
        if (!table)
            return Error(table.error().code, QStringLiteral("%1: %2").arg(request.file, table.error().detail), table.error().args);
        const QHash<QString, int> columns = PeopleImport::guessColumns(table->header);
        auto who = fetchValue(conn, QStringLiteral("SELECT id FROM people WHERE logon_name = ? AND removed_at IS NULL"), { request.asLogon });
        if (!who)
            return who.error();
        if (!who->isValid())
            return Error(ErrorCode::NotFound, QStringLiteral("--as %1: no such operator").arg(request.asLogon));
        auto ac = AccessControl::load(conn, who->toLongLong());
        if (!ac)
            return ac.error();
        PeopleImportBatch batch;
        batch.fields = columns.keys();
        batch.dryRun = request.dryRun;
        if (!request.newRole.isEmpty()) {
            auto role = fetchValue(conn, QStringLiteral("SELECT id FROM roles WHERE name = ?"), { request.newRole });
            if (!role)
                return role.error();
            if (!role->isValid())
                return Error(ErrorCode::NotFound, QStringLiteral("--new-role %1: no such role").arg(request.newRole));
            batch.roleForNew = role->toLongLong();
        }
        QList<ImportOutcome> outcomes;
        const QList<ImportedPerson> rows = PeopleImport::rowsOf(*table, columns, &outcomes);
        QTextStream out(stdout);
        QStringList unknown;
        for (int c = 0; c < table->header.size(); ++c) {
            if (!columns.values().contains(c))
                unknown << table->header.at(c);
        }
        if (!unknown.isEmpty())
            out << "columns not read: " << unknown.join(QStringLiteral(", ")) << Qt::endl;
        PeopleImport importer(ctx, conn);
        for (qsizetype at = 0; at < rows.size(); at += kMaxImportRows) {
            batch.rows = rows.mid(at, kMaxImportRows);
            auto done = importer.apply(*ac, batch);
            if (!done)
                return done.error();
            outcomes += *done;
        }
        QHash<ImportAction, int> counts;
        std::sort(outcomes.begin(), outcomes.end(), [](const ImportOutcome& a, const ImportOutcome& b) { return a.line < b.line; });
        for (const ImportOutcome& o : outcomes) {
            ++counts[o.action];
            if (o.action == ImportAction::Refused)
                out << "line " << o.line << (o.logonName.isEmpty() ? QString() : QStringLiteral(" (") + o.logonName + QLatin1Char(')')) << ": "
                    << errorId(o.error.code) << ": " << o.error.detail << Qt::endl;
        }
        const QString summary = QStringLiteral("%1%2 added, %3 updated, %4 unchanged, %5 refused")
                                    .arg(request.dryRun ? QStringLiteral("dry run, nothing kept: ") : QString())
                                    .arg(counts.value(ImportAction::Added))
                                    .arg(counts.value(ImportAction::Updated))
                                    .arg(counts.value(ImportAction::Unchanged))
                                    .arg(counts.value(ImportAction::Refused));
        if (counts.value(ImportAction::Refused) > 0)
            return Error(ErrorCode::InvalidArgument, summary); // exit status 1: not every row is in
        return summary;
    });
    whenFinished(task, &app, [&app, &exitCode](Result<QString> done) {
        if (!done)
            exitCode = fail(done.error().detail);
        else
            QTextStream(stdout) << done.value() << Qt::endl;
        app.exit(exitCode);
    });
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("lanyard-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LANYARD_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Lanyard credential engine server"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("init | create-operator | serve | import-people FILE"));
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("sqlite:PATH or postgresql://user:password@host:port/name"), QStringLiteral("url"));
    const QCommandLineOption keyFile(QStringLiteral("key-file"), QStringLiteral("Master key file (default for SQLite: the database file + .key)"), QStringLiteral("file"));
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("Address and port, e.g. 127.0.0.1:8443"), QStringLiteral("host:port"),
        QStringLiteral("127.0.0.1:8443"));
    const QCommandLineOption cert(QStringLiteral("tls-cert"), QStringLiteral("Server certificate (PEM)"), QStringLiteral("file"));
    const QCommandLineOption key(QStringLiteral("tls-key"), QStringLiteral("Server private key (PEM)"), QStringLiteral("file"));
    const QCommandLineOption demo(QStringLiteral("demo"),
        QStringLiteral("init: fill a new database with demo people and profiles (without it: the standard roles, policies and profiles, and a first "
                       "administrator whose password is read from standard input)"));
    const QCommandLineOption logon(QStringLiteral("logon"), QStringLiteral("create-operator: logon name; init: the first administrator's (default admin)"),
        QStringLiteral("name"));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("create-operator, init: full name"), QStringLiteral("text"));
    const QCommandLineOption group(QStringLiteral("group"), QStringLiteral("create-operator: the operator's group (what a Group-scoped role reaches)"), QStringLiteral("name"));
    const QCommandLineOption role(QStringLiteral("role"), QStringLiteral("create-operator: a role to give (repeat for several)"), QStringLiteral("role"), QStringLiteral("Administrator"));
    const QCommandLineOption as(QStringLiteral("as"), QStringLiteral("import-people: the operator the import is made as (their rights; their name in the audit)"),
        QStringLiteral("logon"));
    const QCommandLineOption newRole(QStringLiteral("new-role"), QStringLiteral("import-people: a role to give each person the import adds"), QStringLiteral("role"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), QStringLiteral("import-people: check and report every row, keep nothing"));
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
    const QCommandLineOption configFile(QStringLiteral("config"),
        QStringLiteral("Read the settings from this file (key = value, a key for each of --%1); a flag given here wins over its key")
            .arg(QStringLiteral("db, --key-file, --listen, --tls-cert, --tls-key, --delivery-interval, --max-client-connections, --header-timeout, --handshake-timeout")),
        QStringLiteral("file"));
    parser.addOptions({ configFile, db, keyFile, listen, cert, key, demo, logon, name, group, role, as, newRole, dryRun, delivery, perClient, headerTimeout, handshakeTimeout });
    parser.process(app);
    const QString command = parser.positionalArguments().value(0);
    if (command != QLatin1String("init") && command != QLatin1String("create-operator") && command != QLatin1String("serve")
        && command != QLatin1String("import-people"))
        return fail(QStringLiteral("say what to do: init, create-operator, serve or import-people (see --help)"));
    ImportRequest import;
    if (command == QLatin1String("import-people")) {
        import.file = parser.positionalArguments().value(1);
        import.asLogon = parser.value(as);
        import.newRole = parser.value(newRole);
        import.dryRun = parser.isSet(dryRun);
        if (import.file.isEmpty())
            return fail(QStringLiteral("import-people wants the CSV file, e.g. import-people --db … --as admin people.csv"));
        if (import.asLogon.isEmpty())
            return fail(QStringLiteral("--as is required: the operator the import is made as, held to their rights and named in the audit, e.g. --as admin"));
    }

    // The settings a configuration file may hold: what a service is started with. The flags
    // of one command (--logon, --role, --demo…) say what to do now and are not kept there.
    const QList<const QCommandLineOption*> settings { &db, &keyFile, &listen, &cert, &key, &delivery, &perClient, &headerTimeout, &handshakeTimeout };
    const QList<const QCommandLineOption*> paths { &keyFile, &cert, &key };
    std::optional<ConfigFile> fileSettings;
    if (parser.isSet(configFile)) {
        QStringList known;
        for (const auto* option : settings)
            known << option->names().constFirst();
        auto read = ConfigFile::read(parser.value(configFile), known);
        if (!read)
            return fail(read.error().detail);
        // A service's working folder is not the administrator's: a relative path would name
        // another file under systemd than at the shell.
        for (const auto* option : paths) {
            const QString name = option->names().constFirst();
            if (read->contains(name) && QDir::isRelativePath(read->value(name)))
                return fail(QStringLiteral("%1, line %2: '%3' must be an absolute path, not '%4'")
                        .arg(read->source())
                        .arg(read->lineOf(name))
                        .arg(name, read->value(name)));
        }
        if (read->contains(db.names().constFirst())) {
            const QString url = read->value(db.names().constFirst());
            if (url.startsWith(QLatin1String("sqlite:")) && QDir::isRelativePath(url.mid(7)))
                return fail(QStringLiteral("%1, line %2: 'db' must name the SQLite file by an absolute path, e.g. sqlite:/var/lib/lanyard/engine.db")
                        .arg(read->source())
                        .arg(read->lineOf(db.names().constFirst())));
        }
        fileSettings = std::move(read.value());
    }
    // A flag wins, then the file, then the flag's default.
    const auto isSet = [&](const QCommandLineOption& option) {
        return parser.isSet(option) || (fileSettings && fileSettings->contains(option.names().constFirst()));
    };
    const auto valueOf = [&](const QCommandLineOption& option) {
        if (!parser.isSet(option) && fileSettings && fileSettings->contains(option.names().constFirst()))
            return fileSettings->value(option.names().constFirst());
        return parser.value(option);
    };
    // Where a value came from, for the error that refuses it.
    const auto origin = [&](const QCommandLineOption& option) {
        const QString name = option.names().constFirst();
        if (!parser.isSet(option) && fileSettings && fileSettings->contains(name))
            return QStringLiteral("%1, line %2: '%3'").arg(fileSettings->source()).arg(fileSettings->lineOf(name)).arg(name);
        return QStringLiteral("--") + name;
    };
    const auto bounded = [&](const QCommandLineOption& option, int low, int high, int& into) {
        bool ok = false;
        const int value = valueOf(option).toInt(&ok);
        if (!ok || value < low || value > high)
            return false;
        into = value;
        return true;
    };

    if (!isSet(db))
        return fail(QStringLiteral("--db is required, e.g. --db sqlite:/var/lib/lanyard/engine.db (or 'db =' in the file given with --config)"));
    auto config = DatabaseConfig::fromUrl(valueOf(db));
    if (!config)
        return fail(config.error().detail);
    EmbeddedEngineOptions options;
    options.database = *config;
    // A server has no desktop keychain: the master key lives in a file only root can read.
    options.keyStore = EmbeddedEngineOptions::KeyStore::FileOnly;
    if (isSet(keyFile))
        options.keyFilePath = valueOf(keyFile);
    else if (config->dialect != SqlDialect::Sqlite)
        return fail(QStringLiteral("--key-file (or 'key-file =' in the configuration file) is required with PostgreSQL"));
    options.deliveryIntervalMs = 0;
    if (command == QLatin1String("serve")) {
        int seconds = 0;
        if (!bounded(delivery, 1, 86400, seconds))
            return fail(QStringLiteral("%1 wants seconds from 1 to 86400, not '%2'").arg(origin(delivery), valueOf(delivery)));
        options.deliveryIntervalMs = seconds * 1000;
    }

    QByteArray certificatePem;
    QByteArray privateKeyPem;
    HttpLimits limits;
    QHostAddress address;
    quint16 port = 0;
    if (command == QLatin1String("serve")) {
        const QString where = valueOf(listen);
        const int colon = where.lastIndexOf(QLatin1Char(':'));
        bool portOk = false;
        port = quint16(where.mid(colon + 1).toUInt(&portOk));
        if (colon < 0 || !portOk || !address.setAddress(where.left(colon)))
            return fail(QStringLiteral("%1 wants HOST:PORT with an IP address, e.g. 127.0.0.1:8443, not '%2'").arg(origin(listen), where));
        if (!isSet(cert) || !isSet(key))
            return fail(QStringLiteral("--tls-cert and --tls-key are required: the API is served over HTTPS only"));
        QFile certFile(valueOf(cert));
        QFile keyFileIn(valueOf(key));
        if (!certFile.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read the TLS certificate %1: %2").arg(certFile.fileName(), certFile.errorString()));
        if (!keyFileIn.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read the TLS key %1: %2").arg(keyFileIn.fileName(), keyFileIn.errorString()));
        certificatePem = certFile.readAll();
        privateKeyPem = keyFileIn.readAll();
        if (!bounded(perClient, 1, 100000, limits.maxConnectionsPerClient))
            return fail(QStringLiteral("%1 wants a whole number from 1 to 100000").arg(origin(perClient)));
        if (!bounded(headerTimeout, 1, 3600, limits.headerSeconds))
            return fail(QStringLiteral("%1 wants seconds from 1 to 3600").arg(origin(headerTimeout)));
        if (!bounded(handshakeTimeout, 1, 3600, limits.handshakeSeconds))
            return fail(QStringLiteral("%1 wants seconds from 1 to 3600").arg(origin(handshakeTimeout)));
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
        if (command == QLatin1String("import-people")) {
            runImport(*engine, app, exitCode, import);
            return;
        }
        if (command == QLatin1String("init") && !withDemo) {
            runInit(*engine, app, exitCode, op.isEmpty() ? QStringLiteral("admin") : op, fullName);
            return;
        }
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
