#include "ProfileService.h"

#include "AuditLog.h"
#include "CertificateService.h"
#include "PeopleService.h"
#include "SettingsSchema.h"
#include "SettingsService.h"
#include "pki/CertificateAuthority.h"
#include "pki/DnTemplate.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <array>

namespace lanyard {

namespace {
constexpr const char* kProfileColumns = "id, lineage, version, is_current, name, card_encoding, notification_scheme, device_restriction, "
                                        "requires_validation, lifetime_days, pin_policy, auth_types, is_parent, parent_lineage, "
                                        "credential_group, cancel_previous, badge_layout, created_at";

const std::array<std::pair<const char*, CharRule PinPolicy::*>, 4> kPinClasses { {
    { "upper", &PinPolicy::upper },
    { "lower", &PinPolicy::lower },
    { "digits", &PinPolicy::digits },
    { "special", &PinPolicy::special },
} };

QString pinPolicyJson(const PinPolicy& p)
{
    QJsonObject o { { QStringLiteral("min"), p.minLength }, { QStringLiteral("max"), p.maxLength } };
    for (const auto& [key, member] : kPinClasses)
        o.insert(QLatin1String(key), charRuleId(p.*member));
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

PinPolicy pinPolicyFromJson(const QString& text)
{
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    PinPolicy p;
    p.minLength = o.value(QStringLiteral("min")).toInt(p.minLength);
    p.maxLength = o.value(QStringLiteral("max")).toInt(p.maxLength);
    for (const auto& [key, member] : kPinClasses)
        charRuleFromId(o.value(QLatin1String(key)).toString(), &(p.*member));
    return p;
}

CredentialProfile readProfile(const SqlRow& row)
{
    CredentialProfile p;
    p.id = row.value("id").toLongLong();
    p.lineage = row.value("lineage").toLongLong();
    p.version = row.value("version").toInt();
    p.isCurrent = row.value("is_current").toInt() != 0;
    p.name = row.value("name").toString();
    cardEncodingFromId(row.value("card_encoding").toString(), &p.encoding);
    notificationSchemeFromId(row.value("notification_scheme").toString(), &p.notificationScheme);
    deviceRestrictionFromId(row.value("device_restriction").toString(), &p.deviceRestriction);
    p.requiresValidation = row.value("requires_validation").toInt() != 0;
    p.lifetimeDays = row.value("lifetime_days").toInt();
    p.pinPolicy = pinPolicyFromJson(row.value("pin_policy").toString());
    p.authTypes = row.value("auth_types").toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    p.isParent = row.value("is_parent").toInt() != 0;
    p.parentLineage = row.value("parent_lineage").toLongLong();
    p.credentialGroup = row.value("credential_group").toString();
    p.cancelPrevious = row.value("cancel_previous").toInt() != 0;
    p.badgeLayout = row.value("badge_layout").toString();
    p.createdAt = QDateTime::fromMSecsSinceEpoch(row.value("created_at").toLongLong(), Qt::UTC);
    return p;
}

Error profileError(const QString& problem, const QString& detail)
{
    return Error(ErrorCode::InvalidArgument, detail, { { QStringLiteral("problem"), problem } });
}
} // namespace

ProfileService::ProfileService(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

Result<void> ProfileService::validatePolicy(const CertificatePolicy& p)
{
    if (p.name.trimmed().isEmpty())
        return profileError(QStringLiteral("policy-name"), QStringLiteral("a certificate policy needs a name"));
    if (p.keyAlgorithms.isEmpty())
        return profileError(QStringLiteral("policy-algorithms"), QStringLiteral("a certificate policy needs at least one key algorithm"));
    if (p.validityDays < 1 || p.validityDays > 3650)
        return profileError(QStringLiteral("policy-validity"), QStringLiteral("validity must be 1 to 3650 days"));
    if (auto r = CertificateAuthority::validateUsages(p.keyUsage, p.extendedKeyUsage); !r)
        return r;
    if (auto r = DnTemplate::parse(p.dnTemplate); !r)
        return r.error();
    // An archived key is one the engine made and keeps: only an encryption key may be such,
    // never one that signs or authenticates in its holder's name.
    if (p.archiveKeys) {
        static const QStringList encipherment { QStringLiteral("keyEncipherment"), QStringLiteral("dataEncipherment"), QStringLiteral("keyAgreement") };
        for (const QString& usage : p.keyUsage.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!encipherment.contains(usage.trimmed()))
                return Error(ErrorCode::InvalidArgument,
                    QStringLiteral("'%1' archives keys, so its key usage may only be encipherment, not %2").arg(p.name.trimmed(), usage.trimmed()),
                    { { QStringLiteral("problem"), QStringLiteral("archive-not-encipherment") }, { QStringLiteral("policy"), p.name.trimmed() },
                        { QStringLiteral("value"), usage.trimmed() } });
        }
    }
    return {};
}

Result<void> ProfileService::validateProfile(const CredentialProfile& p)
{
    if (p.name.trimmed().isEmpty())
        return profileError(QStringLiteral("profile-name"), QStringLiteral("a credential profile needs a name"));
    if (p.lifetimeDays < 1 || p.lifetimeDays > 3650)
        return profileError(QStringLiteral("profile-lifetime"), QStringLiteral("lifetime must be 1 to 3650 days"));
    if (p.policies.isEmpty())
        return profileError(QStringLiteral("profile-policies"), QStringLiteral("a credential profile issues at least one certificate"));
    const auto [minPin, maxPin] = pinLengthRange(p.encoding);
    if (p.pinPolicy.minLength < minPin || p.pinPolicy.maxLength > maxPin || p.pinPolicy.minLength > p.pinPolicy.maxLength)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("PIN length must lie within %1-%2").arg(minPin).arg(maxPin),
            { { QStringLiteral("problem"), QStringLiteral("pin-length") }, { QStringLiteral("minimum"), minPin }, { QStringLiteral("maximum"), maxPin } });
    // At most four classes can be mandatory and every minimum length is at least four, so
    // only an empty set of classes can make a PIN impossible.
    const auto rules = { p.pinPolicy.upper, p.pinPolicy.lower, p.pinPolicy.digits, p.pinPolicy.special };
    if (std::all_of(rules.begin(), rules.end(), [](CharRule r) { return r == CharRule::NotAllowed; }))
        return profileError(QStringLiteral("pin-no-class"), QStringLiteral("a PIN must allow at least one class of characters"));
    if (!p.authTypes.contains(QStringLiteral("pin")))
        return profileError(QStringLiteral("auth-pin-required"), QStringLiteral("the PIN is always an authentication type"));
    for (const QString& t : p.authTypes) {
        if (!knownAuthTypes().contains(t))
            return profileError(QStringLiteral("auth-type-unknown"), QStringLiteral("unknown authentication type '%1'").arg(t));
    }
    for (const ProfilePolicy& pp : p.policies) {
        auto policy = this->policy(pp.policyId);
        if (!policy)
            return policy.error();
        if (auto r = usableBy(*policy, pp, p.encoding, p.name.trimmed()); !r)
            return r;
    }
    for (const ProfileRoleRights& rr : p.roleRights) {
        if (rr.roleId <= 0)
            return profileError(QStringLiteral("profile-role"), QStringLiteral("a role right names no role"));
    }
    if (p.parentLineage > 0 || p.isParent) {
        auto settings = SettingsService(m_ctx, m_db).load();
        if (!settings)
            return settings.error();
        if (!settings->boolean(SettingKey::ParentChildProfiles))
            return profileError(QStringLiteral("parent-child-off"), QStringLiteral("parent and child profiles are switched off in the settings"));
        if (p.parentLineage > 0 && p.encoding != CardEncoding::VirtualSmartCard)
            return profileError(QStringLiteral("child-not-vsc"), QStringLiteral("a child profile must be a virtual smart card profile"));
    }
    return {};
}

Result<void> ProfileService::validatePolicyHere(const CertificatePolicy& p)
{
    if (auto r = validatePolicy(p); !r)
        return r;
    // Issuance would cut such certificates short at the CA's end; a policy that promises more
    // than the CA can give is refused where it is written, not discovered on a certificate.
    const QDateTime caEnd = m_ctx.authority.certificate().notAfter();
    const QDateTime now = m_ctx.now();
    if (now.addDays(p.validityDays) > caEnd) {
        const qint64 longest = qMax<qint64>(0, now.secsTo(caEnd) / 86400); // whole days, not midnights passed
        return Error(ErrorCode::InvalidArgument,
            QStringLiteral("'%1' would issue certificates for %2 days, past the issuing CA's end on %3; at most %4 days")
                .arg(p.name.trimmed())
                .arg(p.validityDays)
                .arg(caEnd.toString(Qt::ISODate))
                .arg(longest),
            { { QStringLiteral("problem"), QStringLiteral("policy-outlives-ca") }, { QStringLiteral("policy"), p.name.trimmed() },
                { QStringLiteral("caEnd"), caEnd.toString(Qt::ISODate) }, { QStringLiteral("maximum"), longest } });
    }
    if (p.id <= 0)
        return {};
    // The profiles issuing under this policy must still be able to: their cards make its keys,
    // and their key recovery still finds archived keys.
    auto q = exec(m_db, QStringLiteral("SELECT pr.name, pr.card_encoding, pp.recovery FROM profiles pr JOIN profile_policies pp ON pp.profile_id = pr.id "
                                       "WHERE pr.is_current = 1 AND pp.policy_id = ? ORDER BY pr.name"),
        { p.id });
    if (!q)
        return q.error();
    const SqlRow row(*q);
    while (q->next()) {
        ProfilePolicy pp;
        keyRecoveryFromId(row.value("recovery").toString(), &pp.recovery);
        CardEncoding encoding = CardEncoding::IdentityAgent;
        cardEncodingFromId(row.value("card_encoding").toString(), &encoding);
        if (auto r = usableBy(p, pp, encoding, row.value("name").toString()); !r)
            return r;
    }
    return {};
}

Result<void> ProfileService::usableBy(const CertificatePolicy& policy, const ProfilePolicy& use, CardEncoding encoding, const QString& profileName)
{
    const QList<KeyAlgorithm> made = keyAlgorithmsMadeBy(encoding);
    if (std::none_of(policy.keyAlgorithms.begin(), policy.keyAlgorithms.end(), [&](KeyAlgorithm a) { return made.contains(a); })) {
        QStringList names;
        for (KeyAlgorithm a : made)
            names << keyAlgorithmId(a);
        return Error(ErrorCode::InvalidArgument,
            QStringLiteral("'%1' issues '%2' on a %3, which makes only %4 keys").arg(profileName, policy.name, cardEncodingId(encoding), names.join(QStringLiteral(", "))),
            { { QStringLiteral("problem"), QStringLiteral("algorithm-not-made") }, { QStringLiteral("profile"), profileName },
                { QStringLiteral("policy"), policy.name }, { QStringLiteral("algorithms"), names.join(QStringLiteral(", ")) } });
    }
    // An archived key is made by the engine; a card makes its own keys and takes none in.
    if (policy.archiveKeys && (encoding == CardEncoding::PivCard || encoding == CardEncoding::VirtualSmartCard))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("'%1' archives keys, which a card cannot take in ('%2')").arg(policy.name, profileName),
            { { QStringLiteral("problem"), QStringLiteral("archive-on-card") }, { QStringLiteral("profile"), profileName }, { QStringLiteral("policy"), policy.name } });
    // Recovering a key means the engine made and kept it: only for policies whose key is
    // archived (encryption), never for one that authenticates or signs.
    if (use.recovery != KeyRecovery::IssueNew && !policy.archiveKeys)
        return Error(ErrorCode::InvalidArgument,
            QStringLiteral("'%1' does not archive keys, so its keys cannot be recovered (%2, '%3')").arg(policy.name, keyRecoveryId(use.recovery), profileName),
            { { QStringLiteral("problem"), QStringLiteral("recovery-without-archive") }, { QStringLiteral("policy"), policy.name },
                { QStringLiteral("profile"), profileName } });
    return {};
}

Result<qint64> ProfileService::savePolicy(const AccessControl* ac, const CertificatePolicy& p)
{
    if (ac) {
        if (auto r = ac->require(Workflow::EditCertificatePolicies); !r)
            return r.error();
    }
    if (auto r = validatePolicyHere(p); !r)
        return r.error();
    const QString name = p.name.trimmed();
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto taken = fetchValue(m_db, QStringLiteral("SELECT COUNT(*) FROM cert_policies WHERE name = ? AND id <> ?"), { name, p.id });
    if (!taken)
        return taken.error();
    if (taken->toInt() > 0)
        return Error(ErrorCode::Conflict, QStringLiteral("another certificate policy is called '%1'").arg(name),
            { { QStringLiteral("problem"), QStringLiteral("policy-name-taken") }, { QStringLiteral("name"), name } });
    qint64 id = p.id;
    int version = 1;
    if (id > 0) {
        auto latest = fetchValue(m_db, QStringLiteral("SELECT MAX(version) FROM cert_policy_versions WHERE policy_id = ?"), { id });
        if (!latest)
            return latest.error();
        if (latest->isNull())
            return Error(ErrorCode::NotFound, QStringLiteral("certificate policy %1").arg(id), { { QStringLiteral("what"), QStringLiteral("policy") } });
        if (p.version != latest->toInt())
            return Error(ErrorCode::Conflict, QStringLiteral("'%1' was changed to version %2 since version %3 was opened").arg(name).arg(latest->toInt()).arg(p.version),
                { { QStringLiteral("problem"), QStringLiteral("policy-stale") }, { QStringLiteral("name"), name }, { QStringLiteral("version"), latest->toInt() } });
        version = latest->toInt() + 1;
        if (auto r = exec(m_db, QStringLiteral("UPDATE cert_policies SET name = ? WHERE id = ?"), { name, id }); !r)
            return r.error();
    } else {
        auto ins = fetchOne(m_db, QStringLiteral("INSERT INTO cert_policies (name) VALUES (?) RETURNING id"), { name });
        if (!ins)
            return ins.error();
        id = ins->value("id").toLongLong();
    }
    auto ins = fetchOne(m_db,
        QStringLiteral("INSERT INTO cert_policy_versions (policy_id, version, key_algorithms, validity_days, key_usage, ext_key_usage, dn_template, "
                       "san_email, san_upn, san_fascn, san_card_uuid, archive_keys, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id"),
        { id, version, keyAlgorithmList(p.keyAlgorithms), p.validityDays, p.keyUsage, p.extendedKeyUsage, p.dnTemplate, p.sanEmail ? 1 : 0,
            p.sanUpn ? 1 : 0, p.sanFascn ? 1 : 0, p.sanCardUuid ? 1 : 0, p.archiveKeys ? 1 : 0, m_ctx.now().toMSecsSinceEpoch() });
    if (!ins)
        return ins.error();
    if (ac) {
        const AuditEvent e = AuditLog::event(m_ctx.now(), ac, workflowId(Workflow::EditCertificatePolicies), QStringLiteral("certificate-policy"),
            QString::number(id), name, QStringLiteral("version %1").arg(version));
        if (auto r = AuditLog(m_db, m_ctx).append(e); !r)
            return r.error();
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return id;
}

namespace {
constexpr const char* kPolicySelect
    = "SELECT p.id, p.name, v.id AS version_id, v.version, v.key_algorithms, v.validity_days, v.key_usage, v.ext_key_usage, v.dn_template, "
      "v.san_email, v.san_upn, v.san_fascn, v.san_card_uuid, v.archive_keys, v.created_at, "
      "CASE WHEN v.version = (SELECT MAX(l.version) FROM cert_policy_versions l WHERE l.policy_id = p.id) THEN 1 ELSE 0 END AS is_current "
      "FROM cert_policies p JOIN cert_policy_versions v ON v.policy_id = p.id ";

CertificatePolicy readPolicy(const SqlRow& row)
{
    CertificatePolicy p;
    p.id = row.value("id").toLongLong();
    p.name = row.value("name").toString();
    p.versionId = row.value("version_id").toLongLong();
    p.version = row.value("version").toInt();
    p.isCurrent = row.value("is_current").toInt() != 0;
    p.createdAt = QDateTime::fromMSecsSinceEpoch(row.value("created_at").toLongLong(), Qt::UTC);
    parseKeyAlgorithms(row.value("key_algorithms").toString(), &p.keyAlgorithms);
    p.validityDays = row.value("validity_days").toInt();
    p.keyUsage = row.value("key_usage").toString();
    p.extendedKeyUsage = row.value("ext_key_usage").toString();
    p.dnTemplate = row.value("dn_template").toString();
    p.sanEmail = row.value("san_email").toInt() != 0;
    p.sanUpn = row.value("san_upn").toInt() != 0;
    p.sanFascn = row.value("san_fascn").toInt() != 0;
    p.sanCardUuid = row.value("san_card_uuid").toInt() != 0;
    p.archiveKeys = row.value("archive_keys").toInt() != 0;
    return p;
}
} // namespace

Result<QList<CertificatePolicy>> ProfileService::policiesWhere(const QString& where, const QVariantList& binds)
{
    auto q = exec(m_db, QLatin1String(kPolicySelect) + where, binds);
    if (!q)
        return q.error();
    QList<CertificatePolicy> out;
    const SqlRow row(*q);
    while (q->next())
        out.append(readPolicy(row));
    return out;
}

Result<CertificatePolicy> ProfileService::policy(qint64 id)
{
    auto list = policiesWhere(QStringLiteral("WHERE p.id = ? AND v.version = (SELECT MAX(l.version) FROM cert_policy_versions l WHERE l.policy_id = p.id)"), { id });
    if (!list)
        return list.error();
    if (list->isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("certificate policy %1").arg(id), { { QStringLiteral("what"), QStringLiteral("policy") } });
    return list->first();
}

Result<QList<CertificatePolicy>> ProfileService::policyVersions(const AccessControl& ac, qint64 id)
{
    if (auto r = ac.require(Workflow::EditCertificatePolicies); !r)
        return r.error();
    auto list = policiesWhere(QStringLiteral("WHERE p.id = ? ORDER BY v.version DESC"), { id });
    if (list && list->isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("certificate policy %1").arg(id), { { QStringLiteral("what"), QStringLiteral("policy") } });
    return list;
}

Result<CertificatePolicyExample> ProfileService::policyExample(const AccessControl& ac, const CertificatePolicy& p, qint64 personId)
{
    if (auto r = ac.require(Workflow::EditCertificatePolicies); !r)
        return r.error();
    if (auto r = DnTemplate::parse(p.dnTemplate); !r)
        return r.error();
    auto person = PeopleService(m_ctx, m_db).get(ac, personId);
    if (!person)
        return person.error();
    auto settings = SettingsService(m_ctx, m_db).load();
    if (!settings)
        return settings.error();
    return CertificateService::example(p, *person, settings->value(SettingKey::DefaultDn));
}

Result<qint64> ProfileService::saveProfile(const AccessControl* ac, const CredentialProfile& profile)
{
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    auto id = insertVersion(ac, profile);
    if (!id)
        return id;
    if (auto r = tx.commit(); !r)
        return r.error();
    return id;
}

Result<qint64> ProfileService::insertVersion(const AccessControl* ac, const CredentialProfile& p)
{
    if (ac) {
        if (auto r = ac->require(Workflow::EditCredentialProfiles); !r)
            return r.error();
    }
    if (auto r = validateProfile(p); !r)
        return r.error();
    int version = 1;
    if (p.lineage > 0) {
        auto q = fetchValue(m_db, QStringLiteral("SELECT MAX(version) FROM profiles WHERE lineage = ?"), { p.lineage });
        if (!q)
            return q.error();
        if (q->isNull())
            return Error(ErrorCode::NotFound, QStringLiteral("profile lineage %1").arg(p.lineage), { { QStringLiteral("what"), QStringLiteral("profile") } });
        // Editing starts from a version; if someone saved a newer one meanwhile, saving would
        // silently discard their change.
        if (p.version != q->toInt())
            return Error(ErrorCode::Conflict, QStringLiteral("'%1' was changed to version %2 since version %3 was opened").arg(p.name).arg(q->toInt()).arg(p.version),
                { { QStringLiteral("problem"), QStringLiteral("profile-stale") }, { QStringLiteral("name"), p.name }, { QStringLiteral("version"), q->toInt() } });
        version = q->toInt() + 1;
        if (auto r = exec(m_db, QStringLiteral("UPDATE profiles SET is_current = 0 WHERE lineage = ?"), { p.lineage }); !r)
            return r.error();
    }
    auto ins = fetchOne(m_db,
        QStringLiteral("INSERT INTO profiles (lineage, version, is_current, name, card_encoding, notification_scheme, device_restriction, "
                       "requires_validation, lifetime_days, pin_policy, auth_types, is_parent, parent_lineage, credential_group, "
                       "cancel_previous, badge_layout, created_at) VALUES (?,?,1,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id"),
        { p.lineage > 0 ? p.lineage : 0, version, p.name.trimmed(), cardEncodingId(p.encoding), notificationSchemeId(p.notificationScheme),
            deviceRestrictionId(p.deviceRestriction), p.requiresValidation ? 1 : 0, p.lifetimeDays, pinPolicyJson(p.pinPolicy),
            p.authTypes.join(QLatin1Char(',')), p.isParent ? 1 : 0,
            p.parentLineage > 0 ? QVariant(p.parentLineage) : QVariant(QMetaType::fromType<qlonglong>()), p.credentialGroup,
            p.cancelPrevious ? 1 : 0, p.badgeLayout, m_ctx.now().toMSecsSinceEpoch() });
    if (!ins)
        return ins.error();
    const qint64 id = ins->value("id").toLongLong();
    if (p.lineage <= 0) {
        if (auto r = exec(m_db, QStringLiteral("UPDATE profiles SET lineage = id WHERE id = ?"), { id }); !r)
            return r.error();
    }
    for (const ProfilePolicy& pp : p.policies) {
        if (auto r = exec(m_db, QStringLiteral("INSERT INTO profile_policies (profile_id, policy_id, recovery) VALUES (?, ?, ?)"),
                { id, pp.policyId, keyRecoveryId(pp.recovery) });
            !r)
            return r.error();
    }
    for (const ProfileRoleRights& rr : p.roleRights) {
        if (auto r = exec(m_db, QStringLiteral("INSERT INTO profile_roles (profile_id, role_id, can_request, can_receive, can_collect, can_validate, can_unlock)"
                                               " VALUES (?,?,?,?,?,?,?)"),
                { id, rr.roleId, rr.canRequest ? 1 : 0, rr.canReceive ? 1 : 0, rr.canCollect ? 1 : 0, rr.canValidate ? 1 : 0, rr.canUnlock ? 1 : 0 });
            !r)
            return r.error();
    }
    if (ac) {
        const AuditEvent e = AuditLog::event(m_ctx.now(), ac, workflowId(Workflow::EditCredentialProfiles), QStringLiteral("profile"),
            QString::number(id), p.name, QStringLiteral("version %1").arg(version));
        if (auto r = AuditLog(m_db, m_ctx).append(e); !r)
            return r.error();
    }
    return id;
}

Result<CredentialProfile> ProfileService::profile(qint64 id)
{
    auto row = fetchOne(m_db, QStringLiteral("SELECT %1 FROM profiles WHERE id = ?").arg(QLatin1String(kProfileColumns)), { id });
    if (!row)
        return row.error();
    if (row->isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("profile %1").arg(id), { { QStringLiteral("what"), QStringLiteral("profile") } });
    CredentialProfile p = readProfile(*row);
    auto pol = exec(m_db, QStringLiteral("SELECT pp.policy_id, c.name, pp.recovery FROM profile_policies pp JOIN cert_policies c ON c.id = pp.policy_id "
                                         "WHERE pp.profile_id = ? ORDER BY pp.policy_id"),
        { id });
    if (!pol)
        return pol.error();
    const SqlRow policy(*pol);
    while (pol->next()) {
        ProfilePolicy pp;
        pp.policyId = policy.value("policy_id").toLongLong();
        pp.policyName = policy.value("name").toString();
        keyRecoveryFromId(policy.value("recovery").toString(), &pp.recovery);
        p.policies.append(pp);
    }
    auto roles = exec(m_db, QStringLiteral("SELECT pr.role_id, r.name, pr.can_request, pr.can_receive, pr.can_collect, pr.can_validate, pr.can_unlock "
                                           "FROM profile_roles pr JOIN roles r ON r.id = pr.role_id WHERE pr.profile_id = ? ORDER BY r.name"),
        { id });
    if (!roles)
        return roles.error();
    const SqlRow rights(*roles);
    while (roles->next()) {
        ProfileRoleRights rr;
        rr.roleId = rights.value("role_id").toLongLong();
        rr.roleName = rights.value("name").toString();
        rr.canRequest = rights.value("can_request").toInt() != 0;
        rr.canReceive = rights.value("can_receive").toInt() != 0;
        rr.canCollect = rights.value("can_collect").toInt() != 0;
        rr.canValidate = rights.value("can_validate").toInt() != 0;
        rr.canUnlock = rights.value("can_unlock").toInt() != 0;
        p.roleRights.append(rr);
    }
    return p;
}

Result<QList<qint64>> ProfileService::ids(const QString& sql, const QVariantList& binds)
{
    auto q = exec(m_db, sql, binds);
    if (!q)
        return q.error();
    QList<qint64> out;
    const SqlRow row(*q);
    while (q->next())
        out.append(row.value("id").toLongLong());
    return out;
}

Result<QList<CredentialProfile>> ProfileService::profilesById(const QString& sql, const QVariantList& binds)
{
    auto list = ids(sql, binds);
    if (!list)
        return list.error();
    QList<CredentialProfile> out;
    for (qint64 id : *list) {
        auto p = profile(id);
        if (!p)
            return p.error();
        out.append(*p);
    }
    return out;
}

Result<QList<CredentialProfile>> ProfileService::current()
{
    return profilesById(QStringLiteral("SELECT id FROM profiles WHERE is_current = 1 ORDER BY name"));
}

Result<QList<CredentialProfile>> ProfileService::currentProfiles(const AccessControl& ac)
{
    if (auto r = ac.require(Workflow::EditCredentialProfiles); !r)
        return r.error();
    return current();
}

Result<QList<CredentialProfile>> ProfileService::versions(const AccessControl& ac, qint64 lineage)
{
    if (auto r = ac.require(Workflow::EditCredentialProfiles); !r)
        return r.error();
    auto out = profilesById(QStringLiteral("SELECT id FROM profiles WHERE lineage = ? ORDER BY version DESC"), { lineage });
    if (out && out->isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("profile lineage %1").arg(lineage), { { QStringLiteral("what"), QStringLiteral("profile") } });
    return out;
}

Result<QList<CertificatePolicy>> ProfileService::policies(const AccessControl& ac)
{
    // The profile editor chooses among them too.
    if (!ac.allows(Workflow::EditCertificatePolicies)) {
        if (auto r = ac.require(Workflow::EditCredentialProfiles); !r)
            return r.error();
    }
    return policiesWhere(QStringLiteral("WHERE v.version = (SELECT MAX(l.version) FROM cert_policy_versions l WHERE l.policy_id = p.id) ORDER BY p.name"));
}

Result<bool> ProfileService::rolesHold(const QList<qint64>& roleIds, qint64 profileId, ProfileRight right)
{
    if (roleIds.isEmpty())
        return false;
    const char* column = "can_request";
    switch (right) {
    case ProfileRight::Request:
        break;
    case ProfileRight::Receive:
        column = "can_receive";
        break;
    case ProfileRight::Collect:
        column = "can_collect";
        break;
    case ProfileRight::Validate:
        column = "can_validate";
        break;
    case ProfileRight::Unlock:
        column = "can_unlock";
        break;
    }
    QVariantList binds { profileId };
    QStringList marks;
    for (qint64 role : roleIds) {
        marks << QStringLiteral("?");
        binds << role;
    }
    auto count = fetchValue(m_db,
        QStringLiteral("SELECT COUNT(*) FROM profile_roles WHERE profile_id = ? AND %1 = 1 AND role_id IN (%2)").arg(QLatin1String(column), marks.join(QLatin1Char(','))),
        binds);
    if (!count)
        return count.error();
    return count->toInt() > 0;
}

Result<bool> ProfileService::personHolds(qint64 personId, qint64 profileId, ProfileRight right)
{
    auto q = exec(m_db, QStringLiteral("SELECT role_id FROM person_roles WHERE person_id = ?"), { personId });
    if (!q)
        return q.error();
    QList<qint64> roles;
    const SqlRow row(*q);
    while (q->next())
        roles.append(row.value("role_id").toLongLong());
    return rolesHold(roles, profileId, right);
}

Result<QList<CredentialProfile>> ProfileService::requestable(const QList<qint64>& operatorRoles, qint64 personId)
{
    auto all = current();
    if (!all)
        return all.error();
    auto q = exec(m_db, QStringLiteral("SELECT role_id FROM person_roles WHERE person_id = ?"), { personId });
    if (!q)
        return q.error();
    QList<qint64> personRoles;
    const SqlRow row(*q);
    while (q->next())
        personRoles.append(row.value("role_id").toLongLong());
    auto settings = SettingsService(m_ctx, m_db).load();
    if (!settings)
        return settings.error();
    // Virtual smart cards switched off: none is offered (nor, in RequestService, made).
    const bool vscOn = settings->boolean(SettingKey::VscEnabled);
    QList<CredentialProfile> out;
    for (const CredentialProfile& p : *all) {
        if (p.encoding == CardEncoding::VirtualSmartCard && !vscOn)
            continue;
        bool canRequest = false, canReceive = false;
        for (const ProfileRoleRights& rr : p.roleRights) {
            canRequest = canRequest || (rr.canRequest && operatorRoles.contains(rr.roleId));
            canReceive = canReceive || (rr.canReceive && personRoles.contains(rr.roleId));
        }
        if (canRequest && canReceive)
            out.append(p);
    }
    return out;
}

Result<QList<CredentialProfile>> ProfileService::requestableFor(const AccessControl& ac, qint64 personId)
{
    if (auto person = PeopleService(m_ctx, m_db).get(ac, personId); !person)
        return person.error();
    return requestable(ac.roleIds(), personId);
}

} // namespace lanyard
