#pragma once

#include "AccessControl.h"
#include "CardIdentifiers.h"
#include "EngineContext.h"
#include "OperatorSession.h"
#include "Person.h"
#include "Role.h"

#include <QSqlDatabase>

namespace lanyard {

// People and roles: logon, search within scope, and the writes used by set-up and the demo
// data (an operator's are PersonAdministration's).
class PeopleService {
public:
    PeopleService(const EngineContext& context, QSqlDatabase db);

    static constexpr int kMaxLogonNameLength = 256;
    static constexpr int kMaxPasswordLength = 1024;
    // Longer logon names or passwords are refused before anything is looked up or audited.
    Result<OperatorSession> logon(const QString& logonName, const QString& password);
    Result<PersonPage> find(const AccessControl& ac, const PersonQuery& query);
    Result<Person> get(const AccessControl& ac, qint64 id);
    // Without a permission check: for the engine's own use after it has checked.
    Result<Person> load(qint64 id);

    Result<qint64> createRole(const Role& role);
    Result<qint64> createPerson(const Person& person, const QString& password = {});
    Result<void> assignRole(qint64 personId, qint64 roleId);

    static QString nameKey(const QString& fullName);

private:
    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
