#pragma once

#include "AccessControl.h"
#include "CredentialProfile.h"
#include "Device.h"
#include "EngineContext.h"
#include "Settings.h"
#include "VscAccess.h"

#include <QSqlDatabase>

namespace lanyard {

// Manage VSC Access and Unlock VSC Temporary Access: PIN-lock jobs for a virtual smart card
// (one active at a time, due at the next Self-Service run or at an instant), and the
// challenge/response that opens a locked card for a while, with the job that locks it again.
class VscAccessService {
public:
    VscAccessService(const EngineContext& context, QSqlDatabase db);

    Result<QList<Timezone>> timezones(const AccessControl& ac);
    // Lock and re-lock jobs of the device, newest first.
    Result<QList<Job>> lockJobs(const AccessControl& ac, qint64 deviceId);
    Result<Job> requestPinLock(const AccessControl& ac, qint64 deviceId, const LockSchedule& when, const QString& reason);
    Result<Job> updatePinLock(const AccessControl& ac, qint64 deviceId, const LockSchedule& when, const QString& reason);
    Result<Job> cancelPinLock(const AccessControl& ac, qint64 deviceId, const QString& reason);
    // `hours` from temporaryAccessHours(); 0 for unrestricted access (no re-lock job). A child
    // card disabled because its parent credential was issued is enabled for the hours (for
    // good with 0): the emergency it exists for, its parent card lost or forgotten.
    Result<TemporaryAccess> temporaryUnlock(const AccessControl& ac, qint64 deviceId, const QString& challenge, int hours, const QString& reason);

    // Parent and child profiles (when the setting allows them), applied when a new device
    // becomes active: a child VSC starts with a PIN-lock job; a parent credential locks and
    // disables (certificates on hold) the person's active children. Returns what was done,
    // for the audit, or an empty text.
    Result<QString> applyParentChildRules(const Device& issued, const CredentialProfile& profile);
    // Child cards whose emergency access has run out are disabled again; how many.
    Result<int> endEmergencyAccess();

    // The response to `challenge` under the device's wrapped administrator key.
    static Result<QByteArray> adminResponse(const EngineContext& context, const QSqlDatabase& db, const Device& device, const QByteArray& challenge);

    // The UTC instant a schedule stands for, with the timezone's display name.
    static Result<QPair<QDateTime, QString>> resolve(const LockSchedule& when, const Settings& settings);

private:
    // The virtual smart card, active (or disabled for its parent, when `childMayBeDisabled`).
    Result<Device> loadVsc(const AccessControl& ac, qint64 deviceId, Workflow workflow, bool childMayBeDisabled = false);
    Result<bool> disabledForParent(qint64 deviceId);
    Result<Job> activeLockJob(qint64 deviceId);
    // Manage VSC Access on one card: the card and its pending lock job (id 0 when none).
    Result<std::pair<Device, Job>> cardWithLock(const AccessControl& ac, qint64 deviceId);
    Result<Job> schedule(const AccessControl& ac, qint64 deviceId, const LockSchedule& when, const QString& reason, bool update);
    Result<Job> writeLockJob(const AccessControl& ac, const Device& device, qint64 existingJob, const QDateTime& at, const QString& zone, const QString& reason,
        const QString& auditDetails);

    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
