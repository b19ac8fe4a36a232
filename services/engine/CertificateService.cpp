#include "CertificateService.h"

#include "DeviceService.h"
#include "SettingsSchema.h"
#include "SettingsService.h"
#include "cards/Fascn.h"
#include "pki/Certificate.h"
#include "pki/CertificateRequest.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QCryptographicHash>

namespace lanyard {

CertificateService::CertificateService(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

QHash<QString, QString> CertificateService::templateFields(const Person& p)
{
    const QString name = p.fullName.simplified();
    const qsizetype space = name.lastIndexOf(QLatin1Char(' '));
    return {
        { QStringLiteral("People.FullName"), name },
        { QStringLiteral("People.FirstName"), space > 0 ? name.left(space) : name },
        { QStringLiteral("People.LastName"), space > 0 ? name.mid(space + 1) : QString() },
        { QStringLiteral("People.LogonName"), p.logonName },
        { QStringLiteral("People.Email"), p.email },
        { QStringLiteral("People.Group"), p.group },
        { QStringLiteral("People.UserPrincipalName"), p.userPrincipalName },
        { QStringLiteral("People.Mobile"), p.mobile },
        { QStringLiteral("People.Id"), QString::number(p.id) },
    };
}

Result<DistinguishedName> CertificateService::subjectFor(const CertificatePolicy& policy, const Person& person, const QString& defaultDn)
{
    auto tmpl = DnTemplate::parse(policy.dnTemplate);
    if (!tmpl)
        return tmpl.error();
    auto subject = tmpl->render(templateFields(person));
    if (!subject)
        return subject.error();
    if (!defaultDn.trimmed().isEmpty()) {
        auto suffix = DnTemplate::parseDn(defaultDn);
        if (!suffix)
            return suffix.error();
        subject->append(*suffix);
    }
    return subject;
}

CertificateService::AlternativeNames CertificateService::alternativeNamesFor(const CertificatePolicy& policy, const Person& person)
{
    AlternativeNames names;
    const auto want = [](bool asked, const QString& value, const char* id, QStringList* lacking) {
        if (asked && value.trimmed().isEmpty())
            lacking->append(QLatin1String(id));
        return asked && !value.trimmed().isEmpty();
    };
    if (want(policy.sanEmail, person.email, "email", &names.leftOut))
        names.emails = { person.email.trimmed() };
    if (want(policy.sanUpn, person.userPrincipalName, "upn", &names.leftOut))
        names.upn = person.userPrincipalName.trimmed();
    if (want(policy.sanFascn, person.fascn, "fascn", &names.missing)) {
        // Stored normalised (CardIdentifiers), so this only fails for a record written around it.
        auto fascn = Fascn::fromDigits(person.fascn);
        auto encoded = fascn ? fascn->encode() : Result<QByteArray>(fascn.error());
        if (encoded)
            names.fascn = *encoded;
        else
            names.missing.append(QStringLiteral("fascn"));
    }
    if (want(policy.sanCardUuid, person.cardUuid, "card-uuid", &names.missing))
        names.cardUuid = person.cardUuid;
    return names;
}

Result<CertificateService::AlternativeNames> CertificateService::requireAlternativeNames(const CertificatePolicy& policy, const Person& person)
{
    AlternativeNames names = alternativeNamesFor(policy, person);
    if (!names.missing.isEmpty())
        return Error(ErrorCode::InvalidArgument,
            QStringLiteral("'%1' puts the %2 in its certificates and %3 has none").arg(policy.name, names.missing.first(), person.fullName),
            { { QStringLiteral("problem"), QStringLiteral("san-value-missing") }, { QStringLiteral("policy"), policy.name },
                { QStringLiteral("person"), person.fullName }, { QStringLiteral("value"), names.missing.first() } });
    return names;
}

Result<CertificatePolicyExample> CertificateService::example(const CertificatePolicy& policy, const Person& person, const QString& defaultDn)
{
    auto subject = subjectFor(policy, person, defaultDn);
    if (!subject)
        return subject.error();
    CertificatePolicyExample out;
    QStringList parts;
    for (const RelativeName& rdn : *subject)
        parts << rdn.first + QLatin1Char('=') + DnTemplate::escapeValue(rdn.second);
    out.subject = parts.join(QLatin1Char(','));
    const AlternativeNames names = alternativeNamesFor(policy, person);
    for (const QString& email : names.emails)
        out.alternativeNames << QStringLiteral("email:") + email;
    if (!names.upn.isEmpty())
        out.alternativeNames << QStringLiteral("UPN:") + names.upn;
    if (!names.fascn.isEmpty())
        out.alternativeNames << QStringLiteral("FASC-N:") + person.fascn;
    if (!names.cardUuid.isEmpty())
        out.alternativeNames << QStringLiteral("URI:urn:uuid:") + names.cardUuid;
    out.missing = names.missing;
    out.leftOut = names.leftOut;
    return out;
}

QString CertificateService::publicationName() const
{
    const Certificate& ca = m_ctx.authority.certificate();
    const QByteArray id = ca.subjectKeyIdentifier();
    return QString::fromLatin1((id.isEmpty() ? ca.sha256Fingerprint().left(20) : id).toHex());
}

CertificateService::PublicationUrls CertificateService::publicationUrls(const Settings& settings) const
{
    QString base = settings.value(SettingKey::ExternalWebAddress).trimmed();
    if (base.isEmpty())
        base = settings.value(SettingKey::CollectionBaseUrl).trimmed();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    if (base.isEmpty())
        return {};
    const QString name = publicationName();
    return { QStringLiteral("%1/crl/%2.crl").arg(base, name), QStringLiteral("%1/ca/%2.crt").arg(base, name), base + QStringLiteral("/ocsp") };
}

Result<CertificateRecord> CertificateService::issue(const Person& person, const CertificatePolicy& policy, const QByteArray& csrBytes,
    qint64 deviceId, const QDateTime& notAfterCap, const Settings& settings)
{
    const QString defaultDn = settings.value(SettingKey::DefaultDn);
    auto csr = CertificateRequest::fromBytes(csrBytes);
    if (!csr)
        return csr.error();
    // A key certified once is never certified again: not for another device, another person,
    // nor twice in one request. Whoever holds it already holds a certificate for it.
    const QString keyHash = publicKeyHash(csr->publicKey().publicKeyDer());
    auto seen = fetchValue(m_db, QStringLiteral("SELECT COUNT(*) FROM certificates WHERE public_key_sha256 = ?"), { keyHash });
    if (!seen)
        return seen.error();
    if (seen->toInt() > 0)
        return Error(ErrorCode::CsrInvalid, QStringLiteral("this public key is already certified; every certificate needs a new key"),
            { { QStringLiteral("problem"), QStringLiteral("key-reused") }, { QStringLiteral("policy"), policy.name } });
    auto subject = subjectFor(policy, person, defaultDn);
    if (!subject)
        return subject.error();
    auto names = requireAlternativeNames(policy, person);
    if (!names)
        return names.error();
    IssuanceParameters params;
    params.subject = *subject;
    params.notBefore = m_ctx.now();
    params.validityDays = policy.validityDays;
    params.notAfterCap = notAfterCap; // to the second: whole days would run past the device or parent card
    params.keyUsage = policy.keyUsage;
    params.extendedKeyUsage = policy.extendedKeyUsage;
    params.allowedAlgorithms = policy.keyAlgorithms;
    params.sanEmails = names->emails;
    params.sanUpn = names->upn;
    params.sanFascn = names->fascn;
    params.sanCardUuid = names->cardUuid;
    const PublicationUrls published = publicationUrls(settings);
    params.crlUrl = published.crl;
    params.caIssuersUrl = published.caCertificate;
    params.ocspUrl = published.ocsp;
    auto cert = m_ctx.authority.issue(*csr, params);
    if (!cert)
        return cert.error();
    CertificateRecord rec;
    rec.serial = cert->serialHex();
    rec.subject = cert->subject();
    rec.policyName = policy.name;
    rec.policyVersion = policy.version;
    rec.deviceId = deviceId;
    rec.notBefore = cert->notBefore();
    rec.notAfter = cert->notAfter();
    rec.status = CertificateStatus::Active;
    rec.der = cert->toDer();
    auto q = fetchOne(m_db, QStringLiteral("INSERT INTO certificates (serial, subject, policy_id, policy_version_id, device_id, not_before, not_after, status, der, "
                                       "public_key_sha256) VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id"),
        { rec.serial, rec.subject, policy.id, policy.versionId > 0 ? QVariant(policy.versionId) : QVariant(QMetaType::fromType<qlonglong>()), deviceId, rec.notBefore.toMSecsSinceEpoch(), rec.notAfter.toMSecsSinceEpoch(),
            certificateStatusId(rec.status), rec.der, keyHash });
    if (!q)
        return q.error();
    rec.id = q->value("id").toLongLong();
    return rec;
}

QString CertificateService::publicKeyHash(const QByteArray& subjectPublicKeyInfo)
{
    return QString::fromLatin1(QCryptographicHash::hash(subjectPublicKeyInfo, QCryptographicHash::Sha256).toHex());
}

Result<int> CertificateService::backfillPublicKeyHashes()
{
    auto rows = exec(m_db, QStringLiteral("SELECT id, der FROM certificates WHERE public_key_sha256 = ''"));
    if (!rows)
        return rows.error();
    QList<std::pair<qint64, QString>> hashes;
    const SqlRow row(*rows);
    while (rows->next()) {
        auto cert = Certificate::fromDer(row.value("der").toByteArray());
        if (cert)
            hashes.append({ row.value("id").toLongLong(), publicKeyHash(cert->publicKeyDer()) });
    }
    rows->finish();
    for (const auto& [id, hash] : hashes) {
        if (auto r = exec(m_db, QStringLiteral("UPDATE certificates SET public_key_sha256 = ? WHERE id = ?"), { hash, id }); !r)
            return r.error();
    }
    return int(hashes.size());
}

Result<void> CertificateService::linkRecovered(qint64 certificateId, qint64 deviceId)
{
    if (auto r = exec(m_db, QStringLiteral("INSERT INTO recovered_certificates (device_id, certificate_id, recovered_at) VALUES (?, ?, ?)"),
            { deviceId, certificateId, m_ctx.now().toMSecsSinceEpoch() });
        !r)
        return r.error();
    return {};
}

Result<int> CertificateService::applyToDevice(qint64 deviceId, CertificateAction action, RevocationReason reason)
{
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    Result<QSqlQuery> q = QSqlQuery();
    switch (action) {
    case CertificateAction::None:
        return 0;
    case CertificateAction::Hold:
        q = exec(m_db, QStringLiteral("UPDATE certificates SET status = ?, revocation_reason = ?, status_changed_at = ? WHERE device_id = ? AND status = ?"),
            { certificateStatusId(CertificateStatus::OnHold), revocationReasonId(RevocationReason::CertificateHold), now, deviceId,
                certificateStatusId(CertificateStatus::Active) });
        break;
    case CertificateAction::Release:
        q = exec(m_db, QStringLiteral("UPDATE certificates SET status = ?, revocation_reason = '', status_changed_at = ? WHERE device_id = ? AND status = ?"),
            { certificateStatusId(CertificateStatus::Active), now, deviceId, certificateStatusId(CertificateStatus::OnHold) });
        break;
    case CertificateAction::Revoke:
        // A device lost or stolen exposes the recovered keys it holds as well as its own.
        q = exec(m_db, QStringLiteral("UPDATE certificates SET status = ?, revocation_reason = ?, status_changed_at = ? WHERE (device_id = ? OR (? = 1 AND id IN "
                                      "(SELECT certificate_id FROM recovered_certificates WHERE device_id = ?))) AND status <> ?"),
            { certificateStatusId(CertificateStatus::Revoked), revocationReasonId(reason), now, deviceId, reason == RevocationReason::KeyCompromise ? 1 : 0,
                deviceId, certificateStatusId(CertificateStatus::Revoked) });
        break;
    }
    if (!q)
        return q.error();
    return q->numRowsAffected();
}

Result<QList<CertificateRecord>> CertificateService::forDevice(const AccessControl& ac, qint64 deviceId)
{
    if (auto device = DeviceService(m_ctx, m_db).get(ac, deviceId); !device)
        return device.error();
    return forDevice(deviceId);
}

Result<QList<CertificateRecord>> CertificateService::forDevice(qint64 deviceId)
{
    auto q = exec(m_db, QStringLiteral("SELECT c.id, c.serial, c.subject, COALESCE(p.name, '') AS policy_name, COALESCE(v.version, 0) AS policy_version, "
                                       "c.device_id, c.not_before, c.not_after, c.status, c.revocation_reason, c.status_changed_at, c.der FROM certificates c "
                                       "LEFT JOIN cert_policies p ON p.id = c.policy_id LEFT JOIN cert_policy_versions v ON v.id = c.policy_version_id "
                                       "WHERE c.device_id = ? OR c.id IN (SELECT certificate_id FROM recovered_certificates WHERE device_id = ?) ORDER BY c.id"),
        { deviceId, deviceId });
    if (!q)
        return q.error();
    QList<CertificateRecord> out;
    const SqlRow row(*q);
    while (q->next()) {
        CertificateRecord r;
        r.id = row.value("id").toLongLong();
        r.serial = row.value("serial").toString();
        r.subject = row.value("subject").toString();
        r.policyName = row.value("policy_name").toString();
        r.policyVersion = row.value("policy_version").toInt();
        r.deviceId = row.value("device_id").toLongLong();
        r.notBefore = QDateTime::fromMSecsSinceEpoch(row.value("not_before").toLongLong(), Qt::UTC);
        r.notAfter = QDateTime::fromMSecsSinceEpoch(row.value("not_after").toLongLong(), Qt::UTC);
        certificateStatusFromId(row.value("status").toString(), &r.status);
        r.revocationReason = row.value("revocation_reason").toString();
        if (!row.value("status_changed_at").isNull())
            r.statusChangedAt = QDateTime::fromMSecsSinceEpoch(row.value("status_changed_at").toLongLong(), Qt::UTC);
        r.der = row.value("der").toByteArray();
        out.append(r);
    }
    return out;
}

Result<QByteArray> CertificateService::crl(int validityHours)
{
    auto current = currentCrl(validityHours);
    if (!current)
        return current.error();
    return current->der;
}

Result<void> CertificateService::requirePublished(const QString& name) const
{
    if (name != publicationName())
        return Error(ErrorCode::NotFound, QStringLiteral("no CA is published as '%1'").arg(name.left(80)), { { QStringLiteral("what"), QStringLiteral("ca") } });
    return {};
}

Result<CertificateService::PublishedCrl> CertificateService::publishedCrl(const QString& name)
{
    if (auto r = requirePublished(name); !r)
        return r.error();
    auto settings = SettingsService(m_ctx, m_db).load();
    if (!settings)
        return settings.error();
    return currentCrl(settings->integer(SettingKey::CrlValidityHours));
}

Result<QByteArray> CertificateService::publishedCaCertificate(const QString& name)
{
    if (auto r = requirePublished(name); !r)
        return r.error();
    return m_ctx.authority.certificate().toDer();
}

Result<OcspCertificateStatus> CertificateService::ocspStatus(const QString& serialHex)
{
    auto row = fetchOne(m_db, QStringLiteral("SELECT status, status_changed_at, revocation_reason FROM certificates WHERE serial = ?"), { serialHex });
    if (!row)
        return row.error();
    OcspCertificateStatus status;
    if (row->isEmpty())
        return status; // never issued here: unknown
    if (row->value("status").toString() == certificateStatusId(CertificateStatus::Active)) {
        status.kind = OcspCertificateStatus::Kind::Good;
        return status;
    }
    status.kind = OcspCertificateStatus::Kind::Revoked;
    status.revokedAt = QDateTime::fromMSecsSinceEpoch(row->value("status_changed_at").toLongLong(), Qt::UTC);
    revocationReasonFromId(row->value("revocation_reason").toString(), &status.reason);
    if (row->value("status").toString() == certificateStatusId(CertificateStatus::OnHold))
        status.reason = RevocationReason::CertificateHold;
    return status;
}

QByteArray CertificateService::answerOcsp(const QByteArray& requestDer)
{
    const OcspResponder responder(m_ctx.authority, m_ctx.ocspSigningCertificate, m_ctx.ocspSigningKey);
    return responder.respond(requestDer, [this](const QString& serial) { return ocspStatus(serial); }, m_ctx.now());
}

Result<CertificateService::PublishedCrl> CertificateService::currentCrl(int validityHours)
{
    // Read without a lock: the revocation state and the CRL last signed for it.
    auto entries = revokedEntries();
    if (!entries)
        return entries.error();
    const QString digest = stateDigest(*entries);
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    const qint64 life = qint64(validityHours) * 3600 * 1000;
    auto stored = fetchOne(m_db, QStringLiteral("SELECT der, state_digest, this_update, next_update FROM published_crl WHERE id = 1"));
    if (!stored)
        return stored.error();
    const auto fresh = [&](const SqlRow& row) {
        // Signed for this state, and less than half its life gone (so a reader that keeps it
        // until nextUpdate is never without a current one).
        return !row.isEmpty() && row.value("state_digest").toString() == digest
            && now < row.value("this_update").toLongLong() + (row.value("next_update").toLongLong() - row.value("this_update").toLongLong()) / 2;
    };
    const auto published = [](const SqlRow& row) {
        return PublishedCrl { row.value("der").toByteArray(), QDateTime::fromMSecsSinceEpoch(row.value("this_update").toLongLong(), Qt::UTC),
            QDateTime::fromMSecsSinceEpoch(row.value("next_update").toLongLong(), Qt::UTC) };
    };
    if (fresh(*stored))
        return published(*stored);
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    // Another process may have signed it meanwhile.
    auto again = fetchOne(m_db, QStringLiteral("SELECT der, state_digest, this_update, next_update FROM published_crl WHERE id = 1"));
    if (!again)
        return again.error();
    if (fresh(*again))
        return published(*again);
    auto number = fetchOne(m_db, QStringLiteral("UPDATE authorities SET crl_number = crl_number + 1 WHERE kind = 'root' RETURNING crl_number"));
    if (!number)
        return number.error();
    if (number->isEmpty())
        return Error(ErrorCode::StorageFailure, QStringLiteral("no root authority"));
    const QDateTime thisUpdate = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    auto der = m_ctx.authority.makeCrl(*entries, number->value("crl_number").toLongLong(), thisUpdate, thisUpdate.addMSecs(life));
    if (!der)
        return der.error();
    if (auto r = exec(m_db, QStringLiteral("DELETE FROM published_crl WHERE id = 1")); !r)
        return r.error();
    if (auto r = exec(m_db, QStringLiteral("INSERT INTO published_crl (id, der, state_digest, this_update, next_update) VALUES (1, ?, ?, ?, ?)"),
            { *der, digest, now, now + life });
        !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return PublishedCrl { *der, thisUpdate, thisUpdate.addMSecs(life) };
}

Result<QList<RevokedEntry>> CertificateService::revokedEntries()
{
    auto q = exec(m_db, QStringLiteral("SELECT serial, status_changed_at, revocation_reason FROM certificates WHERE status <> ? ORDER BY serial"),
        { certificateStatusId(CertificateStatus::Active) });
    if (!q)
        return q.error();
    QList<RevokedEntry> entries;
    const SqlRow row(*q);
    while (q->next()) {
        RevokedEntry e;
        e.serialHex = row.value("serial").toString();
        e.revokedAt = QDateTime::fromMSecsSinceEpoch(row.value("status_changed_at").toLongLong(), Qt::UTC);
        revocationReasonFromId(row.value("revocation_reason").toString(), &e.reason);
        entries.append(e);
    }
    return entries;
}

QString CertificateService::stateDigest(const QList<RevokedEntry>& entries)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const RevokedEntry& e : entries)
        hash.addData(QStringLiteral("%1|%2|%3\n").arg(e.serialHex).arg(e.revokedAt.toMSecsSinceEpoch()).arg(int(e.reason)).toLatin1());
    return QString::fromLatin1(hash.result().toHex());
}

Result<QByteArray> CertificateService::publishedCrl()
{
    auto settings = SettingsService(m_ctx, m_db).load();
    if (!settings)
        return settings.error();
    return crl(settings->integer(SettingKey::CrlValidityHours));
}

Result<KeyArchive> CertificateService::archivedKeys(qint64 personId, const QString& policyName)
{
    auto q = exec(m_db, QStringLiteral("SELECT c.der, c.archived_key, c.id, c.status, c.revocation_reason, c.not_after FROM certificates c "
                                       "JOIN devices d ON d.id = c.device_id "
                                       "WHERE d.owner_id = ? AND c.policy_id IN (SELECT id FROM cert_policies WHERE name = ?) "
                                       "AND c.archived_key IS NOT NULL ORDER BY c.id DESC"),
        { personId, policyName });
    if (!q)
        return q.error();
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    KeyArchive archive;
    const SqlRow row(*q);
    while (q->next()) {
        const bool revoked = row.value("status").toString() == certificateStatusId(CertificateStatus::Revoked);
        if (revoked && row.value("revocation_reason").toString() == revocationReasonId(RevocationReason::KeyCompromise)) {
            ++archive.compromised;
            continue;
        }
        archive.keys.append({ row.value("der").toByteArray(), row.value("archived_key").toByteArray(), row.value("id").toLongLong(),
            !revoked && row.value("not_after").toLongLong() > now });
    }
    q->finish();
    return archive;
}

Result<void> CertificateService::recordCollection(qint64 certificateId, const QString& sessionId, const QVariant& wrappedArchivedKey)
{
    auto r = exec(m_db, QStringLiteral("UPDATE certificates SET session_id = ?, archived_key = ? WHERE id = ?"), { sessionId, wrappedArchivedKey, certificateId });
    if (!r)
        return r.error();
    return {};
}

} // namespace lanyard
