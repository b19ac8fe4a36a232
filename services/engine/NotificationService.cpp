#include "NotificationService.h"

#include "AuditLog.h"
#include "Outbox.h"
#include "RequestService.h"
#include "storage/Transaction.h"

namespace lanyard {

NotificationService::NotificationService(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

Result<QList<Notification>> NotificationService::forJob(const AccessControl& ac, qint64 jobId)
{
    const Workflow w = ac.allows(Workflow::ManageJobs) ? Workflow::ManageJobs : Workflow::RequestMobile;
    if (auto job = RequestService(m_ctx, m_db).loadInScope(ac, jobId, w); !job)
        return job.error();
    return Outbox(m_ctx, m_db).forJob(jobId);
}

Result<Notification> NotificationService::resend(const AccessControl& ac, qint64 notificationId)
{
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    Outbox outbox(m_ctx, m_db);
    auto n = outbox.get(notificationId);
    if (!n)
        return n;
    if (n->jobId <= 0)
        return Error(ErrorCode::InvalidTransition, QStringLiteral("only a request's messages can be re-sent"),
            { { QStringLiteral("operation"), QStringLiteral("resend") }, { QStringLiteral("state"), n->templateName } });
    auto job = RequestService(m_ctx, m_db).loadInScope(ac, n->jobId, Workflow::ManageJobs);
    if (!job)
        return job.error();
    // The message carries the job's current code only while the job waits for collection.
    const bool codeLive = job->status == JobStatus::AwaitingIssue && job->codeExpiresAt > m_ctx.now();
    if (!codeLive || n->state == QLatin1String("superseded") || n->state == QLatin1String("queued") || n->state == QLatin1String("sending"))
        return Error(ErrorCode::InvalidTransition, QStringLiteral("message %1 is %2 and its request is %3").arg(n->id).arg(n->state, jobStatusId(job->status)),
            { { QStringLiteral("operation"), QStringLiteral("resend") }, { QStringLiteral("state"), codeLive ? n->state : jobStatusId(job->status) } });
    auto again = outbox.requeue(notificationId);
    if (!again)
        return again;
    const AuditEvent e = AuditLog::event(m_ctx.now(), &ac, workflowId(Workflow::ManageJobs), QStringLiteral("job"), QString::number(job->id), job->personName,
        QStringLiteral("%1 (%2) re-sent to %3").arg(n->templateName, n->channel, n->recipient));
    if (auto r = AuditLog(m_db, m_ctx).append(e); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return again;
}

} // namespace lanyard
