#pragma once

#include "core/Error.h"
#include "demo/DemoDataGenerator.h"
#include "engine/EmbeddedEngine.h"
#include "engine/FirstSetup.h"

#include <QObject>

#include <memory>
#include <optional>

namespace lanyard {

// Opens the embedded engine for an application and, when asked, fills a new database with
// demo data first. Reports progress and results as text for the terminal.
class EngineLauncher : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString databasePath;
        bool demo = false;
        int demoPeople = 2000;
        int demoDevices = 40;
        bool forceKeyFile = false;
        QString keychainService = QStringLiteral("Lanyard");
        // A new database made from the first-run wizard's plan. If anything fails on the way,
        // what was made (database, key file, keychain entry) is removed again.
        std::optional<FirstSetupPlan> setup;
    };

    explicit EngineLauncher(Options options, QObject* parent = nullptr);

    void start();
    EmbeddedEngine* engine() const { return m_engine.get(); }
    std::unique_ptr<EmbeddedEngine> takeEngine() { return std::move(m_engine); }
    bool demoCreated() const { return m_demoCreated; }

    static QString defaultDatabasePath();

Q_SIGNALS:
    void message(const QString& text);
    void ready();
    void failed(const lanyard::Error& error);

private:
    void seedDemoIfEmpty();
    void applySetup();
    void discardNewDatabase(const Error& why);

    Options m_options;
    std::unique_ptr<EmbeddedEngine> m_engine;
    bool m_demoCreated = false;
};

} // namespace lanyard
