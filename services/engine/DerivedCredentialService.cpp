#include "DerivedCredentialService.h"

#include "AuditLog.h"
#include "DeviceService.h"
#include "PeopleService.h"
#include "ProfileService.h"
#include "RequestService.h"
#include "SettingsSchema.h"
#include "SettingsService.h"
#include "pki/CertificateValidator.h"
#include "pki/SecureRandom.h"
#include "storage/Database.h"

#include <QLoggingCategory>

namespace lanyard {

Q_LOGGING_CATEGORY(lcDerived, "lanyard.engine.derived")

namespace {
AuditEvent parentEvent(const EngineContext& ctx, const AccessControl& ac, const QString& fingerprint, const QString& label, qint64 personId,
    const QString& details)
{
    AuditEvent e = AuditLog::event(ctx.now(), &ac, workflowId(Workflow::IssueDerivedCredential), QStringLiteral("parent-card"), fingerprint.left(16), label, details);
    e.personId = personId;
    return e;
}
} // namespace

DerivedCredentialService::DerivedCredentialService(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

Result<CertificateValidator> DerivedCredentialService::validator()
{
    auto settings = SettingsService(m_ctx, m_db).load();
    if (!settings)
        return settings.error();
    auto anchors = CertificateValidator::readAnchors(SettingsSchema::fileList(settings->value(SettingKey::DerivedTrustAnchorFiles)));
    if (!anchors)
        return anchors.error();
    auto crls = CertificateValidator::readCrls(SettingsSchema::fileList(settings->value(SettingKey::DerivedCrlFiles)));
    if (!crls)
        return crls.error();
    return CertificateValidator(*anchors, *crls);
}

Result<Person> DerivedCredentialService::findPerson(const ParentCard& card, const Certificate& certificate)
{
    // Strongest binding first: the cardholder UUID and card GUID, then FASC-N, then the UPN
    // in the certificate (which the certificate's issuer vouches for).
    QList<QPair<QString, QVariant>> lookups;
    if (!card.cardholderUuid.isEmpty())
        lookups.append({ QStringLiteral("card_uuid = ?"), card.cardholderUuid.toLower() });
    if (!card.cardGuid.isEmpty())
        lookups.append({ QStringLiteral("card_uuid = ?"), card.cardGuid.toLower() });
    if (!card.fascn.isEmpty())
        lookups.append({ QStringLiteral("fascn = ?"), card.fascn });
    const QString upn = certificate.userPrincipalName();
    if (!upn.isEmpty())
        lookups.append({ QStringLiteral("LOWER(upn) = ?"), upn.toLower() });
    for (const auto& [where, value] : lookups) {
        auto q = exec(m_db, QStringLiteral("SELECT id FROM people WHERE %1 ORDER BY id").arg(where), { value });
        if (!q)
            return q.error();
        if (q->next()) {
            const qint64 id = q->value(0).toLongLong();
            q->finish();
            return PeopleService(m_ctx, m_db).load(id);
        }
    }
    return Error(ErrorCode::NoMatchingPerson, QStringLiteral("no person has this card's UUID, GUID, FASC-N or UPN"),
        { { QStringLiteral("upn"), upn }, { QStringLiteral("fascn"), card.fascn } });
}

Result<CredentialProfile> DerivedCredentialService::derivedProfile(const AccessControl& ac, qint64 personId)
{
    auto settings = SettingsService(m_ctx, m_db).load();
    if (!settings)
        return settings.error();
    const QString wanted = settings->value(SettingKey::DerivedProfile).trimmed();
    auto allowed = ProfileService(m_ctx, m_db).requestable(ac.roleIds(), personId);
    if (!allowed)
        return allowed.error();
    for (const CredentialProfile& p : *allowed) {
        if (p.encoding == CardEncoding::DerivedCredential && p.isCurrent && (wanted.isEmpty() || p.name.compare(wanted, Qt::CaseInsensitive) == 0))
            return p;
    }
    return Error(ErrorCode::ProfileNotAvailable, QStringLiteral("no derived-credential profile can be requested here for this person"),
        { { QStringLiteral("profile"), wanted.isEmpty() ? QStringLiteral("derived credential") : wanted } });
}

Result<DerivedCredentialService::Verified> DerivedCredentialService::verify(const AccessControl& ac, const ParentCard& card)
{
    if (auto r = ac.require(Workflow::IssueDerivedCredential); !r)
        return r.error();
    auto certificate = Certificate::fromDer(card.certificateDer);
    if (!certificate)
        return Error(ErrorCode::CardError, QStringLiteral("the card's PIV Authentication certificate cannot be read"),
            { { QStringLiteral("problem"), QStringLiteral("certificate-unreadable") } });
    auto trust = validator();
    if (!trust)
        return trust.error();
    if (auto r = trust->validate(*certificate, m_ctx.now()); !r)
        return r.error();
    auto person = findPerson(card, *certificate);
    if (!person)
        return person.error();
    if (!person->enabled)
        return Error(ErrorCode::AccountDisabled, QStringLiteral("%1 is disabled").arg(person->logonName));
    if (auto r = ac.requireTarget(Workflow::IssueDerivedCredential, *person); !r)
        return r.error();
    auto profile = derivedProfile(ac, person->id);
    if (!profile)
        return profile.error();
    return Verified { *certificate, QString::fromLatin1(certificate->sha256Fingerprint().toHex()), *person, *profile };
}

Result<ParentCardCheck> DerivedCredentialService::check(const AccessControl& ac, const ParentCard& card)
{
    auto verified = verify(ac, card);
    if (!verified)
        return verified.error();
    const QDateTime now = m_ctx.now();
    const QByteArray challenge = secureRandomBytes(32);
    const QDateTime expires = now.addSecs(kChallengeSeconds);
    if (auto r = exec(m_db, QStringLiteral("DELETE FROM parent_card_challenges WHERE expires_at < ?"), { now.toMSecsSinceEpoch() }); !r)
        return r.error();
    if (auto r = exec(m_db, QStringLiteral("INSERT INTO parent_card_challenges (challenge, fingerprint, expires_at) VALUES (?, ?, ?)"),
            { QString::fromLatin1(challenge.toHex()), verified->fingerprint, expires.toMSecsSinceEpoch() });
        !r)
        return r.error();
    ParentCardCheck out;
    out.personId = verified->person.id;
    out.personName = verified->person.fullName;
    out.profileName = verified->profile.name;
    out.challenge = challenge;
    out.challengeExpires = expires;
    out.certificateExpires = verified->certificate.notAfter();
    auto settings = SettingsService(m_ctx, m_db).load();
    if (!settings)
        return settings.error();
    out.androidAppUrl = settings->value(SettingKey::AndroidAppUrl);
    out.iosAppUrl = settings->value(SettingKey::IosAppUrl);
    out.idleSeconds = settings->integer(SettingKey::KioskIdleSeconds);
    return out;
}

Result<IssuedRequest> DerivedCredentialService::request(const AccessControl& ac, const ParentCard& card, const QByteArray& challenge, const QByteArray& signature)
{
    auto verified = verify(ac, card);
    if (!verified)
        return verified.error();
    // A challenge is good once, for the card it was made for, until it expires.
    auto used = exec(m_db, QStringLiteral("DELETE FROM parent_card_challenges WHERE challenge = ? AND fingerprint = ? AND expires_at >= ?"),
        { QString::fromLatin1(challenge.toHex()), verified->fingerprint, m_ctx.now().toMSecsSinceEpoch() });
    if (!used)
        return used.error();
    const QString label = verified->certificate.subject();
    if (used->numRowsAffected() != 1) {
        (void)AuditLog(m_db, m_ctx.dialect()).append(parentEvent(m_ctx, ac, verified->fingerprint, label, verified->person.id, QStringLiteral("refused: unknown or expired challenge")));
        return Error(ErrorCode::PossessionFailed, QStringLiteral("the challenge is unknown, used or expired"), { { QStringLiteral("problem"), QStringLiteral("challenge-expired") } });
    }
    if (auto r = verified->certificate.verifySignature(challenge, signature); !r) {
        (void)AuditLog(m_db, m_ctx.dialect()).append(parentEvent(m_ctx, ac, verified->fingerprint, label, verified->person.id, QStringLiteral("refused: the card's signature does not verify")));
        return r.error();
    }
    ParentBinding binding { verified->certificate.toPem(), verified->fingerprint, verified->certificate.notAfter() };
    auto issued = RequestService(m_ctx, m_db).request(ac, verified->person.id, verified->profile.id, true, {}, &binding);
    if (!issued)
        return issued;
    (void)AuditLog(m_db, m_ctx.dialect()).append(parentEvent(m_ctx, ac, verified->fingerprint, label, verified->person.id,
        QStringLiteral("job %1 bound to parent card %2 (serial %3, valid until %4)")
            .arg(issued->job.id)
            .arg(verified->fingerprint, verified->certificate.serialHex(), verified->certificate.notAfter().toString(Qt::ISODate))));
    return issued;
}

Result<ParentTrustReport> DerivedCredentialService::endTrust(const AccessControl& ac, const ParentTrustEnd& what)
{
    if (auto r = ac.require(Workflow::CancelDevice); !r)
        return r.error();
    QStringList fingerprints;
    QString reason = what.reason.trimmed();
    if (what.deviceId > 0) {
        auto q = fetchOne(m_db, QStringLiteral("SELECT parent_fingerprint FROM jobs WHERE issued_device_id = ? AND parent_fingerprint <> '' ORDER BY id DESC"),
            { what.deviceId });
        if (!q)
            return q.error();
        if (q->isEmpty())
            return Error(ErrorCode::InvalidArgument, QStringLiteral("device %1 was not derived from a PIV card").arg(what.deviceId),
                { { QStringLiteral("problem"), QStringLiteral("not-derived") } });
        fingerprints << q->value(0).toString();
    } else if (!what.fingerprint.trimmed().isEmpty()) {
        fingerprints << what.fingerprint.trimmed().toLower().remove(QLatin1Char(':'));
    } else {
        // Every parent card the CRLs now list.
        auto trust = validator();
        if (!trust)
            return trust.error();
        auto q = exec(m_db, QStringLiteral("SELECT DISTINCT parent_fingerprint, parent_certificate FROM jobs WHERE parent_fingerprint <> ''"));
        if (!q)
            return q.error();
        while (q->next()) {
            auto cert = Certificate::fromPem(q->value(1).toString().toLatin1());
            if (cert && trust->isRevoked(*cert))
                fingerprints << q->value(0).toString();
        }
        q->finish();
        if (reason.isEmpty())
            reason = QStringLiteral("parent PIV card revoked (CRL)");
    }
    if (reason.isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("a reason is required"), { { QStringLiteral("problem"), QStringLiteral("reason-required") } });
    ParentTrustReport report;
    for (const QString& fingerprint : std::as_const(fingerprints)) {
        auto one = endOne(ac, fingerprint, reason);
        if (!one)
            return one.error();
        report.devicesCancelled += one->devicesCancelled;
        report.requestsCancelled += one->requestsCancelled;
        report.parents << fingerprint;
    }
    return report;
}

Result<ParentTrustReport> DerivedCredentialService::endOne(const AccessControl& ac, const QString& fingerprint, const QString& reason)
{
    ParentTrustReport report;
    auto q = exec(m_db, QStringLiteral("SELECT id, status, issued_device_id, person_id FROM jobs WHERE parent_fingerprint = ?"), { fingerprint });
    if (!q)
        return q.error();
    struct Row {
        qint64 job;
        JobStatus status;
        qint64 device;
        qint64 person;
    };
    QList<Row> rows;
    while (q->next()) {
        Row r { q->value(0).toLongLong(), JobStatus::AwaitingIssue, q->value(2).toLongLong(), q->value(3).toLongLong() };
        jobStatusFromId(q->value(1).toString(), &r.status);
        rows << r;
    }
    q->finish();
    if (rows.isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("no derived credential was issued on parent card %1").arg(fingerprint),
            { { QStringLiteral("what"), QStringLiteral("parent-card") } });
    const QString why = QStringLiteral("parent card trust ended: ") + reason;
    qint64 personId = 0;
    for (const Row& r : std::as_const(rows)) {
        personId = r.person;
        if (r.status == JobStatus::AwaitingIssue || r.status == JobStatus::AwaitingValidation) {
            if (auto u = exec(m_db, QStringLiteral("UPDATE jobs SET status = ?, code_hash = '', reason = ?, updated_at = ? WHERE id = ?"),
                    { jobStatusId(JobStatus::Cancelled), why, m_ctx.now().toMSecsSinceEpoch(), r.job });
                !u)
                return u.error();
            ++report.requestsCancelled;
        }
        if (r.device > 0) {
            DeviceAction cancel;
            cancel.operation = DeviceOperation::Cancel;
            cancel.cancelReason = RevocationReason::CessationOfOperation;
            cancel.reason = why;
            auto changed = DeviceService(m_ctx, m_db).change(ac, r.device, cancel);
            if (changed)
                ++report.devicesCancelled;
            else if (changed.error().code != ErrorCode::InvalidTransition) // already cancelled: nothing to end
                return changed.error();
        }
    }
    if (auto a = AuditLog(m_db, m_ctx.dialect()).append(parentEvent(m_ctx, ac, fingerprint, fingerprint, personId,
            QStringLiteral("%1; %2 derived device(s) cancelled, %3 open request(s) cancelled").arg(why).arg(report.devicesCancelled).arg(report.requestsCancelled)));
        !a)
        return a.error();
    qCInfo(lcDerived) << "parent card" << fingerprint << "ended:" << report.devicesCancelled << "devices," << report.requestsCancelled << "requests";
    return report;
}

} // namespace lanyard
