#pragma once

#include "AccessControl.h"
#include "AuditEvent.h"
#include "Device.h"
#include "DeviceFacts.h"
#include "EngineContext.h"
#include "Job.h"
#include "Settings.h"

#include <QSqlDatabase>

namespace lanyard {

// Requests (jobs) for credentials and their one-time codes: create, validate, regenerate the
// code, check a code at collection, and complete the issuance into an active device.
class RequestService {
public:
    RequestService(const EngineContext& context, QSqlDatabase db);

    // `targetComputer`: for a virtual smart card, the registered computer it must be made on.
    // `parent`: the PIV card a derived credential is bound to (the kiosk).
    Result<IssuedRequest> request(const AccessControl& ac, qint64 personId, qint64 profileId, bool showCode, const QString& targetComputer = {},
        const ParentBinding* parent = nullptr);
    Result<IssuedRequest> validate(const AccessControl& ac, qint64 jobId, bool approve, bool showCode);
    Result<IssuedRequest> regenerateCode(const AccessControl& ac, qint64 jobId, bool showCode);
    // Request Renewal (new keys and certificates under the device's profile version) or
    // Request Update (under the profile's current version) of an active mobile identity,
    // collected into the same device: its earlier certificates are superseded only when the
    // phone confirms. An operator needs the workflow on the holder; the holder renews their own
    // (Request My ID) within renewal.windowDays before expiry, and is told when that opens
    // (renewal-window, args.opensAt). One open renewal or update per device (renewal-open).
    Result<IssuedRequest> requestRenewal(const AccessControl& ac, qint64 deviceId, bool update, bool showCode);
    // The code of a replacement a device action just asked for, sent by its profile's scheme or
    // (`showCode`) shown, under the rules of a new request: a profile that needs validation,
    // or a holder with rights the operator lacks when the code is to be shown, leaves it
    // awaiting validation. Refused (and nothing of it kept) when the scheme cannot reach the
    // holder; the caller keeps the device action all the same.
    Result<IssuedRequest> deliverReplacement(const AccessControl& ac, qint64 jobId, bool showCode, Workflow workflow);
    Result<Job> load(qint64 jobId);
    // The job, once the operator may act with the workflow on the person it is for.
    Result<Job> loadInScope(const AccessControl& ac, qint64 jobId, Workflow workflow);
    Result<QList<Job>> forPerson(const AccessControl& ac, qint64 personId);
    // A device's jobs of these types, newest first (no scope check: the caller made it).
    Result<QList<Job>> forDevice(qint64 deviceId, const QList<JobType>& types);
    Result<QList<Job>> find(const AccessControl& ac, const JobQuery& query);
    // Cancels a job that has not completed; its code stops working at once. Holders with
    // Report Incident cancel their own requests for credentials (a forgotten device's
    // temporary replacement withdrawn: the device is found and reinstated).
    Result<Job> cancel(const AccessControl& ac, qint64 jobId, const QString& reason);

    // The job a collection token belongs to, with the hash of its unused code (empty once spent).
    Result<Job> loadByToken(const QString& token, QString* codeHash);
    static AuditEvent jobEvent(const EngineContext& ctx, const AccessControl* ac, const QString& workflow, const Job& job, const QString& details);

    QString collectionUrl(const QString& token, const QString& baseUrl) const;

private:
    Result<QList<Notification>> queueNotifications(const Job& job, bool showCode, const QString& url, const QString& code, const Settings& settings);
    // Refuses (and audits) showing `job`'s code to an operator who lacks some right of its holder.
    Result<void> refuseCodeView(const AccessControl& ac, const Job& job, Workflow workflow);
    Result<IssuedRequest> issueCode(Job job, bool showCode, const QString& auditWorkflow, const AccessControl* ac, const QString& note);

    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
