#include "VscHolderService.h"

#include "AuditLog.h"
#include "CertificateService.h"
#include "DeviceService.h"
#include "RequestService.h"
#include "VscAccessService.h"
#include "pki/Certificate.h"
#include "pki/SecureRandom.h"
#include "pki/VscResponse.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

namespace lanyard {

namespace {
const QByteArray kPukPurpose = "vsc-puk";
const QString kSelfService = QStringLiteral("self-service");

AuditEvent holderEvent(const EngineContext& ctx, const AccessControl& ac, const Device& device, const QString& details)
{
    AuditEvent e = AuditLog::event(ctx.now(), &ac, kSelfService, QStringLiteral("device"), QString::number(device.id),
        device.dnsName.isEmpty() ? device.serial : device.dnsName, details);
    e.personId = device.ownerId;
    e.deviceId = device.id;
    return e;
}

Error notYours()
{
    // Somebody else's card looks the same as no card: the caller learns nothing about it.
    return Error(ErrorCode::NotFound, QStringLiteral("no card of yours matches"), { { QStringLiteral("what"), QStringLiteral("device") } });
}
} // namespace

VscHolderService::VscHolderService(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

Result<Device> VscHolderService::ownCard(const AccessControl& ac, qint64 deviceId)
{
    auto device = DeviceService(m_ctx, m_db).load(deviceId);
    if (!device) {
        if (device.error().code == ErrorCode::NotFound)
            return notYours();
        return device;
    }
    if (device->ownerId != ac.operatorPerson().id || device->type != CardEncoding::VirtualSmartCard)
        return notYours();
    return device;
}

Result<QString> VscHolderService::heldPuk(qint64 deviceId)
{
    auto wrapped = fetchOne(m_db, QStringLiteral("SELECT puk_wrapped FROM devices WHERE id = ?"), { deviceId });
    if (!wrapped)
        return wrapped.error();
    if (wrapped->value("puk_wrapped").isNull())
        return QString();
    auto puk = m_ctx.keyWrapper->unwrap(wrapped->value("puk_wrapped").toByteArray(), kPukPurpose);
    if (!puk)
        return puk.error();
    return QString::fromLatin1(*puk);
}

Result<QList<VscLockTask>> VscHolderService::dueLocks(const AccessControl& ac, const QString& dnsName)
{
    const QString host = dnsName.trimmed().toLower();
    if (host.isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("the computer's full DNS name is required"), { { QStringLiteral("problem"), QStringLiteral("dns-name") } });
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    // Due: at the next run (no instant) or once the instant has passed.
    auto q = exec(m_db, QStringLiteral("SELECT j.id AS job_id, d.id AS device_id FROM jobs j JOIN devices d ON d.id = j.device_id "
                                       "WHERE j.job_type = ? AND j.status = ? AND d.owner_id = ? AND LOWER(d.dns_name) = ? AND d.state <> ? "
                                       "AND (j.schedule_at IS NULL OR j.schedule_at <= ?) ORDER BY j.id"),
        { jobTypeId(JobType::PinLock), jobStatusId(JobStatus::AwaitingIssue), ac.operatorPerson().id, host, deviceStateId(DeviceState::Canceled), now });
    if (!q)
        return q.error();
    QList<std::pair<qint64, qint64>> due;
    const SqlRow row(*q);
    while (q->next())
        due.append({ row.value("job_id").toLongLong(), row.value("device_id").toLongLong() });
    q->finish();

    QList<VscLockTask> tasks;
    for (const auto& [jobId, deviceId] : due) {
        VscLockTask task;
        auto job = RequestService(m_ctx, m_db).load(jobId);
        if (!job)
            return job.error();
        auto device = DeviceService(m_ctx, m_db).load(deviceId);
        if (!device)
            return device.error();
        auto certificates = CertificateService(m_ctx, m_db).forDevice(deviceId);
        if (!certificates)
            return certificates.error();
        for (const CertificateRecord& c : *certificates)
            task.certificates.append(c.der);
        auto puk = heldPuk(deviceId);
        if (!puk)
            return puk.error();
        task.job = *job;
        task.device = *device;
        task.puk = *puk;
        tasks.append(task);
    }
    return tasks;
}

Result<Job> VscHolderService::reportLock(const AccessControl& ac, const VscLockOutcome& outcome)
{
    if (!outcome.applied && outcome.reason.trimmed().isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("a failed lock needs its reason"), { { QStringLiteral("problem"), QStringLiteral("reason-required") } });
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto job = RequestService(m_ctx, m_db).load(outcome.jobId);
    if (!job || job->type != JobType::PinLock)
        return Error(ErrorCode::NotFound, QStringLiteral("lock job %1").arg(outcome.jobId), { { QStringLiteral("what"), QStringLiteral("lock job") } });
    auto device = ownCard(ac, job->deviceId);
    if (!device)
        return device.error();
    const QDateTime now = m_ctx.now();
    if (job->status != JobStatus::AwaitingIssue || (job->scheduledAt.isValid() && job->scheduledAt > now))
        return Error(ErrorCode::InvalidTransition, QStringLiteral("lock job %1 is not due").arg(job->id),
            { { QStringLiteral("operation"), QStringLiteral("report-lock") }, { QStringLiteral("state"), jobStatusId(job->status) } });
    const JobStatus status = outcome.applied ? JobStatus::Completed : JobStatus::Failed;
    if (auto r = exec(m_db, QStringLiteral("UPDATE jobs SET status = ?, details = ?, updated_at = ? WHERE id = ? AND status = ?"),
            { jobStatusId(status), outcome.applied ? QString() : outcome.reason.trimmed(), now.toMSecsSinceEpoch(), job->id, jobStatusId(JobStatus::AwaitingIssue) });
        !r)
        return r.error();
    if (outcome.applied) {
        if (auto r = exec(m_db, QStringLiteral("UPDATE devices SET access_locked = 1, updated_at = ? WHERE id = ?"), { now.toMSecsSinceEpoch(), device->id }); !r)
            return r.error();
    }
    const QString details = outcome.applied ? QStringLiteral("PIN lock %1 applied on the computer").arg(job->id)
                                            : QStringLiteral("PIN lock %1 failed on the computer: %2").arg(job->id).arg(outcome.reason.trimmed());
    if (auto r = AuditLog(m_db, m_ctx).append(holderEvent(m_ctx, ac, *device, details)); !r)
        return r.error();
    auto done = RequestService(m_ctx, m_db).load(job->id);
    if (!done)
        return done;
    if (auto r = tx.commit(); !r)
        return r.error();
    return done;
}

Result<VscUnblockChallenge> VscHolderService::unblockChallenge(const AccessControl& ac, const QByteArray& cardCertificate)
{
    auto certificate = Certificate::fromDer(cardCertificate);
    if (!certificate)
        return certificate.error();
    auto row = exec(m_db, QStringLiteral("SELECT device_id, der FROM certificates WHERE serial = ?"), { certificate->serialHex() });
    if (!row)
        return row.error();
    qint64 deviceId = 0;
    const SqlRow issued(*row);
    while (row->next()) {
        if (issued.value("der").toByteArray() == certificate->toDer())
            deviceId = issued.value("device_id").toLongLong();
    }
    row->finish();
    if (!deviceId)
        return notYours();
    auto device = ownCard(ac, deviceId);
    if (!device)
        return device.error();
    auto puk = heldPuk(device->id);
    if (!puk)
        return puk.error();
    if (puk->isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("Lanyard holds no PUK for card %1").arg(device->serial), { { QStringLiteral("what"), QStringLiteral("held PUK") } });

    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    // The open challenge stays the same until it is used or expires: the holder may be on the
    // phone with the helpdesk when Self-Service asks again, and the code they are given must
    // still fit.
    auto open = fetchOne(m_db, QStringLiteral("SELECT challenge, expires_at FROM vsc_unblock_challenges WHERE device_id = ? AND expires_at > ?"),
        { device->id, m_ctx.now().toMSecsSinceEpoch() });
    if (!open)
        return open.error();
    if (!open->isEmpty())
        return VscUnblockChallenge { device->id, device->serial, VscResponse::group(QByteArray::fromHex(open->value("challenge").toString().toLatin1())),
            QDateTime::fromMSecsSinceEpoch(open->value("expires_at").toLongLong(), Qt::UTC) };
    const QByteArray challenge = secureRandomBytes(8);
    const QDateTime expires = m_ctx.now().addSecs(kChallengeSeconds);
    if (auto r = exec(m_db, QStringLiteral("DELETE FROM vsc_unblock_challenges WHERE device_id = ?"), { device->id }); !r)
        return r.error();
    if (auto r = exec(m_db, QStringLiteral("INSERT INTO vsc_unblock_challenges (device_id, challenge, expires_at) VALUES (?, ?, ?)"),
            { device->id, QString::fromLatin1(challenge.toHex()), expires.toMSecsSinceEpoch() });
        !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return VscUnblockChallenge { device->id, device->serial, VscResponse::group(challenge), expires };
}

Result<QString> VscHolderService::releasePuk(const AccessControl& ac, qint64 deviceId, const QString& response)
{
    auto typed = VscResponse::parseChallenge(response); // the same 16 hex digits, typed the same way
    if (!typed)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("the unlock code has 16 hex digits (0-9, A-F)"), { { QStringLiteral("problem"), QStringLiteral("unlock-response") } });
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto device = ownCard(ac, deviceId);
    if (!device)
        return device.error();
    auto open = exec(m_db, QStringLiteral("SELECT challenge, expires_at FROM vsc_unblock_challenges WHERE device_id = ?"), { deviceId });
    if (!open)
        return open.error();
    if (!open->next())
        return Error(ErrorCode::PossessionFailed, QStringLiteral("no open unblock challenge for %1").arg(device->serial),
            { { QStringLiteral("problem"), QStringLiteral("challenge-expired") } });
    const SqlRow row(*open);
    const QByteArray challenge = QByteArray::fromHex(row.value("challenge").toString().toLatin1());
    const qint64 expiresAt = row.value("expires_at").toLongLong();
    open->finish();
    if (expiresAt < m_ctx.now().toMSecsSinceEpoch()) {
        if (auto r = exec(m_db, QStringLiteral("DELETE FROM vsc_unblock_challenges WHERE device_id = ?"), { deviceId }); !r)
            return r.error();
        if (auto r = tx.commit(); !r)
            return r.error();
        return Error(ErrorCode::PossessionFailed, QStringLiteral("the unblock challenge for %1 expired").arg(device->serial),
            { { QStringLiteral("problem"), QStringLiteral("challenge-expired") } });
    }
    auto expected = VscAccessService::adminResponse(m_ctx, m_db, *device, challenge);
    if (!expected)
        return expected.error();
    if (*expected != *typed)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("this unlock code does not answer the challenge; check it with the helpdesk"),
            { { QStringLiteral("problem"), QStringLiteral("unlock-response-wrong") } });
    auto puk = heldPuk(deviceId);
    if (!puk)
        return puk.error();
    if (auto r = exec(m_db, QStringLiteral("DELETE FROM vsc_unblock_challenges WHERE device_id = ?"), { deviceId }); !r)
        return r.error();
    if (auto r = AuditLog(m_db, m_ctx).append(holderEvent(m_ctx, ac, *device, QStringLiteral("held PUK released against the helpdesk's unlock code")));
        !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return *puk;
}

} // namespace lanyard
