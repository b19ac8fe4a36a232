#pragma once

#include "EngineContext.h"
#include "Role.h"

#include <QSqlDatabase>
#include <QStringList>

namespace lanyard {

// What an organisation's engine holds before it can issue anything: the standard roles,
// PIV-style certificate policies, and profiles for a phone identity, a virtual smart card and a
// derived PIV credential. `lanyard-server init` makes it; what exists already under the same
// name is left as the administrator made or changed it, so running it again changes nothing.
class Baseline {
public:
    static constexpr const char* kAdministratorRole = "Administrator";

    struct Report {
        QStringList made; // e.g. "role Helpdesk Operator", "certificate policy PIV Authentication"
        QStringList kept; // the same for what was there already
    };

    Baseline(const EngineContext& context, QSqlDatabase db);

    // Every workflow, everyone in scope: the role the first administrator holds.
    static Role administratorRole();
    // The standard roles, in the order init makes them; the demo organisation uses the same
    // Helpdesk Operator, Validator and End User.
    static QList<Role> standardRoles();
    static Role standardRole(const QString& name);

    // In one transaction: everything or nothing.
    Result<Report> ensure();

private:
    Result<qint64> ensureRole(const Role& role, Report& report);

    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
