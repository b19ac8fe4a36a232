#include "CollectionService.h"

#include "AuditLog.h"
#include "CertificateRecord.h"
#include "CertificateService.h"
#include "CollectionBundleBuilder.h"
#include "DeviceService.h"
#include "PeopleService.h"
#include "ProfileService.h"
#include "RequestService.h"
#include "SettingsSchema.h"
#include "SettingsService.h"
#include "VscAccessService.h"
#include "pki/AuthCode.h"
#include "pki/CertificateRequest.h"
#include "pki/KeyTransport.h"
#include "pki/SecretHash.h"
#include "pki/SecureRandom.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace lanyard {

namespace {
const QString kOpen = QStringLiteral("open");
const QString kIssued = QStringLiteral("issued");
const QString kConfirmed = QStringLiteral("confirmed");
const QString kAbandoned = QStringLiteral("abandoned");

struct SessionRow {
    QString id;
    qint64 jobId = 0;
    QString state;
    DeviceFacts facts;
    qint64 deviceId = 0;
    QByteArray bundleWrapped;
    QDateTime createdAt;
    QDateTime expiresAt;
};

Result<SessionRow> loadSession(const QSqlDatabase& db, const QString& id)
{
    auto row = fetchOne(db, QStringLiteral("SELECT id, job_id, state, hardware_serial, platform, model, device_id, bundle_wrapped, created_at, expires_at, "
                                           "dns_name FROM collection_sessions WHERE id = ?"),
        { id });
    if (!row)
        return row.error();
    if (row->isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("unknown collection session"), { { QStringLiteral("what"), QStringLiteral("collection session") } });
    SessionRow s;
    s.id = row->value("id").toString();
    s.jobId = row->value("job_id").toLongLong();
    s.state = row->value("state").toString();
    s.facts.hardwareSerial = row->value("hardware_serial").toString();
    s.facts.platform = row->value("platform").toString();
    s.facts.model = row->value("model").toString();
    s.deviceId = row->value("device_id").toLongLong();
    s.bundleWrapped = row->value("bundle_wrapped").toByteArray();
    s.createdAt = QDateTime::fromMSecsSinceEpoch(row->value("created_at").toLongLong(), Qt::UTC);
    s.expiresAt = QDateTime::fromMSecsSinceEpoch(row->value("expires_at").toLongLong(), Qt::UTC);
    s.facts.dnsName = row->value("dns_name").toString();
    return s;
}

// The engine makes (or recovers) the key only when the policy archives keys: for any other
// certificate (one that authenticates or signs) nobody but its holder may ever have the key.
bool serverKey(const CertificatePolicy& policy, KeyRecovery)
{
    return policy.archiveKeys;
}

// Recovery applies only to policies that archive keys; a profile saved before that rule was
// enforced issues new keys instead.
KeyRecovery effectiveRecovery(const CertificatePolicy& policy, KeyRecovery recovery)
{
    return policy.archiveKeys ? recovery : KeyRecovery::IssueNew;
}

bool collectsIntoExistingDevice(const Job& job)
{
    return (job.type == JobType::Update || job.type == JobType::Renewal) && job.deviceId > 0;
}

// A renewal or update brings certificates only to a device that is still active: one disabled
// or cancelled since the request is refused at every step (`step`: collect, confirm).
Error notRenewable(const Device& device, const QString& step)
{
    return Error(ErrorCode::InvalidTransition, QStringLiteral("%1 is %2: only an active device is renewed").arg(device.serial, deviceStateId(device.state)),
        { { QStringLiteral("operation"), step }, { QStringLiteral("state"), deviceStateId(device.state) } });
}
} // namespace

CollectionService::CollectionService(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

Result<void> CollectionService::checkDevice(const Job& job, DeviceRestriction restriction, const DeviceFacts& facts)
{
    if (restriction == DeviceRestriction::Any)
        return {};
    auto row = fetchOne(m_db, QStringLiteral("SELECT owner_id FROM registered_hardware WHERE kind = 'phone' AND identifier = ? AND active = 1"),
        { facts.hardwareSerial.trimmed() });
    if (!row)
        return row.error();
    const bool known = !row->isEmpty() && !facts.hardwareSerial.trimmed().isEmpty();
    const bool mine = known && row->value("owner_id").toLongLong() == job.personId;
    if (restriction == DeviceRestriction::KnownMobiles ? known : mine)
        return {};
    return Error(ErrorCode::DeviceNotAllowed,
        QStringLiteral("phone '%1' is not allowed by the %2 restriction").arg(facts.hardwareSerial, deviceRestrictionId(restriction)),
        { { QStringLiteral("restriction"), deviceRestrictionId(restriction) } });
}

Result<CollectionSession> CollectionService::start(const CollectionStart& request)
{
    if (auto r = expireSessions(); !r)
        return r.error();
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    QString codeHash;
    RequestService requests(m_ctx, m_db);
    auto job = requests.loadByToken(request.token, &codeHash);
    if (!job)
        return job.error();
    auto settings = SettingsService(m_ctx, m_db).load();
    if (!settings)
        return settings.error();
    const QDateTime now = m_ctx.now();
    AuditLog audit(m_db, m_ctx);
    // A refusal is audited, and what it changed (failure count, lock, expiry) is kept, so the
    // transaction commits before the error is answered.
    const auto refuse = [&](const Error& e) -> Result<CollectionSession> {
        AuditEvent ev = RequestService::jobEvent(m_ctx, nullptr, QStringLiteral("collect"), *job, e.detail);
        ev.outcome = QStringLiteral("refused");
        if (auto r = audit.append(ev); !r)
            return r.error();
        if (auto r = tx.commit(); !r)
            return r.error();
        return e;
    };

    switch (job->status) {
    case JobStatus::AwaitingIssue:
        break;
    case JobStatus::Locked:
        return Error(ErrorCode::CodeLocked, QStringLiteral("the code is locked after too many wrong tries"));
    case JobStatus::InProgress:
    case JobStatus::Completed:
        return Error(ErrorCode::CodeUsed, QStringLiteral("the code is in use or was used"));
    case JobStatus::Expired:
        return Error(ErrorCode::CodeExpired, QStringLiteral("the request has expired"));
    default:
        return Error(ErrorCode::InvalidTransition, QStringLiteral("the request cannot be collected (%1)").arg(jobStatusId(job->status)),
            { { QStringLiteral("operation"), QStringLiteral("collect") }, { QStringLiteral("state"), jobStatusId(job->status) } });
    }
    if (codeHash.isEmpty())
        return Error(ErrorCode::CodeUsed, QStringLiteral("the request has no unused code"));
    if (job->codeExpiresAt.isValid() && job->codeExpiresAt <= now) {
        if (auto r = exec(m_db, QStringLiteral("UPDATE jobs SET status = ?, updated_at = ? WHERE id = ?"),
                { jobStatusId(JobStatus::Expired), now.toMSecsSinceEpoch(), job->id });
            !r)
            return r.error();
        return refuse(Error(ErrorCode::CodeExpired, QStringLiteral("the code has expired")));
    }

    if (job->validUntil.isValid() && job->validUntil <= now)
        return Error(ErrorCode::CertificateExpired, QStringLiteral("the PIV card this credential derives from has expired"),
            { { QStringLiteral("problem"), QStringLiteral("parent-expired") }, { QStringLiteral("notAfter"), job->validUntil } });

    // Settings that make mobile issuance impossible are said before a code is spent on them.
    const int maxSessions = settings->integer(SettingKey::MaxSessionCount);
    if (maxSessions == 0)
        return Error(ErrorCode::MobileIssuanceDisabled, QStringLiteral("mobile issuance is switched off (maximum session count 0)"));
    if (settings->boolean(SettingKey::BiometricOnUpdate) || settings->boolean(SettingKey::BiometricOnUnlock))
        return Error(ErrorCode::BiometricsIncompatible, QStringLiteral("biometric verification on update or unlock is switched on"));
    if (maxSessions > 0) {
        auto open = fetchValue(m_db, QStringLiteral("SELECT COUNT(*) FROM collection_sessions WHERE state IN ('open', 'issued') AND expires_at > ?"),
            { now.toMSecsSinceEpoch() });
        if (!open)
            return open.error();
        if (open->toInt() >= maxSessions)
            return Error(ErrorCode::ServiceBusy, QStringLiteral("too many collections are in progress; try again shortly"),
                { { QStringLiteral("retryAfter"), settings->integer(SettingKey::AgentRetryDelaySeconds) } });
    }

    if (!SecretHash::verify(AuthCode::normalise(request.code), codeHash)) {
        const int maxFailures = settings->integer(SettingKey::CodeMaxFailures);
        const int failures = job->codeFailures + 1;
        const bool lock = failures >= maxFailures;
        if (auto r = exec(m_db, QStringLiteral("UPDATE jobs SET code_failures = ?, status = ?, updated_at = ? WHERE id = ?"),
                { failures, jobStatusId(lock ? JobStatus::Locked : JobStatus::AwaitingIssue), now.toMSecsSinceEpoch(), job->id });
            !r)
            return r.error();
        return refuse(lock ? Error(ErrorCode::CodeLocked, QStringLiteral("wrong code; the code is now locked"))
                           : Error(ErrorCode::CodeInvalid, QStringLiteral("wrong code"), { { QStringLiteral("triesLeft"), maxFailures - failures } }));
    }

    ProfileService profiles(m_ctx, m_db);
    auto profile = profiles.profile(job->profileId);
    if (!profile)
        return profile.error();
    // Roles change between request and collection: the holder must still be allowed to collect.
    auto mayCollect = profiles.personHolds(job->personId, job->profileId, ProfileRight::Collect);
    if (!mayCollect)
        return mayCollect.error();
    if (!*mayCollect)
        return refuse(Error(ErrorCode::ProfileNotAvailable, QStringLiteral("%1 may no longer collect %2").arg(job->personName, profile->name),
            { { QStringLiteral("profile"), profile->name }, { QStringLiteral("problem"), QStringLiteral("profile-right") }, { QStringLiteral("right"), QStringLiteral("collect") } }));
    if (auto r = checkDevice(*job, profile->deviceRestriction, request.device); !r)
        return refuse(r.error());
    if (!job->targetComputer.isEmpty() && request.device.dnsName.trimmed().toLower() != job->targetComputer)
        return refuse(Error(ErrorCode::DeviceNotAllowed,
            QStringLiteral("the card was requested for %1, not for '%2'").arg(job->targetComputer, request.device.dnsName.left(100)),
            { { QStringLiteral("restriction"), QStringLiteral("target-computer") }, { QStringLiteral("computer"), job->targetComputer } }));

    // A renewal or update goes into the device the holder has: onto the phone that holds it,
    // not onto another one that has the code.
    if (collectsIntoExistingDevice(*job)) {
        auto held = DeviceService(m_ctx, m_db).load(job->deviceId);
        if (!held)
            return held.error();
        if (held->state != DeviceState::Active)
            return refuse(notRenewable(*held, QStringLiteral("collect")));
        if (!held->hardwareSerial.isEmpty() && held->hardwareSerial != request.device.hardwareSerial)
            return refuse(Error(ErrorCode::DeviceNotAllowed,
                QStringLiteral("%1 is renewed on the phone that holds it (%2), not on '%3'").arg(held->serial, held->hardwareSerial, request.device.hardwareSerial.left(100)),
                { { QStringLiteral("restriction"), QStringLiteral("same-device") }, { QStringLiteral("device"), held->serial } }));
    }

    // Only one collection of a job at a time, also across server processes.
    auto claim = exec(m_db, QStringLiteral("UPDATE jobs SET status = ?, updated_at = ? WHERE id = ? AND status = ?"),
        { jobStatusId(JobStatus::InProgress), now.toMSecsSinceEpoch(), job->id, jobStatusId(JobStatus::AwaitingIssue) });
    if (!claim)
        return claim.error();
    if (claim->numRowsAffected() != 1)
        return Error(ErrorCode::CodeUsed, QStringLiteral("the request is being collected already"));

    CollectionSession session;
    session.id = randomToken();
    session.jobId = job->id;
    session.jobType = job->type;
    session.personName = job->personName;
    session.profileName = profile->name;
    session.expiresAt = now.addSecs(kSessionMinutes * 60);
    session.pinPolicy = profile->pinPolicy;
    session.authTypes = profile->authTypes;
    for (int i = 0; i < profile->policies.size(); ++i) {
        auto policy = profiles.policy(profile->policies.at(i).policyId);
        if (!policy)
            return policy.error();
        RequestedCertificate c;
        c.index = i;
        c.policyName = policy->name;
        c.keyAlgorithms = policy->keyAlgorithms;
        c.serverKey = serverKey(*policy, profile->policies.at(i).recovery);
        session.needsTransportKey = session.needsTransportKey || c.serverKey || effectiveRecovery(*policy, profile->policies.at(i).recovery) == KeyRecovery::HistoricOnly;
        session.certificates.append(c);
    }
    if (auto r = exec(m_db, QStringLiteral("INSERT INTO collection_sessions (id, job_id, state, hardware_serial, platform, model, dns_name, created_at, expires_at, "
                                           "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)"),
            { session.id, job->id, kOpen, request.device.hardwareSerial, request.device.platform, request.device.model, request.device.dnsName.trimmed(), now.toMSecsSinceEpoch(),
                session.expiresAt.toMSecsSinceEpoch(), now.toMSecsSinceEpoch() });
        !r)
        return r.error();
    job->status = JobStatus::InProgress;
    if (auto r = audit.append(RequestService::jobEvent(m_ctx, nullptr, QStringLiteral("collect"), *job,
            QStringLiteral("code accepted; collection started on %1 %2 (%3)").arg(request.device.platform, request.device.model, request.device.hardwareSerial)));
        !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return session;
}

Result<CollectionBundle> CollectionService::submit(const CollectionSubmission& submission)
{
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto session = loadSession(m_db, submission.sessionId);
    if (!session)
        return session.error();
    const QDateTime now = m_ctx.now();
    if (session->expiresAt <= now || (session->state != kOpen && session->state != kIssued))
        return Error(ErrorCode::SessionExpired, QStringLiteral("collection session %1 is %2").arg(session->id.left(6), session->state));
    DeviceService devices(m_ctx, m_db);
    if (session->state == kIssued) {
        // The answer was lost on its way to the phone: the same bundle again, nothing new issued.
        auto plain = m_ctx.keyWrapper->unwrap(session->bundleWrapped, "bundle");
        if (!plain)
            return plain.error();
        auto device = devices.load(session->deviceId);
        if (!device)
            return device.error();
        return CollectionBundle { *plain, device->serial, device->id };
    }
    auto job = RequestService(m_ctx, m_db).load(session->jobId);
    if (!job)
        return job.error();
    ProfileService profiles(m_ctx, m_db);
    auto profile = profiles.profile(job->profileId);
    if (!profile)
        return profile.error();
    if (submission.requests.size() != profile->policies.size())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("expected %1 certificate request(s), got %2").arg(profile->policies.size()).arg(submission.requests.size()),
            { { QStringLiteral("problem"), QStringLiteral("request-count") } });
    auto person = PeopleService(m_ctx, m_db).load(job->personId);
    if (!person)
        return person.error();
    auto settings = SettingsService(m_ctx, m_db).load();
    if (!settings)
        return settings.error();

    QList<CertificatePolicy> policies;
    bool needsTransport = false;
    for (const ProfilePolicy& pp : profile->policies) {
        auto policy = profiles.policy(pp.policyId);
        if (!policy)
            return policy.error();
        needsTransport = needsTransport || serverKey(*policy, pp.recovery) || effectiveRecovery(*policy, pp.recovery) == KeyRecovery::HistoricOnly;
        policies.append(*policy);
    }
    if (needsTransport) {
        if (submission.transportKey.isEmpty())
            return Error(ErrorCode::InvalidArgument, QStringLiteral("this profile sends keys: a transport key is required"),
                { { QStringLiteral("problem"), QStringLiteral("transport-key") } });
        if (auto r = KeyTransport::checkTransportKey(submission.transportKey); !r)
            return r.error();
    }

    int lifetime = profile->lifetimeDays;
    if (job->type == JobType::TemporaryReplacement)
        lifetime = qMin(lifetime, settings->integer(SettingKey::TemporaryReplacementDays));
    QDateTime expires = now.addDays(lifetime);
    if (job->validUntil.isValid() && job->validUntil < expires)
        expires = job->validUntil; // a derived credential never outlives its parent card
    if (collectsIntoExistingDevice(*job)) {
        // Disabled or cancelled since the renewal started: nothing is issued into it.
        auto held = devices.load(job->deviceId);
        if (!held)
            return held.error();
        if (held->state != DeviceState::Active)
            return notRenewable(*held, QStringLiteral("collect"));
    }
    auto device = collectsIntoExistingDevice(*job) ? devices.existingCollected(job->deviceId) : devices.createCollected(job->personId, *profile, session->facts, expires);
    if (!device)
        return device.error();

    CollectionBundleBuilder bundle(m_ctx, submission.transportKey);
    const Issuing issuing { *person, device->id, session->id, expires, *settings };
    QStringList issued;
    for (int i = 0; i < policies.size(); ++i) {
        auto entry = collectCertificate(bundle, issuing, i, policies.at(i), effectiveRecovery(policies.at(i), profile->policies.at(i).recovery), submission.requests.at(i), &issued);
        if (!entry)
            return entry.error();
        bundle.addCertificate(*entry);
    }
    bundle.setCollection(session->id, job->id, now);
    bundle.setDevice(*device, expires);
    bundle.setHolder(person->fullName, *profile);
    bundle.setAgentPolicy(*settings);
    auto signedData = bundle.sign();
    if (!signedData)
        return signedData.error();
    // Kept (wrapped: it holds the unlock key) so a lost answer can be given again.
    auto wrappedBundle = m_ctx.keyWrapper->wrap(*signedData, "bundle");
    if (!wrappedBundle)
        return wrappedBundle.error();
    auto mark = exec(m_db, QStringLiteral("UPDATE collection_sessions SET state = ?, device_id = ?, bundle_wrapped = ?, updated_at = ? WHERE id = ? AND state = ?"),
        { kIssued, device->id, *wrappedBundle, now.toMSecsSinceEpoch(), session->id, kOpen });
    if (!mark)
        return mark.error();
    if (mark->numRowsAffected() != 1)
        return Error(ErrorCode::SessionExpired, QStringLiteral("collection session %1 changed meanwhile").arg(session->id.left(6)));
    Job withDevice = *job;
    withDevice.deviceId = device->id;
    if (auto r = AuditLog(m_db, m_ctx)
                     .append(RequestService::jobEvent(m_ctx, nullptr, QStringLiteral("collect"), withDevice,
                         QStringLiteral("device %1: issued %2; waiting for the phone to confirm").arg(device->serial, issued.join(QStringLiteral(", ")))));
        !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return CollectionBundle { *signedData, device->serial, device->id };
}

// One certificate of the profile: recovered from the archive, or issued from the phone's
// request or from a key the server makes (for a policy that archives keys, which is then
// archived and sealed to the phone), with the archive's older keys for a historic-only policy.
Result<QJsonObject> CollectionService::collectCertificate(const CollectionBundleBuilder& bundle, const Issuing& issuing, int index, const CertificatePolicy& policy,
    KeyRecovery recovery, const QByteArray& request, QStringList* issued)
{
    CertificateService certs(m_ctx, m_db);
    QJsonObject entry { { QStringLiteral("index"), index }, { QStringLiteral("policy"), policy.name } };
    auto archive = certs.archivedKeys(issuing.person.id, policy.name);
    if (!archive)
        return archive.error();
    const auto newestCurrent = std::find_if(archive->keys.cbegin(), archive->keys.cend(), [](const ArchivedKey& a) { return a.current; });
    if (recovery == KeyRecovery::UseExisting && newestCurrent != archive->keys.cend()) {
        auto recovered = bundle.sealArchived(*newestCurrent);
        if (!recovered)
            return recovered.error();
        if (auto r = certs.linkRecovered(newestCurrent->certificateId, issuing.deviceId); !r)
            return r.error();
        entry.insert(QStringLiteral("pem"), recovered->value(QStringLiteral("pem")));
        entry.insert(QStringLiteral("sealedKey"), *recovered);
        entry.insert(QStringLiteral("recovered"), true);
        *issued << QStringLiteral("%1 recovered").arg(policy.name);
        return entry;
    }
    if (recovery == KeyRecovery::UseExisting && archive->compromised > 0) {
        // Said in the bundle and the audit, so nobody believes old mail will open with it.
        entry.insert(QStringLiteral("recoveryNote"),
            QStringLiteral("no archived key could be recovered: %1 were compromised (their certificates revoked for key compromise); a new key was issued")
                .arg(archive->compromised));
        *issued << QStringLiteral("%1: %2 compromised archived key(s) not recovered, new key").arg(policy.name).arg(archive->compromised);
    }
    QByteArray csr = request;
    PrivateKey generated;
    if (serverKey(policy, recovery)) {
        auto key = PrivateKey::generate(policy.keyAlgorithms.value(0, KeyAlgorithm::Rsa2048));
        if (!key)
            return key.error();
        generated = *key;
        auto made = CertificateRequest::create(generated, issuing.person.fullName);
        if (!made)
            return made.error();
        csr = *made;
    } else if (csr.isEmpty()) {
        return Error(ErrorCode::CsrInvalid, QStringLiteral("no certificate request for %1").arg(policy.name), { { QStringLiteral("policy"), policy.name } });
    }
    auto rec = certs.issue(issuing.person, policy, csr, issuing.deviceId, issuing.expires, issuing.settings);
    if (!rec)
        return rec.error();
    auto cert = Certificate::fromDer(rec->der);
    if (!cert)
        return cert.error();
    entry.insert(QStringLiteral("pem"), QString::fromLatin1(cert->toPem()));
    QVariant archivedKey;
    if (!generated.isNull()) {
        auto wrapped = m_ctx.keyWrapper->wrap(generated.toPem(), "archived-key");
        if (!wrapped)
            return wrapped.error();
        archivedKey = *wrapped;
        auto sealed = bundle.sealGenerated(generated, *cert);
        if (!sealed)
            return sealed.error();
        entry.insert(QStringLiteral("sealedKey"), *sealed);
    }
    if (auto r = certs.recordCollection(rec->id, issuing.sessionId, archivedKey); !r)
        return r.error();
    if (recovery == KeyRecovery::HistoricOnly) {
        QJsonArray historic;
        for (const ArchivedKey& a : std::as_const(archive->keys)) {
            auto old = bundle.sealArchived(a);
            if (!old)
                return old.error();
            historic.append(*old);
        }
        entry.insert(QStringLiteral("historic"), historic);
        if (archive->compromised > 0)
            entry.insert(QStringLiteral("recoveryNote"), QStringLiteral("%1 compromised archived key(s) left out").arg(archive->compromised));
    }
    *issued << rec->serial;
    return entry;
}

Result<Device> CollectionService::confirm(const QString& sessionId)
{
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto session = loadSession(m_db, sessionId);
    if (!session)
        return session.error();
    const QDateTime now = m_ctx.now();
    if (session->state == kConfirmed)
        return DeviceService(m_ctx, m_db).load(session->deviceId); // a repeated confirmation changes nothing
    if (session->state != kIssued || session->expiresAt <= now)
        return Error(ErrorCode::SessionExpired, QStringLiteral("collection session %1 is %2").arg(session->id.left(6), session->state));
    RequestService requests(m_ctx, m_db);
    auto job = requests.load(session->jobId);
    if (!job)
        return job.error();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    QString details;
    if (collectsIntoExistingDevice(*job)) {
        auto held = DeviceService(m_ctx, m_db).load(session->deviceId);
        if (!held)
            return held.error();
        if (held->state != DeviceState::Active)
            return notRenewable(*held, QStringLiteral("confirm"));
        // The new certificates replace the device's earlier ones.
        auto old = exec(m_db, QStringLiteral("UPDATE certificates SET status = ?, revocation_reason = ?, status_changed_at = ? "
                                             "WHERE device_id = ? AND (session_id IS NULL OR session_id <> ?) AND status <> ?"),
            { certificateStatusId(CertificateStatus::Revoked), revocationReasonId(RevocationReason::Superseded), nowMs, session->deviceId, session->id,
                certificateStatusId(CertificateStatus::Revoked) });
        if (!old)
            return old.error();
        auto profile = ProfileService(m_ctx, m_db).profile(job->profileId);
        if (!profile)
            return profile.error();
        if (auto r = exec(m_db, QStringLiteral("UPDATE devices SET expires_at = ?, profile_id = ?, updated_at = ? WHERE id = ?"),
                { now.addDays(profile->lifetimeDays).toMSecsSinceEpoch(), profile->id, nowMs, session->deviceId });
            !r)
            return r.error();
        details = QStringLiteral("%1 earlier certificate(s) superseded").arg(old->numRowsAffected());
    } else {
        if (auto r = exec(m_db, QStringLiteral("UPDATE devices SET state = ?, updated_at = ? WHERE id = ? AND state = ?"),
                { deviceStateId(DeviceState::Active), nowMs, session->deviceId, deviceStateId(DeviceState::Issued) });
            !r)
            return r.error();
        auto issued = DeviceService(m_ctx, m_db).load(session->deviceId);
        if (!issued)
            return issued.error();
        auto profile = ProfileService(m_ctx, m_db).profile(job->profileId);
        if (!profile)
            return profile.error();
        auto family = VscAccessService(m_ctx, m_db).applyParentChildRules(*issued, *profile);
        if (!family)
            return family.error();
        details = *family;
        // Only a new issue replaces the group's earlier device: a temporary replacement stands in
        // for a suspended device that may still be found, and a replacement's original is cancelled.
        auto replaced = job->type == JobType::Issue ? DeviceService(m_ctx, m_db).cancelEarlierOfGroup(*issued, *profile, nowMs) : Result<QStringList>(QStringList {});
        if (!replaced)
            return replaced.error();
        if (!replaced->isEmpty())
            details += (details.isEmpty() ? QString() : QStringLiteral("; "))
                + QStringLiteral("replaces %1 of group %2, cancelled").arg(replaced->join(QStringLiteral(", ")), profile->credentialGroup);
    }
    if (auto r = exec(m_db, QStringLiteral("UPDATE jobs SET status = ?, issued_device_id = ?, code_hash = '', updated_at = ? WHERE id = ?"),
            { jobStatusId(JobStatus::Completed), session->deviceId, nowMs, job->id });
        !r)
        return r.error();
    if (auto r = exec(m_db, QStringLiteral("UPDATE collection_sessions SET state = ?, bundle_wrapped = NULL, updated_at = ? WHERE id = ?"), { kConfirmed, nowMs, session->id }); !r)
        return r.error();
    auto device = DeviceService(m_ctx, m_db).load(session->deviceId);
    if (!device)
        return device.error();
    Job done = *job;
    done.deviceId = device->id;
    const QString text = QStringLiteral("phone confirmed; device %1 active").arg(device->serial) + (details.isEmpty() ? QString() : QStringLiteral("; ") + details);
    if (auto r = AuditLog(m_db, m_ctx).append(RequestService::jobEvent(m_ctx, nullptr, QStringLiteral("collect"), done, text)); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return device;
}

Result<int> CollectionService::expireSessions()
{
    const QDateTime now = m_ctx.now();
    auto due = exec(m_db, QStringLiteral("SELECT id FROM collection_sessions WHERE state IN ('open', 'issued') AND expires_at <= ?"), { now.toMSecsSinceEpoch() });
    if (!due)
        return due.error();
    QStringList ids;
    const SqlRow session(*due);
    while (due->next())
        ids << session.value("id").toString();
    due->finish();
    int rolledBack = 0;
    for (const QString& id : ids) {
        auto done = rollBack(id, QStringLiteral("collection interrupted: the phone did not finish within %1 minutes").arg(kSessionMinutes));
        if (!done)
            return done.error();
        rolledBack += *done ? 1 : 0;
    }
    return rolledBack;
}

Result<void> CollectionService::abandon(const QString& sessionId, const QString& reason)
{
    auto session = loadSession(m_db, sessionId);
    if (!session)
        return session.error();
    if (session->state == kAbandoned)
        return {}; // asked again, or expired meanwhile: the same outcome
    if (session->state == kConfirmed)
        return Error(ErrorCode::InvalidTransition, QStringLiteral("collection session %1 was confirmed").arg(session->id.left(6)),
            { { QStringLiteral("operation"), QStringLiteral("abandon") }, { QStringLiteral("state"), session->state } });
    // The reason comes from whoever holds the session id: kept short and on one line.
    const QString why = reason.simplified().left(200);
    auto done = rollBack(sessionId, why.isEmpty() ? QStringLiteral("collection abandoned by the agent") : QStringLiteral("collection abandoned by the agent: ") + why);
    if (!done)
        return done.error();
    return {};
}

Result<bool> CollectionService::rollBack(const QString& id, const QString& cause)
{
    const QDateTime now = m_ctx.now();
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto session = loadSession(m_db, id);
    if (!session)
        return session.error();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    // Claimed by this process alone; another server may be rolling back the same one.
    auto claim = exec(m_db, QStringLiteral("UPDATE collection_sessions SET state = ?, bundle_wrapped = NULL, updated_at = ? WHERE id = ? AND state = ? AND state IN (?, ?)"),
        { kAbandoned, nowMs, id, session->state, kOpen, kIssued });
    if (!claim)
        return claim.error();
    if (claim->numRowsAffected() != 1)
        return false;
    auto job = RequestService(m_ctx, m_db).load(session->jobId);
    if (!job)
        return job.error();
    QStringList what { cause };
    if (session->state == kIssued) {
        auto revoked = exec(m_db, QStringLiteral("UPDATE certificates SET status = ?, revocation_reason = ?, status_changed_at = ? WHERE session_id = ? AND status <> ?"),
            { certificateStatusId(CertificateStatus::Revoked), revocationReasonId(RevocationReason::CessationOfOperation), nowMs, id,
                certificateStatusId(CertificateStatus::Revoked) });
        if (!revoked)
            return revoked.error();
        what << QStringLiteral("%1 certificate(s) revoked").arg(revoked->numRowsAffected());
        auto cancelled = exec(m_db, QStringLiteral("UPDATE devices SET state = ?, updated_at = ? WHERE id = ? AND state = ?"),
            { deviceStateId(DeviceState::Canceled), nowMs, session->deviceId, deviceStateId(DeviceState::Issued) });
        if (!cancelled)
            return cancelled.error();
        if (cancelled->numRowsAffected() > 0)
            what << QStringLiteral("unconfirmed device cancelled");
    }
    if (job->status == JobStatus::InProgress) {
        const bool codeLive = !job->codeExpiresAt.isValid() || job->codeExpiresAt > now;
        const JobStatus next = codeLive ? JobStatus::AwaitingIssue : JobStatus::Expired;
        if (auto r = exec(m_db, QStringLiteral("UPDATE jobs SET status = ?, updated_at = ? WHERE id = ?"), { jobStatusId(next), nowMs, job->id }); !r)
            return r.error();
        what << (codeLive ? QStringLiteral("the request can be collected again with the same code") : QStringLiteral("the request has expired"));
    }
    Job withDevice = *job;
    withDevice.deviceId = session->deviceId;
    AuditEvent e = RequestService::jobEvent(m_ctx, nullptr, QStringLiteral("collect"), withDevice, what.join(QStringLiteral("; ")));
    e.outcome = QStringLiteral("failed");
    if (auto r = AuditLog(m_db, m_ctx).append(e); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return true;
}

} // namespace lanyard
