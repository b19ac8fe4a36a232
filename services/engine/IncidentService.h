#pragma once

#include "AccessControl.h"
#include "DeviceAction.h"
#include "EngineContext.h"
#include "Job.h"
#include "Settings.h"

#include <QSqlDatabase>

namespace lanyard {

// What holders report about their own credentials in Self-Service (Report Incident), and what
// follows: the device is suspended at once, a replacement is requested for the helpdesk to
// validate, the helpdesk is mailed, and a device reported lost, stolen or damaged is revoked
// when its hold (incidents.holdHours) runs out unless the helpdesk reinstated it first.
class IncidentService {
public:
    IncidentService(const EngineContext& context, QSqlDatabase db);

    // `report.operation`: ReplaceLost, ReplaceStolen, ReplaceDamaged or ReplaceForgotten (a
    // temporary replacement); `report.details` what the holder wrote. Only the holder's own
    // device (anyone else's looks absent); one open report per device (incident-open).
    Result<DeviceChange> report(const AccessControl& ac, qint64 deviceId, const DeviceAction& report);
    // A request was cancelled. When its holder withdrew the temporary replacement of a device
    // they had reported forgotten, the device was found: it is reinstated. A device reported
    // lost, stolen or damaged comes back only through the helpdesk (Reinstate): whoever holds
    // the holder's logon may also hold the phone. Returns what it did, for the audit.
    Result<QString> requestWithdrawn(const Job& job, bool byHolder);
    // Revokes the devices whose hold has run out; how many.
    Result<int> revokeOverdue();

private:
    Result<void> mailHelpdesk(const Settings& settings, const Device& device, const QString& logonName, DeviceOperation kind, const QString& details, qint64 jobId,
        const QDateTime& revokesAt);

    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
