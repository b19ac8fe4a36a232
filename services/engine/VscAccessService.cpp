#include "VscAccessService.h"

#include "AuditLog.h"
#include "CertificateService.h"
#include "DeviceService.h"
#include "RequestService.h"
#include "SettingsSchema.h"
#include "SettingsService.h"
#include "pki/VscResponse.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

namespace lanyard {

namespace {
const QByteArray kAdminKeyPurpose = "vsc-admin-key";

Error reasonRequired()
{
    return Error(ErrorCode::InvalidArgument, QStringLiteral("a reason is required"), { { QStringLiteral("problem"), QStringLiteral("reason-required") } });
}

Error noPendingLock(const Device& device)
{
    return Error(ErrorCode::NotFound, QStringLiteral("device %1 has no pending lock job").arg(device.serial), { { QStringLiteral("what"), QStringLiteral("lock job") } });
}

AuditEvent deviceEvent(const EngineContext& ctx, const AccessControl& ac, Workflow workflow, const Device& device, const QString& details)
{
    AuditEvent e = AuditLog::event(ctx.now(), &ac, workflowId(workflow), QStringLiteral("device"), QString::number(device.id),
        device.dnsName.isEmpty() ? device.serial : device.dnsName, details);
    e.personId = device.ownerId;
    e.deviceId = device.id;
    return e;
}

QString describe(const QDateTime& at, const QString& zone)
{
    return at.isValid() ? QStringLiteral("%1 UTC (%2)").arg(at.toString(Qt::ISODate), zone) : QStringLiteral("the next Self-Service run");
}
} // namespace

VscAccessService::VscAccessService(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

Result<QByteArray> VscAccessService::adminResponse(const EngineContext& context, const QSqlDatabase& db, const Device& device, const QByteArray& challenge)
{
    auto wrapped = fetchOne(db, QStringLiteral("SELECT admin_key_wrapped FROM devices WHERE id = ?"), { device.id });
    if (!wrapped)
        return wrapped.error();
    if (wrapped->isEmpty() || wrapped->value("admin_key_wrapped").isNull())
        return Error(ErrorCode::NotFound, QStringLiteral("device %1 has no administrator key").arg(device.serial), { { QStringLiteral("what"), QStringLiteral("admin key") } });
    auto key = context.keyWrapper->unwrap(wrapped->value("admin_key_wrapped").toByteArray(), kAdminKeyPurpose);
    if (!key)
        return key.error();
    return VscResponse::response(*key, challenge);
}

Result<QPair<QDateTime, QString>> VscAccessService::resolve(const LockSchedule& when, const Settings& settings)
{
    if (when.nextRun)
        return qMakePair(QDateTime(), QString());
    if (!when.date.isValid() || !when.time.isValid())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("a date and a time are required"), { { QStringLiteral("problem"), QStringLiteral("lock-when") } });
    for (const Timezone& zone : settings.timezones) {
        if (zone.utcOffset != when.timezoneValue)
            continue;
        int minutes = 0;
        if (!zone.offsetMinutes(&minutes))
            return Error(ErrorCode::SettingInvalid, QStringLiteral("the timezone '%1' has the offset '%2', which is not a number of hours").arg(zone.displayName, zone.utcOffset),
                { { QStringLiteral("problem"), QStringLiteral("timezone-offset") } });
        // The wall-clock time in that zone, as an instant: UTC = local − offset.
        const QDateTime local(when.date, when.time, Qt::UTC);
        return qMakePair(local.addSecs(-qint64(minutes) * 60), zone.displayName);
    }
    return Error(ErrorCode::InvalidArgument, QStringLiteral("'%1' is not in the timezone list").arg(when.timezoneValue),
        { { QStringLiteral("problem"), QStringLiteral("lock-timezone") } });
}

Result<bool> VscAccessService::disabledForParent(qint64 deviceId)
{
    auto row = fetchOne(m_db, QStringLiteral("SELECT disabled_for_parent FROM devices WHERE id = ?"), { deviceId });
    if (!row)
        return row.error();
    return !row->isEmpty() && row->value("disabled_for_parent").toInt() != 0;
}

Result<Device> VscAccessService::loadVsc(const AccessControl& ac, qint64 deviceId, Workflow workflow, bool childMayBeDisabled)
{
    auto device = DeviceService(m_ctx, m_db).loadInScope(ac, deviceId, workflow);
    if (!device)
        return device;
    if (device->type != CardEncoding::VirtualSmartCard)
        return Error(ErrorCode::InvalidTransition, QStringLiteral("%1 is not a virtual smart card").arg(device->serial),
            { { QStringLiteral("operation"), workflowId(workflow) }, { QStringLiteral("state"), cardEncodingId(device->type) } });
    bool emergency = false;
    if (childMayBeDisabled && device->state == DeviceState::Disabled) {
        auto child = disabledForParent(deviceId);
        if (!child)
            return child.error();
        emergency = *child;
    }
    if (device->state != DeviceState::Active && !emergency)
        return Error(ErrorCode::InvalidTransition, QStringLiteral("device %1 is %2").arg(device->serial, deviceStateId(device->state)),
            { { QStringLiteral("operation"), workflowId(workflow) }, { QStringLiteral("state"), deviceStateId(device->state) } });
    return device;
}

Result<int> VscAccessService::endEmergencyAccess()
{
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    auto due = exec(m_db, QStringLiteral("SELECT id FROM devices WHERE disabled_for_parent = 1 AND state = ? AND enabled_until IS NOT NULL AND enabled_until <= ? ORDER BY id"),
        { deviceStateId(DeviceState::Active), now });
    if (!due)
        return due.error();
    QList<qint64> ids;
    const SqlRow row(*due);
    while (due->next())
        ids << row.value("id").toLongLong();
    due->finish();
    DeviceService devices(m_ctx, m_db);
    CertificateService certificates(m_ctx, m_db);
    for (qint64 id : ids) {
        Transaction tx(m_db, m_ctx.dialect());
        if (auto r = tx.begin(); !r)
            return r.error();
        auto device = devices.load(id);
        if (!device)
            return device.error();
        if (auto r = exec(m_db, QStringLiteral("UPDATE devices SET state = ?, enabled_until = NULL, updated_at = ? WHERE id = ? AND state = ?"),
                { deviceStateId(DeviceState::Disabled), now, id, deviceStateId(DeviceState::Active) });
            !r)
            return r.error();
        auto held = certificates.applyToDevice(id, CertificateAction::Hold, RevocationReason::CertificateHold);
        if (!held)
            return held.error();
        AuditEvent e = AuditLog::event(m_ctx.now(), nullptr, workflowId(Workflow::UnlockVscTemporaryAccess), QStringLiteral("device"), QString::number(id),
            device->serial, QStringLiteral("emergency access ended: child card disabled again, %1 certificate(s) on hold").arg(*held));
        e.operatorName = QStringLiteral("temporary access");
        e.personId = device->ownerId;
        e.deviceId = id;
        if (auto r = AuditLog(m_db, m_ctx).append(e); !r)
            return r.error();
        if (auto r = tx.commit(); !r)
            return r.error();
    }
    return int(ids.size());
}

Result<QString> VscAccessService::applyParentChildRules(const Device& issued, const CredentialProfile& profile)
{
    auto settings = SettingsService(m_ctx, m_db).load();
    if (!settings)
        return settings.error();
    if (!settings->boolean(SettingKey::ParentChildProfiles))
        return QString();
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    // A system lock job (no operator): due at the next Self-Service run on the computer.
    const auto lockAtNextRun = [&](const Device& d, const QString& reason) -> Result<void> {
        auto active = activeLockJob(d.id);
        if (!active)
            return active.error();
        if (active->id)
            return {};
        if (auto r = exec(m_db, QStringLiteral("INSERT INTO jobs (job_type, status, person_id, device_id, profile_id, requested_at, reason, updated_at) "
                                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                { jobTypeId(JobType::PinLock), jobStatusId(JobStatus::AwaitingIssue), d.ownerId, d.id, d.profileId, now, reason, now });
            !r)
            return r.error();
        return {};
    };
    QStringList done;
    if (profile.parentLineage > 0 && profile.encoding == CardEncoding::VirtualSmartCard) {
        if (auto r = lockAtNextRun(issued, QStringLiteral("child credential: locked until its parent is unavailable")); !r)
            return r.error();
        done << QStringLiteral("child card: PIN lock at the next Self-Service run");
    }
    if (profile.isParent) {
        auto children = exec(m_db, QStringLiteral("SELECT d.id FROM devices d JOIN profiles p ON p.id = d.profile_id "
                                                  "WHERE d.owner_id = ? AND d.state = ? AND p.parent_lineage = ? AND d.id <> ?"),
            { issued.ownerId, deviceStateId(DeviceState::Active), profile.lineage, issued.id });
        if (!children)
            return children.error();
        QList<qint64> ids;
        const SqlRow child(*children);
        while (children->next())
            ids << child.value("id").toLongLong();
        children->finish();
        DeviceService devices(m_ctx, m_db);
        CertificateService certificates(m_ctx, m_db);
        for (qint64 id : ids) {
            auto child = devices.load(id);
            if (!child)
                return child.error();
            if (auto r = lockAtNextRun(*child, QStringLiteral("parent credential %1 issued").arg(issued.serial)); !r)
                return r.error();
            if (auto r = exec(m_db, QStringLiteral("UPDATE devices SET state = ?, disabled_for_parent = 1, enabled_until = NULL, updated_at = ? WHERE id = ?"),
                    { deviceStateId(DeviceState::Disabled), now, id });
                !r)
                return r.error();
            if (auto r = certificates.applyToDevice(id, CertificateAction::Hold, RevocationReason::CertificateHold); !r)
                return r.error();
            done << QStringLiteral("child %1 locked and disabled").arg(child->serial);
        }
    }
    return done.join(QStringLiteral("; "));
}

Result<QList<Timezone>> VscAccessService::timezones(const AccessControl& ac)
{
    if (!ac.allows(Workflow::ManageVscAccess) && !ac.allows(Workflow::EditConfiguration))
        return ac.require(Workflow::ManageVscAccess).error();
    auto settings = SettingsService(m_ctx, m_db).load();
    if (!settings)
        return settings.error();
    return settings->timezones;
}

Result<QList<Job>> VscAccessService::lockJobs(const AccessControl& ac, qint64 deviceId)
{
    if (!ac.allows(Workflow::ManageVscAccess) && !ac.allows(Workflow::UnlockVscTemporaryAccess))
        return ac.require(Workflow::ManageVscAccess).error();
    auto device = DeviceService(m_ctx, m_db).loadInScope(ac, deviceId, ac.allows(Workflow::ManageVscAccess) ? Workflow::ManageVscAccess : Workflow::UnlockVscTemporaryAccess);
    if (!device)
        return device.error();
    return RequestService(m_ctx, m_db).forDevice(deviceId, { JobType::PinLock });
}

Result<std::pair<Device, Job>> VscAccessService::cardWithLock(const AccessControl& ac, qint64 deviceId)
{
    auto device = loadVsc(ac, deviceId, Workflow::ManageVscAccess);
    if (!device)
        return device.error();
    auto active = activeLockJob(deviceId);
    if (!active)
        return active.error();
    return std::pair { *device, *active };
}

Result<Job> VscAccessService::activeLockJob(qint64 deviceId)
{
    auto jobs = RequestService(m_ctx, m_db).forDevice(deviceId, { JobType::PinLock });
    if (!jobs)
        return jobs.error();
    for (const Job& j : *jobs)
        if (j.status == JobStatus::AwaitingIssue)
            return j;
    return Job {};
}

Result<Job> VscAccessService::writeLockJob(const AccessControl& ac, const Device& device, qint64 existingJob, const QDateTime& at, const QString& zone,
    const QString& reason, const QString& auditDetails)
{
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    const QVariant atValue = at.isValid() ? QVariant(at.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
    qint64 id = existingJob;
    if (existingJob) {
        if (auto r = exec(m_db, QStringLiteral("UPDATE jobs SET schedule_at = ?, schedule_tz = ?, reason = ?, requested_by = ?, updated_at = ? WHERE id = ?"),
                { atValue, zone, reason, ac.operatorPerson().id, now, existingJob });
            !r)
            return r.error();
    } else {
        auto q = fetchOne(m_db, QStringLiteral("INSERT INTO jobs (job_type, status, person_id, device_id, profile_id, requested_by, requested_at, schedule_at, schedule_tz, "
                                                "reason, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            { jobTypeId(JobType::PinLock), jobStatusId(JobStatus::AwaitingIssue), device.ownerId, device.id, device.profileId, ac.operatorPerson().id, now, atValue, zone,
                reason, now });
        if (!q)
            return q.error();
        id = q->value("id").toLongLong();
    }
    if (auto r = AuditLog(m_db, m_ctx).append(deviceEvent(m_ctx, ac, Workflow::ManageVscAccess, device, auditDetails)); !r)
        return r.error();
    return RequestService(m_ctx, m_db).load(id);
}

Result<Job> VscAccessService::requestPinLock(const AccessControl& ac, qint64 deviceId, const LockSchedule& when, const QString& reason)
{
    return schedule(ac, deviceId, when, reason, false);
}

Result<Job> VscAccessService::updatePinLock(const AccessControl& ac, qint64 deviceId, const LockSchedule& when, const QString& reason)
{
    return schedule(ac, deviceId, when, reason, true);
}

Result<Job> VscAccessService::schedule(const AccessControl& ac, qint64 deviceId, const LockSchedule& when, const QString& reason, bool update)
{
    if (reason.trimmed().isEmpty())
        return reasonRequired();
    auto settings = SettingsService(m_ctx, m_db).load();
    if (!settings)
        return settings.error();
    auto at = resolve(when, *settings);
    if (!at)
        return at.error();
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto card = cardWithLock(ac, deviceId);
    if (!card)
        return card.error();
    const auto& [device, active] = *card;
    // One active lock job per card: a new one only when none is pending, an update only of it.
    if (!update && active.id)
        return Error(ErrorCode::Conflict, QStringLiteral("device %1 already has lock job %2").arg(device.serial).arg(active.id),
            { { QStringLiteral("problem"), QStringLiteral("lock-exists") } });
    if (update && !active.id)
        return noPendingLock(device);
    const QString what = update ? QStringLiteral("PIN lock moved to %1: %2") : QStringLiteral("PIN lock requested for %1: %2");
    auto job = writeLockJob(ac, device, active.id, at->first, at->second, reason.trimmed(), what.arg(describe(at->first, at->second), reason.trimmed()));
    if (!job)
        return job;
    if (auto r = tx.commit(); !r)
        return r.error();
    return job;
}

Result<Job> VscAccessService::cancelPinLock(const AccessControl& ac, qint64 deviceId, const QString& reason)
{
    if (reason.trimmed().isEmpty())
        return reasonRequired();
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto card = cardWithLock(ac, deviceId);
    if (!card)
        return card.error();
    const auto& [device, active] = *card;
    if (!active.id)
        return noPendingLock(device);
    if (auto r = exec(m_db, QStringLiteral("UPDATE jobs SET status = ?, reason = ?, updated_at = ? WHERE id = ?"),
            { jobStatusId(JobStatus::Cancelled), reason.trimmed(), m_ctx.now().toMSecsSinceEpoch(), active.id });
        !r)
        return r.error();
    if (auto r = AuditLog(m_db, m_ctx).append(deviceEvent(m_ctx, ac, Workflow::ManageVscAccess, device, QStringLiteral("PIN lock cancelled: ") + reason.trimmed()));
        !r)
        return r.error();
    auto job = RequestService(m_ctx, m_db).load(active.id);
    if (!job)
        return job;
    if (auto r = tx.commit(); !r)
        return r.error();
    return job;
}

Result<TemporaryAccess> VscAccessService::temporaryUnlock(const AccessControl& ac, qint64 deviceId, const QString& challenge, int hours, const QString& reason)
{
    if (reason.trimmed().isEmpty())
        return reasonRequired();
    if (!temporaryAccessHours().contains(hours))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("%1 hours is not one of the offered durations").arg(hours),
            { { QStringLiteral("problem"), QStringLiteral("unlock-duration") } });
    if (auto r = SettingsService(m_ctx, m_db).requireOn(SettingKey::VscTemporaryUnlock); !r)
        return r.error();
    auto bytes = VscResponse::parseChallenge(challenge);
    if (!bytes)
        return bytes.error();
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto device = loadVsc(ac, deviceId, Workflow::UnlockVscTemporaryAccess, true);
    if (!device)
        return device.error();
    const bool emergency = device->state == DeviceState::Disabled; // a child card, disabled for its parent
    auto response = adminResponse(m_ctx, m_db, *device, *bytes);
    if (!response)
        return response.error();

    TemporaryAccess out { VscResponse::group(*response), {} };
    const QString duration = hours ? QStringLiteral("%1 hours").arg(hours) : QStringLiteral("unrestricted");
    if (hours > 0) {
        // The card locks again when the time is up: the one active lock job moves there.
        auto active = activeLockJob(deviceId);
        if (!active)
            return active.error();
        const QDateTime at = m_ctx.now().addSecs(qint64(hours) * 3600);
        auto relock = writeLockJob(ac, *device, active->id, at, QStringLiteral("UTC"), QStringLiteral("end of temporary access: ") + reason.trimmed(),
            QStringLiteral("re-lock at %1 after temporary access").arg(describe(at, QStringLiteral("UTC"))));
        if (!relock)
            return relock.error();
        out.relockJob = *relock;
    }
    if (auto r = exec(m_db, QStringLiteral("UPDATE devices SET access_locked = 0, updated_at = ? WHERE id = ?"), { m_ctx.now().toMSecsSinceEpoch(), deviceId }); !r)
        return r.error();
    QString enabled;
    if (emergency) {
        // Its certificates come off hold for the hours granted; the housekeeping beat disables
        // it again when they end (endEmergencyAccess). Unrestricted: enabled for good.
        const QVariant until = hours > 0 ? QVariant(m_ctx.now().addSecs(qint64(hours) * 3600).toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
        if (auto r = exec(m_db, QStringLiteral("UPDATE devices SET state = ?, disabled_for_parent = ?, enabled_until = ? WHERE id = ?"),
                { deviceStateId(DeviceState::Active), hours > 0 ? 1 : 0, until, deviceId });
            !r)
            return r.error();
        auto released = CertificateService(m_ctx, m_db).applyToDevice(deviceId, CertificateAction::Release, RevocationReason::Unspecified);
        if (!released)
            return released.error();
        enabled = QStringLiteral("; child card enabled (disabled for its parent), %1 certificate(s) released").arg(*released);
        out.childEnabled = true;
        out.enabledUntil = hours > 0 ? m_ctx.now().addSecs(qint64(hours) * 3600) : QDateTime();
    }
    // Duration and reason are recorded; the key, the challenge and the response never.
    if (auto r = AuditLog(m_db, m_ctx).append(deviceEvent(m_ctx, ac, Workflow::UnlockVscTemporaryAccess, *device,
            QStringLiteral("temporary access response issued (%1): %2%3").arg(duration, reason.trimmed(), enabled)));
        !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return out;
}

} // namespace lanyard
