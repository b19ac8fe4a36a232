#pragma once

#include "AccessControl.h"
#include "EngineContext.h"
#include "Person.h"

#include <QSqlDatabase>

#include <functional>

namespace lanyard {

// Adding, editing, disabling, enabling and removing people, and giving them roles: the
// operator's workflows on people. Every one is permission- and scope-checked and audited,
// and nobody administers a person who holds rights they do not (whoever changes someone's
// e-mail, mobile number, card or roles can act as them).
class PersonAdministration {
public:
    PersonAdministration(const EngineContext& context, QSqlDatabase db);

    Result<Person> add(const AccessControl& ac, const PersonDetails& details);
    Result<Person> edit(const AccessControl& ac, qint64 personId, const PersonDetails& details);
    // Edit People for the card identifiers alone (the kiosk greets a card as its holder).
    Result<Person> setCardIdentifiers(const AccessControl& ac, qint64 personId, const QString& fascn, const QString& cardUuid);
    // Disabling ends the person's sessions, disables their active devices with certificates
    // on hold, and cancels their open requests and collections. Enabling enables, when
    // `devicesToo`, the devices the disabling disabled, and only those.
    Result<Person> setEnabled(const AccessControl& ac, qint64 personId, bool enabled, const QString& reason, bool devicesToo);
    Result<Person> setRoles(const AccessControl& ac, qint64 personId, const QList<qint64>& roleIds);
    // Only for a person without a device in use; they stay in the records as removed.
    Result<void> remove(const AccessControl& ac, qint64 personId, const QString& reason);

    // Whether someone enabled holds, at scope All, the rights to edit roles and give them to
    // everyone: an administrator. Without one nobody could ever again.
    static Result<bool> anAdministratorExists(const QSqlDatabase& db);

private:
    enum class Lacking { Refuse, Audit };
    Result<Person> loadLive(qint64 personId);
    Result<Person> loadTarget(const AccessControl& ac, Workflow w, qint64 personId);
    Result<void> requireGroupInScope(const AccessControl& ac, Workflow w, const QString& group);
    Result<void> requireHoldsRightsOf(const AccessControl& ac, Workflow w, const Person& person, const QString& problem);
    Result<void> requireAnAdministratorRemains(qint64 personId, const QList<qint64>& rolesAfter, bool enabledAfter);
    Result<Person> editWith(const AccessControl& ac, qint64 personId, const std::function<PersonDetails(const Person&)>& change, const QString& problemWhenLacking);
    Result<Person> update(const AccessControl& ac, const Person& person, const PersonDetails& details, const QString& problemWhenLacking);
    Result<void> audit(const AccessControl& ac, Workflow w, const Person& person, const QString& details, bool refused = false);

    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
