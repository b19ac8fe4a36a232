#pragma once

#include "AccessControl.h"
#include "EngineContext.h"
#include "MessageTemplate.h"

#include <QSqlDatabase>

namespace lanyard {

// The message templates in use: the operator's version where one was saved, otherwise the
// built-in default.
class TemplateStore {
public:
    TemplateStore(const EngineContext& context, QSqlDatabase db);

    Result<MessageTemplate> load(const QString& name);
    Result<QList<MessageTemplate>> list(const AccessControl& ac);
    // Saving the built-in text (or an empty body) returns the template to its default.
    Result<void> save(const AccessControl& ac, const MessageTemplate& tpl);

private:
    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
