#include "DeviceService.h"

#include "AuditLog.h"
#include "CertificateService.h"
#include "Job.h"
#include "PeopleService.h"
#include "ProfileService.h"
#include "SecurityQuestions.h"
#include "SettingsSchema.h"
#include "SettingsService.h"
#include "pki/SecureRandom.h"
#include "pki/UnlockCode.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

namespace lanyard {

namespace {
const QString kDeviceSelect = QStringLiteral(
    "SELECT d.id, d.serial, d.device_type, d.platform, d.hardware_serial, d.dns_name, d.owner_id, p.full_name AS owner_name, d.profile_id, pr.name AS profile_name, "
    "pr.version AS profile_version, d.state, d.expires_at, d.parent_device_id, d.access_locked, d.disabled_with_account, "
    "COALESCE((SELECT pp.name FROM profiles pp WHERE pp.lineage = pr.parent_lineage AND pp.is_current = 1 LIMIT 1), "
    "(SELECT cp.name FROM profiles cp WHERE cp.parent_lineage = pr.lineage AND cp.is_current = 1 ORDER BY cp.id LIMIT 1), '') AS associated_profile "
    "FROM devices d JOIN people p ON p.id = d.owner_id JOIN profiles pr ON pr.id = d.profile_id ");

Device readDevice(const SqlRow& row)
{
    Device d;
    d.id = row.value("id").toLongLong();
    d.serial = row.value("serial").toString();
    cardEncodingFromId(row.value("device_type").toString(), &d.type);
    d.platform = row.value("platform").toString();
    d.hardwareSerial = row.value("hardware_serial").toString();
    d.dnsName = row.value("dns_name").toString();
    d.ownerId = row.value("owner_id").toLongLong();
    d.ownerName = row.value("owner_name").toString();
    d.profileId = row.value("profile_id").toLongLong();
    d.profileName = row.value("profile_name").toString();
    d.profileVersion = row.value("profile_version").toInt();
    deviceStateFromId(row.value("state").toString(), &d.state);
    d.expiresAt = QDateTime::fromMSecsSinceEpoch(row.value("expires_at").toLongLong(), Qt::UTC);
    d.parentDeviceId = row.value("parent_device_id").toLongLong();
    d.accessLocked = row.value("access_locked").toInt() != 0;
    d.disabledWithAccount = row.value("disabled_with_account").toInt() != 0;
    d.associatedProfileName = row.value("associated_profile").toString();
    return d;
}
Result<QList<Device>> readDevices(Result<QSqlQuery>& q)
{
    if (!q)
        return q.error();
    QList<Device> out;
    const SqlRow row(*q);
    while (q->next())
        out.append(readDevice(row));
    return out;
}
} // namespace

DeviceService::DeviceService(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

Error DeviceService::noSuchDevice()
{
    return Error(ErrorCode::NotFound, QStringLiteral("no such device"), { { QStringLiteral("what"), QStringLiteral("device") } });
}

Result<Device> DeviceService::load(qint64 id)
{
    auto row = fetchOne(m_db, kDeviceSelect + QStringLiteral("WHERE d.id = ?"), { id });
    if (!row)
        return row.error();
    if (row->isEmpty())
        return noSuchDevice();
    return readDevice(*row);
}

Result<Device> DeviceService::loadInScope(const AccessControl& ac, qint64 id, Workflow workflow)
{
    auto d = load(id);
    if (!d)
        return d;
    auto owner = PeopleService(m_ctx, m_db).load(d->ownerId);
    if (!owner)
        return owner.error();
    if (auto r = ac.requireTarget(workflow, *owner); !r)
        return r.error().code == ErrorCode::NotFound ? noSuchDevice() : r.error(); // out of scope looks absent
    return d;
}

Result<Device> DeviceService::get(const AccessControl& ac, qint64 id)
{
    return loadInScope(ac, id, Workflow::FindPerson);
}

Result<QList<Device>> DeviceService::forPerson(const AccessControl& ac, qint64 personId)
{
    auto owner = PeopleService(m_ctx, m_db).get(ac, personId);
    if (!owner)
        return owner.error();
    auto q = exec(m_db, kDeviceSelect + QStringLiteral("WHERE d.owner_id = ? ORDER BY d.id DESC"), { personId });
    return readDevices(q);
}

Result<QList<Device>> DeviceService::find(const AccessControl& ac, const QString& text, int limit)
{
    if (auto r = ac.require(Workflow::FindPerson); !r)
        return r.error();
    const QString t = text.trimmed();
    if (t.isEmpty())
        return QList<Device>();
    QVariantList binds;
    const QString scope = ac.scopeCondition(Workflow::FindPerson, &binds);
    const QString upper = t.toUpper();
    const QString lower = t.toLower();
    // Also by the owner: name or logon prefix, as Find Person matches them.
    const QString key = PeopleService::nameKey(t);
    binds << upper << upper + QChar(0xFFFF) << t << t + QChar(0xFFFF) << lower << lower + QChar(0xFFFF) << key << key + QChar(0xFFFF) << lower
          << lower + QChar(0xFFFF);
    auto q = exec(m_db, kDeviceSelect + QStringLiteral("WHERE %1 AND ((d.serial >= ? AND d.serial < ?) OR (d.hardware_serial >= ? AND d.hardware_serial < ?) "
                                                       "OR (d.dns_name >= ? AND d.dns_name < ?) OR (p.full_name_key >= ? AND p.full_name_key < ?) "
                                                       "OR (p.logon_name >= ? AND p.logon_name < ?)) ORDER BY d.serial LIMIT %2")
                                        .arg(scope)
                                        .arg(qBound(1, limit, 1000)),
        binds);
    return readDevices(q);
}

Result<QList<Device>> DeviceService::liveOfGroup(qint64 ownerId, const QString& group, qint64 except)
{
    // A device belongs to the group its profile names now (the current version), so a group set
    // after issuance covers the devices already issued.
    auto q = exec(m_db, QStringLiteral("SELECT d.id FROM devices d JOIN profiles v ON v.id = d.profile_id "
                                       "JOIN profiles p ON p.lineage = v.lineage AND p.is_current = 1 WHERE d.owner_id = ? AND d.id <> ? "
                                       "AND p.credential_group = ? AND d.state <> ? ORDER BY d.id"),
        { ownerId, except, group.trimmed(), deviceStateId(DeviceState::Canceled) });
    if (!q)
        return q.error();
    QList<qint64> ids;
    const SqlRow row(*q);
    while (q->next())
        ids << row.value("id").toLongLong();
    QList<Device> out;
    for (qint64 id : ids) {
        auto d = load(id);
        if (!d)
            return d.error();
        out << *d;
    }
    return out;
}

Result<QStringList> DeviceService::cancelEarlierOfGroup(const Device& issued, const CredentialProfile& profile, qint64 now)
{
    if (!profile.cancelPrevious || profile.credentialGroup.trimmed().isEmpty())
        return QStringList {};
    auto earlier = liveOfGroup(issued.ownerId, profile.credentialGroup, issued.id);
    if (!earlier)
        return earlier.error();
    CertificateService certs(m_ctx, m_db);
    QStringList serials;
    for (const Device& d : *earlier) {
        if (auto r = exec(m_db, QStringLiteral("UPDATE devices SET state = ?, updated_at = ? WHERE id = ?"), { deviceStateId(DeviceState::Canceled), now, d.id }); !r)
            return r.error();
        if (auto r = certs.applyToDevice(d.id, CertificateAction::Revoke, RevocationReason::Superseded); !r)
            return r.error();
        serials << d.serial;
    }
    return serials;
}

Result<void> DeviceService::cancelTemporaryReplacements(qint64 deviceId, qint64 now)
{
    auto jobs = exec(m_db, QStringLiteral("SELECT id, status, issued_device_id FROM jobs WHERE job_type = ? AND device_id = ?"),
        { jobTypeId(JobType::TemporaryReplacement), deviceId });
    if (!jobs)
        return jobs.error();
    QList<qint64> openJobs, issuedDevices;
    const SqlRow job(*jobs);
    while (jobs->next()) {
        JobStatus status = JobStatus::AwaitingIssue;
        jobStatusFromId(job.value("status").toString(), &status);
        if (!isTerminal(status))
            openJobs.append(job.value("id").toLongLong());
        if (!job.value("issued_device_id").isNull())
            issuedDevices.append(job.value("issued_device_id").toLongLong());
    }
    for (qint64 job : openJobs) {
        if (auto r = exec(m_db, QStringLiteral("UPDATE jobs SET status = ?, updated_at = ?, code_hash = '' WHERE id = ?"),
                { jobStatusId(JobStatus::Cancelled), now, job });
            !r)
            return r.error();
    }
    CertificateService certs(m_ctx, m_db);
    for (qint64 temp : issuedDevices) {
        if (auto r = exec(m_db, QStringLiteral("UPDATE devices SET state = ?, updated_at = ? WHERE id = ? AND state <> ?"),
                { deviceStateId(DeviceState::Canceled), now, temp, deviceStateId(DeviceState::Canceled) });
            !r)
            return r.error();
        if (auto r = certs.applyToDevice(temp, CertificateAction::Revoke, RevocationReason::Superseded); !r)
            return r.error();
    }
    return {};
}

Result<QString> DeviceService::unlockCode(const AccessControl& ac, qint64 deviceId, const QString& challenge, const QStringList& answers)
{
    auto digits = UnlockCode::normaliseChallenge(challenge);
    if (!digits)
        return digits.error();
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto device = loadInScope(ac, deviceId, Workflow::UnlockCredential);
    if (!device)
        return device.error();
    // The profile's role matrix must also say Can Unlock for one of the operator's roles.
    auto canUnlock = ProfileService(m_ctx, m_db).rolesHold(ac.roleIds(), device->profileId, ProfileRight::Unlock);
    if (!canUnlock)
        return canUnlock.error();
    if (!*canUnlock)
        return Error(ErrorCode::PermissionDenied, QStringLiteral("no role of %1 may unlock %2 credentials").arg(ac.operatorPerson().logonName, device->profileName),
            { { QStringLiteral("workflow"), workflowId(Workflow::UnlockCredential) } });
    if (device->type != CardEncoding::IdentityAgent && device->type != CardEncoding::DerivedCredential)
        return Error(ErrorCode::InvalidTransition, QStringLiteral("only mobile credentials take unlock codes"),
            { { QStringLiteral("operation"), QStringLiteral("unlock") }, { QStringLiteral("state"), cardEncodingId(device->type) } });
    if (device->state != DeviceState::Active)
        return Error(ErrorCode::InvalidTransition, QStringLiteral("device %1 is %2").arg(device->serial, deviceStateId(device->state)),
            { { QStringLiteral("operation"), QStringLiteral("unlock") }, { QStringLiteral("state"), deviceStateId(device->state) } });
    // A policy that an unlock needs the holder's biometrics checked is one this desk and a
    // phone's credential cannot meet, so it refuses rather than unlock without the check.
    auto settings = SettingsService(m_ctx, m_db).load();
    if (!settings)
        return settings.error();
    if (settings->boolean(SettingKey::BiometricOnUnlock))
        return Error(ErrorCode::BiometricsIncompatible, QStringLiteral("biometric verification on unlock is switched on"),
            { { QStringLiteral("problem"), QStringLiteral("biometric-unlock") }, { QStringLiteral("setting"), SettingKey::BiometricOnUnlock } });
    const auto unlockEvent = [&](const QString& details) {
        AuditEvent e = AuditLog::event(m_ctx.now(), &ac, workflowId(Workflow::UnlockCredential), QStringLiteral("device"), QString::number(deviceId), device->serial, details);
        e.personId = device->ownerId;
        e.deviceId = deviceId;
        return e;
    };
    // Answers the operator chose to ask for are checked too: a check that is typed is never ignored.
    if (settings->boolean(SettingKey::UnlockChecksSecurityQuestions) || !answers.isEmpty()) {
        if (auto checked = SecurityQuestions(m_ctx, m_db).check(device->ownerId, answers); !checked) {
            AuditEvent e = unlockEvent(QStringLiteral("refused: ") + checked.error().detail);
            e.outcome = QStringLiteral("refused");
            if (auto r = AuditLog(m_db, m_ctx).append(e); !r)
                return r.error();
            // The wrong answer counts: committed with the refusal.
            if (auto r = tx.commit(); !r)
                return r.error();
            return checked.error();
        }
    }
    auto key = unlockKeyOf(deviceId, device->serial, true);
    if (!key)
        return key.error();
    const QString response = UnlockCode::response(*key, *digits);
    // Neither challenge nor code: they are one-use secrets.
    if (auto r = AuditLog(m_db, m_ctx).append(unlockEvent(QStringLiteral("unlock code issued for a challenge"))); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return UnlockCode::group(response);
}

QString DeviceService::certificatesChanged(int count, const DeviceTransition& transition)
{
    return QStringLiteral("%1 certificate(s) %2")
        .arg(count)
        .arg(transition.certificates == CertificateAction::Hold  ? QStringLiteral("on hold")
                : transition.certificates == CertificateAction::Release ? QStringLiteral("released")
                                                                        : QStringLiteral("revoked (") + revocationReasonId(transition.revocationReason) + QLatin1Char(')'));
}

Result<int> DeviceService::applyTransition(const Device& device, const DeviceTransition& transition, const QString& outcome, qint64* endedRenewals)
{
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    // A lifecycle step decides the device's state from here on: a child card's emergency
    // access or its being disabled for its parent no longer applies.
    if (auto r = exec(m_db, QStringLiteral("UPDATE devices SET state = ?, updated_at = ?, disabled_for_parent = 0, enabled_until = NULL WHERE id = ?"),
            { deviceStateId(transition.to), now, device.id });
        !r)
        return r.error();
    auto changed = CertificateService(m_ctx, m_db).applyToDevice(device.id, transition.certificates, transition.revocationReason);
    if (!changed)
        return changed.error();
    // A renewal or update waiting for this device ends when the device stops being active: its
    // code must not bring certificates to a disabled or cancelled device.
    if (transition.to != DeviceState::Active) {
        auto ended = exec(m_db, QStringLiteral("UPDATE jobs SET status = ?, reason = ?, code_hash = '', updated_at = ? WHERE device_id = ? AND job_type IN (?, ?) AND status IN (?, ?, ?)"),
            { jobStatusId(JobStatus::Cancelled), QStringLiteral("the device is %1").arg(deviceStateId(transition.to)), now, device.id, jobTypeId(JobType::Renewal),
                jobTypeId(JobType::Update), jobStatusId(JobStatus::AwaitingValidation), jobStatusId(JobStatus::AwaitingIssue), jobStatusId(JobStatus::Locked) });
        if (!ended)
            return ended.error();
        if (endedRenewals)
            *endedRenewals = ended->numRowsAffected();
    }
    if (transition.cancelsTemporaryReplacement) {
        if (auto r = cancelTemporaryReplacements(device.id, now); !r)
            return r.error();
    }
    // Whoever moves a suspended device on has dealt with what its holder reported: a hold
    // must not later revoke a device the helpdesk reinstated.
    if (device.state == DeviceState::Suspended && transition.to != DeviceState::Suspended) {
        if (auto r = exec(m_db, QStringLiteral("UPDATE incidents SET closed_at = ?, outcome = ? WHERE device_id = ? AND closed_at IS NULL"), { now, outcome, device.id }); !r)
            return r.error();
    }
    return *changed;
}

Result<qint64> DeviceService::createReplacementJob(const Device& device, JobType type, JobStatus status, qint64 requestedBy, const QString& reason,
    const QString& details)
{
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    auto q = fetchOne(m_db,
        QStringLiteral("INSERT INTO jobs (job_type, status, person_id, device_id, profile_id, requested_by, requested_at, reason, details, updated_at) "
                       "VALUES (?, ?, ?, ?, (SELECT c.id FROM profiles c JOIN profiles o ON o.lineage = c.lineage WHERE o.id = ? AND c.is_current = 1), "
                       "?, ?, ?, ?, ?) RETURNING id"),
        { jobTypeId(type), jobStatusId(status), device.ownerId, device.id, device.profileId, requestedBy, now, reason, details, now });
    if (!q)
        return q.error();
    return q->value("id").toLongLong();
}

Result<Device> DeviceService::change(const AccessControl& ac, qint64 deviceId, const DeviceAction& action, qint64* replacementJob)
{
    const Workflow workflow = DeviceLifecycle::workflowFor(action.operation);
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto device = loadInScope(ac, deviceId, workflow);
    if (!device)
        return device;
    const bool needsReason = action.operation == DeviceOperation::Disable || action.operation == DeviceOperation::Cancel;
    if (needsReason && action.reason.trimmed().isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("a reason is required"), { { QStringLiteral("problem"), QStringLiteral("reason-required") } });
    auto transition = DeviceLifecycle::apply(device->state, action.operation, action.cancelReason);
    if (!transition)
        return transition.error();
    qint64 endedRenewals = 0;
    auto changed = applyTransition(*device, *transition, deviceOperationId(action.operation), &endedRenewals);
    if (!changed)
        return changed.error();
    qint64 newJob = 0;
    if (transition->createsReplacementJob || transition->createsTemporaryReplacementJob) {
        auto job = createReplacementJob(*device, transition->createsReplacementJob ? JobType::Replacement : JobType::TemporaryReplacement, JobStatus::AwaitingIssue,
            ac.operatorPerson().id, deviceOperationId(action.operation), action.details);
        if (!job)
            return job.error();
        newJob = *job;
    }
    AuditEvent e = AuditLog::event(m_ctx.now(), &ac, workflowId(workflow), QStringLiteral("device"), QString::number(deviceId),
        device->dnsName.isEmpty() ? device->serial : device->serial + QLatin1Char(' ') + device->dnsName);
    e.personId = device->ownerId;
    e.deviceId = deviceId;
    QStringList details { QStringLiteral("%1: %2 -> %3").arg(deviceOperationId(action.operation), deviceStateId(device->state), deviceStateId(transition->to)) };
    if (!action.reason.isEmpty())
        details << QStringLiteral("reason: ") + action.reason;
    if (!action.details.isEmpty())
        details << QStringLiteral("details: ") + action.details;
    if (*changed > 0)
        details << certificatesChanged(*changed, *transition);
    if (newJob > 0)
        details << QStringLiteral("job %1 created").arg(newJob);
    if (endedRenewals > 0)
        details << QStringLiteral("%1 open renewal(s) cancelled").arg(endedRenewals);
    e.details = details.join(QStringLiteral("; "));
    if (auto r = AuditLog(m_db, m_ctx).append(e); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    device->state = transition->to;
    if (replacementJob)
        *replacementJob = newJob;
    return device;
}

Result<QByteArray> DeviceService::unlockKeyOf(qint64 deviceId, const QString& serial, bool required)
{
    auto wrapped = fetchOne(m_db, QStringLiteral("SELECT unlock_key_wrapped FROM devices WHERE id = ?"), { deviceId });
    if (!wrapped)
        return wrapped.error();
    if (wrapped->isEmpty() || wrapped->value("unlock_key_wrapped").isNull()) {
        if (!required)
            return QByteArray();
        return Error(ErrorCode::NotFound, QStringLiteral("device %1 has no unlock key").arg(serial), { { QStringLiteral("what"), QStringLiteral("unlock key") } });
    }
    return m_ctx.keyWrapper->unwrap(wrapped->value("unlock_key_wrapped").toByteArray(), "unlock-key");
}

Result<CollectedDevice> DeviceService::existingCollected(qint64 deviceId)
{
    auto device = load(deviceId);
    if (!device)
        return device.error();
    auto key = unlockKeyOf(device->id, device->serial, false);
    if (!key)
        return key.error();
    return CollectedDevice { device->id, device->serial, *key, {}, {} };
}

Result<CollectedDevice> DeviceService::createCollected(qint64 ownerId, const CredentialProfile& profile, const DeviceFacts& facts, const QDateTime& expires)
{
    const QString prefix = profile.encoding == CardEncoding::IdentityAgent ? QStringLiteral("MI")
        : profile.encoding == CardEncoding::VirtualSmartCard              ? QStringLiteral("VSC")
        : profile.encoding == CardEncoding::DerivedCredential             ? QStringLiteral("DC")
                                                                          : QStringLiteral("PIV");
    CollectedDevice made;
    made.serial = prefix + QLatin1Char('-') + QString::fromLatin1(secureRandomBytes(6).toHex().toUpper());
    made.unlockKey = secureRandomBytes(32);
    auto wrapped = m_ctx.keyWrapper->wrap(made.unlockKey, "unlock-key");
    if (!wrapped)
        return wrapped.error();
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    auto ins = fetchOne(m_db,
        QStringLiteral("INSERT INTO devices (serial, device_type, platform, hardware_serial, dns_name, owner_id, profile_id, state, "
                       "expires_at, created_at, updated_at, unlock_key_wrapped) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id"),
        { made.serial, cardEncodingId(profile.encoding), facts.platform, facts.hardwareSerial, facts.dnsName, ownerId, profile.id,
            deviceStateId(DeviceState::Issued), expires.toMSecsSinceEpoch(), now, now, *wrapped });
    if (!ins)
        return ins.error();
    made.id = ins->value("id").toLongLong();
    if (profile.encoding == CardEncoding::VirtualSmartCard) {
        // The card's administrator key: the computer sets it when it creates the VSC, the
        // engine keeps it wrapped to answer challenges (Unlock VSC Temporary Access).
        made.vscAdminKey = secureRandomBytes(24);
        auto adminWrapped = m_ctx.keyWrapper->wrap(made.vscAdminKey, "vsc-admin-key");
        if (!adminWrapped)
            return adminWrapped.error();
        // And its PUK: a lock resets the PIN with it, and the holder unblocks only through
        // the helpdesk. Nobody is shown it.
        for (int i = 0; i < 8; ++i)
            made.vscPuk.append(QChar(u'0' + int(secureRandomBelow(10))));
        auto pukWrapped = m_ctx.keyWrapper->wrap(made.vscPuk.toLatin1(), "vsc-puk");
        if (!pukWrapped)
            return pukWrapped.error();
        if (auto r = exec(m_db, QStringLiteral("UPDATE devices SET admin_key_wrapped = ?, puk_wrapped = ? WHERE id = ?"), { *adminWrapped, *pukWrapped, made.id }); !r)
            return r.error();
    }
    return made;
}

} // namespace lanyard
