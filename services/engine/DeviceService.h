#pragma once

#include "AccessControl.h"
#include "Device.h"
#include "DeviceAction.h"
#include "EngineContext.h"

#include <QSqlDatabase>

namespace lanyard {

// Devices and their lifecycle. A state change, its certificate changes, the jobs it creates
// or cancels and its audit event commit together or not at all.
class DeviceService {
public:
    DeviceService(const EngineContext& context, QSqlDatabase db);

    Result<Device> load(qint64 id);
    // Absent and out of scope give the same answer.
    static Error noSuchDevice();
    Result<Device> get(const AccessControl& ac, qint64 id);
    // The device, once the operator may act with the workflow on its owner.
    Result<Device> loadInScope(const AccessControl& ac, qint64 id, Workflow workflow);
    Result<QList<Device>> forPerson(const AccessControl& ac, qint64 personId);
    // By serial, phone serial or DNS name (prefix, case-insensitive for DNS names), within scope.
    Result<QList<Device>> find(const AccessControl& ac, const QString& text, int limit = 100);
    Result<Device> change(const AccessControl& ac, qint64 deviceId, const DeviceAction& action);
    // Unlock Credential: the response code for the challenge a locked mobile agent shows.
    Result<QString> unlockCode(const AccessControl& ac, qint64 deviceId, const QString& challenge);

private:
    Result<void> cancelTemporaryReplacements(qint64 deviceId, qint64 now);

    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
