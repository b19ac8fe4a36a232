#pragma once

#include "ConnectionSettings.h"
#include "core/Error.h"
#include "engine/OperatorSession.h"

#include <QObject>
#include <QThreadPool>

#include <memory>

namespace lanyard {

class Engine;
class EngineLauncher;
class LocalVscBackend;
class RemoteEngine;
struct VscAutomationReport;

// `lanyard --self-service --automation`: no window. Opens the engine, logs on as the user
// (the session Self-Service remembered, or the logon name and password it is given), applies
// this computer's due PIN locks, prints one line per job and finishes with 0 (nothing
// failed), 1 (a lock failed) or 2 (it could not run).
class AutomationRun : public QObject {
    Q_OBJECT
public:
    struct Options {
        ConnectionSettings connection;
        bool forceKeyFile = false;
        QString keychainService = QStringLiteral("Lanyard");
        QString logonName; // with password; otherwise the remembered session (server only)
        QString password;
        QString dnsName; // empty: this computer's
        QString reader; // empty: any reader
    };

    explicit AutomationRun(Options options, QObject* parent = nullptr);
    ~AutomationRun() override;

    void start();

Q_SIGNALS:
    void message(const QString& text);
    void finished(int exitCode);

private:
    void openEmbedded();
    void openRemote();
    void logOn();
    void apply(const OperatorSession& session);
    void stop(const Error& error);
    void print(const VscAutomationReport& report);

    Options m_options;
    std::unique_ptr<EngineLauncher> m_launcher;
    std::unique_ptr<Engine> m_embedded;
    std::unique_ptr<RemoteEngine> m_remote;
    Engine* m_engine = nullptr;
    std::unique_ptr<LocalVscBackend> m_backend;
    QThreadPool m_cardThread;
};

} // namespace lanyard
