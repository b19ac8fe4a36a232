#include "OperatorClient.h"

#include "ConnectionDialog.h"
#include "EngineLauncher.h"
#include "ErrorText.h"
#include "LogonDialog.h"
#include "MainWindow.h"
#include "OperatorSessionController.h"
#include "core/WhenFinished.h"
#include "demo/DemoDataGenerator.h"
#include "remote/RemoteEngine.h"
#include "secrets/Keychain.h"

#include <QFileInfo>
#include <QSettings>
#include <QStatusBar>

namespace lanyard {

namespace {
std::unique_ptr<QSettings> openSettings(const QString& file)
{
    return file.isEmpty() ? std::make_unique<QSettings>() : std::make_unique<QSettings>(file, QSettings::IniFormat);
}
} // namespace

OperatorClient::OperatorClient(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

OperatorClient::~OperatorClient()
{
    if (m_logon)
        delete m_logon.data();
    if (m_connection)
        delete m_connection.data();
    if (m_wizard)
        delete m_wizard.data();
    m_window.reset();
    m_session.reset();
    m_remote.reset();
    m_embedded.reset();
}

Engine* OperatorClient::engine() const
{
    if (m_remote)
        return m_remote.get();
    return m_embedded.get();
}

void OperatorClient::start()
{
    if (m_options.chooseConnection)
        showConnectionDialog();
    else
        openEngine();
}

void OperatorClient::openEngine()
{
    if (m_options.connection.isServer())
        openRemote();
    else
        openEmbedded();
}

void OperatorClient::showFirstRunWizard(const QString& databasePath)
{
    m_wizard = new FirstRunWizard(databasePath);
    connect(m_wizard, &QWizard::accepted, this, [this] {
        m_setup = m_wizard->plan();
        m_wizard->hide();
        openEmbedded();
    });
    connect(m_wizard, &QWizard::rejected, this, [this] {
        Q_EMIT message(tr("Set-up cancelled: nothing was created."));
        m_wizard->deleteLater();
        Q_EMIT finished(0);
    });
    m_wizard->show();
}

void OperatorClient::openEmbedded()
{
    EngineLauncher::Options launch;
    launch.databasePath = m_options.connection.databasePath.isEmpty() ? EngineLauncher::defaultDatabasePath() : m_options.connection.databasePath;
    launch.demo = m_options.demo;
    launch.forceKeyFile = m_options.forceKeyFile;
    launch.keychainService = m_options.keychainService;
    launch.setup = m_setup;
    if (!m_setup && !m_options.demo && !m_options.kiosk && !m_options.selfService && !QFileInfo::exists(launch.databasePath))
        return showFirstRunWizard(launch.databasePath);
    m_launcher = std::make_unique<EngineLauncher>(launch);
    connect(m_launcher.get(), &EngineLauncher::message, this, &OperatorClient::message);
    connect(m_launcher.get(), &EngineLauncher::failed, this, [this](const Error& e) {
        Q_EMIT message(tr("Lanyard could not open its engine: %1").arg(ErrorText::describe(e)));
        Q_EMIT message(e.toLogString());
        if (m_setup && m_wizard) {
            // Nothing was kept; the wizard still holds what was typed.
            m_setup.reset();
            m_wizard->showFailure(tr("The set-up failed and nothing was kept: %1").arg(ErrorText::describe(e)));
            return;
        }
        if (!m_options.chooseConnection)
            return Q_EMIT finished(1);
        showConnectionDialog();
        m_connection->setWindowTitle(tr("Connection — the engine could not be opened"));
    });
    connect(m_launcher.get(), &EngineLauncher::ready, this, [this] {
        auto engine = m_launcher->takeEngine();
        const EngineInfo info = engine->info();
        m_embedded = std::move(engine);
        Q_EMIT message(tr("Database: %1").arg(info.location));
        Q_EMIT message(info.secretStore == SecretStoreKind::KeyFile ? tr("Master key: %1 (no system keychain available)").arg(info.secretStoreLocation)
                                                                   : tr("Master key: system keychain"));
        if (m_setup) {
            m_firstLogon = m_setup->adminLogon.trimmed();
            m_setup.reset();
            m_wizard->deleteLater();
        }
        engineReady();
    });
    m_launcher->start();
}

void OperatorClient::openRemote()
{
    const ConnectionSettings& c = m_options.connection;
    RemoteEngineOptions remoteOptions { c.serverAddress(), c.caFile };
    if (m_options.kiosk)
        remoteOptions.keepAliveIntervalMs = m_options.kioskKeepAliveMs;
    auto remote = RemoteEngine::create(remoteOptions);
    if (!remote) {
        Q_EMIT message(ErrorText::describe(remote.error()));
        showConnectionDialog();
        return;
    }
    m_remote = std::move(remote.value());
    connect(m_remote.get(), &RemoteEngine::sessionRejected, this, &OperatorClient::onSessionRejected);
    connect(m_remote.get(), &RemoteEngine::reachabilityChanged, this, [this](bool reachable, const Error& e) {
        Q_EMIT message(reachable ? tr("The server %1 answers again.").arg(m_remote->info().location) : ErrorText::describe(e));
        if (m_window)
            m_window->setConnectionState(reachable, ErrorText::describe(e));
    });
    m_session = std::make_unique<OperatorSessionController>(*m_remote);
    connect(m_session.get(), &OperatorSessionController::loggedOn, this, &OperatorClient::onLoggedOn);

    whenFinished(m_remote->connectToServer(), m_remote.get(), [this](Result<EngineInfo> info) {
        if (!info) {
            // Shown in the logon dialog: logging on tries again, Connection… changes the address.
            Q_EMIT message(ErrorText::describe(info.error()));
            showLogon(ErrorText::describe(info.error()));
            return;
        }
        Q_EMIT message(tr("Server: %1").arg(info->location));
        whenFinished(Keychain(m_options.keychainService).read(m_options.connection.tokenKey()), m_remote.get(), [this](Result<QByteArray> token) {
            if (!token || token->isEmpty())
                return showLogon();
            // A remembered session: straight in while the server still accepts it.
            auto resumeFailed = std::make_shared<QMetaObject::Connection>();
            *resumeFailed = connect(m_session.get(), &OperatorSessionController::logonFailed, this, [this, resumeFailed](const Error& e) {
                disconnect(*resumeFailed);
                Keychain(m_options.keychainService).remove(m_options.connection.tokenKey());
                showLogon(e.code == ErrorCode::NotAuthenticated ? tr("Your saved session has ended. Log on again.") : ErrorText::describe(e));
            });
            connect(m_session.get(), &OperatorSessionController::loggedOn, this, [resumeFailed] { QObject::disconnect(*resumeFailed); },
                Qt::SingleShotConnection);
            m_session->resume(m_remote->resume(QString::fromUtf8(*token)));
        });
    });
}

void OperatorClient::engineReady()
{
    m_session = std::make_unique<OperatorSessionController>(*m_embedded);
    connect(m_session.get(), &OperatorSessionController::loggedOn, this, &OperatorClient::onLoggedOn);
    if (!m_options.demo)
        return showLogon();
    // Straight in as the demo operator; a failed demo logon (say, after the demo password was
    // changed) shows the logon dialog, and so does File > Log off.
    Q_EMIT message(tr("Log on as '%1' with the password '%2'.").arg(QLatin1String(DemoDataGenerator::kOperatorLogon), QLatin1String(DemoDataGenerator::kOperatorPassword)));
    auto demoFailed = std::make_shared<QMetaObject::Connection>();
    *demoFailed = connect(m_session.get(), &OperatorSessionController::logonFailed, this, [this, demoFailed](const Error& e) {
        disconnect(*demoFailed);
        showLogon(ErrorText::describe(e));
    });
    m_session->logon(QLatin1String(m_options.kiosk ? DemoDataGenerator::kKioskLogon : DemoDataGenerator::kOperatorLogon),
        QLatin1String(DemoDataGenerator::kOperatorPassword));
}

QString OperatorClient::engineDescription() const
{
    const Engine* e = engine();
    if (!e)
        return {};
    return e->info().remote ? tr("Server: %1").arg(e->info().location) : tr("This computer: %1").arg(e->info().location);
}

void OperatorClient::showLogon(const QString& text)
{
    if (!m_logon) {
        const QString demoHint = m_options.demo ? tr("Demo: log on as '%1' with the password '%2' (or '%3' to validate requests).")
                                                      .arg(QLatin1String(DemoDataGenerator::kOperatorLogon), QLatin1String(DemoDataGenerator::kOperatorPassword),
                                                          QLatin1String(DemoDataGenerator::kValidatorLogon))
                                                : QString();
        m_logon = new LogonDialog(*m_session, demoHint, m_relogon ? m_window.get() : nullptr);
        m_logon->setEngineDescription(engineDescription());
        m_logon->setRememberMeAvailable(m_remote != nullptr);
        if (m_options.selfService)
            m_logon->offerCardLogon(); // the user's own card, if Lanyard issued it
        connect(m_logon.data(), &LogonDialog::connectionRequested, this, &OperatorClient::showConnectionDialog);
        connect(m_logon.data(), &QDialog::rejected, this, [this] {
            dismissLogon();
            if (m_relogon)
                logOff(); // the operator gave up the open window
            else
                Q_EMIT finished(0);
        });
    }
    if (!m_firstLogon.isEmpty())
        m_logon->setLogonName(std::exchange(m_firstLogon, QString()));
    if (!text.isEmpty())
        m_logon->setMessage(text);
    if (m_relogon) {
        m_logon->setWindowModality(Qt::WindowModal);
        m_logon->open();
    } else {
        m_logon->show();
    }
}

void OperatorClient::showConnectionDialog()
{
    if (m_connection)
        return m_connection->raise();
    m_connection = new ConnectionDialog(m_options.connection, m_logon.data());
    m_connection->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_connection.data(), &QDialog::accepted, this, [this] {
        const ConnectionSettings chosen = m_connection->settings();
        auto settings = openSettings(m_options.settingsFile);
        chosen.save(*settings);
        closeEngine();
        m_options.connection = chosen;
        m_options.demo = false;
        m_options.chooseConnection = true; // a failure now comes back to this dialog
        openEngine();
    });
    connect(m_connection.data(), &QDialog::rejected, this, [this] {
        if (!m_session)
            Q_EMIT finished(0); // nothing to go back to
    });
    m_connection->open();
}

void OperatorClient::onLoggedOn()
{
    const OperatorSession& s = m_session->session();
    Q_EMIT message(tr("Logged on as %1.").arg(s.logonName));
    if (m_remote && m_logon) {
        const Keychain keychain(m_options.keychainService);
        if (m_logon->rememberMe()) {
            whenFinished(keychain.write(m_options.connection.tokenKey(), m_remote->token().toUtf8()), this, [this](Result<void> written) {
                if (written || !m_window)
                    return;
                m_window->statusBar()->showMessage(tr("Your session could not be remembered: %1").arg(ErrorText::describe(written.error())), 15000);
            });
        } else {
            keychain.remove(m_options.connection.tokenKey());
        }
    }
    dismissLogon();
    const bool samePerson = m_window && m_relogon && m_windowPerson == s.personId;
    m_relogon = false;
    if (samePerson)
        return; // the window, and everything typed in it, carries on
    if (m_options.kiosk)
        return openKiosk();
    if (m_options.selfService) {
        m_selfService = std::make_unique<SelfServiceWindow>(*m_session);
        connect(m_selfService.get(), &SelfServiceWindow::logOffRequested, this, &OperatorClient::logOff);
        m_selfService->show();
        return;
    }
    m_window.reset();
    m_window = std::make_unique<MainWindow>(*m_session);
    m_windowPerson = s.personId;
    connect(m_window.get(), &MainWindow::logOffRequested, this, &OperatorClient::logOff);
    if (m_remote) {
        connect(m_window.get(), &MainWindow::retryConnectionRequested, m_remote.get(), &RemoteEngine::retryNow);
        m_window->setConnectionState(m_remote->isReachable(), QString());
    }
    m_window->show();
    Q_EMIT windowShown(m_window.get());
}

void OperatorClient::openKiosk()
{
    m_kiosk.reset();
    m_kioskController = std::make_unique<KioskController>(*engine(), m_session->session());
    m_kiosk = std::make_unique<KioskWindow>(*m_kioskController);
    m_kioskController->start();
    m_kiosk->showKiosk();
    Q_EMIT kioskShown(m_kiosk.get());
}

void OperatorClient::onSessionRejected(const Error& error)
{
    if (!m_window || m_relogon || !m_session->isLoggedOn())
        return;
    Q_EMIT message(ErrorText::describe(error));
    Keychain(m_options.keychainService).remove(m_options.connection.tokenKey());
    m_relogon = true;
    const QString logonName = m_session->session().logonName;
    showLogon(tr("Your session on the server has ended. Log on again to carry on; everything you typed stays as it is."));
    m_logon->setLogonName(logonName);
}

void OperatorClient::logOff()
{
    m_relogon = false;
    if (m_window) {
        m_window->hide();
        m_window.release()->deleteLater(); // we may be inside one of its signals
    }
    if (m_selfService) {
        m_selfService->hide();
        m_selfService.release()->deleteLater();
    }
    if (m_remote)
        Keychain(m_options.keychainService).remove(m_options.connection.tokenKey());
    m_session->logoff();
    dismissLogon(); // one left over from the window, when the operator gave up a new logon
    showLogon();
}

void OperatorClient::dismissLogon()
{
    if (!m_logon)
        return;
    m_logon->hide();
    m_logon->deleteLater();
    m_logon = nullptr;
}

void OperatorClient::closeEngine()
{
    dismissLogon();
    m_window.reset();
    m_kiosk.reset();
    m_kioskController.reset();
    m_selfService.reset();
    m_relogon = false;
    m_session.reset();
    m_remote.reset();
    m_embedded.reset();
    m_launcher.reset();
}

} // namespace lanyard
