// lanyard: the operator client (and, with "demo-data", the demo database tool).

#include "EngineLauncher.h"
#include "ErrorText.h"
#include "LogonDialog.h"
#include "MainWindow.h"
#include "OperatorSessionController.h"
#include "demo/DemoDataGenerator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLibraryInfo>
#include <QLocale>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

#include <cstring>
#include <memory>

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
    QCoreApplication::setApplicationName(QStringLiteral("Lanyard"));
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

int main(int argc, char** argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    if (argc > 1 && std::strcmp(argv[1], "demo-data") == 0)
        return runDemoData(argc, argv);

    const bool display = hasDisplay();
    std::unique_ptr<QCoreApplication> app(display ? new QApplication(argc, argv) : new QCoreApplication(argc, argv));
    QCoreApplication::setApplicationName(QStringLiteral("Lanyard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LANYARD_VERSION));
    installTranslations(*app);

    QCommandLineParser parser;
    parser.setApplicationDescription(t("Lanyard operator client: issue and manage people's credentials."));
    addCommonOptions(parser);
    parser.addOption({ QStringLiteral("demo"), t("Create demo data in a new database and log on as the demo operator.") });
    QCommandLineOption firstPaint(QStringLiteral("exit-after-first-paint"), t("Print the time to the first painted main window, then quit."));
    firstPaint.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(firstPaint);
    parser.process(*app);

    EngineLauncher::Options options;
    options.databasePath = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db")) : EngineLauncher::defaultDatabasePath();
    options.demo = parser.isSet(QStringLiteral("demo"));
    options.forceKeyFile = parser.isSet(QStringLiteral("key-file"));
    auto* launcher = new EngineLauncher(options, app.get());
    int exitCode = 0;
    std::unique_ptr<EmbeddedEngine> engine;
    std::unique_ptr<OperatorSessionController> session;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<LogonDialog> logon;
    const QString demoHint = options.demo ? t("Demo: log on as '%1' with the password '%2' (or '%3' to validate requests).")
                                                .arg(QLatin1String(DemoDataGenerator::kOperatorLogon), QLatin1String(DemoDataGenerator::kOperatorPassword),
                                                    QLatin1String(DemoDataGenerator::kValidatorLogon))
                                          : QString();
    auto showLogon = [&] {
        logon = std::make_unique<LogonDialog>(*session, demoHint);
        QObject::connect(logon.get(), &QDialog::rejected, app.get(), &QCoreApplication::quit);
        logon->show();
    };

    QObject::connect(launcher, &EngineLauncher::message, app.get(), [](const QString& text) { say(text); });
    QObject::connect(launcher, &EngineLauncher::failed, app.get(), [&](const Error& e) {
        complain(t("Lanyard could not open its engine: %1").arg(ErrorText::describe(e)));
        complain(e.toLogString());
        exitCode = 1;
        app->quit();
    });
    QObject::connect(launcher, &EngineLauncher::ready, app.get(), [&] {
        engine = launcher->takeEngine();
        say(t("Database: %1").arg(engine->info().location));
        if (engine->info().secretStore == SecretStoreKind::KeyFile)
            say(t("Master key: %1 (no system keychain available)").arg(engine->info().secretStoreLocation));
        else
            say(t("Master key: system keychain"));
        if (options.demo)
            say(t("Log on as '%1' with the password '%2'.").arg(QLatin1String(DemoDataGenerator::kOperatorLogon), QLatin1String(DemoDataGenerator::kOperatorPassword)));
        if (!display) {
            complain(t("No display found, so the operator window cannot open. Run Lanyard on a desktop, or set DISPLAY "
                       "(for example with xvfb-run), or set QT_QPA_PLATFORM=offscreen for a headless check."));
            exitCode = 3;
            app->quit();
            return;
        }
        session = std::make_unique<OperatorSessionController>(*engine);
        QObject::connect(session.get(), &OperatorSessionController::loggedOn, app.get(), [&] {
            say(t("Logged on as %1.").arg(session->session().logonName));
            window = std::make_unique<MainWindow>(*session);
            QObject::connect(window.get(), &MainWindow::logOffRequested, app.get(), [&] {
                window->hide();
                window.release()->deleteLater(); // we are inside one of its signals
                session->logoff();
                showLogon();
            });
            if (parser.isSet(QStringLiteral("exit-after-first-paint")))
                window->installEventFilter(new FirstPaintProbe(sinceStart, window.get()));
            window->show();
            if (logon)
                logon->hide();
        });
        if (options.demo) {
            // Straight in as the demo operator; File > Log off shows the logon dialog, and so
            // does a failed demo logon (say, after the demo password was changed).
            QObject::connect(session.get(), &OperatorSessionController::logonFailed, app.get(), [&](const Error& e) {
                if (logon)
                    return;
                complain(ErrorText::describe(e));
                showLogon();
            });
            session->logon(QLatin1String(DemoDataGenerator::kOperatorLogon), QLatin1String(DemoDataGenerator::kOperatorPassword));
            return;
        }
        showLogon();
    });
    QTimer::singleShot(0, launcher, &EngineLauncher::start);
    const int rc = app->exec();
    window.reset();
    logon.reset();
    session.reset();
    engine.reset();
    return exitCode != 0 ? exitCode : rc;
}
