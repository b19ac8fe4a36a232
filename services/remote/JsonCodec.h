#pragma once

#include "core/Error.h"
#include "engine/Collection.h"
#include "engine/CertificateRecord.h"
#include "engine/Device.h"
#include "engine/DeviceAction.h"
#include "engine/Job.h"
#include "engine/OperatorSession.h"
#include "engine/Person.h"

#include <QJsonArray>
#include <QJsonObject>

namespace lanyard::json {

// The remote API's JSON shapes, in one place: the server writes them, the clients read them.
// Times are ISO 8601 in UTC; enums travel as their stable ids; binary as base64. Readers accept
// missing fields (defaults) and refuse wrong types or unknown enum ids with InvalidArgument.

QJsonObject fromError(const Error& e);
Error toError(const QJsonObject& o, int httpStatus);

QJsonObject fromSession(const OperatorSession& s);
QJsonObject fromPerson(const Person& p);
QJsonObject fromPersonPage(const PersonPage& p);
QJsonObject fromDevice(const Device& d);
Result<Device> toDevice(const QJsonObject& o);
QJsonObject fromCertificate(const CertificateRecord& c);
QJsonObject fromJob(const Job& j);
Result<Job> toJob(const QJsonObject& o);
QJsonObject fromIssuedRequest(const IssuedRequest& r);
Result<IssuedRequest> toIssuedRequest(const QJsonObject& o);
Result<DeviceAction> toDeviceAction(const QJsonObject& o);
QJsonObject fromDeviceAction(const DeviceAction& a);
Result<JobQuery> toJobQuery(const QJsonObject& o);
Result<PersonQuery> toPersonQuery(const QJsonObject& o);

QJsonObject fromCollectionSession(const CollectionSession& s);
Result<CollectionSession> toCollectionSession(const QJsonObject& o);
Result<CollectionStart> toCollectionStart(const QJsonObject& o);
QJsonObject fromCollectionStart(const CollectionStart& s);
Result<CollectionSubmission> toCollectionSubmission(const QJsonObject& o);
QJsonObject fromCollectionSubmission(const CollectionSubmission& s);

template <typename T, typename F>
QJsonArray array(const QList<T>& items, F convert)
{
    QJsonArray out;
    for (const T& item : items)
        out.append(convert(item));
    return out;
}

} // namespace lanyard::json
