#pragma once

#include "AccessControl.h"
#include "EngineContext.h"
#include "Settings.h"

#include <QSqlDatabase>

namespace lanyard {

// Reads and saves the operation settings and the timezone list. Saving validates everything
// first and writes all or nothing, with one audit event naming what changed.
class SettingsService {
public:
    SettingsService(const EngineContext& context, QSqlDatabase db);

    Result<Settings> load(); // no permission needed: the engine reads its own settings
    // Refused (permission-denied, problem switched-off, args setting) while the boolean
    // setting `key` is off: what an administrator switched off stays off.
    Result<void> requireOn(const QString& key);
    Result<Settings> get(const AccessControl& ac);
    Result<void> save(const AccessControl& ac, const Settings& settings);
    // The same before anyone can log on (the first-run wizard), audited as the system.
    Result<void> saveAtSetUp(const Settings& settings);
    // First start: store the default timezone list.
    Result<void> seedDefaults();

private:
    Result<void> store(const AccessControl* ac, const Settings& settings);
    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
