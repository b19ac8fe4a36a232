#include "DerivedCredentialService.h"

#include "AuditLog.h"
#include "CardIdentifiers.h"
#include "DeviceService.h"
#include "PeopleService.h"
#include "ProfileService.h"
#include "RequestService.h"
#include "SettingsSchema.h"
#include "SettingsService.h"
#include "cards/Chuid.h"
#include "pki/CertificateValidator.h"
#include "pki/DetachedSignature.h"
#include "pki/SecureRandom.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QLoggingCategory>

namespace lanyard {

Q_LOGGING_CATEGORY(lcDerived, "lanyard.engine.derived")

namespace {
AuditEvent parentEvent(const EngineContext& ctx, const AccessControl* ac, const QString& fingerprint, const QString& label, qint64 personId,
    const QString& details)
{
    AuditEvent e = AuditLog::event(ctx.now(), ac, workflowId(Workflow::IssueDerivedCredential), QStringLiteral("parent-card"), fingerprint.left(16), label, details);
    if (!ac)
        e.operatorName = QStringLiteral("parent card check");
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
    auto anchors = CertificateValidator::readCertificates(SettingsSchema::fileList(settings->value(SettingKey::DerivedTrustAnchorFiles)));
    if (!anchors)
        return anchors.error();
    auto intermediates = CertificateValidator::readCertificates(SettingsSchema::fileList(settings->value(SettingKey::DerivedIntermediateFiles)));
    if (!intermediates)
        return intermediates.error();
    auto crls = CertificateValidator::readCrls(SettingsSchema::fileList(settings->value(SettingKey::DerivedCrlFiles)));
    if (!crls)
        return crls.error();
    return CertificateValidator(*anchors, *intermediates, *crls);
}

DerivedCredentialService::CardIdentity DerivedCredentialService::identityOf(const Certificate& certificate)
{
    return { CardIdentifiers::fascnDigits(certificate.fascnBytes()), certificate.cardUuid(), certificate.userPrincipalName() };
}

Result<QString> DerivedCredentialService::crossCheck(const QByteArray& chuidContent, const CardIdentity& identity, const CertificateValidator& trust)
{
    if (chuidContent.isEmpty())
        return QStringLiteral("no CHUID");
    auto chuid = Chuid::parse(chuidContent);
    if (!chuid)
        return QStringLiteral("CHUID unreadable, not used");
    if (chuid->issuerSignature.isEmpty())
        return QStringLiteral("CHUID unsigned, not used");
    auto signer = DetachedSignature::verify(chuid->issuerSignature, chuid->signedContent, DetachedSignature::kChuidContentType);
    if (!signer)
        return QStringLiteral("CHUID signature does not verify, not used");
    if (!signer->hasExtendedKeyUsage(DetachedSignature::kPivContentSigningUsage))
        return QStringLiteral("CHUID signer %1 is not a PIV content signer, not used").arg(signer->subject().left(200));
    if (auto r = trust.validate(*signer, m_ctx.now()); !r)
        return QStringLiteral("CHUID signer %1 not trusted (%2), not used").arg(signer->subject().left(200), r.error().detail);
    const QString chuidFascn = chuid->fascn.digits();
    const QString chuidGuid = chuid->guid.toString(QUuid::WithoutBraces).toLower();
    auto mismatch = [](const QString& what, const QString& signedValue, const QString& certified) {
        return Error(ErrorCode::CardIdentityMismatch,
            QStringLiteral("the card's signed CHUID names %1 %2, its certificate %3").arg(what, signedValue, certified),
            { { QStringLiteral("what"), what }, { QStringLiteral("chuid"), signedValue }, { QStringLiteral("certificate"), certified } });
    };
    if (!identity.fascn.isEmpty() && chuidFascn != identity.fascn)
        return mismatch(QStringLiteral("FASC-N"), chuidFascn, identity.fascn);
    if (!identity.cardUuid.isEmpty() && chuidGuid != identity.cardUuid)
        return mismatch(QStringLiteral("GUID"), chuidGuid, identity.cardUuid);
    return QStringLiteral("signed CHUID agrees");
}

Result<Person> DerivedCredentialService::findPerson(const CardIdentity& identity)
{
    // Only what the certificate's issuer vouches for: FASC-N and card UUID, as FIPS 201
    // places them; the UPN only for cards that carry neither, and only where allowed.
    QList<QPair<QString, QString>> lookups;
    if (!identity.fascn.isEmpty())
        lookups.append({ QStringLiteral("fascn = ?"), identity.fascn });
    if (!identity.cardUuid.isEmpty())
        lookups.append({ QStringLiteral("card_uuid = ?"), identity.cardUuid });
    if (lookups.isEmpty() && !identity.upn.isEmpty()) {
        auto settings = SettingsService(m_ctx, m_db).load();
        if (!settings)
            return settings.error();
        if (!settings->boolean(SettingKey::DerivedMatchUpn))
            return Error(ErrorCode::NoMatchingPerson, QStringLiteral("the card's certificate carries no FASC-N or card UUID, and finding the holder by UPN is switched off"),
                { { QStringLiteral("problem"), QStringLiteral("upn-match-off") }, { QStringLiteral("upn"), identity.upn.left(200) } });
        lookups.append({ QStringLiteral("LOWER(upn) = ?"), identity.upn.toLower() });
    }
    QList<qint64> found;
    for (const auto& [where, value] : std::as_const(lookups)) {
        auto q = exec(m_db, QStringLiteral("SELECT id FROM people WHERE %1 ORDER BY id LIMIT 2").arg(where), { value });
        if (!q)
            return q.error();
        const SqlRow person(*q);
        while (q->next()) {
            if (const qint64 id = person.value("id").toLongLong(); !found.contains(id))
                found << id;
        }
        q->finish();
    }
    if (found.size() > 1)
        return Error(ErrorCode::CardIdentityMismatch, QStringLiteral("the card's identifiers belong to more than one person (FASC-N %1, UUID %2)").arg(identity.fascn, identity.cardUuid),
            { { QStringLiteral("what"), QStringLiteral("person") } });
    if (found.isEmpty())
        return Error(ErrorCode::NoMatchingPerson, QStringLiteral("no person has this card's FASC-N %1, card UUID %2 or UPN %3").arg(identity.fascn, identity.cardUuid, identity.upn.left(200)),
            { { QStringLiteral("upn"), identity.upn.left(200) }, { QStringLiteral("fascn"), identity.fascn }, { QStringLiteral("cardUuid"), identity.cardUuid } });
    return PeopleService(m_ctx, m_db).load(found.first());
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
    auto verified = verifyCard(ac, card);
    if (!verified) {
        // Every refusal of a card is kept, with what identifies the card.
        auto certificate = Certificate::fromDer(card.certificateDer);
        const QString fingerprint = certificate ? QString::fromLatin1(certificate->sha256Fingerprint().toHex()) : QString();
        const QString label = certificate ? certificate->subject().left(200) : QStringLiteral("unreadable certificate");
        if (auto a = AuditLog(m_db, m_ctx).append(parentEvent(m_ctx, &ac, fingerprint, label, 0, QStringLiteral("refused: ") + verified.error().detail)); !a)
            return a.error();
    }
    return verified;
}

Result<DerivedCredentialService::Verified> DerivedCredentialService::verifyCard(const AccessControl& ac, const ParentCard& card)
{
    auto certificate = Certificate::fromDer(card.certificateDer);
    if (!certificate)
        return Error(ErrorCode::CardError, QStringLiteral("the card's PIV Authentication certificate cannot be read"),
            { { QStringLiteral("problem"), QStringLiteral("certificate-unreadable") } });
    auto trust = validator();
    if (!trust)
        return trust.error();
    if (auto r = trust->validate(*certificate, m_ctx.now()); !r)
        return r.error();
    const CardIdentity identity = identityOf(*certificate);
    // A FASC-N the certificate carries but that does not decode is no reason to fall back to
    // weaker identifiers.
    if (identity.fascn.isEmpty() && !certificate->fascnBytes().isEmpty())
        return Error(ErrorCode::CardError, QStringLiteral("the FASC-N in the card's certificate cannot be read"),
            { { QStringLiteral("problem"), QStringLiteral("certificate-fascn-unreadable") } });
    auto chuidNote = crossCheck(card.chuid, identity, *trust);
    if (!chuidNote)
        return chuidNote.error();
    auto person = findPerson(identity);
    if (!person)
        return person.error();
    if (!person->enabled)
        return Error(ErrorCode::AccountDisabled, QStringLiteral("%1 is disabled").arg(person->logonName));
    if (auto r = ac.requireTarget(Workflow::IssueDerivedCredential, *person); !r)
        return r.error();
    auto profile = derivedProfile(ac, person->id);
    if (!profile)
        return profile.error();
    return Verified { *certificate, QString::fromLatin1(certificate->sha256Fingerprint().toHex()), *person, *profile, *chuidNote };
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
        (void)AuditLog(m_db, m_ctx).append(parentEvent(m_ctx, &ac, verified->fingerprint, label, verified->person.id, QStringLiteral("refused: unknown or expired challenge")));
        return Error(ErrorCode::PossessionFailed, QStringLiteral("the challenge is unknown, used or expired"), { { QStringLiteral("problem"), QStringLiteral("challenge-expired") } });
    }
    if (auto r = verified->certificate.verifySignature(challenge, signature); !r) {
        (void)AuditLog(m_db, m_ctx).append(parentEvent(m_ctx, &ac, verified->fingerprint, label, verified->person.id, QStringLiteral("refused: the card's signature does not verify")));
        return r.error();
    }
    ParentBinding binding { verified->certificate.toPem(), verified->fingerprint, verified->certificate.notAfter() };
    auto issued = RequestService(m_ctx, m_db).request(ac, verified->person.id, verified->profile.id, true, {}, &binding);
    if (!issued)
        return issued;
    (void)AuditLog(m_db, m_ctx).append(parentEvent(m_ctx, &ac, verified->fingerprint, label, verified->person.id,
        QStringLiteral("job %1 bound to parent card %2 (serial %3, valid until %4; holder by FASC-N %5, card UUID %6; %7)")
            .arg(issued->job.id)
            .arg(verified->fingerprint, verified->certificate.serialHex(), verified->certificate.notAfter().toString(Qt::ISODate))
            .arg(identityOf(verified->certificate).fascn, identityOf(verified->certificate).cardUuid, verified->chuidNote)));
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
        fingerprints << q->value("parent_fingerprint").toString();
    } else if (!what.fingerprint.trimmed().isEmpty()) {
        fingerprints << what.fingerprint.trimmed().toLower().remove(QLatin1Char(':'));
    } else {
        // Every parent card the CRLs now list.
        auto revoked = revokedParentsInUse();
        if (!revoked)
            return revoked.error();
        fingerprints = *revoked;
        if (reason.isEmpty())
            reason = QStringLiteral("parent PIV card revoked (CRL)");
    }
    if (reason.isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("a reason is required"), { { QStringLiteral("problem"), QStringLiteral("reason-required") } });
    return endAll(&ac, fingerprints, reason);
}

Result<ParentTrustReport> DerivedCredentialService::endAll(const AccessControl* ac, const QStringList& fingerprints, const QString& reason)
{
    ParentTrustReport report;
    for (const QString& fingerprint : fingerprints) {
        auto one = endOne(ac, fingerprint, reason);
        if (!one)
            return one.error();
        report.devicesCancelled += one->devicesCancelled;
        report.requestsCancelled += one->requestsCancelled;
        report.parents << fingerprint;
    }
    return report;
}

Result<QStringList> DerivedCredentialService::revokedParentsInUse()
{
    auto trust = validator();
    if (!trust)
        return trust.error();
    // Only cards something still hangs on: a card ended before stays on the CRL for good.
    auto q = exec(m_db, QStringLiteral("SELECT DISTINCT j.parent_fingerprint, j.parent_certificate FROM jobs j LEFT JOIN devices d ON d.id = j.issued_device_id "
                                       "WHERE j.parent_fingerprint <> '' AND (j.status IN (?, ?) OR (d.id IS NOT NULL AND d.state <> ?))"),
        { jobStatusId(JobStatus::AwaitingIssue), jobStatusId(JobStatus::AwaitingValidation), deviceStateId(DeviceState::Canceled) });
    if (!q)
        return q.error();
    QStringList revoked;
    const SqlRow parent(*q);
    while (q->next()) {
        auto cert = Certificate::fromPem(parent.value("parent_certificate").toString().toLatin1());
        if (cert && trust->isRevoked(*cert))
            revoked << parent.value("parent_fingerprint").toString();
    }
    return revoked;
}

Result<ParentTrustReport> DerivedCredentialService::sweepRevokedParents()
{
    auto settings = SettingsService(m_ctx, m_db).load();
    if (!settings)
        return settings.error();
    if (SettingsSchema::fileList(settings->value(SettingKey::DerivedCrlFiles)).isEmpty())
        return ParentTrustReport {};
    auto revoked = revokedParentsInUse();
    if (!revoked)
        return revoked.error();
    return endAll(nullptr, *revoked, QStringLiteral("parent PIV card revoked (CRL), found by the scheduled check"));
}

Result<ParentTrustReport> DerivedCredentialService::endOne(const AccessControl* ac, const QString& fingerprint, const QString& reason)
{
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
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
    const SqlRow job(*q);
    while (q->next()) {
        Row r { job.value("id").toLongLong(), JobStatus::AwaitingIssue, job.value("issued_device_id").toLongLong(), job.value("person_id").toLongLong() };
        jobStatusFromId(job.value("status").toString(), &r.status);
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
        if (r.device > 0 && ac) {
            DeviceAction cancel;
            cancel.operation = DeviceOperation::Cancel;
            cancel.cancelReason = RevocationReason::CessationOfOperation;
            cancel.reason = why;
            auto changed = DeviceService(m_ctx, m_db).change(*ac, r.device, cancel);
            if (changed)
                ++report.devicesCancelled;
            else if (changed.error().code != ErrorCode::InvalidTransition) // already cancelled: nothing to end
                return changed.error();
        } else if (r.device > 0) {
            // The engine's own sweep: the same cancellation, with no operator to check.
            DeviceService devices(m_ctx, m_db);
            auto device = devices.load(r.device);
            if (!device)
                return device.error();
            auto cancel = DeviceLifecycle::apply(device->state, DeviceOperation::Cancel, RevocationReason::CessationOfOperation);
            if (cancel) {
                auto changed = devices.applyTransition(*device, *cancel, deviceOperationId(DeviceOperation::Cancel));
                if (!changed)
                    return changed.error();
                AuditEvent e = AuditLog::event(m_ctx.now(), nullptr, workflowId(Workflow::CancelDevice), QStringLiteral("device"), QString::number(device->id),
                    device->serial, QStringLiteral("cancel: %1 -> canceled; reason: %2; %3").arg(deviceStateId(device->state), why, DeviceService::certificatesChanged(*changed, *cancel)));
                e.operatorName = QStringLiteral("parent card check");
                e.personId = device->ownerId;
                e.deviceId = device->id;
                if (auto a = AuditLog(m_db, m_ctx).append(e); !a)
                    return a.error();
                ++report.devicesCancelled;
            }
        }
    }
    if (auto a = AuditLog(m_db, m_ctx).append(parentEvent(m_ctx, ac, fingerprint, fingerprint, personId,
            QStringLiteral("%1; %2 derived device(s) cancelled, %3 open request(s) cancelled").arg(why).arg(report.devicesCancelled).arg(report.requestsCancelled)));
        !a)
        return a.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    qCInfo(lcDerived) << "parent card" << fingerprint << "ended:" << report.devicesCancelled << "devices," << report.requestsCancelled << "requests";
    return report;
}

} // namespace lanyard
