#include "IncidentService.h"

#include "AuditLog.h"
#include "DeviceService.h"
#include "NotificationComposer.h"
#include "Outbox.h"
#include "RequestService.h"
#include "SettingsSchema.h"
#include "SettingsService.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QLocale>

namespace lanyard {

namespace {
const QString kOpen = QStringLiteral("closed_at IS NULL");

QString kindWord(DeviceOperation kind)
{
    switch (kind) {
    case DeviceOperation::ReplaceLost:
        return QStringLiteral("lost");
    case DeviceOperation::ReplaceStolen:
        return QStringLiteral("stolen");
    case DeviceOperation::ReplaceDamaged:
        return QStringLiteral("damaged");
    default:
        break;
    }
    return QStringLiteral("forgotten");
}

QString utcText(const QDateTime& t)
{
    return QLocale::c().toString(t.toUTC(), QStringLiteral("d MMM yyyy HH:mm 'UTC'"));
}

AuditEvent incidentEvent(const EngineContext& ctx, const AccessControl* ac, const Device& device, const QString& details)
{
    AuditEvent e = AuditLog::event(ctx.now(), ac, workflowId(Workflow::ReportIncident), QStringLiteral("device"), QString::number(device.id), device.serial, details);
    if (!ac)
        e.operatorName = QStringLiteral("incident hold");
    e.personId = device.ownerId;
    e.deviceId = device.id;
    return e;
}
} // namespace

IncidentService::IncidentService(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

Result<DeviceChange> IncidentService::report(const AccessControl& ac, qint64 deviceId, const DeviceAction& report)
{
    if (auto r = ac.require(Workflow::ReportIncident); !r)
        return r.error();
    if (report.details.size() > 2000)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("the details are longer than 2000 characters"),
            { { QStringLiteral("problem"), QStringLiteral("details-too-long") }, { QStringLiteral("field"), QStringLiteral("details") }, { QStringLiteral("maximum"), 2000 } });
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    DeviceService devices(m_ctx, m_db);
    auto device = devices.load(deviceId);
    if (!device)
        return device.error();
    // Whatever the role's scope, a holder reports only their own: another's device looks absent.
    if (device->ownerId != ac.operatorPerson().id)
        return DeviceService::noSuchDevice();
    auto transition = DeviceLifecycle::reportedMissing(device->state, report.operation);
    if (!transition)
        return transition.error();
    auto open = fetchOne(m_db, QStringLiteral("SELECT id, job_id FROM incidents WHERE device_id = ? AND ") + kOpen, { deviceId });
    if (!open)
        return open.error();
    if (!open->isEmpty())
        return Error(ErrorCode::Conflict, QStringLiteral("device %1 was reported already").arg(device->serial),
            { { QStringLiteral("problem"), QStringLiteral("incident-open") }, { QStringLiteral("job"), open->value("job_id").toLongLong() } });
    auto settings = SettingsService(m_ctx, m_db).load();
    if (!settings)
        return settings.error();

    const bool forgotten = report.operation == DeviceOperation::ReplaceForgotten;
    const int holdHours = settings->integer(SettingKey::IncidentHoldHours);
    const QDateTime now = m_ctx.now();
    auto held = devices.applyTransition(*device, *transition, deviceOperationId(report.operation));
    if (!held)
        return held.error();
    const DeviceState before = device->state;
    device->state = transition->to;
    QStringList audit { QStringLiteral("reported %1 by the holder: %2 -> %3").arg(kindWord(report.operation), deviceStateId(before), deviceStateId(device->state)) };
    if (*held > 0)
        audit << DeviceService::certificatesChanged(*held, *transition);
    if (!report.details.trimmed().isEmpty())
        audit << QStringLiteral("details: ") + report.details.trimmed();

    // The replacement waits for the helpdesk: whoever holds the holder's logon must not get a
    // new credential by saying the old one is gone.
    auto job = devices.createReplacementJob(*device, forgotten ? JobType::TemporaryReplacement : JobType::Replacement, JobStatus::AwaitingValidation,
        ac.operatorPerson().id, deviceOperationId(report.operation), report.details.trimmed());
    if (!job)
        return job.error();
    audit << QStringLiteral("job %1 awaits validation").arg(*job);

    QDateTime revokesAt;
    bool revokedNow = false;
    if (!forgotten) {
        revokesAt = now.addSecs(qint64(holdHours) * 3600);
        if (holdHours == 0) {
            auto revoke = DeviceLifecycle::apply(device->state, DeviceOperation::Cancel, DeviceLifecycle::reportedReason(report.operation));
            if (!revoke)
                return revoke.error();
            auto revoked = devices.applyTransition(*device, *revoke, QStringLiteral("revoked"));
            if (!revoked)
                return revoked.error();
            device->state = revoke->to;
            audit << QStringLiteral("revoked at once (incidents.holdHours 0): ") + DeviceService::certificatesChanged(*revoked, *revoke);
            revokedNow = true;
        } else {
            audit << QStringLiteral("revoked at %1 unless reinstated").arg(utcText(revokesAt));
        }
    }
    const qint64 nowMs = now.toMSecsSinceEpoch();
    if (auto r = exec(m_db, QStringLiteral("INSERT INTO incidents (device_id, person_id, kind, details, reported_at, revoke_at, job_id, closed_at, outcome) "
                                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            { deviceId, device->ownerId, kindWord(report.operation), report.details.trimmed(), nowMs,
                forgotten ? QVariant(QMetaType::fromType<qlonglong>()) : QVariant(revokesAt.toMSecsSinceEpoch()), *job,
                revokedNow ? QVariant(nowMs) : QVariant(QMetaType::fromType<qlonglong>()), revokedNow ? QStringLiteral("revoked") : QString() });
        !r)
        return r.error();
    if (settings->value(SettingKey::IncidentHelpdeskEmail).trimmed().isEmpty()) {
        audit << QStringLiteral("no helpdesk address to mail");
    } else if (!settings->boolean(SettingKey::SendEmail)) {
        audit << QStringLiteral("helpdesk not mailed: email notifications are off");
    } else {
        if (auto r = mailHelpdesk(*settings, *device, ac.operatorPerson().logonName, report.operation, report.details.trimmed(), *job, revokedNow ? now : revokesAt); !r)
            return r.error();
        audit << QStringLiteral("helpdesk mailed");
    }
    if (auto r = AuditLog(m_db, m_ctx).append(incidentEvent(m_ctx, &ac, *device, audit.join(QStringLiteral("; ")))); !r)
        return r.error();
    auto replacement = RequestService(m_ctx, m_db).load(*job);
    if (!replacement)
        return replacement.error();
    auto reloaded = devices.load(deviceId);
    if (!reloaded)
        return reloaded.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return DeviceChange { *reloaded, IssuedRequest { *replacement, {}, {}, {} }, std::nullopt, revokedNow ? QDateTime() : revokesAt };
}

Result<void> IncidentService::mailHelpdesk(const Settings& settings, const Device& device, const QString& logonName, DeviceOperation kind, const QString& details,
    qint64 jobId, const QDateTime& revokesAt)
{
    const QString revokes = kind == DeviceOperation::ReplaceForgotten ? QStringLiteral("It is not revoked on its own: Reinstate it when it is found.")
        : revokesAt <= m_ctx.now()                                    ? QStringLiteral("Its certificates are revoked.")
                                                                      : QStringLiteral("It is revoked at %1 unless you reinstate it first.").arg(utcText(revokesAt));
    const QMap<QString, QString> values { { QStringLiteral("FullName"), device.ownerName }, { QStringLiteral("LogonName"), logonName },
        { QStringLiteral("DeviceSerial"), device.serial }, { QStringLiteral("Incident"), kindWord(kind) }, { QStringLiteral("Reported"), utcText(m_ctx.now()) },
        { QStringLiteral("Revokes"), revokes }, { QStringLiteral("Request"), QString::number(jobId) },
        { QStringLiteral("Details"), details.isEmpty() ? QStringLiteral("(nothing)") : details } };
    auto body = NotificationComposer(m_ctx, m_db).compose(QStringLiteral("incident"), QStringLiteral("email"), values, settings);
    if (!body)
        return body.error();
    Notification meta;
    meta.deviceId = device.id;
    meta.channel = QStringLiteral("email");
    meta.recipient = settings.value(SettingKey::IncidentHelpdeskEmail).trimmed();
    meta.templateName = QStringLiteral("incident");
    if (auto r = Outbox(m_ctx, m_db).queue(meta, *body); !r)
        return r.error();
    return {};
}

Result<QString> IncidentService::requestWithdrawn(const Job& job, bool byHolder)
{
    auto open = fetchOne(m_db, QStringLiteral("SELECT id, kind FROM incidents WHERE job_id = ? AND ") + kOpen, { job.id });
    if (!open)
        return open.error();
    if (open->isEmpty())
        return QString();
    if (!byHolder || open->value("kind").toString() != QLatin1String("forgotten"))
        return QStringLiteral("the device stays suspended until the helpdesk reinstates it");
    DeviceService devices(m_ctx, m_db);
    auto device = devices.load(job.deviceId);
    if (!device)
        return device.error();
    auto reinstate = DeviceLifecycle::apply(device->state, DeviceOperation::Reinstate);
    if (!reinstate)
        return QStringLiteral("the device is %1 and stays so").arg(deviceStateId(device->state));
    auto released = devices.applyTransition(*device, *reinstate, QStringLiteral("found"));
    if (!released)
        return released.error();
    return QStringLiteral("device %1 found: reinstated, %2").arg(device->serial, DeviceService::certificatesChanged(*released, *reinstate));
}

Result<int> IncidentService::revokeOverdue()
{
    auto due = exec(m_db, QStringLiteral("SELECT id, device_id, kind FROM incidents WHERE revoke_at IS NOT NULL AND revoke_at <= ? AND ") + kOpen + QStringLiteral(" ORDER BY id"),
        { m_ctx.now().toMSecsSinceEpoch() });
    if (!due)
        return due.error();
    struct Due {
        qint64 incident;
        qint64 device;
        QString kind;
    };
    QList<Due> list;
    const SqlRow row(*due);
    while (due->next())
        list.append({ row.value("id").toLongLong(), row.value("device_id").toLongLong(), row.value("kind").toString() });
    due->finish();
    int revoked = 0;
    DeviceService devices(m_ctx, m_db);
    for (const Due& d : list) {
        // One transaction each: a device that cannot be revoked now does not hold back the rest.
        Transaction tx(m_db, m_ctx.dialect());
        if (auto r = tx.begin(); !r)
            return r.error();
        auto device = devices.load(d.device);
        if (!device)
            return device.error();
        const DeviceOperation kind = d.kind == QLatin1String("damaged") ? DeviceOperation::ReplaceDamaged : DeviceOperation::ReplaceLost;
        QString details;
        if (device->state == DeviceState::Suspended) {
            auto revoke = DeviceLifecycle::apply(device->state, DeviceOperation::Cancel, DeviceLifecycle::reportedReason(kind));
            if (!revoke)
                return revoke.error();
            auto changed = devices.applyTransition(*device, *revoke, QStringLiteral("revoked"));
            if (!changed)
                return changed.error();
            details = QStringLiteral("reported %1, hold ended: suspended -> canceled; %2").arg(d.kind, DeviceService::certificatesChanged(*changed, *revoke));
            ++revoked;
        } else {
            details = QStringLiteral("reported %1, hold ended: the device is %2, left as it is").arg(d.kind, deviceStateId(device->state));
        }
        if (auto r = exec(m_db, QStringLiteral("UPDATE incidents SET closed_at = ?, outcome = ? WHERE id = ? AND ") + kOpen,
                { m_ctx.now().toMSecsSinceEpoch(), device->state == DeviceState::Suspended ? QStringLiteral("revoked") : QStringLiteral("ended"), d.incident });
            !r)
            return r.error();
        if (auto r = AuditLog(m_db, m_ctx).append(incidentEvent(m_ctx, nullptr, *device, details)); !r)
            return r.error();
        if (auto r = tx.commit(); !r)
            return r.error();
    }
    return revoked;
}

} // namespace lanyard
