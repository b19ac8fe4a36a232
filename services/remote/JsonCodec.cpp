#include "JsonCodec.h"

#include "JsonReader.h"
#include "core/ErrorCode.h"
#include "engine/PinCheck.h"

#include <algorithm>

namespace lanyard::json {

namespace {

QDateTime toTime(const QJsonValue& v)
{
    return v.isString() && !v.toString().isEmpty() ? QDateTime::fromString(v.toString(), Qt::ISODateWithMs) : QDateTime();
}

Error badField(const QString& field, const QString& why)
{
    return Error(ErrorCode::InvalidArgument, QStringLiteral("field '%1': %2").arg(field, why), { { QStringLiteral("field"), field } });
}

// Reads an optional field of the expected JSON type; a field of another type is an error.
Result<QJsonValue> field(const QJsonObject& o, const QString& name, QJsonValue::Type type)
{
    const QJsonValue v = o.value(name);
    if (v.isUndefined() || v.isNull())
        return QJsonValue();
    if (v.type() != type)
        return badField(name, QStringLiteral("wrong type"));
    return v;
}

Result<QString> text(const QJsonObject& o, const QString& name)
{
    auto v = field(o, name, QJsonValue::String);
    if (!v)
        return v.error();
    return v->toString();
}

template <typename E>
Result<E> enumField(const QJsonObject& o, const QString& name, bool (*fromId)(const QString&, E*), E fallback)
{
    auto s = text(o, name);
    if (!s)
        return s.error();
    if (s->isEmpty())
        return fallback;
    E out;
    if (!fromId(*s, &out))
        return badField(name, QStringLiteral("unknown value '%1'").arg(s->left(40)));
    return out;
}
} // namespace

QJsonObject fromError(const Error& e)
{
    return { { QStringLiteral("code"), errorId(e.code) }, { QStringLiteral("number"), int(e.code) }, { QStringLiteral("message"), e.detail },
        { QStringLiteral("args"), QJsonObject::fromVariantMap(e.args) } };
}

Error toError(const QJsonObject& o, int httpStatus)
{
    const int number = o.value(QStringLiteral("number")).toInt();
    ErrorCode code = ErrorCode::StorageFailure;
    if (number > 0 && errorId(ErrorCode(number)) == o.value(QStringLiteral("code")).toString())
        code = ErrorCode(number);
    else if (httpStatus == 401)
        code = ErrorCode::NotAuthenticated;
    else if (httpStatus == 503)
        code = ErrorCode::ServiceBusy;
    return Error(code, o.value(QStringLiteral("message")).toString(), o.value(QStringLiteral("args")).toObject().toVariantMap());
}

QJsonObject fromSession(const OperatorSession& s)
{
    return { { QStringLiteral("personId"), s.personId }, { QStringLiteral("logonName"), s.logonName }, { QStringLiteral("fullName"), s.fullName } };
}

Result<OperatorSession> toSession(const QJsonObject& o)
{
    JsonReader r(o);
    OperatorSession s;
    s.personId = r.integer("personId", 0);
    s.logonName = r.text("logonName");
    s.fullName = r.text("fullName");
    return finish(r, s);
}

QJsonObject fromPerson(const Person& p)
{
    return { { QStringLiteral("id"), p.id }, { QStringLiteral("logonName"), p.logonName }, { QStringLiteral("fullName"), p.fullName },
        { QStringLiteral("email"), p.email }, { QStringLiteral("mobile"), p.mobile }, { QStringLiteral("userPrincipalName"), p.userPrincipalName },
        { QStringLiteral("group"), p.group }, { QStringLiteral("enabled"), p.enabled }, { QStringLiteral("roles"), QJsonArray::fromStringList(p.roles) },
        { QStringLiteral("fascn"), p.fascn }, { QStringLiteral("cardUuid"), p.cardUuid }, { QStringLiteral("employeeId"), p.employeeId },
        { QStringLiteral("directoryDn"), p.directoryDn }, { QStringLiteral("directoryFields"), QJsonArray::fromStringList(p.directoryFields) } };
}

Result<Person> toPerson(const QJsonObject& o)
{
    JsonReader r(o);
    Person p;
    p.id = r.integer("id", 0);
    p.logonName = r.text("logonName");
    p.fullName = r.text("fullName");
    p.email = r.text("email");
    p.mobile = r.text("mobile");
    p.userPrincipalName = r.text("userPrincipalName");
    p.group = r.text("group");
    p.enabled = r.has("enabled") ? r.boolean("enabled") : true;
    p.roles = r.texts("roles");
    p.fascn = r.text("fascn", 32);
    p.cardUuid = r.text("cardUuid", 36);
    p.employeeId = r.text("employeeId");
    p.directoryDn = r.text("directoryDn", 4096);
    p.directoryFields = r.texts("directoryFields");
    return finish(r, p);
}

QJsonObject fromPersonPage(const PersonPage& p)
{
    return { { QStringLiteral("people"), array(p.people, fromPerson) }, { QStringLiteral("more"), p.more } };
}

Result<PersonPage> toPersonPage(const QJsonObject& o)
{
    auto people = list<Person>(o, QStringLiteral("people"), toPerson);
    if (!people)
        return people.error();
    return PersonPage { *people, o.value(QStringLiteral("more")).toBool() };
}

QJsonObject fromDevice(const Device& d)
{
    return { { QStringLiteral("id"), d.id }, { QStringLiteral("serial"), d.serial }, { QStringLiteral("type"), cardEncodingId(d.type) },
        { QStringLiteral("platform"), d.platform }, { QStringLiteral("hardwareSerial"), d.hardwareSerial }, { QStringLiteral("dnsName"), d.dnsName },
        { QStringLiteral("ownerId"), d.ownerId }, { QStringLiteral("ownerName"), d.ownerName }, { QStringLiteral("profileId"), d.profileId },
        { QStringLiteral("profileName"), d.profileName }, { QStringLiteral("profileVersion"), d.profileVersion }, { QStringLiteral("state"), deviceStateId(d.state) },
        { QStringLiteral("expiresAt"), isoTime(d.expiresAt) }, { QStringLiteral("parentDeviceId"), d.parentDeviceId }, { QStringLiteral("accessLocked"), d.accessLocked },
        { QStringLiteral("disabledWithAccount"), d.disabledWithAccount },
        { QStringLiteral("associatedProfileName"), d.associatedProfileName } };
}

Result<Device> toDevice(const QJsonObject& o)
{
    Device d;
    d.id = o.value(QStringLiteral("id")).toInteger();
    d.serial = o.value(QStringLiteral("serial")).toString();
    auto type = enumField<CardEncoding>(o, QStringLiteral("type"), cardEncodingFromId, CardEncoding::IdentityAgent);
    if (!type)
        return type.error();
    d.type = *type;
    d.platform = o.value(QStringLiteral("platform")).toString();
    d.hardwareSerial = o.value(QStringLiteral("hardwareSerial")).toString();
    d.dnsName = o.value(QStringLiteral("dnsName")).toString();
    d.ownerId = o.value(QStringLiteral("ownerId")).toInteger();
    d.ownerName = o.value(QStringLiteral("ownerName")).toString();
    d.profileId = o.value(QStringLiteral("profileId")).toInteger();
    d.profileName = o.value(QStringLiteral("profileName")).toString();
    d.profileVersion = o.value(QStringLiteral("profileVersion")).toInt();
    auto state = enumField<DeviceState>(o, QStringLiteral("state"), deviceStateFromId, DeviceState::Active);
    if (!state)
        return state.error();
    d.state = *state;
    d.expiresAt = toTime(o.value(QStringLiteral("expiresAt")));
    d.parentDeviceId = o.value(QStringLiteral("parentDeviceId")).toInteger();
    d.accessLocked = o.value(QStringLiteral("accessLocked")).toBool();
    d.disabledWithAccount = o.value(QStringLiteral("disabledWithAccount")).toBool();
    d.associatedProfileName = o.value(QStringLiteral("associatedProfileName")).toString();
    return d;
}

QJsonObject fromCertificate(const CertificateRecord& c)
{
    return { { QStringLiteral("id"), c.id }, { QStringLiteral("serial"), c.serial }, { QStringLiteral("subject"), c.subject },
        { QStringLiteral("policyName"), c.policyName }, { QStringLiteral("policyVersion"), c.policyVersion }, { QStringLiteral("deviceId"), c.deviceId }, { QStringLiteral("notBefore"), isoTime(c.notBefore) },
        { QStringLiteral("notAfter"), isoTime(c.notAfter) }, { QStringLiteral("status"), certificateStatusId(c.status) },
        { QStringLiteral("revocationReason"), c.revocationReason }, { QStringLiteral("statusChangedAt"), isoTime(c.statusChangedAt) },
        { QStringLiteral("der"), QString::fromLatin1(c.der.toBase64()) } };
}

Result<CertificateRecord> toCertificate(const QJsonObject& o)
{
    JsonReader r(o);
    CertificateRecord c;
    c.id = r.integer("id", 0);
    c.serial = r.text("serial");
    c.subject = r.text("subject");
    c.policyName = r.text("policyName");
    c.policyVersion = r.numberOr("policyVersion", 0, 0, 1000000);
    c.deviceId = r.integer("deviceId", 0);
    c.notBefore = r.time("notBefore");
    c.notAfter = r.time("notAfter");
    c.status = r.choice<CertificateStatus>("status", certificateStatusFromId, CertificateStatus::Active);
    c.revocationReason = r.text("revocationReason");
    c.statusChangedAt = r.time("statusChangedAt");
    c.der = r.base64("der");
    return finish(r, c);
}

QJsonObject fromJob(const Job& j)
{
    return { { QStringLiteral("id"), j.id }, { QStringLiteral("type"), jobTypeId(j.type) }, { QStringLiteral("status"), jobStatusId(j.status) },
        { QStringLiteral("personId"), j.personId }, { QStringLiteral("personName"), j.personName }, { QStringLiteral("deviceId"), j.deviceId },
        { QStringLiteral("profileId"), j.profileId }, { QStringLiteral("profileName"), j.profileName }, { QStringLiteral("requestedBy"), j.requestedBy },
        { QStringLiteral("requestedByName"), j.requestedByName }, { QStringLiteral("requestedAt"), isoTime(j.requestedAt) },
        { QStringLiteral("updatedAt"), isoTime(j.updatedAt) },
        { QStringLiteral("validatedBy"), j.validatedBy }, { QStringLiteral("validatedAt"), isoTime(j.validatedAt) },
        { QStringLiteral("scheduledAt"), isoTime(j.scheduledAt) }, { QStringLiteral("scheduleTimezone"), j.scheduleTimezone },
        { QStringLiteral("reason"), j.reason }, { QStringLiteral("details"), j.details }, { QStringLiteral("codeFailures"), j.codeFailures },
        { QStringLiteral("codeExpiresAt"), isoTime(j.codeExpiresAt) }, { QStringLiteral("collectionToken"), j.collectionToken },
        { QStringLiteral("relatedJobId"), j.relatedJobId }, { QStringLiteral("issuedDeviceId"), j.issuedDeviceId },
        { QStringLiteral("targetComputer"), j.targetComputer }, { QStringLiteral("parentFingerprint"), j.parentFingerprint },
        { QStringLiteral("validUntil"), isoTime(j.validUntil) } };
}

Result<Job> toJob(const QJsonObject& o)
{
    Job j;
    j.id = o.value(QStringLiteral("id")).toInteger();
    auto type = enumField<JobType>(o, QStringLiteral("type"), jobTypeFromId, JobType::Issue);
    if (!type)
        return type.error();
    j.type = *type;
    auto status = enumField<JobStatus>(o, QStringLiteral("status"), jobStatusFromId, JobStatus::AwaitingIssue);
    if (!status)
        return status.error();
    j.status = *status;
    j.personId = o.value(QStringLiteral("personId")).toInteger();
    j.personName = o.value(QStringLiteral("personName")).toString();
    j.deviceId = o.value(QStringLiteral("deviceId")).toInteger();
    j.profileId = o.value(QStringLiteral("profileId")).toInteger();
    j.profileName = o.value(QStringLiteral("profileName")).toString();
    j.requestedBy = o.value(QStringLiteral("requestedBy")).toInteger();
    j.requestedByName = o.value(QStringLiteral("requestedByName")).toString();
    j.requestedAt = toTime(o.value(QStringLiteral("requestedAt")));
    j.updatedAt = toTime(o.value(QStringLiteral("updatedAt")));
    j.validatedBy = o.value(QStringLiteral("validatedBy")).toInteger();
    j.validatedAt = toTime(o.value(QStringLiteral("validatedAt")));
    j.scheduledAt = toTime(o.value(QStringLiteral("scheduledAt")));
    j.scheduleTimezone = o.value(QStringLiteral("scheduleTimezone")).toString();
    j.reason = o.value(QStringLiteral("reason")).toString();
    j.details = o.value(QStringLiteral("details")).toString();
    j.codeFailures = o.value(QStringLiteral("codeFailures")).toInt();
    j.codeExpiresAt = toTime(o.value(QStringLiteral("codeExpiresAt")));
    j.collectionToken = o.value(QStringLiteral("collectionToken")).toString();
    j.relatedJobId = o.value(QStringLiteral("relatedJobId")).toInteger();
    j.parentFingerprint = o.value(QStringLiteral("parentFingerprint")).toString();
    j.validUntil = toTime(o.value(QStringLiteral("validUntil")));
    j.issuedDeviceId = o.value(QStringLiteral("issuedDeviceId")).toInteger();
    j.targetComputer = o.value(QStringLiteral("targetComputer")).toString();
    return j;
}

QJsonObject fromIssuedRequest(const IssuedRequest& r)
{
    // The messages themselves, so that a remote desk too can say what was sent to whom.
    QJsonArray notifications;
    for (const Notification& n : r.notifications)
        notifications.append(fromNotification(n));
    return { { QStringLiteral("job"), fromJob(r.job) }, { QStringLiteral("code"), r.code }, { QStringLiteral("collectionUrl"), r.collectionUrl },
        { QStringLiteral("notifications"), notifications } };
}

Result<IssuedRequest> toIssuedRequest(const QJsonObject& o)
{
    IssuedRequest r;
    auto job = toJob(o.value(QStringLiteral("job")).toObject());
    if (!job)
        return job.error();
    r.job = *job;
    r.code = o.value(QStringLiteral("code")).toString();
    r.collectionUrl = o.value(QStringLiteral("collectionUrl")).toString();
    auto notifications = list<Notification>(o, QStringLiteral("notifications"), toNotification);
    if (!notifications)
        return notifications.error();
    r.notifications = *notifications;
    return r;
}

QJsonObject fromDeviceChange(const DeviceChange& c)
{
    QJsonObject o = fromDevice(c.device);
    if (c.replacement)
        o.insert(QStringLiteral("replacement"), fromIssuedRequest(*c.replacement));
    if (c.replacementProblem)
        o.insert(QStringLiteral("replacementProblem"), fromError(*c.replacementProblem));
    if (c.revokesAt.isValid())
        o.insert(QStringLiteral("revokesAt"), isoTime(c.revokesAt));
    return o;
}

Result<DeviceChange> toDeviceChange(const QJsonObject& o)
{
    auto device = toDevice(o);
    if (!device)
        return device.error();
    DeviceChange c { *device, std::nullopt, std::nullopt, toTime(o.value(QStringLiteral("revokesAt"))) };
    if (const QJsonValue v = o.value(QStringLiteral("replacement")); !v.isUndefined() && !v.isNull()) {
        if (!v.isObject())
            return badField(QStringLiteral("replacement"), QStringLiteral("wrong type"));
        auto replacement = toIssuedRequest(v.toObject());
        if (!replacement)
            return replacement.error();
        c.replacement = *replacement;
    }
    if (const QJsonValue v = o.value(QStringLiteral("replacementProblem")); !v.isUndefined() && !v.isNull()) {
        if (!v.isObject())
            return badField(QStringLiteral("replacementProblem"), QStringLiteral("wrong type"));
        c.replacementProblem = toError(v.toObject(), 200);
    }
    return c;
}

Result<DeviceAction> toDeviceAction(const QJsonObject& o)
{
    DeviceAction a;
    auto op = text(o, QStringLiteral("operation"));
    if (!op)
        return op.error();
    if (!deviceOperationFromId(*op, &a.operation))
        return badField(QStringLiteral("operation"), QStringLiteral("unknown operation '%1'").arg(op->left(40)));
    auto reason = enumField<RevocationReason>(o, QStringLiteral("cancelReason"), revocationReasonFromId, RevocationReason::CessationOfOperation);
    if (!reason)
        return reason.error();
    a.cancelReason = *reason;
    auto why = text(o, QStringLiteral("reason"));
    if (!why)
        return why.error();
    a.reason = *why;
    auto details = text(o, QStringLiteral("details"));
    if (!details)
        return details.error();
    a.details = *details;
    const QJsonValue showCode = o.value(QStringLiteral("showCode"));
    if (!showCode.isUndefined() && !showCode.isBool())
        return badField(QStringLiteral("showCode"), QStringLiteral("wrong type"));
    a.showCode = showCode.toBool(false);
    return a;
}

QJsonObject fromDeviceAction(const DeviceAction& a)
{
    return { { QStringLiteral("operation"), deviceOperationId(a.operation) }, { QStringLiteral("cancelReason"), revocationReasonId(a.cancelReason) },
        { QStringLiteral("reason"), a.reason }, { QStringLiteral("details"), a.details }, { QStringLiteral("showCode"), a.showCode } };
}

Result<JobQuery> toJobQuery(const QJsonObject& o)
{
    JsonReader r(o);
    JobQuery q;
    for (const QString& id : r.texts("statuses", 20)) {
        JobStatus s;
        if (!jobStatusFromId(id, &s))
            r.fail(QStringLiteral("statuses"), QStringLiteral("unknown status '%1'").arg(id.left(40)));
        q.statuses << s;
    }
    q.personId = r.integer("personId", 0);
    q.text = r.text("text", 200);
    q.offset = r.number("offset", 0, 1000000);
    q.limit = r.numberOr("limit", q.limit, 1, 1000);
    return finish(r, q);
}

QJsonObject fromJobQuery(const JobQuery& q)
{
    QJsonArray statuses;
    for (JobStatus s : q.statuses)
        statuses.append(jobStatusId(s));
    return { { QStringLiteral("statuses"), statuses }, { QStringLiteral("personId"), q.personId }, { QStringLiteral("text"), q.text },
        { QStringLiteral("offset"), q.offset }, { QStringLiteral("limit"), q.limit } };
}

Result<PersonQuery> toPersonQuery(const QJsonObject& o)
{
    JsonReader r(o);
    PersonQuery q;
    q.text = r.text("text", 200);
    q.offset = r.number("offset", 0, 1000000);
    q.limit = r.numberOr("limit", q.limit, 1, 500);
    return finish(r, q);
}

QJsonObject fromPersonQuery(const PersonQuery& q)
{
    return { { QStringLiteral("text"), q.text }, { QStringLiteral("offset"), q.offset }, { QStringLiteral("limit"), q.limit } };
}

QJsonObject fromPersonDetails(const PersonDetails& d)
{
    return { { QStringLiteral("logonName"), d.logonName }, { QStringLiteral("fullName"), d.fullName }, { QStringLiteral("email"), d.email },
        { QStringLiteral("mobile"), d.mobile }, { QStringLiteral("userPrincipalName"), d.userPrincipalName }, { QStringLiteral("group"), d.group },
        { QStringLiteral("employeeId"), d.employeeId }, { QStringLiteral("fascn"), d.fascn }, { QStringLiteral("cardUuid"), d.cardUuid } };
}

Result<PersonDetails> toPersonDetails(const QJsonObject& o)
{
    JsonReader r(o);
    PersonDetails d;
    // Every field is named, empty for none: an edit that left one out would otherwise clear it.
    for (const char* name : { "logonName", "fullName", "email", "mobile", "userPrincipalName", "group", "employeeId", "fascn", "cardUuid" })
        r.require(name);
    // Generous here; the engine's rules say what each may be.
    d.logonName = r.text("logonName", 1000);
    d.fullName = r.text("fullName", 1000);
    d.email = r.text("email", 1000);
    d.mobile = r.text("mobile", 100);
    d.userPrincipalName = r.text("userPrincipalName", 1000);
    d.group = r.text("group", 1000);
    d.employeeId = r.text("employeeId", 1000);
    d.fascn = r.text("fascn", 100);
    d.cardUuid = r.text("cardUuid", 100);
    return finish(r, d);
}

QJsonObject fromPeopleImportBatch(const PeopleImportBatch& b)
{
    QJsonArray rows;
    for (const ImportedPerson& row : b.rows)
        rows.append(QJsonObject { { QStringLiteral("line"), row.line }, { QStringLiteral("person"), fromPersonDetails(row.details) } });
    return { { QStringLiteral("fields"), QJsonArray::fromStringList(b.fields) }, { QStringLiteral("rows"), rows }, { QStringLiteral("roleForNew"), b.roleForNew },
        { QStringLiteral("dryRun"), b.dryRun } };
}

Result<PeopleImportBatch> toPeopleImportBatch(const QJsonObject& o)
{
    JsonReader r(o);
    PeopleImportBatch b;
    for (const char* name : { "fields", "rows", "roleForNew", "dryRun" })
        r.require(name);
    b.fields = r.texts("fields");
    b.roleForNew = r.integer("roleForNew", 0);
    b.dryRun = r.boolean("dryRun");
    const QJsonValue rows = o.value(QStringLiteral("rows"));
    if (r.ok() && !rows.isArray())
        r.fail(QStringLiteral("rows"), QStringLiteral("not a list"));
    // Checked here, before any row is read: a caller cannot make the server parse a million.
    if (r.ok() && rows.toArray().size() > kMaxImportRows)
        r.fail(QStringLiteral("rows"), QStringLiteral("more than %1 rows").arg(kMaxImportRows));
    int index = 0;
    for (const QJsonValue& item : rows.toArray()) {
        if (!r.ok())
            break;
        JsonReader row(item.toObject(), QStringLiteral("rows[%1]").arg(index++));
        if (!item.isObject()) {
            r.fail(QStringLiteral("rows[%1]").arg(index - 1), QStringLiteral("not an object"));
            break;
        }
        row.require("line");
        row.require("person");
        ImportedPerson p;
        p.line = int(row.integer("line", 1, 100000000));
        const QJsonObject person = row.object("person");
        r.take(row); // a missing or mistyped row field is named first, as rows[i].field
        auto details = toPersonDetails(person);
        if (!details) {
            Error e = details.error();
            e.args.insert(QStringLiteral("field"), QStringLiteral("rows[%1].person.%2").arg(index - 1).arg(e.args.value(QStringLiteral("field")).toString()));
            r.adopt(e);
        } else {
            p.details = *details;
        }
        b.rows << p;
    }
    return finish(r, b);
}

QJsonObject fromBatchOutcome(const BatchOutcome& o)
{
    QJsonObject out { { QStringLiteral("personId"), o.personId }, { QStringLiteral("jobId"), o.jobId } };
    if (o.problem)
        out.insert(QStringLiteral("error"), fromError(*o.problem));
    return out;
}

Result<BatchOutcome> toBatchOutcome(const QJsonObject& o)
{
    JsonReader r(o);
    BatchOutcome out;
    out.personId = r.integer("personId", 0);
    out.jobId = r.integer("jobId", 0);
    if (const QJsonValue e = o.value(QStringLiteral("error")); !e.isUndefined() && !e.isNull()) {
        if (!e.isObject())
            return badField(QStringLiteral("error"), QStringLiteral("wrong type"));
        out.problem = toError(e.toObject(), 0);
    }
    return finish(r, out);
}

QJsonObject fromImportOutcome(const ImportOutcome& o)
{
    QJsonObject out { { QStringLiteral("line"), o.line }, { QStringLiteral("action"), importActionId(o.action) }, { QStringLiteral("personId"), o.personId },
        { QStringLiteral("logonName"), o.logonName }, { QStringLiteral("changed"), QJsonArray::fromStringList(o.changed) } };
    if (o.action == ImportAction::Refused)
        out.insert(QStringLiteral("error"), fromError(o.error));
    return out;
}

Result<ImportOutcome> toImportOutcome(const QJsonObject& o)
{
    JsonReader r(o);
    ImportOutcome out;
    out.line = int(r.integer("line", 0, 100000000));
    auto action = enumField<ImportAction>(o, QStringLiteral("action"), importActionFromId, ImportAction::Refused);
    if (!action)
        return action.error();
    out.action = *action;
    out.personId = r.integer("personId", 0);
    out.logonName = r.text("logonName");
    out.changed = r.texts("changed");
    if (out.action == ImportAction::Refused)
        out.error = toError(o.value(QStringLiteral("error")).toObject(), 0);
    return finish(r, out);
}

QJsonObject fromCardIdentifiers(const CardIdentifiers& c)
{
    return { { QStringLiteral("fascn"), c.fascn }, { QStringLiteral("cardUuid"), c.cardUuid } };
}

Result<CardIdentifiers> toCardIdentifiers(const QJsonObject& o)
{
    JsonReader r(o);
    CardIdentifiers c;
    r.require("fascn");
    r.require("cardUuid");
    // Generous for pasted text; the engine normalises and refuses what is not an identifier.
    c.fascn = r.text("fascn", 100);
    c.cardUuid = r.text("cardUuid", 100);
    return finish(r, c);
}

QJsonObject fromCollectionSession(const CollectionSession& s)
{
    QJsonArray certs;
    for (const RequestedCertificate& c : s.certificates) {
        QJsonArray algs;
        for (KeyAlgorithm a : c.keyAlgorithms)
            algs.append(keyAlgorithmId(a));
        certs.append(QJsonObject { { QStringLiteral("index"), c.index }, { QStringLiteral("policy"), c.policyName }, { QStringLiteral("keyAlgorithms"), algs },
            { QStringLiteral("serverKey"), c.serverKey } });
    }
    return { { QStringLiteral("session"), s.id }, { QStringLiteral("job"), s.jobId }, { QStringLiteral("jobType"), jobTypeId(s.jobType) },
        { QStringLiteral("person"), s.personName }, { QStringLiteral("profile"), s.profileName }, { QStringLiteral("expiresAt"), isoTime(s.expiresAt) },
        { QStringLiteral("certificates"), certs }, { QStringLiteral("transportKeyRequired"), s.needsTransportKey },
        { QStringLiteral("pinPolicy"), PinCheck::toJson(s.pinPolicy) }, { QStringLiteral("authTypes"), QJsonArray::fromStringList(s.authTypes) } };
}

Result<CollectionSession> toCollectionSession(const QJsonObject& o)
{
    CollectionSession s;
    s.id = o.value(QStringLiteral("session")).toString();
    if (s.id.isEmpty())
        return badField(QStringLiteral("session"), QStringLiteral("missing"));
    s.jobId = o.value(QStringLiteral("job")).toInteger();
    s.personName = o.value(QStringLiteral("person")).toString();
    s.profileName = o.value(QStringLiteral("profile")).toString();
    s.expiresAt = toTime(o.value(QStringLiteral("expiresAt")));
    s.needsTransportKey = o.value(QStringLiteral("transportKeyRequired")).toBool();
    auto pinPolicy = PinCheck::fromJson(o.value(QStringLiteral("pinPolicy")).toObject());
    if (!pinPolicy)
        return pinPolicy.error();
    s.pinPolicy = *pinPolicy;
    for (const QJsonValue& t : o.value(QStringLiteral("authTypes")).toArray())
        s.authTypes << t.toString();
    for (const QJsonValue& v : o.value(QStringLiteral("certificates")).toArray()) {
        const QJsonObject c = v.toObject();
        RequestedCertificate rc;
        rc.index = c.value(QStringLiteral("index")).toInt();
        rc.policyName = c.value(QStringLiteral("policy")).toString();
        rc.serverKey = c.value(QStringLiteral("serverKey")).toBool();
        for (const QJsonValue& a : c.value(QStringLiteral("keyAlgorithms")).toArray()) {
            KeyAlgorithm alg;
            if (keyAlgorithmFromId(a.toString(), &alg))
                rc.keyAlgorithms << alg;
        }
        if (rc.keyAlgorithms.isEmpty() && !rc.serverKey)
            return badField(QStringLiteral("keyAlgorithms"), QStringLiteral("no algorithm this agent knows"));
        s.certificates << rc;
    }
    return s;
}

Result<CollectionStart> toCollectionStart(const QJsonObject& o)
{
    // A stranger writes this: every field is required and bounded, nothing is cut to fit.
    JsonReader r(o);
    CollectionStart s;
    r.require("token");
    r.require("code");
    r.require("device");
    s.token = r.text("token", 200);
    s.code = r.text("code", 100);
    if (r.ok() && s.token.isEmpty())
        r.fail(QStringLiteral("token"), QStringLiteral("empty"));
    if (r.ok() && s.code.trimmed().isEmpty())
        r.fail(QStringLiteral("code"), QStringLiteral("empty"));
    JsonReader d(r.object("device"), QStringLiteral("device"));
    if (r.ok()) {
        // The serial decides which phone this is (a profile may allow only registered ones);
        // platform and model only describe it.
        d.require("serial");
        s.device.hardwareSerial = d.text("serial", 200);
        s.device.platform = d.text("platform", 200);
        s.device.model = d.text("model", 200);
        s.device.dnsName = d.text("dnsName", 255);
        r.take(d);
    }
    return finish(r, s);
}

QJsonObject fromCollectionStart(const CollectionStart& s)
{
    return { { QStringLiteral("token"), s.token }, { QStringLiteral("code"), s.code },
        { QStringLiteral("device"),
            QJsonObject { { QStringLiteral("serial"), s.device.hardwareSerial }, { QStringLiteral("platform"), s.device.platform },
                { QStringLiteral("model"), s.device.model }, { QStringLiteral("dnsName"), s.device.dnsName } } } };
}

Result<CollectionSubmission> toCollectionSubmission(const QJsonObject& o)
{
    JsonReader r(o);
    CollectionSubmission s;
    r.require("session");
    r.require("requests");
    s.sessionId = r.text("session", 200);
    if (r.ok() && s.sessionId.isEmpty())
        r.fail(QStringLiteral("session"), QStringLiteral("empty"));
    const QJsonArray requests = r.array("requests", 16);
    for (qsizetype i = 0; i < requests.size() && r.ok(); ++i) {
        // "" (or null) where the server makes the key.
        const QJsonValue v = requests.at(i);
        if (!v.isString() && !v.isNull()) {
            r.fail(QStringLiteral("requests[%1]").arg(i), QStringLiteral("each request is a base64 string"));
            break;
        }
        auto der = QByteArray::fromBase64Encoding(v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!der || der.decoded.size() > 64 * 1024) {
            r.fail(QStringLiteral("requests[%1]").arg(i), QStringLiteral("not base64 of at most 64 KiB"));
            break;
        }
        s.requests << der.decoded;
    }
    s.transportKey = r.base64("transportKey", 16 * 1024);
    return finish(r, s);
}

QJsonObject fromCollectionSubmission(const CollectionSubmission& s)
{
    QJsonArray requests;
    for (const QByteArray& r : s.requests)
        requests.append(QString::fromLatin1(r.toBase64()));
    return { { QStringLiteral("session"), s.sessionId }, { QStringLiteral("requests"), requests },
        { QStringLiteral("transportKey"), QString::fromLatin1(s.transportKey.toBase64()) } };
}

} // namespace lanyard::json
