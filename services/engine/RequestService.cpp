#include "RequestService.h"

#include "AuditLog.h"
#include "CertificateService.h"
#include "DeviceService.h"
#include "IncidentService.h"
#include "NotificationComposer.h"
#include "NotificationPlanner.h"
#include "Outbox.h"
#include "PeopleService.h"
#include "ProfileService.h"
#include "SettingsSchema.h"
#include "SettingsService.h"
#include "pki/AuthCode.h"
#include "pki/CodeComplexity.h"
#include "pki/SecretHash.h"
#include "pki/SecureRandom.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QJsonObject>
#include <QLocale>

namespace lanyard {

namespace {
const QString kJobSelect = QStringLiteral(
    "SELECT j.id, j.job_type, j.status, j.person_id, p.full_name AS person_name, j.device_id, j.profile_id, COALESCE(pr.name, '') AS profile_name, j.requested_by, "
    "COALESCE(rb.full_name, '') AS requested_by_name, j.requested_at, j.validated_by, j.validated_at, j.schedule_at, j.schedule_tz, j.reason, j.details, "
    "j.code_failures, j.code_expires_at, j.collection_token, j.related_job_id, j.issued_device_id, j.code_hash, j.target_dns, j.parent_fingerprint, j.valid_until, j.updated_at "
    "FROM jobs j JOIN people p ON p.id = j.person_id LEFT JOIN profiles pr ON pr.id = j.profile_id "
    "LEFT JOIN people rb ON rb.id = j.requested_by ");

QDateTime optionalTime(const QVariant& v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

Job readJob(const SqlRow& row, QString* codeHash = nullptr)
{
    Job j;
    j.id = row.value("id").toLongLong();
    jobTypeFromId(row.value("job_type").toString(), &j.type);
    jobStatusFromId(row.value("status").toString(), &j.status);
    j.personId = row.value("person_id").toLongLong();
    j.personName = row.value("person_name").toString();
    j.deviceId = row.value("device_id").toLongLong();
    j.profileId = row.value("profile_id").toLongLong();
    j.profileName = row.value("profile_name").toString();
    j.requestedBy = row.value("requested_by").toLongLong();
    j.requestedByName = row.value("requested_by_name").toString();
    j.requestedAt = optionalTime(row.value("requested_at"));
    j.validatedBy = row.value("validated_by").toLongLong();
    j.validatedAt = optionalTime(row.value("validated_at"));
    j.scheduledAt = optionalTime(row.value("schedule_at"));
    j.scheduleTimezone = row.value("schedule_tz").toString();
    j.reason = row.value("reason").toString();
    j.details = row.value("details").toString();
    j.codeFailures = row.value("code_failures").toInt();
    j.codeExpiresAt = optionalTime(row.value("code_expires_at"));
    j.collectionToken = row.value("collection_token").toString();
    j.relatedJobId = row.value("related_job_id").toLongLong();
    j.issuedDeviceId = row.value("issued_device_id").toLongLong();
    if (codeHash)
        *codeHash = row.value("code_hash").toString();
    j.targetComputer = row.value("target_dns").toString();
    j.parentFingerprint = row.value("parent_fingerprint").toString();
    j.validUntil = optionalTime(row.value("valid_until"));
    j.updatedAt = optionalTime(row.value("updated_at"));
    return j;
}

Workflow requestWorkflow(const CredentialProfile& profile, bool forSelf)
{
    // Request My ID is an identity for one's own phone; a card or a derived credential for
    // oneself needs the workflow it needs for anyone else.
    if (forSelf && profile.encoding == CardEncoding::IdentityAgent)
        return Workflow::RequestMyId;
    return profile.encoding == CardEncoding::IdentityAgent || profile.encoding == CardEncoding::DerivedCredential ? Workflow::RequestMobile
                                                                                                                  : Workflow::RequestCard;
}

QString workflowList(const QList<Workflow>& workflows)
{
    QStringList ids;
    for (Workflow w : workflows)
        ids << workflowId(w);
    return ids.join(QLatin1Char(','));
}

Error codeRightsError(const AccessControl& viewer, const Person& holder, const QList<Workflow>& lacking)
{
    return Error(ErrorCode::PermissionDenied,
        QStringLiteral("%1 may not see a code for %2, who holds rights %1 lacks: %3").arg(viewer.operatorPerson().logonName, holder.logonName, workflowList(lacking)),
        { { QStringLiteral("problem"), QStringLiteral("code-rights") }, { QStringLiteral("person"), holder.fullName },
            { QStringLiteral("workflow"), workflowList(lacking) } });
}

AuditEvent jobEvent(const EngineContext& ctx, const AccessControl* ac, const QString& workflow, const Job& job, const QString& details)
{
    AuditEvent e = AuditLog::event(ctx.now(), ac, workflow, QStringLiteral("job"), QString::number(job.id), job.personName, details);
    if (!ac)
        e.operatorName = QStringLiteral("collection");
    e.personId = job.personId;
    e.deviceId = job.deviceId;
    return e;
}
} // namespace

RequestService::RequestService(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

QString RequestService::collectionUrl(const QString& token, const QString& baseUrl) const
{
    QString base = baseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + QStringLiteral("/c/") + token;
}

Result<Job> RequestService::load(qint64 jobId)
{
    auto row = fetchOne(m_db, kJobSelect + QStringLiteral("WHERE j.id = ?"), { jobId });
    if (!row)
        return row.error();
    if (row->isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("job %1").arg(jobId), { { QStringLiteral("what"), QStringLiteral("job") } });
    return readJob(*row);
}

Result<Job> RequestService::loadInScope(const AccessControl& ac, qint64 jobId, Workflow workflow)
{
    auto job = load(jobId);
    if (!job)
        return job;
    auto person = PeopleService(m_ctx, m_db).load(job->personId);
    if (!person)
        return person.error();
    if (auto r = ac.requireTarget(workflow, *person); !r)
        return r.error();
    return job;
}

Result<QList<Job>> RequestService::forDevice(qint64 deviceId, const QList<JobType>& types)
{
    QVariantList binds { deviceId };
    QStringList marks;
    for (JobType t : types) {
        marks << QStringLiteral("?");
        binds << jobTypeId(t);
    }
    auto q = exec(m_db, kJobSelect + QStringLiteral("WHERE j.device_id = ? AND j.job_type IN (%1) ORDER BY j.id DESC").arg(marks.join(QLatin1Char(','))), binds);
    if (!q)
        return q.error();
    QList<Job> out;
    const SqlRow row(*q);
    while (q->next())
        out << readJob(row);
    return out;
}

Result<QList<Job>> RequestService::forPerson(const AccessControl& ac, qint64 personId)
{
    auto person = PeopleService(m_ctx, m_db).get(ac, personId);
    if (!person)
        return person.error();
    auto q = exec(m_db, kJobSelect + QStringLiteral("WHERE j.person_id = ? ORDER BY j.id DESC"), { personId });
    if (!q)
        return q.error();
    QList<Job> out;
    const SqlRow row(*q);
    while (q->next())
        out.append(readJob(row));
    return out;
}

Result<QList<Job>> RequestService::find(const AccessControl& ac, const JobQuery& query)
{
    if (!ac.allows(Workflow::ManageJobs) && !ac.allows(Workflow::ValidateRequest))
        return ac.require(Workflow::ManageJobs).error();
    const Workflow scopeWorkflow = ac.allows(Workflow::ManageJobs) ? Workflow::ManageJobs : Workflow::ValidateRequest;
    QVariantList binds;
    QString where = ac.scopeCondition(scopeWorkflow, &binds);
    // VSC lock jobs belong to Manage VSC Access, not to the job list.
    where += QStringLiteral(" AND j.job_type NOT IN (?, ?)");
    binds << jobTypeId(JobType::PinLock) << jobTypeId(JobType::TemporaryUnlock);
    if (!query.statuses.isEmpty()) {
        QStringList marks;
        for (JobStatus s : query.statuses) {
            marks << QStringLiteral("?");
            binds << jobStatusId(s);
        }
        where += QStringLiteral(" AND j.status IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    if (query.personId > 0) {
        where += QStringLiteral(" AND j.person_id = ?");
        binds << query.personId;
    }
    if (!query.text.trimmed().isEmpty()) {
        const QString key = PeopleService::nameKey(query.text);
        where += QStringLiteral(" AND (p.full_name_key >= ? AND p.full_name_key < ? OR p.logon_name >= ? AND p.logon_name < ?)");
        binds << key << key + QChar(0xFFFF) << query.text.trimmed() << query.text.trimmed() + QChar(0xFFFF);
    }
    auto q = exec(m_db, kJobSelect + QStringLiteral("WHERE %1 ORDER BY j.id DESC LIMIT %2 OFFSET %3").arg(where).arg(qBound(1, query.limit, 1000)).arg(qMax(0, query.offset)), binds);
    if (!q)
        return q.error();
    QList<Job> out;
    const SqlRow row(*q);
    while (q->next())
        out.append(readJob(row));
    return out;
}

Result<Job> RequestService::cancel(const AccessControl& ac, qint64 jobId, const QString& reason)
{
    if (reason.trimmed().isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("a reason is required"), { { QStringLiteral("problem"), QStringLiteral("reason-required") } });
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto job = loadInScope(ac, jobId, Workflow::ManageJobs);
    // Holders cancel their own requests (Report Incident); never a PIN lock or an unlock an
    // operator set on their card.
    bool byHolder = false;
    if (!job && job.error().code != ErrorCode::StorageFailure && job.error().code != ErrorCode::StorageBusy && ac.allows(Workflow::ReportIncident)) {
        auto own = load(jobId);
        if (!own && own.error().code != ErrorCode::NotFound)
            return own;
        if (own && own->personId == ac.operatorPerson().id) {
            const QList<JobType> requests { JobType::Issue, JobType::Replacement, JobType::TemporaryReplacement, JobType::Renewal, JobType::Update };
            if (!requests.contains(own->type))
                return Error(ErrorCode::PermissionDenied, QStringLiteral("a holder cancels only their own requests for credentials"),
                    { { QStringLiteral("workflow"), workflowId(Workflow::ManageJobs) } });
            job = *own;
            byHolder = true;
        }
    }
    if (!job)
        return job;
    if (isTerminal(job->status) || job->status == JobStatus::InProgress)
        return Error(ErrorCode::InvalidTransition, QStringLiteral("job %1 is %2").arg(jobId).arg(jobStatusId(job->status)),
            { { QStringLiteral("operation"), QStringLiteral("cancel-job") }, { QStringLiteral("state"), jobStatusId(job->status) } });
    if (auto r = exec(m_db, QStringLiteral("UPDATE jobs SET status = ?, code_hash = '', reason = ?, updated_at = ? WHERE id = ?"),
            { jobStatusId(JobStatus::Cancelled), reason.trimmed(), m_ctx.now().toMSecsSinceEpoch(), jobId });
        !r)
        return r.error();
    job->status = JobStatus::Cancelled;
    job->reason = reason.trimmed();
    auto followed = IncidentService(m_ctx, m_db).requestWithdrawn(*job, byHolder);
    if (!followed)
        return followed.error();
    QString details = (byHolder ? QStringLiteral("cancelled by the holder: ") : QStringLiteral("cancelled: ")) + reason.trimmed();
    if (!followed->isEmpty())
        details += QStringLiteral("; ") + *followed;
    if (auto r = AuditLog(m_db, m_ctx).append(jobEvent(m_ctx, &ac, workflowId(byHolder ? Workflow::ReportIncident : Workflow::ManageJobs), *job, details)); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return job;
}

Result<QList<Notification>> RequestService::queueNotifications(const Job& job, bool showCode, const QString& url, const QString& code,
    const Settings& settings)
{
    Outbox outbox(m_ctx, m_db);
    // A new code makes messages still waiting with the old one pointless.
    if (auto r = outbox.supersedeQueued(job.id); !r)
        return r.error();
    auto profile = ProfileService(m_ctx, m_db).profile(job.profileId);
    if (!profile)
        return profile.error();
    auto person = PeopleService(m_ctx, m_db).load(job.personId);
    if (!person)
        return person.error();
    auto planned = NotificationPlanner::plan(profile->notificationScheme, *person, showCode, NotificationPlanner::channelsOf(settings), profile->encoding);
    if (!planned)
        return planned.error();
    const QMap<QString, QString> values { { QStringLiteral("FullName"), person->fullName }, { QStringLiteral("Url"), url },
        { QStringLiteral("Code"), AuthCode::group(code) },
        { QStringLiteral("Expires"), QLocale::c().toString(job.codeExpiresAt.toUTC(), QStringLiteral("d MMM yyyy HH:mm 'UTC'")) },
        { QStringLiteral("AndroidUrl"), settings.value(SettingKey::AndroidAppUrl) }, { QStringLiteral("IosUrl"), settings.value(SettingKey::IosAppUrl) } };
    NotificationComposer composer(m_ctx, m_db);
    QList<Notification> out;
    for (const NotificationPlanner::Planned& p : *planned) {
        auto body = composer.compose(p.templateName, p.channel, values, settings);
        if (!body)
            return body.error();
        Notification meta;
        meta.jobId = job.id;
        meta.channel = p.channel;
        meta.recipient = p.recipient;
        meta.templateName = p.templateName;
        auto queued = outbox.queue(meta, *body);
        if (!queued)
            return queued.error();
        out.append(*queued);
    }
    return out;
}

Result<IssuedRequest> RequestService::issueCode(Job job, bool showCode, const QString& auditWorkflow, const AccessControl* ac, const QString& note)
{
    auto settings = SettingsService(m_ctx, m_db).load();
    if (!settings)
        return settings.error();
    auto complexity = CodeComplexity::parse(settings->value(SettingKey::CodeComplexity));
    if (!complexity)
        return complexity.error();
    const QString code = AuthCode::generate(*complexity);
    const QDateTime now = m_ctx.now();
    const QDateTime expires = showCode ? now.addSecs(qint64(settings->integer(SettingKey::CodeImmediateLifetimeMinutes)) * 60)
                                       : now.addDays(settings->integer(SettingKey::CodeLongLifetimeDays));
    if (job.collectionToken.isEmpty())
        job.collectionToken = randomToken();
    // A new code replaces the previous one: same token, new hash, failures reset.
    if (auto r = exec(m_db, QStringLiteral("UPDATE jobs SET status = ?, code_hash = ?, code_failures = 0, code_expires_at = ?, collection_token = ?, updated_at = ? WHERE id = ?"),
            { jobStatusId(JobStatus::AwaitingIssue), SecretHash::make(code), expires.toMSecsSinceEpoch(), job.collectionToken,
                now.toMSecsSinceEpoch(), job.id });
        !r)
        return r.error();
    job.status = JobStatus::AwaitingIssue;
    job.codeFailures = 0;
    job.codeExpiresAt = expires;
    const QString url = collectionUrl(job.collectionToken, settings->value(SettingKey::CollectionBaseUrl));
    auto queued = queueNotifications(job, showCode, url, code, *settings);
    if (!queued)
        return queued.error();
    QString details = note;
    details += (details.isEmpty() ? QString() : QStringLiteral("; ")) + (showCode ? QStringLiteral("code shown on screen") : QStringLiteral("code sent by notification"));
    for (const Notification& n : *queued)
        details += QStringLiteral("; %1 to %2 queued (%3)").arg(n.channel, n.recipient, n.templateName);
    if (auto r = AuditLog(m_db, m_ctx).append(jobEvent(m_ctx, ac, auditWorkflow, job, details)); !r)
        return r.error();
    IssuedRequest out;
    out.job = job;
    out.collectionUrl = url;
    out.notifications = *queued;
    if (showCode)
        out.code = AuthCode::group(code);
    return out;
}

Result<IssuedRequest> RequestService::request(const AccessControl& ac, qint64 personId, qint64 profileId, bool showCode, const QString& targetComputer,
    const ParentBinding* parent)
{
    const QString target = targetComputer.trimmed().toLower();
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto person = PeopleService(m_ctx, m_db).load(personId);
    if (!person)
        return person.error();
    ProfileService profiles(m_ctx, m_db);
    auto profile = profiles.profile(profileId);
    if (!profile)
        return profile.error();
    const Workflow workflow = requestWorkflow(*profile, personId == ac.operatorPerson().id && !ac.allows(Workflow::RequestMobile));
    if (auto r = ac.requireTarget(workflow, *person); !r)
        return r.error();
    if (!person->enabled)
        return Error(ErrorCode::AccountDisabled, QStringLiteral("%1 is disabled").arg(person->logonName));
    if (profile->encoding == CardEncoding::VirtualSmartCard) {
        if (auto r = SettingsService(m_ctx, m_db).requireOn(SettingKey::VscEnabled); !r)
            return r.error();
    }
    // A computer is chosen for a card only where devices are managed from Lanyard.
    if (!target.isEmpty()) {
        if (auto r = SettingsService(m_ctx, m_db).requireOn(SettingKey::DeviceManagement); !r)
            return r.error();
    }
    auto allowed = profiles.requestable(ac.roleIds(), personId);
    if (!allowed)
        return allowed.error();
    const bool offered = std::any_of(allowed->cbegin(), allowed->cend(), [&](const CredentialProfile& p) { return p.id == profileId; });
    if (!offered || !profile->isCurrent)
        return Error(ErrorCode::ProfileNotAvailable, QStringLiteral("profile %1 cannot be requested for %2").arg(profile->name, person->logonName),
            { { QStringLiteral("profile"), profile->name } });
    // A credential group holds one device per person: without "cancel the previous one" a new
    // request waits until the earlier device is cancelled; with it, the new device replaces it.
    if (!profile->credentialGroup.trimmed().isEmpty() && !profile->cancelPrevious) {
        auto held = DeviceService(m_ctx, m_db).liveOfGroup(personId, profile->credentialGroup);
        if (!held)
            return held.error();
        if (!held->isEmpty())
            return Error(ErrorCode::Conflict,
                QStringLiteral("%1 holds %2 of the credential group %3 already").arg(person->logonName, held->first().serial, profile->credentialGroup),
                { { QStringLiteral("problem"), QStringLiteral("group-held") }, { QStringLiteral("device"), held->first().serial },
                    { QStringLiteral("group"), profile->credentialGroup }, { QStringLiteral("profile"), profile->name } });
    }
    // The holder collects with the code, so their roles must allow collecting it (Can Collect):
    // refused now rather than when they try.
    auto mayCollect = profiles.personHolds(personId, profileId, ProfileRight::Collect);
    if (!mayCollect)
        return mayCollect.error();
    if (!*mayCollect)
        return Error(ErrorCode::ProfileNotAvailable, QStringLiteral("no role of %1 may collect %2").arg(person->logonName, profile->name),
            { { QStringLiteral("profile"), profile->name }, { QStringLiteral("problem"), QStringLiteral("profile-right") }, { QStringLiteral("right"), QStringLiteral("collect") } });
    // Refuse now, not when the phone or card collects, what the person's record cannot fill in.
    for (const ProfilePolicy& pp : profile->policies) {
        auto policy = profiles.policy(pp.policyId);
        if (!policy)
            return policy.error();
        if (auto names = CertificateService::requireAlternativeNames(*policy, *person); !names)
            return names.error();
    }
    if (!target.isEmpty()) {
        if (profile->encoding != CardEncoding::VirtualSmartCard)
            return Error(ErrorCode::InvalidArgument, QStringLiteral("only a virtual smart card is made for one computer"),
                { { QStringLiteral("problem"), QStringLiteral("target-not-vsc") } });
        auto known = fetchValue(m_db, QStringLiteral("SELECT COUNT(*) FROM registered_hardware WHERE kind = 'computer' AND identifier = ? AND active = 1"), { target });
        if (!known)
            return known.error();
        if (known->toInt() == 0)
            return Error(ErrorCode::NotFound, QStringLiteral("%1 is not a registered computer").arg(target),
                { { QStringLiteral("problem"), QStringLiteral("target-unknown") }, { QStringLiteral("computer"), target } });
    }
    auto settings = SettingsService(m_ctx, m_db).load();
    if (!settings)
        return settings.error();
    // Refuse now, not at delivery, when the scheme cannot reach the person.
    if (auto planned = NotificationPlanner::plan(profile->notificationScheme, *person, showCode, NotificationPlanner::channelsOf(*settings), profile->encoding);
        !planned)
        return planned.error();
    // The kiosk's holder proved themself with their card; anyone else who would see the code
    // of someone holding more rights needs a second operator who holds them.
    QList<Workflow> lacking;
    if (showCode && !parent) {
        auto l = AccessControl::lackedFor(m_db, ac, personId);
        if (!l)
            return l.error();
        lacking = *l;
    }
    const bool needsValidation = profile->requiresValidation || !lacking.isEmpty();
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    const JobStatus status = needsValidation ? JobStatus::AwaitingValidation : JobStatus::AwaitingIssue;
    if (parent && profile->encoding != CardEncoding::DerivedCredential)
        return Error(ErrorCode::ProfileNotAvailable, QStringLiteral("%1 is not a derived-credential profile").arg(profile->name),
            { { QStringLiteral("profile"), profile->name } });
    auto q = fetchOne(m_db,
        QStringLiteral("INSERT INTO jobs (job_type, status, person_id, profile_id, requested_by, requested_at, updated_at, target_dns, "
                       "parent_certificate, parent_fingerprint, valid_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        { jobTypeId(JobType::Issue), jobStatusId(status), personId, profileId, ac.operatorPerson().id, now, now, target,
            parent ? QString::fromLatin1(parent->certificatePem) : QString(), parent ? parent->fingerprint : QString(),
            parent ? QVariant(parent->validUntil.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong)) });
    if (!q)
        return q.error();
    auto job = load(q->value("id").toLongLong());
    if (!job)
        return job.error();
    Result<IssuedRequest> out = IssuedRequest { *job, {}, {}, {} };
    if (needsValidation) {
        const QString why = lacking.isEmpty() ? QString()
                                              : QStringLiteral(" by an operator who holds what %1 lacks of %2's rights (%3), because the code was to be shown")
                                                    .arg(ac.operatorPerson().logonName, person->logonName, workflowList(lacking));
        if (auto r = AuditLog(m_db, m_ctx).append(jobEvent(m_ctx, &ac, workflowId(workflow), *job,
                QStringLiteral("profile %1; awaiting validation%2").arg(profile->name, why)));
            !r)
            return r.error();
    } else {
        out = issueCode(*job, showCode, workflowId(workflow), &ac, QStringLiteral("profile %1").arg(profile->name));
        if (!out)
            return out;
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return out;
}

Result<IssuedRequest> RequestService::validate(const AccessControl& ac, qint64 jobId, bool approve, bool showCode)
{
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto job = loadInScope(ac, jobId, Workflow::ValidateRequest);
    if (!job)
        return job.error();
    if (job->status != JobStatus::AwaitingValidation)
        return Error(ErrorCode::InvalidTransition, QStringLiteral("job %1 is not awaiting validation").arg(jobId),
            { { QStringLiteral("operation"), QStringLiteral("validate") }, { QStringLiteral("state"), jobStatusId(job->status) } });
    if (job->requestedBy == ac.operatorPerson().id)
        return Error(ErrorCode::PermissionDenied, QStringLiteral("the requester cannot validate their own request"),
            { { QStringLiteral("workflow"), workflowId(Workflow::ValidateRequest) }, { QStringLiteral("problem"), QStringLiteral("own-request") } });
    // Validate Request lets an operator validate; the profile's role matrix says for which
    // credentials (Can Validate).
    auto mayValidate = ProfileService(m_ctx, m_db).rolesHold(ac.roleIds(), job->profileId, ProfileRight::Validate);
    if (!mayValidate)
        return mayValidate.error();
    if (!*mayValidate)
        return Error(ErrorCode::PermissionDenied, QStringLiteral("no role of %1 may validate %2 requests").arg(ac.operatorPerson().logonName, job->profileName),
            { { QStringLiteral("workflow"), workflowId(Workflow::ValidateRequest) }, { QStringLiteral("problem"), QStringLiteral("profile-right") },
                { QStringLiteral("right"), QStringLiteral("validate") }, { QStringLiteral("profile"), job->profileName } });
    if (approve && showCode) {
        if (auto refused = refuseCodeView(ac, *job, Workflow::ValidateRequest); !refused) {
            if (auto c = tx.commit(); !c) // keeps the refusal's audit event, the only change made
                return c.error();
            return refused.error();
        }
    }
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    if (auto r = exec(m_db, QStringLiteral("UPDATE jobs SET validated_by = ?, validated_at = ?, status = ?, updated_at = ? WHERE id = ?"),
            { ac.operatorPerson().id, now, jobStatusId(approve ? JobStatus::AwaitingIssue : JobStatus::Cancelled), now, jobId });
        !r)
        return r.error();
    job->validatedBy = ac.operatorPerson().id;
    Result<IssuedRequest> out = IssuedRequest { *job, {}, {}, {} };
    if (approve) {
        out = issueCode(*job, showCode, workflowId(Workflow::ValidateRequest), &ac, QStringLiteral("approved"));
        if (!out)
            return out;
    } else {
        out->job.status = JobStatus::Cancelled;
        if (auto r = AuditLog(m_db, m_ctx).append(jobEvent(m_ctx, &ac, workflowId(Workflow::ValidateRequest), *job, QStringLiteral("rejected"))); !r)
            return r.error();
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return out;
}

Result<IssuedRequest> RequestService::regenerateCode(const AccessControl& ac, qint64 jobId, bool showCode)
{
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto job = loadInScope(ac, jobId, Workflow::ManageJobs);
    if (!job)
        return job.error();
    const bool collectable = job->status == JobStatus::AwaitingIssue || job->status == JobStatus::Locked || job->status == JobStatus::Expired;
    const bool collectType = job->type == JobType::Issue || job->type == JobType::Replacement || job->type == JobType::TemporaryReplacement
        || job->type == JobType::Update || job->type == JobType::Renewal;
    if (!collectable || !collectType)
        return Error(ErrorCode::InvalidTransition, QStringLiteral("job %1 (%2) takes no new code").arg(jobId).arg(jobStatusId(job->status)),
            { { QStringLiteral("operation"), QStringLiteral("regenerate-code") }, { QStringLiteral("state"), jobStatusId(job->status) } });
    if (showCode) {
        if (auto refused = refuseCodeView(ac, *job, Workflow::ManageJobs); !refused) {
            if (auto c = tx.commit(); !c) // keeps the refusal's audit event, the only change made
                return c.error();
            return refused.error();
        }
    }
    auto out = issueCode(*job, showCode, workflowId(Workflow::ManageJobs), &ac, QStringLiteral("new code replaces the previous one"));
    if (!out)
        return out;
    if (auto r = tx.commit(); !r)
        return r.error();
    return out;
}

Result<IssuedRequest> RequestService::requestRenewal(const AccessControl& ac, qint64 deviceId, bool update, bool showCode)
{
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    const Workflow workflow = update ? Workflow::RequestUpdate : Workflow::RequestRenewal;
    DeviceService devices(m_ctx, m_db);
    auto device = devices.loadInScope(ac, deviceId, workflow);
    // The holder's own way (Renew my ID): a renewal, of their own device, inside the window.
    bool selfService = false;
    if (!device) {
        if (update || !ac.allows(Workflow::RequestMyId) || device.error().code == ErrorCode::StorageFailure || device.error().code == ErrorCode::StorageBusy)
            return device.error();
        auto own = devices.load(deviceId);
        if (!own || own->ownerId != ac.operatorPerson().id)
            return device.error();
        device = own;
        selfService = true;
    }
    auto holder = PeopleService(m_ctx, m_db).load(device->ownerId);
    if (!holder)
        return holder.error();
    auto settings = SettingsService(m_ctx, m_db).load();
    if (!settings)
        return settings.error();
    const QDateTime now = m_ctx.now();
    if (device->state != DeviceState::Active || device->type != CardEncoding::IdentityAgent)
        return Error(ErrorCode::InvalidTransition, QStringLiteral("device %1 (%2, %3) is not an active mobile identity").arg(device->serial, cardEncodingId(device->type), deviceStateId(device->state)),
            { { QStringLiteral("operation"), workflowId(workflow) }, { QStringLiteral("state"), deviceStateId(device->state) } });
    if (!holder->enabled)
        return Error(ErrorCode::AccountDisabled, QStringLiteral("%1 is disabled").arg(holder->logonName));
    if (selfService) {
        const int window = settings->integer(SettingKey::RenewalWindowDays);
        const QDateTime opensAt = device->expiresAt.addDays(-window);
        if (window <= 0 || now < opensAt)
            return Error(ErrorCode::PermissionDenied,
                window <= 0 ? QStringLiteral("renewal is done by the helpdesk") : QStringLiteral("renewal opens on %1").arg(opensAt.toString(Qt::ISODate)),
                { { QStringLiteral("problem"), QStringLiteral("renewal-window") }, { QStringLiteral("opensAt"), window <= 0 ? QString() : opensAt.toUTC().toString(Qt::ISODate) },
                    { QStringLiteral("workflow"), workflowId(workflow) } });
    }
    auto open = forDevice(deviceId, { JobType::Renewal, JobType::Update });
    if (!open)
        return open.error();
    for (const Job& j : *open) {
        if (!isTerminal(j.status))
            return Error(ErrorCode::Conflict, QStringLiteral("request %1 already renews or updates %2").arg(j.id).arg(device->serial),
                { { QStringLiteral("problem"), QStringLiteral("renewal-open") }, { QStringLiteral("job"), j.id } });
    }
    // Renewal keeps the version the device was issued under; Update moves to the current one.
    qint64 profileId = device->profileId;
    if (update) {
        auto current = fetchValue(m_db, QStringLiteral("SELECT c.id FROM profiles c JOIN profiles o ON o.lineage = c.lineage WHERE o.id = ? AND c.is_current = 1"), { device->profileId });
        if (!current)
            return current.error();
        if (!current->isNull())
            profileId = current->toLongLong();
    }
    ProfileService profiles(m_ctx, m_db);
    auto profile = profiles.profile(profileId);
    if (!profile)
        return profile.error();
    auto mayCollect = profiles.personHolds(holder->id, profileId, ProfileRight::Collect);
    if (!mayCollect)
        return mayCollect.error();
    if (!*mayCollect)
        return Error(ErrorCode::ProfileNotAvailable, QStringLiteral("no role of %1 may collect %2").arg(holder->logonName, profile->name),
            { { QStringLiteral("profile"), profile->name }, { QStringLiteral("problem"), QStringLiteral("profile-right") }, { QStringLiteral("right"), QStringLiteral("collect") } });
    if (auto planned = NotificationPlanner::plan(profile->notificationScheme, *holder, showCode, NotificationPlanner::channelsOf(*settings), profile->encoding); !planned)
        return planned.error();
    QList<Workflow> lacking;
    if (showCode && !selfService) {
        auto l = AccessControl::lackedFor(m_db, ac, holder->id);
        if (!l)
            return l.error();
        lacking = *l;
    }
    // The holder renewing what was validated once needs no second operator; anything else
    // follows the profile's rule, and a shown code the viewer's rights.
    const bool needsValidation = (!selfService && profile->requiresValidation) || !lacking.isEmpty();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    auto q = fetchOne(m_db,
        QStringLiteral("INSERT INTO jobs (job_type, status, person_id, device_id, profile_id, requested_by, requested_at, updated_at) VALUES (?,?,?,?,?,?,?,?) RETURNING id"),
        { jobTypeId(update ? JobType::Update : JobType::Renewal), jobStatusId(needsValidation ? JobStatus::AwaitingValidation : JobStatus::AwaitingIssue), holder->id,
            deviceId, profileId, ac.operatorPerson().id, nowMs, nowMs });
    if (!q)
        return q.error();
    auto job = load(q->value("id").toLongLong());
    if (!job)
        return job.error();
    const QString note = QStringLiteral("%1 of %2 under %3 version %4%5")
                             .arg(update ? QStringLiteral("update") : QStringLiteral("renewal"), device->serial, profile->name)
                             .arg(profile->version)
                             .arg(selfService ? QStringLiteral(" (by the holder)") : QString());
    Result<IssuedRequest> out = IssuedRequest { *job, {}, {}, {} };
    if (needsValidation) {
        if (auto r = AuditLog(m_db, m_ctx).append(jobEvent(m_ctx, &ac, workflowId(selfService ? Workflow::RequestMyId : workflow), *job, note + QStringLiteral("; awaiting validation")));
            !r)
            return r.error();
    } else {
        out = issueCode(*job, showCode, workflowId(selfService ? Workflow::RequestMyId : workflow), &ac, note);
        if (!out)
            return out;
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return out;
}

Result<IssuedRequest> RequestService::deliverReplacement(const AccessControl& ac, qint64 jobId, bool showCode, Workflow workflow)
{
    // A savepoint of its own: a refusal leaves the caller's device action whole.
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto job = load(jobId);
    if (!job)
        return job.error();
    auto profile = ProfileService(m_ctx, m_db).profile(job->profileId);
    if (!profile)
        return profile.error();
    QList<Workflow> lacking;
    if (showCode) {
        auto l = AccessControl::lackedFor(m_db, ac, job->personId);
        if (!l)
            return l.error();
        lacking = *l;
    }
    const QString note = QStringLiteral("replacement for device %1").arg(job->deviceId);
    if (profile->requiresValidation || !lacking.isEmpty()) {
        if (auto r = exec(m_db, QStringLiteral("UPDATE jobs SET status = ?, updated_at = ? WHERE id = ?"),
                { jobStatusId(JobStatus::AwaitingValidation), m_ctx.now().toMSecsSinceEpoch(), jobId });
            !r)
            return r.error();
        job->status = JobStatus::AwaitingValidation;
        const QString why = lacking.isEmpty() ? QStringLiteral("the profile needs validation")
                                              : QStringLiteral("its code was to be shown and %1 lacks %2's rights (%3)")
                                                    .arg(ac.operatorPerson().logonName, job->personName, workflowList(lacking));
        if (auto r = AuditLog(m_db, m_ctx).append(jobEvent(m_ctx, &ac, workflowId(workflow), *job, QStringLiteral("%1; awaiting validation: %2").arg(note, why))); !r)
            return r.error();
        if (auto r = tx.commit(); !r)
            return r.error();
        return IssuedRequest { *job, {}, {}, {} };
    }
    auto out = issueCode(*job, showCode, workflowId(workflow), &ac, note);
    if (!out)
        return out;
    if (auto r = tx.commit(); !r)
        return r.error();
    return out;
}

Result<void> RequestService::refuseCodeView(const AccessControl& ac, const Job& job, Workflow workflow)
{
    auto lacking = AccessControl::lackedFor(m_db, ac, job.personId);
    if (!lacking)
        return lacking.error();
    if (lacking->isEmpty())
        return {};
    auto holder = PeopleService(m_ctx, m_db).load(job.personId);
    if (!holder)
        return holder.error();
    const Error refused = codeRightsError(ac, *holder, *lacking);
    AuditEvent e = jobEvent(m_ctx, &ac, workflowId(workflow), job, QStringLiteral("refused: ") + refused.detail);
    e.outcome = QStringLiteral("refused");
    if (auto r = AuditLog(m_db, m_ctx).append(e); !r)
        return r.error();
    return refused;
}

Result<Job> RequestService::loadByToken(const QString& token, QString* codeHash)
{
    auto row = fetchOne(m_db, kJobSelect + QStringLiteral("WHERE j.collection_token = ?"), { token });
    if (!row)
        return row.error();
    if (row->isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("unknown collection token"), { { QStringLiteral("what"), QStringLiteral("collection") } });
    return readJob(*row, codeHash);
}

AuditEvent RequestService::jobEvent(const EngineContext& ctx, const AccessControl* ac, const QString& workflow, const Job& job, const QString& details)
{
    return lanyard::jobEvent(ctx, ac, workflow, job, details);
}

} // namespace lanyard
