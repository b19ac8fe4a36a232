#pragma once

#include "core/Error.h"
#include "engine/BatchRequest.h"
#include "engine/Collection.h"
#include "engine/CardIdentifiers.h"
#include "engine/CertificateRecord.h"
#include "engine/DerivedCredential.h"
#include "engine/Device.h"
#include "engine/DirectoryConfig.h"
#include "engine/DeviceAction.h"
#include "engine/Job.h"
#include "engine/OperatorSession.h"
#include "engine/AuditEvent.h"
#include "engine/CertificatePolicy.h"
#include "engine/CredentialProfile.h"
#include "engine/Notification.h"
#include "engine/PeopleImportBatch.h"
#include "engine/Person.h"
#include "engine/RegisteredHardware.h"
#include "engine/Role.h"
#include "engine/Settings.h"
#include "engine/VscAccess.h"
#include "engine/Workflow.h"
#include "engine/MessageTemplate.h"

#include <QJsonArray>
#include <QJsonObject>

namespace lanyard::json {

// The remote API's JSON shapes, in one place: the server writes them, the clients read them.
// Times are ISO 8601 in UTC; enums travel as their stable ids; binary as base64. Readers accept
// missing fields (defaults) and refuse wrong types or unknown enum ids with InvalidArgument.

QJsonObject fromError(const Error& e);
Error toError(const QJsonObject& o, int httpStatus);

QJsonObject fromSession(const OperatorSession& s);
Result<OperatorSession> toSession(const QJsonObject& o);
QJsonObject fromPerson(const Person& p);
Result<Person> toPerson(const QJsonObject& o);
QJsonObject fromPersonPage(const PersonPage& p);
Result<PersonPage> toPersonPage(const QJsonObject& o);
QJsonObject fromDevice(const Device& d);
Result<Device> toDevice(const QJsonObject& o);
QJsonObject fromCertificate(const CertificateRecord& c);
Result<CertificateRecord> toCertificate(const QJsonObject& o);
QJsonObject fromJob(const Job& j);
Result<Job> toJob(const QJsonObject& o);
QJsonObject fromIssuedRequest(const IssuedRequest& r);
Result<IssuedRequest> toIssuedRequest(const QJsonObject& o);
Result<DeviceAction> toDeviceAction(const QJsonObject& o);
QJsonObject fromDeviceAction(const DeviceAction& a);
// A device and, flattened into it, "replacement" (issued request) and "replacementProblem" (error).
QJsonObject fromDeviceChange(const DeviceChange& c);
Result<DeviceChange> toDeviceChange(const QJsonObject& o);
Result<JobQuery> toJobQuery(const QJsonObject& o);
QJsonObject fromJobQuery(const JobQuery& q);
Result<PersonQuery> toPersonQuery(const QJsonObject& o);
QJsonObject fromPersonQuery(const PersonQuery& q);
// {"fascn", "cardUuid"}, each up to 100 characters as typed: the engine normalises them.
QJsonObject fromPersonDetails(const PersonDetails& d);
Result<PersonDetails> toPersonDetails(const QJsonObject& o);
QJsonObject fromPeopleImportBatch(const PeopleImportBatch& b);
Result<PeopleImportBatch> toPeopleImportBatch(const QJsonObject& o);
QJsonObject fromBatchOutcome(const BatchOutcome& o);
Result<BatchOutcome> toBatchOutcome(const QJsonObject& o);
QJsonObject fromImportOutcome(const ImportOutcome& o);
Result<ImportOutcome> toImportOutcome(const QJsonObject& o);
QJsonObject fromCardIdentifiers(const CardIdentifiers& c);
Result<CardIdentifiers> toCardIdentifiers(const QJsonObject& o);

// Configuration records (JsonConfigurationCodec.cpp).
QJsonArray fromWorkflows(const QList<Workflow>& workflows);
Result<QList<Workflow>> toWorkflows(const QJsonObject& o); // reads {"workflows": [...]}
QJsonObject fromHardware(const RegisteredHardware& h);
Result<RegisteredHardware> toHardware(const QJsonObject& o);
QJsonObject fromRole(const Role& role);
Result<Role> toRole(const QJsonObject& o);
QJsonObject fromCredentialProfile(const CredentialProfile& p);
Result<CredentialProfile> toCredentialProfile(const QJsonObject& o);
QJsonObject fromCertificatePolicy(const CertificatePolicy& p);
Result<CertificatePolicy> toCertificatePolicy(const QJsonObject& o);
QJsonObject fromCertificatePolicyExample(const CertificatePolicyExample& e);
Result<CertificatePolicyExample> toCertificatePolicyExample(const QJsonObject& o);
QJsonObject fromNotification(const Notification& n);
Result<Notification> toNotification(const QJsonObject& o);
QJsonObject fromMessageTemplate(const MessageTemplate& t);
Result<MessageTemplate> toMessageTemplate(const QJsonObject& o);
QJsonObject fromTimezone(const Timezone& z);
Result<Timezone> toTimezone(const QJsonObject& o);
QJsonObject fromDirectoryConfig(const DirectoryConfig& c);
Result<DirectoryConfig> toDirectoryConfig(const QJsonObject& o);
QJsonObject fromDirectoryProbe(const DirectoryProbe& p);
Result<DirectoryProbe> toDirectoryProbe(const QJsonObject& o);
QJsonObject fromDirectorySyncReport(const DirectorySyncReport& r);
Result<DirectorySyncReport> toDirectorySyncReport(const QJsonObject& o);
QJsonObject fromSettings(const Settings& s);
Result<Settings> toSettings(const QJsonObject& o);
QJsonObject fromAuditEvent(const AuditEvent& e);
Result<AuditEvent> toAuditEvent(const QJsonObject& o);
QJsonObject fromAuditQuery(const AuditQuery& q);
Result<AuditQuery> toAuditQuery(const QJsonObject& o);
QJsonObject fromAuditVerification(const AuditVerification& v);
Result<AuditVerification> toAuditVerification(const QJsonObject& o);
QJsonObject fromLockSchedule(const LockSchedule& s);
Result<LockSchedule> toLockSchedule(const QJsonObject& o);
QJsonObject fromParentCard(const ParentCard& c);
Result<ParentCard> toParentCard(const QJsonObject& o);
QJsonObject fromParentCardCheck(const ParentCardCheck& c);
Result<ParentCardCheck> toParentCardCheck(const QJsonObject& o);
QJsonObject fromVscLockTask(const VscLockTask& t);
Result<VscLockTask> toVscLockTask(const QJsonObject& o);
QJsonObject fromVscLockOutcome(const VscLockOutcome& o);
Result<VscLockOutcome> toVscLockOutcome(const QJsonObject& o);
QJsonObject fromVscUnblockChallenge(const VscUnblockChallenge& c);
Result<VscUnblockChallenge> toVscUnblockChallenge(const QJsonObject& o);
QJsonObject fromParentTrustEnd(const ParentTrustEnd& t);
Result<ParentTrustEnd> toParentTrustEnd(const QJsonObject& o);
QJsonObject fromParentTrustReport(const ParentTrustReport& t);
Result<ParentTrustReport> toParentTrustReport(const QJsonObject& o);
QJsonObject fromTemporaryAccess(const TemporaryAccess& t);
Result<TemporaryAccess> toTemporaryAccess(const QJsonObject& o);
QJsonObject fromDeliveryReport(const DeliveryReport& d);
Result<DeliveryReport> toDeliveryReport(const QJsonObject& o);

QJsonObject fromCollectionSession(const CollectionSession& s);
Result<CollectionSession> toCollectionSession(const QJsonObject& o);
Result<CollectionStart> toCollectionStart(const QJsonObject& o);
QJsonObject fromCollectionStart(const CollectionStart& s);
Result<CollectionSubmission> toCollectionSubmission(const QJsonObject& o);
QJsonObject fromCollectionSubmission(const CollectionSubmission& s);

// Reads {"<name>": [ {...}, ... ]} with one reader per item; the first bad item fails it all.
template <typename T>
Result<QList<T>> list(const QJsonObject& o, const QString& name, Result<T> (*read)(const QJsonObject&))
{
    QList<T> out;
    const QJsonValue v = o.value(name);
    if (!v.isArray() && !v.isUndefined())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("field '%1': wrong type").arg(name));
    for (const QJsonValue& item : v.toArray()) {
        auto r = read(item.toObject());
        if (!r)
            return r.error();
        out << *r;
    }
    return out;
}

template <typename T, typename F>
QJsonArray array(const QList<T>& items, F convert)
{
    QJsonArray out;
    for (const T& item : items)
        out.append(convert(item));
    return out;
}

} // namespace lanyard::json
