#pragma once

#include "Person.h"
#include "Role.h"
#include "core/Result.h"

#include <QHash>
#include <QSqlDatabase>

namespace lanyard {

// The operator's rights as the database grants them now: which workflows, over whose records.
// Every engine operation asks it before touching data; the UI never decides.
class AccessControl {
public:
    static Result<AccessControl> load(const QSqlDatabase& db, qint64 operatorId);
    // What a person's roles grant whether or not their account is enabled: to compare with,
    // never to act on.
    static Result<AccessControl> granted(const QSqlDatabase& db, qint64 personId);

    const Person& operatorPerson() const { return m_operator; }
    QList<qint64> roleIds() const { return m_roleIds; }
    bool allows(Workflow w) const { return m_scopes.contains(w); }
    Scope scopeFor(Workflow w) const { return m_scopes.value(w, Scope::Self); }
    QList<Workflow> workflows() const { return m_scopes.keys(); }

    // Whether this operator holds `w` at least as widely as `s`.
    bool holds(Workflow w, Scope s) const { return allows(w) && int(scopeFor(w)) >= int(s); }
    // The workflows `other` holds that this operator does not (or only more narrowly).
    // Request My ID is left out: it reaches only its holder's own phone.
    QList<Workflow> lacking(const AccessControl& other) const;
    // The workflows `role` carries that this operator does not hold as widely.
    QList<Workflow> lacking(const Role& role) const;
    // What `viewer` lacks of the rights of person `holderId` (nothing for themself). Whoever
    // sees someone's code, or binds a card to them, can act as them, so must hold all of it.
    // A disabled holder's rights cannot be read: their error is returned.
    static Result<QList<Workflow>> lackedFor(const QSqlDatabase& db, const AccessControl& viewer, qint64 holderId);

    Result<void> require(Workflow w) const;
    // Permission for the workflow and the target inside its scope.
    Result<void> requireTarget(Workflow w, const Person& target) const;
    // An SQL condition on the people table alias `p` that limits rows to the scope.
    QString scopeCondition(Workflow w, QVariantList* binds) const;

private:
    Person m_operator;
    QList<qint64> m_roleIds;
    QHash<Workflow, Scope> m_scopes; // widest scope among the roles granting each workflow
};

} // namespace lanyard
