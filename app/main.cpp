// lanyard: the operator client (and, with "demo-data", the demo database tool).

#include "AutomationRun.h"
#include "EngineLauncher.h"
#include "ErrorText.h"
#include "MainWindow.h"
#include "OperatorClient.h"
#include "demo/DemoDataGenerator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

#include <cstring>
#include <memory>
#include <vector>

using namespace lanyard;

namespace {

QString t(const char* text)
{
    return QCoreApplication::translate("main", text);
}

void say(const QString& text)
{
    QTextStream(stdout) << text << Qt::endl;
}

void complain(const QString& text)
{
    QTextStream(stderr) << text << Qt::endl;
}

bool hasDisplay()
{
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        return true;
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
#else
    return true;
#endif
}

void installTranslations(QCoreApplication& app)
{
    auto* translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("lanyard"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
}

// Names the data folder (~/.local/share/Lanyard/Lanyard), the settings file and the keychain
// entries: every command of the one program must name them alike, or demo-data fills a
// database the client never opens.
void identifyApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Lanyard"));
    QCoreApplication::setApplicationName(QStringLiteral("Lanyard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LANYARD_VERSION));
}

void addCommonOptions(QCommandLineParser& parser)
{
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({ QStringLiteral("db"), t("Embedded engine database file (default: %1).").arg(EngineLauncher::defaultDatabasePath()), t("path") });
    parser.addOption({ QStringLiteral("key-file"), t("Keep the master key in a key file beside the database instead of the system keychain.") });
}

// "lanyard demo-data --db PATH --people N": fills a new database for demos and benchmarks.
int runDemoData(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    identifyApplication();
    installTranslations(app);
    QCommandLineParser parser;
    parser.setApplicationDescription(t("Creates a database with reproducible demo data."));
    addCommonOptions(parser);
    parser.addOption({ QStringLiteral("people"), t("How many people to create (up to 1000000 and more)."), t("count"), QStringLiteral("2000") });
    parser.addOption({ QStringLiteral("devices"), t("How many people get an issued mobile identity."), t("count"), QStringLiteral("40") });
    parser.addPositionalArgument(QStringLiteral("demo-data"), t("The demo data command."));
    parser.process(app);
    bool ok = false;
    const int people = parser.value(QStringLiteral("people")).toInt(&ok);
    if (!ok || people < 1) {
        complain(t("--people needs a positive whole number, not '%1'.").arg(parser.value(QStringLiteral("people"))));
        return 2;
    }
    const int devices = parser.value(QStringLiteral("devices")).toInt(&ok);
    if (!ok || devices < 0) {
        complain(t("--devices needs a whole number, not '%1'.").arg(parser.value(QStringLiteral("devices"))));
        return 2;
    }
    EngineLauncher::Options options;
    options.databasePath = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db")) : EngineLauncher::defaultDatabasePath();
    options.demo = true;
    options.demoPeople = people;
    options.demoDevices = devices;
    options.forceKeyFile = parser.isSet(QStringLiteral("key-file"));
    EngineLauncher launcher(options);
    int exitCode = 0;
    QObject::connect(&launcher, &EngineLauncher::message, &app, [](const QString& text) { say(text); });
    QObject::connect(&launcher, &EngineLauncher::failed, &app, [&](const Error& e) {
        complain(ErrorText::describe(e));
        complain(e.toLogString());
        exitCode = 1;
        app.quit();
    });
    QObject::connect(&launcher, &EngineLauncher::ready, &app, [&] {
        if (!launcher.demoCreated())
            say(t("%1 already holds data; nothing was added.").arg(options.databasePath));
        else
            say(t("Database: %1").arg(options.databasePath));
        app.quit();
    });
    QTimer::singleShot(0, &launcher, &EngineLauncher::start);
    app.exec();
    return exitCode;
}

} // namespace

// Reports the first paint of a widget and then quits: for start-up benchmarks and smoke tests.
class FirstPaintProbe : public QObject {
public:
    explicit FirstPaintProbe(const QElapsedTimer& clock, QObject* parent)
        : QObject(parent)
        , m_clock(clock)
    {
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !m_reported) {
            m_reported = true;
            say(QStringLiteral("first-paint-ms: %1").arg(m_clock.elapsed()));
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer& m_clock;
    bool m_reported = false;
};

// Without a display: opens the embedded engine (creating demo data when asked), says where it
// is, and explains why no window can open.
int runHeadless(QCoreApplication& app, const EngineLauncher::Options& options)
{
    EngineLauncher launcher(options);
    int exitCode = 3;
    QObject::connect(&launcher, &EngineLauncher::message, &app, [](const QString& text) { say(text); });
    QObject::connect(&launcher, &EngineLauncher::failed, &app, [&](const Error& e) {
        complain(t("Lanyard could not open its engine: %1").arg(ErrorText::describe(e)));
        complain(e.toLogString());
        exitCode = 1;
        app.quit();
    });
    QObject::connect(&launcher, &EngineLauncher::ready, &app, [&] {
        say(t("Database: %1").arg(launcher.engine()->info().location));
        if (options.demo)
            say(t("Log on as '%1' with the password '%2'.").arg(QLatin1String(DemoDataGenerator::kOperatorLogon), QLatin1String(DemoDataGenerator::kOperatorPassword)));
        complain(t("No display found, so the operator window cannot open. Run Lanyard on a desktop, or set DISPLAY "
                   "(for example with xvfb-run), or set QT_QPA_PLATFORM=offscreen for a headless check."));
        app.quit();
    });
    QTimer::singleShot(0, &launcher, &EngineLauncher::start);
    app.exec();
    return exitCode;
}

int main(int argc, char** argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    if (argc > 1 && std::strcmp(argv[1], "demo-data") == 0)
        return runDemoData(argc, argv);

    // "lanyard /dc" is the kiosk's Windows-style switch; QCommandLineParser knows only dashes.
    std::vector<char*> args(argv, argv + argc);
    bool kiosk = false;
    for (auto it = args.begin() + 1; it != args.end();) {
        if (std::strcmp(*it, "/dc") == 0 || std::strcmp(*it, "--kiosk=dc") == 0) {
            kiosk = true;
            it = args.erase(it);
        } else {
            ++it;
        }
    }
    argc = int(args.size());
    args.push_back(nullptr);
    argv = args.data();

    const bool display = hasDisplay();
    std::unique_ptr<QCoreApplication> app(display ? new QApplication(argc, argv) : new QCoreApplication(argc, argv));
    identifyApplication();
    installTranslations(*app);

    QCommandLineParser parser;
    parser.setApplicationDescription(t("Lanyard operator client: issue and manage people's credentials."));
    addCommonOptions(parser);
    parser.addOption({ QStringLiteral("demo"), t("Create demo data in a new database and log on as the demo operator.") });
    parser.addOption({ QStringLiteral("engine"), t("Work on a lanyard-server instead of the embedded engine."), t("https://host:port") });
    parser.addOption({ QStringLiteral("ca-file"), t("With --engine: trust the CA certificates in this PEM file besides the system's."), t("path") });
    parser.addOption({ QStringLiteral("connect"), t("Choose the engine in the connection dialog first.") });
    parser.addOption({ QStringLiteral("self-service"), t("Self-Service: request your own ID, follow your requests, change or unblock your card's PIN.") });
    parser.addOption({ QStringLiteral("kiosk"), t("Run as a full-screen kiosk; 'dc' (also '/dc'): the derived-credential kiosk, which logs on with a kiosk account."),
        t("dc") });
    parser.addOption({ QStringLiteral("automation"),
        t("With --self-service: no window; apply the PIN locks due on this computer and report them (for a logon script or a timer). "
          "Logs on with the remembered Self-Service session, or LANYARD_LOGON and LANYARD_PASSWORD.") });
    parser.addOption({ QStringLiteral("dns-name"), t("With --automation: this computer's full DNS name (default: the system's)."), t("name") });
    parser.addOption({ QStringLiteral("reader"), t("With --automation: only the card in this reader."), t("name") });
    QCommandLineOption firstPaint(QStringLiteral("exit-after-first-paint"), t("Print the time to the first painted main window, then quit."));
    firstPaint.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(firstPaint);
    parser.process(*app);

    OperatorClient::Options options;
    if (parser.isSet(QStringLiteral("engine"))) {
        options.connection.kind = ConnectionSettings::Kind::Server;
        options.connection.serverUrl = parser.value(QStringLiteral("engine"));
        options.connection.caFile = parser.value(QStringLiteral("ca-file"));
    } else if (parser.isSet(QStringLiteral("db")) || parser.isSet(QStringLiteral("demo"))) {
        options.connection.databasePath = parser.value(QStringLiteral("db"));
    } else {
        options.connection = ConnectionSettings::load(QSettings());
    }
    options.demo = parser.isSet(QStringLiteral("demo"));
    options.forceKeyFile = parser.isSet(QStringLiteral("key-file"));
    options.chooseConnection = parser.isSet(QStringLiteral("connect"));
    if (parser.isSet(QStringLiteral("kiosk")) && parser.value(QStringLiteral("kiosk")) != QLatin1String("dc")) {
        complain(t("Unknown kiosk '%1': the only kiosk is 'dc' (derived credentials).").arg(parser.value(QStringLiteral("kiosk"))));
        return 2;
    }
    options.kiosk = kiosk || parser.isSet(QStringLiteral("kiosk"));
    options.selfService = parser.isSet(QStringLiteral("self-service"));

    if (parser.isSet(QStringLiteral("automation"))) {
        if (!options.selfService) {
            complain(t("--automation belongs to Self-Service: use --self-service --automation."));
            return 2;
        }
        AutomationRun::Options automation;
        automation.connection = options.connection;
        automation.forceKeyFile = options.forceKeyFile;
        automation.logonName = qEnvironmentVariable("LANYARD_LOGON");
        automation.password = qEnvironmentVariable("LANYARD_PASSWORD");
        automation.dnsName = parser.value(QStringLiteral("dns-name"));
        automation.reader = parser.value(QStringLiteral("reader"));
        AutomationRun run(automation);
        int exitCode = 0;
        QObject::connect(&run, &AutomationRun::message, app.get(), [](const QString& text) { say(text); });
        QObject::connect(&run, &AutomationRun::finished, app.get(), [&](int code) {
            exitCode = code;
            app->quit();
        });
        QTimer::singleShot(0, &run, &AutomationRun::start);
        app->exec();
        return exitCode;
    }

    if (!display) {
        if (options.connection.isServer()) {
            complain(t("No display found, so the operator window cannot open. Run Lanyard on a desktop, or set DISPLAY "
                       "(for example with xvfb-run), or set QT_QPA_PLATFORM=offscreen for a headless check."));
            return 3;
        }
        EngineLauncher::Options launch;
        launch.databasePath = options.connection.databasePath.isEmpty() ? EngineLauncher::defaultDatabasePath() : options.connection.databasePath;
        launch.demo = options.demo;
        launch.forceKeyFile = options.forceKeyFile;
        return runHeadless(*app, launch);
    }

    OperatorClient client(options);
    int exitCode = 0;
    QObject::connect(&client, &OperatorClient::message, app.get(), [](const QString& text) { say(text); });
    QObject::connect(&client, &OperatorClient::finished, app.get(), [&](int code) {
        exitCode = code;
        app->quit();
    });
    if (parser.isSet(QStringLiteral("exit-after-first-paint")))
        QObject::connect(&client, &OperatorClient::windowShown, app.get(),
            [&sinceStart](MainWindow* window) { window->installEventFilter(new FirstPaintProbe(sinceStart, window)); });
    QTimer::singleShot(0, &client, &OperatorClient::start);
    const int rc = app->exec();
    return exitCode != 0 ? exitCode : rc;
}
