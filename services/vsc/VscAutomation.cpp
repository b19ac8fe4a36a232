#include "VscAutomation.h"

#include "core/WhenFinished.h"

#include <QHostInfo>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace lanyard {

QString VscAutomation::localDnsName()
{
    const QString host = QHostInfo::localHostName();
    const QString domain = QHostInfo::localDomainName();
    if (domain.isEmpty() || host.contains(QLatin1Char('.')))
        return host;
    return host + QLatin1Char('.') + domain;
}

struct VscAutomation::Run {
    QPromise<Result<VscAutomationReport>> promise;
    VscAutomationReport report;
    QList<VscLockTask> tasks;
    QList<Result<void>> locked; // one per task, from the backend
    int next = 0;

    void finish(Result<VscAutomationReport> outcome)
    {
        promise.addResult(std::move(outcome));
        promise.finish();
    }
};

QFuture<Result<VscAutomationReport>> VscAutomation::run(const QString& dnsName, QThreadPool* pool)
{
    auto run = std::make_shared<Run>();
    run->report.dnsName = dnsName;
    run->promise.start();
    QFuture<Result<VscAutomationReport>> future = run->promise.future();
    whenFinished(m_engine.dueLockJobs(m_session, dnsName), this, [this, run, pool](Result<QList<VscLockTask>> tasks) {
        if (!tasks)
            return run->finish(tasks.error());
        run->tasks = *tasks;
        LocalVscBackend* backend = &m_backend;
        auto work = QtConcurrent::run(pool, [backend, tasks = *tasks]() {
            QList<Result<void>> out;
            for (const VscLockTask& task : tasks)
                out << backend->lock(task);
            return out;
        });
        whenFinished(work, this, [this, run](QList<Result<void>> locked) {
            run->locked = std::move(locked);
            reportNext(run);
        });
    });
    return future;
}

void VscAutomation::reportNext(std::shared_ptr<Run> run)
{
    while (run->next < run->tasks.size()) {
        const VscLockTask& task = run->tasks.at(run->next);
        const Result<void>& locked = run->locked.at(run->next);
        ++run->next;
        VscAutomationEntry entry { task.job, task.device.serial, VscAutomationEntry::Outcome::Waiting, {} };
        if (!locked && (locked.error().code == ErrorCode::NoCard || locked.error().code == ErrorCode::PcscUnavailable)) {
            // Not here now: the job stays due for the next run.
            entry.reason = locked.error().detail;
            run->report.entries << entry;
            continue;
        }
        const VscLockOutcome outcome { task.job.id, bool(locked), locked ? QString() : locked.error().detail };
        whenFinished(m_engine.reportLockJob(m_session, outcome), this, [this, run, entry, outcome](Result<Job> reported) mutable {
            if (!reported)
                return run->finish(reported.error());
            entry.job = *reported;
            entry.outcome = outcome.applied ? VscAutomationEntry::Outcome::Completed : VscAutomationEntry::Outcome::Failed;
            entry.reason = outcome.reason;
            run->report.entries << entry;
            reportNext(run);
        });
        return;
    }
    run->finish(run->report);
}

} // namespace lanyard
