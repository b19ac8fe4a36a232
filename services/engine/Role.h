#pragma once

#include "Workflow.h"

#include <QList>
#include <QString>

namespace lanyard {

// Whose records a role's workflows reach: only the operator themself, their group, or all.
enum class Scope { Self, Group, All };

QString scopeId(Scope s);
bool scopeFromId(const QString& id, Scope* s);

struct Role {
    qint64 id = 0;
    QString name;
    Scope scope = Scope::Self;
    QList<Workflow> workflows;

    QString workflowIds() const;
    static bool parseWorkflowIds(const QString& text, QList<Workflow>* out);

    bool operator==(const Role&) const = default;
};

} // namespace lanyard
