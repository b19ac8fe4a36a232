// Fuzzes the server's readers of request bodies: whatever arrives, a reader answers a value
// or an InvalidArgument naming the field, never crashes; and what it accepts survives a
// write and a second read unchanged (the client writes with the same codec).
#include "engine/PinCheck.h"
#include "remote/JsonCodec.h"

#include <QJsonDocument>

#include <cstdlib>

namespace {
template <typename T>
void roundTrip(const QJsonObject& o, lanyard::Result<T> (*read)(const QJsonObject&), QJsonObject (*write)(const T&))
{
    auto first = read(o);
    if (!first) {
        if (first.error().code != lanyard::ErrorCode::InvalidArgument)
            std::abort();
        return;
    }
    const QJsonObject written = write(*first);
    auto second = read(written);
    if (!second || write(*second) != written)
        std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size)));
    if (!doc.isObject())
        return 0;
    const QJsonObject o = doc.object();
    using namespace lanyard::json;
    roundTrip(o, toPersonQuery, fromPersonQuery);
    roundTrip(o, toJobQuery, fromJobQuery);
    roundTrip(o, toDeviceAction, fromDeviceAction);
    roundTrip(o, toCollectionStart, fromCollectionStart);
    roundTrip(o, toCollectionSubmission, fromCollectionSubmission);
    roundTrip(o, toHardware, fromHardware);
    roundTrip(o, toRole, fromRole);
    roundTrip(o, toCredentialProfile, fromCredentialProfile);
    roundTrip(o, toCertificatePolicy, fromCertificatePolicy);
    roundTrip(o, toMessageTemplate, fromMessageTemplate);
    roundTrip(o, toSettings, fromSettings);
    roundTrip(o, toDirectoryConfig, fromDirectoryConfig);
    roundTrip(o, toAuditQuery, fromAuditQuery);
    roundTrip(o, toLockSchedule, fromLockSchedule);
    roundTrip(o, lanyard::PinCheck::fromJson, lanyard::PinCheck::toJson);
    (void)toWorkflows(o);
    (void)toSession(o);
    return 0;
}
