#pragma once

#include "AccessControl.h"
#include "DirectoryConfig.h"
#include "EngineContext.h"

#include <QSqlDatabase>

namespace lanyard {

// The directory connection an administrator sets up (Manage Directory), its test, the syncs
// (asked for, or on the configured interval) and their reports.
class DirectoryService {
public:
    DirectoryService(const EngineContext& context, QSqlDatabase db);

    // The stored configuration (the defaults for OpenLDAP before there is one); a set bind
    // password reads as the placeholder.
    Result<DirectoryConfig> config(const AccessControl& ac);
    // Validates and stores. The placeholder keeps the stored password, but only for the
    // server, bind DN and TLS it was typed for: a password is never sent anywhere new unless
    // it is typed again (directory-password-needed). Mapping a group to a role needs every
    // right the role carries (role-rights). A changed mapping makes the next sync a full one.
    Result<void> save(const AccessControl& ac, const DirectoryConfig& config);
    // Binds with `config` (saved or not), counts the entries its filter matches and maps
    // the first few. Changes nothing.
    Result<DirectoryProbe> test(const AccessControl& ac, const DirectoryConfig& config);
    // Reads the directory and applies it; a report either way (a failed one changed nothing).
    Result<DirectorySyncReport> sync(const AccessControl& ac, bool full);
    // The scheduled sync, as the system: only when the directory is on, its interval is not
    // 0 and has passed since the last sync began. A report with id 0 when none was due.
    Result<DirectorySyncReport> syncIfDue();
    // The latest reports, newest first; errors only for the newest.
    Result<QList<DirectorySyncReport>> reports(const AccessControl& ac, int limit);

    static constexpr int kProbePeople = 5;

private:
    Result<DirectoryConfig> load();
    Result<QString> storedHighWater();
    Result<DirectorySyncReport> run(const AccessControl* ac, const DirectoryConfig& config, bool full);
    Result<qint64> record(const AccessControl* ac, const DirectorySyncReport& report);
    Result<DirectoryConfig> withStoredPassword(const DirectoryConfig& config);

    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
