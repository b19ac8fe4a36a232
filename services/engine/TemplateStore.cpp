#include "TemplateStore.h"

#include "AuditLog.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

namespace lanyard {

TemplateStore::TemplateStore(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

Result<MessageTemplate> TemplateStore::load(const QString& name)
{
    auto t = MessageTemplate::builtIn(name);
    if (!t)
        return t;
    auto row = fetchOne(m_db, QStringLiteral("SELECT subject, body, html FROM notification_templates WHERE name = ?"), { name });
    if (!row)
        return row.error();
    if (!row->isEmpty()) {
        t->subject = row->value("subject").toString();
        t->body = row->value("body").toString();
        t->html = row->value("html").toString();
        t->customised = true;
    }
    return t;
}

Result<QList<MessageTemplate>> TemplateStore::list(const AccessControl& ac)
{
    if (auto r = ac.require(Workflow::EditConfiguration); !r)
        return r.error();
    QList<MessageTemplate> out;
    for (const QString& name : MessageTemplate::names()) {
        auto t = load(name);
        if (!t)
            return t.error();
        out.append(*t);
    }
    return out;
}

Result<void> TemplateStore::save(const AccessControl& ac, const MessageTemplate& tpl)
{
    if (auto r = ac.require(Workflow::EditConfiguration); !r)
        return r;
    auto builtIn = MessageTemplate::builtIn(tpl.name);
    if (!builtIn)
        return builtIn.error();
    const bool reset = tpl.body.trimmed().isEmpty()
        || (tpl.subject.trimmed() == builtIn->subject && tpl.body.trimmed() == builtIn->body && tpl.html.trimmed() == builtIn->html);
    if (!reset) {
        if (auto r = tpl.validate(); !r)
            return r;
    }
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r;
    if (auto r = exec(m_db, QStringLiteral("DELETE FROM notification_templates WHERE name = ?"), { tpl.name }); !r)
        return r.error();
    if (!reset) {
        if (auto r = exec(m_db, QStringLiteral("INSERT INTO notification_templates (name, subject, body, html, updated_at) VALUES (?, ?, ?, ?, ?)"),
                { tpl.name, tpl.subject.trimmed(), tpl.body.trimmed(), tpl.html.trimmed(), m_ctx.now().toMSecsSinceEpoch() });
            !r)
            return r.error();
    }
    const AuditEvent e = AuditLog::event(m_ctx.now(), &ac, workflowId(Workflow::EditConfiguration), QStringLiteral("template"), {}, tpl.name,
        reset ? QStringLiteral("returned to the default") : QStringLiteral("changed"));
    if (auto r = AuditLog(m_db, m_ctx).append(e); !r)
        return r.error();
    return tx.commit();
}

} // namespace lanyard
