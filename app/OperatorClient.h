#pragma once

#include "ConnectionDialog.h"
#include "FirstRunWizard.h"
#include "LogonDialog.h"
#include "KioskWindow.h"
#include "MainWindow.h"
#include "SelfServiceWindow.h"
#include "core/Error.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace lanyard {

class Engine;
class EngineLauncher;
class OperatorSessionController;
class RemoteEngine;

// The operator client from start to log-off: opens the chosen engine (embedded, or a server),
// takes up a remembered session, shows the logon dialog, then the main window. With a server
// it asks for a new logon over the open window when the session ends, shows when the server
// is away, and files or forgets the token in the system keychain. As the kiosk, it logs on
// with the kiosk's account and opens the full-screen kiosk instead of the main window.
class OperatorClient : public QObject {
    Q_OBJECT
public:
    struct Options {
        ConnectionSettings connection;
        bool demo = false; // embedded: demo data in a new database, and log on as the demo operator
        bool forceKeyFile = false;
        bool chooseConnection = false; // open the connection dialog first
        QString settingsFile; // the desktop's settings; empty: the platform's place
        QString keychainService = QStringLiteral("Lanyard");
        bool kiosk = false; // the derived-credential kiosk instead of the operator window
        bool selfService = false; // the Self-Service window instead of the operator window
        // The kiosk on a server renews its session this often, so it stays logged on unattended.
        int kioskKeepAliveMs = 30 * 60 * 1000;
    };

    explicit OperatorClient(Options options, QObject* parent = nullptr);
    ~OperatorClient() override;

    void start();

    Engine* engine() const;
    RemoteEngine* remoteEngine() const { return m_remote.get(); }
    MainWindow* window() const { return m_window.get(); }
    KioskWindow* kioskWindow() const { return m_kiosk.get(); }
    KioskController* kioskController() const { return m_kioskController.get(); }
    SelfServiceWindow* selfServiceWindow() const { return m_selfService.get(); }
    LogonDialog* logonDialog() const { return m_logon.data(); }
    ConnectionDialog* connectionDialog() const { return m_connection.data(); }
    FirstRunWizard* firstRunWizard() const { return m_wizard.data(); }
    const ConnectionSettings& connection() const { return m_options.connection; }

Q_SIGNALS:
    // Lines for the terminal.
    void message(const QString& text);
    void windowShown(lanyard::MainWindow* window);
    void kioskShown(lanyard::KioskWindow* window);
    // The client is done: the operator closed the logon dialog, or the engine failed to open.
    void finished(int exitCode);

private:
    void openEngine();
    void openEmbedded();
    // The embedded engine's first start on a database that does not exist yet (not the demo).
    void showFirstRunWizard(const QString& databasePath);
    void openRemote();
    void engineReady();
    void showLogon(const QString& message = {});
    void showConnectionDialog();
    void onLoggedOn();
    void openKiosk();
    void onSessionRejected(const Error& error);
    void logOff();
    void closeEngine();
    void dismissLogon();
    QString engineDescription() const;

    Options m_options;
    std::unique_ptr<EngineLauncher> m_launcher;
    std::unique_ptr<Engine> m_embedded;
    std::unique_ptr<RemoteEngine> m_remote;
    std::unique_ptr<OperatorSessionController> m_session;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<KioskController> m_kioskController;
    std::unique_ptr<KioskWindow> m_kiosk;
    std::unique_ptr<SelfServiceWindow> m_selfService;
    QPointer<LogonDialog> m_logon;
    QPointer<ConnectionDialog> m_connection;
    QPointer<FirstRunWizard> m_wizard;
    std::optional<FirstSetupPlan> m_setup; // the wizard's plan, until the engine made from it is open
    QString m_firstLogon; // the administrator the wizard made, offered in the first logon dialog
    qint64 m_windowPerson = 0;
    bool m_relogon = false; // the logon dialog stands over an open window
};

} // namespace lanyard
