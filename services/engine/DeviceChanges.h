#pragma once

#include "AccessControl.h"
#include "DeviceAction.h"
#include "EngineContext.h"

#include <QSqlDatabase>

namespace lanyard {

// A device action and what follows from it for the holder: a replacement it asks for gets its
// code at once, sent or shown as the operator chose (DeviceService moves the device,
// RequestService issues the code; this puts the two in one transaction).
class DeviceChanges {
public:
    DeviceChanges(const EngineContext& context, QSqlDatabase db);

    Result<DeviceChange> change(const AccessControl& ac, qint64 deviceId, const DeviceAction& action);

private:
    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
