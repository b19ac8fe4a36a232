#include "AccountSwitch.h"

#include "CertificateService.h"
#include "DeviceLifecycle.h"
#include "Job.h"
#include "storage/Database.h"

namespace lanyard {

namespace {
// The job states a request or collection is still open in.
QString openJobStates()
{
    QStringList ids;
    for (JobStatus s : { JobStatus::AwaitingValidation, JobStatus::AwaitingIssue, JobStatus::InProgress, JobStatus::Locked })
        ids << QLatin1Char('\'') + jobStatusId(s) + QLatin1Char('\'');
    return ids.join(QLatin1Char(','));
}
} // namespace

AccountSwitch::AccountSwitch(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

Result<int> AccountSwitch::cancelOpenWork(qint64 personId, const QString& reason)
{
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    // A collection under way ends with its request: the phone's confirmation is refused.
    if (auto r = exec(m_db,
            QStringLiteral("UPDATE collection_sessions SET state = 'cancelled', bundle_wrapped = NULL, updated_at = ? WHERE state <> 'confirmed' "
                           "AND job_id IN (SELECT id FROM jobs WHERE person_id = ? AND status IN (%1))")
                .arg(openJobStates()),
            { now, personId });
        !r)
        return r.error();
    auto jobs = exec(m_db, QStringLiteral("UPDATE jobs SET status = ?, code_hash = '', reason = ?, updated_at = ? WHERE person_id = ? AND status IN (%1)").arg(openJobStates()),
        { jobStatusId(JobStatus::Cancelled), reason, now, personId });
    if (!jobs)
        return jobs.error();
    return jobs->numRowsAffected();
}

Result<QStringList> AccountSwitch::disable(qint64 personId, const QString& reason)
{
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    CertificateService certs(m_ctx, m_db);
    // The trigger of migration 12 ends the person's sessions with this update.
    if (auto r = exec(m_db, QStringLiteral("UPDATE people SET enabled = 0, disabled_by_directory = 0 WHERE id = ?"), { personId }); !r)
        return r.error();
    auto active = fetchIds(m_db, QStringLiteral("SELECT id FROM devices WHERE owner_id = ? AND state = ?"), { personId, deviceStateId(DeviceState::Active) });
    if (!active)
        return active.error();
    const QList<qint64> ids = *active;
    int held = 0;
    for (qint64 id : ids) {
        if (auto r = exec(m_db, QStringLiteral("UPDATE devices SET state = ?, disabled_with_account = 1, updated_at = ? WHERE id = ?"),
                { deviceStateId(DeviceState::Disabled), now, id });
            !r)
            return r.error();
        auto n = certs.applyToDevice(id, CertificateAction::Hold, RevocationReason::CertificateHold);
        if (!n)
            return n.error();
        held += *n;
    }
    // A device still being collected never comes into use.
    auto issued = fetchIds(m_db, QStringLiteral("SELECT id FROM devices WHERE owner_id = ? AND state = ?"), { personId, deviceStateId(DeviceState::Issued) });
    if (!issued)
        return issued.error();
    const QList<qint64> unfinished = *issued;
    for (qint64 id : unfinished) {
        if (auto r = exec(m_db, QStringLiteral("UPDATE devices SET state = ?, updated_at = ? WHERE id = ?"), { deviceStateId(DeviceState::Canceled), now, id }); !r)
            return r.error();
        if (auto r = certs.applyToDevice(id, CertificateAction::Revoke, RevocationReason::CessationOfOperation); !r)
            return r.error();
    }
    auto cancelled = cancelOpenWork(personId, QStringLiteral("account disabled: ") + reason.trimmed());
    if (!cancelled)
        return cancelled.error();
    QStringList details;
    details << QStringLiteral("account disabled: %1").arg(reason.trimmed()) << QStringLiteral("%1 device(s) disabled, %2 certificate(s) on hold").arg(ids.size()).arg(held)
            << QStringLiteral("%1 open request(s) cancelled").arg(*cancelled);
    if (!unfinished.isEmpty())
        details << QStringLiteral("%1 unfinished collection(s) cancelled").arg(unfinished.size());
    return details;
}

Result<QStringList> AccountSwitch::enable(qint64 personId, const QString& reason, bool devicesToo)
{
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    CertificateService certs(m_ctx, m_db);
    if (auto r = exec(m_db, QStringLiteral("UPDATE people SET enabled = 1, disabled_by_directory = 0 WHERE id = ?"), { personId }); !r)
        return r.error();
    auto disabled = fetchIds(m_db, QStringLiteral("SELECT id FROM devices WHERE owner_id = ? AND state = ? AND disabled_with_account = 1"),
        { personId, deviceStateId(DeviceState::Disabled) });
    if (!disabled)
        return disabled.error();
    const QList<qint64> ids = *disabled;
    int released = 0;
    if (devicesToo) {
        for (qint64 id : ids) {
            if (auto r = exec(m_db, QStringLiteral("UPDATE devices SET state = ?, updated_at = ? WHERE id = ?"), { deviceStateId(DeviceState::Active), now, id }); !r)
                return r.error();
            auto n = certs.applyToDevice(id, CertificateAction::Release, RevocationReason::Unspecified);
            if (!n)
                return n.error();
            released += *n;
        }
    }
    // The offer is made once: a device left disabled now is an ordinary disabled device.
    if (auto r = exec(m_db, QStringLiteral("UPDATE devices SET disabled_with_account = 0 WHERE owner_id = ?"), { personId }); !r)
        return r.error();
    QStringList details;
    details << QStringLiteral("account enabled") + (reason.trimmed().isEmpty() ? QString() : QStringLiteral(": ") + reason.trimmed());
    details << (devicesToo ? QStringLiteral("%1 device(s) enabled again, %2 certificate(s) released").arg(ids.size()).arg(released)
                           : QStringLiteral("%1 device(s) left disabled").arg(ids.size()));
    return details;
}

} // namespace lanyard
