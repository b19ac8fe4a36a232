#include "Role.h"

#include <QStringList>

namespace lanyard {

QString scopeId(Scope s)
{
    switch (s) {
    case Scope::Self:
        return QStringLiteral("self");
    case Scope::Group:
        return QStringLiteral("group");
    case Scope::All:
        return QStringLiteral("all");
    }
    return {};
}

bool scopeFromId(const QString& id, Scope* s)
{
    for (Scope c : { Scope::Self, Scope::Group, Scope::All }) {
        if (scopeId(c) == id) {
            *s = c;
            return true;
        }
    }
    return false;
}

QString Role::workflowIds() const
{
    QStringList ids;
    for (Workflow w : workflows)
        ids.append(workflowId(w));
    return ids.join(QLatin1Char(','));
}

bool Role::parseWorkflowIds(const QString& text, QList<Workflow>* out)
{
    out->clear();
    for (const QString& id : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        Workflow w;
        if (!workflowFromId(id.trimmed(), &w))
            return false;
        out->append(w);
    }
    return true;
}

} // namespace lanyard
