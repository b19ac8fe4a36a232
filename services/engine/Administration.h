#pragma once

#include "EngineContext.h"

#include <QSqlDatabase>

namespace lanyard {

// First set-up of a server's database: the administrator role, and operators made from the
// command line (lanyard-server create-operator).
class Administration {
public:
    Administration(const EngineContext& context, QSqlDatabase db);

    // Creates the "Administrator" role (every workflow, everyone in scope) unless it exists.
    Result<qint64> ensureAdministratorRole();
    // Whether an enabled person holds the Administrator role.
    Result<bool> hasAdministrator();
    // A person who can log on, holding the named role. Refuses a logon name in use.
    Result<qint64> createOperator(const QString& logonName, const QString& fullName, const QString& password, const QStringList& roleNames,
        const QString& group = {});

private:
    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
