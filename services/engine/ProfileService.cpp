#include "ProfileService.h"

#include "AuditLog.h"
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

CredentialProfile readProfile(const QSqlQuery& q)
{
    CredentialProfile p;
    p.id = q.value(0).toLongLong();
    p.lineage = q.value(1).toLongLong();
    p.version = q.value(2).toInt();
    p.isCurrent = q.value(3).toInt() != 0;
    p.name = q.value(4).toString();
    cardEncodingFromId(q.value(5).toString(), &p.encoding);
    notificationSchemeFromId(q.value(6).toString(), &p.notificationScheme);
    deviceRestrictionFromId(q.value(7).toString(), &p.deviceRestriction);
    p.requiresValidation = q.value(8).toInt() != 0;
    p.lifetimeDays = q.value(9).toInt();
    p.pinPolicy = pinPolicyFromJson(q.value(10).toString());
    p.authTypes = q.value(11).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    p.isParent = q.value(12).toInt() != 0;
    p.parentLineage = q.value(13).toLongLong();
    p.credentialGroup = q.value(14).toString();
    p.cancelPrevious = q.value(15).toInt() != 0;
    p.badgeLayout = q.value(16).toString();
    p.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(17).toLongLong(), Qt::UTC);
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
    // Recovering a key means the engine made and kept it: only for policies whose key is
    // archived (encryption), never for one that authenticates or signs.
    for (const ProfilePolicy& pp : p.policies) {
        if (pp.recovery == KeyRecovery::IssueNew)
            continue;
        auto policy = this->policy(pp.policyId);
        if (!policy)
            return policy.error();
        if (!policy->archiveKeys)
            return Error(ErrorCode::InvalidArgument,
                QStringLiteral("'%1' does not archive keys, so its keys cannot be recovered (%2)").arg(policy->name, keyRecoveryId(pp.recovery)),
                { { QStringLiteral("problem"), QStringLiteral("recovery-without-archive") }, { QStringLiteral("policy"), policy->name } });
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

Result<qint64> ProfileService::savePolicy(const AccessControl* ac, const CertificatePolicy& p)
{
    if (ac) {
        if (auto r = ac->require(Workflow::EditCredentialProfiles); !r)
            return r.error();
    }
    if (auto r = validatePolicy(p); !r)
        return r.error();
    const QVariantList values { p.name.trimmed(), keyAlgorithmList(p.keyAlgorithms), p.validityDays, p.keyUsage, p.extendedKeyUsage,
        p.dnTemplate, p.sanEmail ? 1 : 0, p.sanUpn ? 1 : 0, p.archiveKeys ? 1 : 0 };
    if (p.id > 0) {
        auto q = exec(m_db, QStringLiteral("UPDATE cert_policies SET name=?, key_algorithms=?, validity_days=?, key_usage=?, ext_key_usage=?, "
                                           "dn_template=?, san_email=?, san_upn=?, archive_keys=? WHERE id = ?"),
            QVariantList(values) << p.id);
        if (!q)
            return q.error();
        return p.id;
    }
    auto q = fetchOne(m_db, QStringLiteral("INSERT INTO cert_policies (name, key_algorithms, validity_days, key_usage, ext_key_usage, dn_template, "
                                       "san_email, san_upn, archive_keys) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id"),
        values);
    if (!q)
        return q.error();
    return q->value(0).toLongLong();
}

Result<CertificatePolicy> ProfileService::policy(qint64 id)
{
    auto q = exec(m_db, QStringLiteral("SELECT id, name, key_algorithms, validity_days, key_usage, ext_key_usage, dn_template, san_email, "
                                       "san_upn, archive_keys FROM cert_policies WHERE id = ?"),
        { id });
    if (!q)
        return q.error();
    if (!q->next())
        return Error(ErrorCode::NotFound, QStringLiteral("certificate policy %1").arg(id), { { QStringLiteral("what"), QStringLiteral("policy") } });
    CertificatePolicy p;
    p.id = q->value(0).toLongLong();
    p.name = q->value(1).toString();
    parseKeyAlgorithms(q->value(2).toString(), &p.keyAlgorithms);
    p.validityDays = q->value(3).toInt();
    p.keyUsage = q->value(4).toString();
    p.extendedKeyUsage = q->value(5).toString();
    p.dnTemplate = q->value(6).toString();
    p.sanEmail = q->value(7).toInt() != 0;
    p.sanUpn = q->value(8).toInt() != 0;
    p.archiveKeys = q->value(9).toInt() != 0;
    return p;
}

Result<qint64> ProfileService::saveProfile(const AccessControl* ac, const CredentialProfile& p)
{
    if (ac) {
        if (auto r = ac->require(Workflow::EditCredentialProfiles); !r)
            return r.error();
    }
    if (auto r = validateProfile(p); !r)
        return r.error();
    int version = 1;
    if (p.lineage > 0) {
        auto q = fetchOne(m_db, QStringLiteral("SELECT MAX(version) FROM profiles WHERE lineage = ?"), { p.lineage });
        if (!q)
            return q.error();
        if (q->isEmpty() || q->at(0).isNull())
            return Error(ErrorCode::NotFound, QStringLiteral("profile lineage %1").arg(p.lineage), { { QStringLiteral("what"), QStringLiteral("profile") } });
        // Editing starts from a version; if someone saved a newer one meanwhile, saving would
        // silently discard their change.
        if (p.version != q->at(0).toInt())
            return Error(ErrorCode::Conflict, QStringLiteral("'%1' was changed to version %2 since version %3 was opened").arg(p.name).arg(q->at(0).toInt()).arg(p.version),
                { { QStringLiteral("problem"), QStringLiteral("profile-stale") }, { QStringLiteral("name"), p.name }, { QStringLiteral("version"), q->at(0).toInt() } });
        version = q->at(0).toInt() + 1;
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
    const qint64 id = ins->value(0).toLongLong();
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
    auto q = exec(m_db, QStringLiteral("SELECT %1 FROM profiles WHERE id = ?").arg(QLatin1String(kProfileColumns)), { id });
    if (!q)
        return q.error();
    if (!q->next())
        return Error(ErrorCode::NotFound, QStringLiteral("profile %1").arg(id), { { QStringLiteral("what"), QStringLiteral("profile") } });
    CredentialProfile p = readProfile(*q);
    auto pol = exec(m_db, QStringLiteral("SELECT pp.policy_id, c.name, pp.recovery FROM profile_policies pp JOIN cert_policies c ON c.id = pp.policy_id "
                                         "WHERE pp.profile_id = ? ORDER BY pp.policy_id"),
        { id });
    if (!pol)
        return pol.error();
    while (pol->next()) {
        ProfilePolicy pp;
        pp.policyId = pol->value(0).toLongLong();
        pp.policyName = pol->value(1).toString();
        keyRecoveryFromId(pol->value(2).toString(), &pp.recovery);
        p.policies.append(pp);
    }
    auto roles = exec(m_db, QStringLiteral("SELECT pr.role_id, r.name, pr.can_request, pr.can_receive, pr.can_collect, pr.can_validate, pr.can_unlock "
                                           "FROM profile_roles pr JOIN roles r ON r.id = pr.role_id WHERE pr.profile_id = ? ORDER BY r.name"),
        { id });
    if (!roles)
        return roles.error();
    while (roles->next()) {
        ProfileRoleRights rr;
        rr.roleId = roles->value(0).toLongLong();
        rr.roleName = roles->value(1).toString();
        rr.canRequest = roles->value(2).toInt() != 0;
        rr.canReceive = roles->value(3).toInt() != 0;
        rr.canCollect = roles->value(4).toInt() != 0;
        rr.canValidate = roles->value(5).toInt() != 0;
        rr.canUnlock = roles->value(6).toInt() != 0;
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
    while (q->next())
        out.append(q->value(0).toLongLong());
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

Result<QList<CredentialProfile>> ProfileService::currentProfiles()
{
    return profilesById(QStringLiteral("SELECT id FROM profiles WHERE is_current = 1 ORDER BY name"));
}

Result<QList<CredentialProfile>> ProfileService::versions(qint64 lineage)
{
    auto out = profilesById(QStringLiteral("SELECT id FROM profiles WHERE lineage = ? ORDER BY version DESC"), { lineage });
    if (out && out->isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("profile lineage %1").arg(lineage), { { QStringLiteral("what"), QStringLiteral("profile") } });
    return out;
}

Result<QList<CertificatePolicy>> ProfileService::policies()
{
    auto list = ids(QStringLiteral("SELECT id FROM cert_policies ORDER BY name"));
    if (!list)
        return list.error();
    QList<CertificatePolicy> out;
    for (qint64 id : *list) {
        auto p = policy(id);
        if (!p)
            return p.error();
        out.append(*p);
    }
    return out;
}

Result<QList<CredentialProfile>> ProfileService::requestable(const QList<qint64>& operatorRoles, qint64 personId)
{
    auto all = currentProfiles();
    if (!all)
        return all.error();
    auto q = exec(m_db, QStringLiteral("SELECT role_id FROM person_roles WHERE person_id = ?"), { personId });
    if (!q)
        return q.error();
    QList<qint64> personRoles;
    while (q->next())
        personRoles.append(q->value(0).toLongLong());
    QList<CredentialProfile> out;
    for (const CredentialProfile& p : *all) {
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

} // namespace lanyard
