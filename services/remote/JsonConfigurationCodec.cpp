// JSON shapes of the configuration records: hardware, roles, profiles, certificate policies,
// message templates, settings, notifications and the audit trail.

#include "JsonCodec.h"

#include "JsonReader.h"

namespace lanyard::json {

namespace {

bool hardwareKindFromId(const QString& id, HardwareKind* kind)
{
    if (id == QLatin1String("phone"))
        *kind = HardwareKind::Phone;
    else if (id == QLatin1String("computer"))
        *kind = HardwareKind::Computer;
    else
        return false;
    return true;
}

QJsonArray algorithmIds(const QList<KeyAlgorithm>& algorithms)
{
    QJsonArray out;
    for (KeyAlgorithm a : algorithms)
        out.append(keyAlgorithmId(a));
    return out;
}
} // namespace

QJsonObject fromHardware(const RegisteredHardware& h)
{
    return { { QStringLiteral("id"), h.id }, { QStringLiteral("kind"), h.kind == HardwareKind::Computer ? QStringLiteral("computer") : QStringLiteral("phone") },
        { QStringLiteral("identifier"), h.identifier }, { QStringLiteral("ownerId"), h.ownerId }, { QStringLiteral("description"), h.description },
        { QStringLiteral("active"), h.active }, { QStringLiteral("ownerLogon"), h.ownerLogon } };
}

Result<RegisteredHardware> toHardware(const QJsonObject& o)
{
    JsonReader r(o);
    RegisteredHardware h;
    r.require("kind");
    h.id = r.integer("id", 0);
    h.kind = r.choice<HardwareKind>("kind", hardwareKindFromId, HardwareKind::Phone);
    h.identifier = r.text("identifier", 255);
    h.ownerId = r.integer("ownerId", 0);
    h.description = r.text("description", 1000);
    h.active = r.has("active") ? r.boolean("active") : true;
    h.ownerLogon = r.text("ownerLogon", 255);
    return finish(r, h);
}

QJsonArray fromWorkflows(const QList<Workflow>& workflows)
{
    QJsonArray out;
    for (Workflow w : workflows)
        out.append(workflowId(w));
    return out;
}

namespace {
QList<Workflow> readWorkflows(JsonReader& r, const char* name)
{
    QList<Workflow> out;
    for (const QString& id : r.texts(name, 100)) {
        Workflow w;
        if (!workflowFromId(id, &w))
            r.fail(QLatin1String(name), QStringLiteral("unknown workflow '%1'").arg(id.left(40)));
        else
            out << w;
    }
    return out;
}
} // namespace

Result<QList<Workflow>> toWorkflows(const QJsonObject& o)
{
    JsonReader r(o);
    return finish(r, readWorkflows(r, "workflows"));
}

QJsonObject fromRole(const Role& role)
{
    return { { QStringLiteral("id"), role.id }, { QStringLiteral("name"), role.name }, { QStringLiteral("scope"), scopeId(role.scope) },
        { QStringLiteral("workflows"), fromWorkflows(role.workflows) } };
}

Result<Role> toRole(const QJsonObject& o)
{
    JsonReader r(o);
    Role role;
    r.require("name");
    r.require("scope");
    role.id = r.integer("id", 0);
    role.name = r.text("name", 200);
    role.scope = r.choice<Scope>("scope", scopeFromId, Scope::Self);
    role.workflows = readWorkflows(r, "workflows");
    return finish(r, role);
}

QJsonObject fromCredentialProfile(const CredentialProfile& p)
{
    QJsonArray policies;
    for (const ProfilePolicy& pp : p.policies)
        policies.append(QJsonObject { { QStringLiteral("policyId"), pp.policyId }, { QStringLiteral("policyName"), pp.policyName },
            { QStringLiteral("recovery"), keyRecoveryId(pp.recovery) } });
    QJsonArray rights;
    for (const ProfileRoleRights& rr : p.roleRights)
        rights.append(QJsonObject { { QStringLiteral("roleId"), rr.roleId }, { QStringLiteral("roleName"), rr.roleName }, { QStringLiteral("canRequest"), rr.canRequest },
            { QStringLiteral("canReceive"), rr.canReceive }, { QStringLiteral("canCollect"), rr.canCollect }, { QStringLiteral("canValidate"), rr.canValidate },
            { QStringLiteral("canUnlock"), rr.canUnlock } });
    const PinPolicy& pin = p.pinPolicy;
    return { { QStringLiteral("id"), p.id }, { QStringLiteral("lineage"), p.lineage }, { QStringLiteral("version"), p.version },
        { QStringLiteral("isCurrent"), p.isCurrent }, { QStringLiteral("name"), p.name }, { QStringLiteral("encoding"), cardEncodingId(p.encoding) },
        { QStringLiteral("notificationScheme"), notificationSchemeId(p.notificationScheme) },
        { QStringLiteral("deviceRestriction"), deviceRestrictionId(p.deviceRestriction) }, { QStringLiteral("requiresValidation"), p.requiresValidation },
        { QStringLiteral("lifetimeDays"), p.lifetimeDays },
        { QStringLiteral("pinPolicy"),
            QJsonObject { { QStringLiteral("minLength"), pin.minLength }, { QStringLiteral("maxLength"), pin.maxLength },
                { QStringLiteral("upper"), charRuleId(pin.upper) }, { QStringLiteral("lower"), charRuleId(pin.lower) },
                { QStringLiteral("digits"), charRuleId(pin.digits) }, { QStringLiteral("special"), charRuleId(pin.special) } } },
        { QStringLiteral("authTypes"), QJsonArray::fromStringList(p.authTypes) }, { QStringLiteral("isParent"), p.isParent },
        { QStringLiteral("parentLineage"), p.parentLineage }, { QStringLiteral("credentialGroup"), p.credentialGroup },
        { QStringLiteral("cancelPrevious"), p.cancelPrevious }, { QStringLiteral("badgeLayout"), p.badgeLayout }, { QStringLiteral("createdAt"), isoTime(p.createdAt) },
        { QStringLiteral("policies"), policies }, { QStringLiteral("roleRights"), rights } };
}

Result<CredentialProfile> toCredentialProfile(const QJsonObject& o)
{
    JsonReader r(o);
    CredentialProfile p;
    p.id = r.integer("id", 0);
    p.lineage = r.integer("lineage", 0);
    p.version = r.numberOr("version", 1, 1, 1000000);
    p.isCurrent = r.has("isCurrent") ? r.boolean("isCurrent") : true;
    p.name = r.text("name", 200);
    p.encoding = r.choice<CardEncoding>("encoding", cardEncodingFromId, CardEncoding::IdentityAgent);
    p.notificationScheme = r.choice<NotificationScheme>("notificationScheme", notificationSchemeFromId, NotificationScheme::Default);
    p.deviceRestriction = r.choice<DeviceRestriction>("deviceRestriction", deviceRestrictionFromId, DeviceRestriction::Any);
    p.requiresValidation = r.boolean("requiresValidation");
    p.lifetimeDays = r.numberOr("lifetimeDays", p.lifetimeDays, -100000, 100000);
    JsonReader pin(r.object("pinPolicy"), QStringLiteral("pinPolicy"));
    p.pinPolicy.minLength = pin.numberOr("minLength", p.pinPolicy.minLength, -1000, 1000);
    p.pinPolicy.maxLength = pin.numberOr("maxLength", p.pinPolicy.maxLength, -1000, 1000);
    p.pinPolicy.upper = pin.choice<CharRule>("upper", charRuleFromId, p.pinPolicy.upper);
    p.pinPolicy.lower = pin.choice<CharRule>("lower", charRuleFromId, p.pinPolicy.lower);
    p.pinPolicy.digits = pin.choice<CharRule>("digits", charRuleFromId, p.pinPolicy.digits);
    p.pinPolicy.special = pin.choice<CharRule>("special", charRuleFromId, p.pinPolicy.special);
    r.take(pin);
    if (r.has("authTypes"))
        p.authTypes = r.texts("authTypes", 20);
    p.isParent = r.boolean("isParent");
    p.parentLineage = r.integer("parentLineage", 0);
    p.credentialGroup = r.text("credentialGroup", 200);
    p.cancelPrevious = r.boolean("cancelPrevious");
    p.badgeLayout = r.text("badgeLayout", 200);
    p.createdAt = r.time("createdAt");
    p.policies = r.objects<ProfilePolicy>(
        "policies",
        [](JsonReader& x) {
            ProfilePolicy pp;
            pp.policyId = x.integer("policyId", 0);
            pp.policyName = x.text("policyName", 200);
            pp.recovery = x.choice<KeyRecovery>("recovery", keyRecoveryFromId, KeyRecovery::IssueNew);
            return pp;
        },
        100);
    p.roleRights = r.objects<ProfileRoleRights>(
        "roleRights",
        [](JsonReader& x) {
            ProfileRoleRights rr;
            rr.roleId = x.integer("roleId", 0);
            rr.roleName = x.text("roleName", 200);
            rr.canRequest = x.boolean("canRequest");
            rr.canReceive = x.boolean("canReceive");
            rr.canCollect = x.boolean("canCollect");
            rr.canValidate = x.boolean("canValidate");
            rr.canUnlock = x.boolean("canUnlock");
            return rr;
        },
        1000);
    return finish(r, p);
}

QJsonObject fromCertificatePolicy(const CertificatePolicy& p)
{
    return { { QStringLiteral("id"), p.id }, { QStringLiteral("version"), p.version }, { QStringLiteral("versionId"), p.versionId },
        { QStringLiteral("isCurrent"), p.isCurrent }, { QStringLiteral("createdAt"), isoTime(p.createdAt) }, { QStringLiteral("name"), p.name },
        { QStringLiteral("keyAlgorithms"), algorithmIds(p.keyAlgorithms) }, { QStringLiteral("validityDays"), p.validityDays },
        { QStringLiteral("keyUsage"), p.keyUsage }, { QStringLiteral("extendedKeyUsage"), p.extendedKeyUsage }, { QStringLiteral("dnTemplate"), p.dnTemplate },
        { QStringLiteral("sanEmail"), p.sanEmail }, { QStringLiteral("sanUpn"), p.sanUpn }, { QStringLiteral("sanFascn"), p.sanFascn },
        { QStringLiteral("sanCardUuid"), p.sanCardUuid }, { QStringLiteral("archiveKeys"), p.archiveKeys } };
}

Result<CertificatePolicy> toCertificatePolicy(const QJsonObject& o)
{
    JsonReader r(o);
    CertificatePolicy p;
    p.id = r.integer("id", 0);
    p.version = r.numberOr("version", 0, 0, 1000000);
    p.versionId = r.integer("versionId", 0);
    p.isCurrent = r.boolean("isCurrent");
    p.createdAt = r.time("createdAt");
    p.name = r.text("name", 200);
    p.keyAlgorithms.clear();
    for (const QString& id : r.texts("keyAlgorithms", 10)) {
        KeyAlgorithm a;
        if (keyAlgorithmFromId(id, &a))
            p.keyAlgorithms << a;
        else
            r.fail(QStringLiteral("keyAlgorithms"), QStringLiteral("unknown algorithm '%1'").arg(id.left(40)));
    }
    p.validityDays = r.numberOr("validityDays", p.validityDays, 0, 100000);
    p.keyUsage = r.text("keyUsage", 500);
    p.extendedKeyUsage = r.text("extendedKeyUsage", 500);
    p.dnTemplate = r.text("dnTemplate", 2000);
    p.sanEmail = r.boolean("sanEmail");
    p.sanUpn = r.boolean("sanUpn");
    p.sanFascn = r.boolean("sanFascn");
    p.sanCardUuid = r.boolean("sanCardUuid");
    p.archiveKeys = r.boolean("archiveKeys");
    return finish(r, p);
}

QJsonObject fromCertificatePolicyExample(const CertificatePolicyExample& e)
{
    return { { QStringLiteral("subject"), e.subject }, { QStringLiteral("alternativeNames"), QJsonArray::fromStringList(e.alternativeNames) },
        { QStringLiteral("missing"), QJsonArray::fromStringList(e.missing) }, { QStringLiteral("leftOut"), QJsonArray::fromStringList(e.leftOut) } };
}

Result<CertificatePolicyExample> toCertificatePolicyExample(const QJsonObject& o)
{
    JsonReader r(o);
    CertificatePolicyExample e;
    e.subject = r.text("subject", 4000);
    e.alternativeNames = r.texts("alternativeNames", 8);
    e.missing = r.texts("missing", 8);
    e.leftOut = r.texts("leftOut", 8);
    return finish(r, e);
}

QJsonObject fromNotification(const Notification& n)
{
    return { { QStringLiteral("id"), n.id }, { QStringLiteral("jobId"), n.jobId }, { QStringLiteral("deviceId"), n.deviceId },
        { QStringLiteral("channel"), n.channel }, { QStringLiteral("recipient"), n.recipient }, { QStringLiteral("template"), n.templateName },
        { QStringLiteral("state"), n.state }, { QStringLiteral("attempts"), n.attempts }, { QStringLiteral("lastError"), n.lastError },
        { QStringLiteral("createdAt"), isoTime(n.createdAt) }, { QStringLiteral("nextAttemptAt"), isoTime(n.nextAttemptAt) }, { QStringLiteral("sentAt"), isoTime(n.sentAt) } };
}

Result<Notification> toNotification(const QJsonObject& o)
{
    JsonReader r(o);
    Notification n;
    n.id = r.integer("id", 0);
    n.jobId = r.integer("jobId", 0);
    n.deviceId = r.integer("deviceId", 0);
    n.channel = r.text("channel");
    n.recipient = r.text("recipient");
    n.templateName = r.text("template");
    n.state = r.text("state");
    n.attempts = r.number("attempts", 0);
    n.lastError = r.text("lastError");
    n.createdAt = r.time("createdAt");
    n.nextAttemptAt = r.time("nextAttemptAt");
    n.sentAt = r.time("sentAt");
    return finish(r, n);
}

QJsonObject fromMessageTemplate(const MessageTemplate& t)
{
    return { { QStringLiteral("name"), t.name }, { QStringLiteral("subject"), t.subject }, { QStringLiteral("body"), t.body },
        { QStringLiteral("html"), t.html }, { QStringLiteral("customised"), t.customised } };
}

Result<MessageTemplate> toMessageTemplate(const QJsonObject& o)
{
    JsonReader r(o);
    MessageTemplate t;
    r.require("name");
    t.name = r.text("name", 100);
    t.subject = r.text("subject", 1000);
    t.body = r.text("body", 100000);
    t.html = r.text("html", 200000);
    t.customised = r.boolean("customised");
    return finish(r, t);
}

namespace {
Timezone readTimezone(JsonReader& r)
{
    r.require("name");
    r.require("offset");
    return Timezone { r.text("name", 200), r.text("offset", 20) };
}
} // namespace

QJsonObject fromTimezone(const Timezone& z)
{
    return { { QStringLiteral("name"), z.displayName }, { QStringLiteral("offset"), z.utcOffset } };
}

Result<Timezone> toTimezone(const QJsonObject& o)
{
    JsonReader r(o);
    const Timezone z = readTimezone(r);
    return finish(r, z);
}

QJsonObject fromSettings(const Settings& s)
{
    QJsonObject values;
    for (auto it = s.values().cbegin(); it != s.values().cend(); ++it)
        values.insert(it.key(), it.value());
    QJsonArray zones;
    for (const Timezone& z : s.timezones)
        zones.append(fromTimezone(z));
    return { { QStringLiteral("values"), values }, { QStringLiteral("timezones"), zones } };
}

Result<Settings> toSettings(const QJsonObject& o)
{
    JsonReader r(o);
    Settings s;
    r.require("values");
    const QJsonObject values = r.object("values");
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        if (!it.value().isString() || it.key().size() > 200 || it.value().toString().size() > 100000) {
            r.fail(QStringLiteral("values.") + it.key().left(80), QStringLiteral("each setting is a text of up to 100000 characters"));
            break;
        }
        s.set(it.key(), it.value().toString());
    }
    s.timezones = r.objects<Timezone>("timezones", readTimezone, 1000);
    return finish(r, s);
}

QJsonObject fromAuditEvent(const AuditEvent& e)
{
    return { { QStringLiteral("seq"), e.seq }, { QStringLiteral("at"), isoTime(e.at) }, { QStringLiteral("operatorId"), e.operatorId },
        { QStringLiteral("operatorName"), e.operatorName }, { QStringLiteral("workflow"), e.workflow }, { QStringLiteral("targetType"), e.targetType },
        { QStringLiteral("targetId"), e.targetId }, { QStringLiteral("targetLabel"), e.targetLabel }, { QStringLiteral("personId"), e.personId },
        { QStringLiteral("deviceId"), e.deviceId }, { QStringLiteral("outcome"), e.outcome }, { QStringLiteral("details"), e.details },
        { QStringLiteral("prevHash"), e.prevHash }, { QStringLiteral("hash"), e.hash } };
}

Result<AuditEvent> toAuditEvent(const QJsonObject& o)
{
    JsonReader r(o);
    AuditEvent e;
    e.seq = r.integer("seq", 0);
    e.at = r.time("at");
    e.operatorId = r.integer("operatorId", 0);
    e.operatorName = r.text("operatorName");
    e.workflow = r.text("workflow");
    e.targetType = r.text("targetType");
    e.targetId = r.text("targetId");
    e.targetLabel = r.text("targetLabel");
    e.personId = r.integer("personId", 0);
    e.deviceId = r.integer("deviceId", 0);
    e.outcome = r.text("outcome");
    e.details = r.text("details");
    e.prevHash = r.text("prevHash");
    e.hash = r.text("hash");
    return finish(r, e);
}

QJsonObject fromAuditQuery(const AuditQuery& q)
{
    return { { QStringLiteral("personId"), q.personId }, { QStringLiteral("deviceId"), q.deviceId }, { QStringLiteral("operatorId"), q.operatorId },
        { QStringLiteral("workflow"), q.workflow }, { QStringLiteral("text"), q.text }, { QStringLiteral("from"), isoTime(q.from) },
        { QStringLiteral("until"), isoTime(q.until) }, { QStringLiteral("offset"), q.offset }, { QStringLiteral("limit"), q.limit } };
}

Result<AuditQuery> toAuditQuery(const QJsonObject& o)
{
    JsonReader r(o);
    AuditQuery q;
    q.personId = r.integer("personId", 0);
    q.deviceId = r.integer("deviceId", 0);
    q.operatorId = r.integer("operatorId", 0);
    q.workflow = r.text("workflow", 64);
    q.text = r.text("text", 200);
    q.from = r.time("from");
    q.until = r.time("until");
    q.offset = r.number("offset", 0, 10000000);
    q.limit = r.numberOr("limit", q.limit, 1, 1000);
    return finish(r, q);
}

QJsonObject fromAuditVerification(const AuditVerification& v)
{
    return { { QStringLiteral("intact"), v.intact }, { QStringLiteral("checked"), v.checked }, { QStringLiteral("firstBrokenSeq"), v.firstBrokenSeq },
        { QStringLiteral("problem"), v.problem } };
}

Result<AuditVerification> toAuditVerification(const QJsonObject& o)
{
    JsonReader r(o);
    AuditVerification v;
    v.intact = r.boolean("intact");
    v.checked = r.integer("checked", 0);
    v.firstBrokenSeq = r.integer("firstBrokenSeq", 0);
    v.problem = r.text("problem");
    return finish(r, v);
}

QJsonObject fromLockSchedule(const LockSchedule& s)
{
    return { { QStringLiteral("nextRun"), s.nextRun }, { QStringLiteral("date"), s.date.toString(Qt::ISODate) },
        { QStringLiteral("time"), s.time.toString(QStringLiteral("HH:mm")) }, { QStringLiteral("timezone"), s.timezoneValue } };
}

Result<LockSchedule> toLockSchedule(const QJsonObject& o)
{
    JsonReader r(o);
    LockSchedule s;
    r.require("nextRun");
    s.nextRun = r.boolean("nextRun");
    const QString date = r.text("date", 20), time = r.text("time", 20);
    s.date = QDate::fromString(date, Qt::ISODate);
    s.time = QTime::fromString(time, QStringLiteral("HH:mm"));
    if (!date.isEmpty() && !s.date.isValid())
        r.fail(QStringLiteral("date"), QStringLiteral("not a date (YYYY-MM-DD)"));
    if (!time.isEmpty() && !s.time.isValid())
        r.fail(QStringLiteral("time"), QStringLiteral("not a time (HH:mm)"));
    s.timezoneValue = r.text("timezone", 20);
    return finish(r, s);
}

QJsonObject fromTemporaryAccess(const TemporaryAccess& t)
{
    return { { QStringLiteral("response"), t.response }, { QStringLiteral("relockJob"), t.relockJob.id ? fromJob(t.relockJob) : QJsonObject() },
        { QStringLiteral("childEnabled"), t.childEnabled }, { QStringLiteral("enabledUntil"), isoTime(t.enabledUntil) } };
}

Result<TemporaryAccess> toTemporaryAccess(const QJsonObject& o)
{
    TemporaryAccess t;
    t.response = o.value(QStringLiteral("response")).toString();
    t.childEnabled = o.value(QStringLiteral("childEnabled")).toBool();
    t.enabledUntil = QDateTime::fromString(o.value(QStringLiteral("enabledUntil")).toString(), Qt::ISODateWithMs);
    const QJsonObject job = o.value(QStringLiteral("relockJob")).toObject();
    if (!job.isEmpty()) {
        auto j = toJob(job);
        if (!j)
            return j.error();
        t.relockJob = *j;
    }
    return t;
}

QJsonObject fromDeliveryReport(const DeliveryReport& d)
{
    return { { QStringLiteral("sent"), d.sent }, { QStringLiteral("retrying"), d.retrying }, { QStringLiteral("failed"), d.failed },
        { QStringLiteral("waiting"), d.waiting }, { QStringLiteral("remindersQueued"), d.remindersQueued } };
}

Result<DeliveryReport> toDeliveryReport(const QJsonObject& o)
{
    JsonReader r(o);
    DeliveryReport d;
    d.sent = r.number("sent", 0);
    d.retrying = r.number("retrying", 0);
    d.failed = r.number("failed", 0);
    d.waiting = r.number("waiting", 0);
    d.remindersQueued = r.number("remindersQueued", 0);
    return finish(r, d);
}

} // namespace lanyard::json
