#pragma once

#include "AccessControl.h"
#include "EngineContext.h"
#include "Role.h"

#include <QSqlDatabase>

namespace lanyard {

// The roles editor's writes: list, create and change roles. A role change takes effect on
// the next call of every operator holding it, because rights are read fresh on each call.
class RoleService {
public:
    RoleService(const EngineContext& context, QSqlDatabase db);

    // Operators who edit roles or profiles need the list (the profile role matrix names roles).
    Result<QList<Role>> list(const AccessControl& ac);
    // Creates the role when role.id is 0, otherwise changes it. Returns its id.
    Result<qint64> save(const AccessControl& ac, const Role& role);

    static Result<void> validate(const Role& role);

private:
    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
