#pragma once

#include "Notification.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace lanyard {

enum class JobType { Issue, Replacement, TemporaryReplacement, Update, Renewal, PinLock, TemporaryUnlock };
enum class JobStatus { AwaitingValidation, AwaitingIssue, InProgress, Completed, Cancelled, Failed, Expired, Locked };

QString jobTypeId(JobType t);
bool jobTypeFromId(const QString& id, JobType* t);
QString jobStatusId(JobStatus s);
bool jobStatusFromId(const QString& id, JobStatus* s);
bool isTerminal(JobStatus s);

struct Job {
    qint64 id = 0;
    JobType type = JobType::Issue;
    JobStatus status = JobStatus::AwaitingIssue;
    qint64 personId = 0;
    QString personName;
    qint64 deviceId = 0;
    qint64 profileId = 0;
    QString profileName;
    qint64 requestedBy = 0;
    QString requestedByName;
    QDateTime requestedAt;
    QDateTime updatedAt; // its last change: for a completed job, when it was collected
    qint64 validatedBy = 0;
    QDateTime validatedAt;
    QDateTime scheduledAt;
    QString scheduleTimezone;
    QString reason;
    QString details;
    int codeFailures = 0;
    QDateTime codeExpiresAt;
    QString collectionToken;
    qint64 relatedJobId = 0;
    qint64 issuedDeviceId = 0;
    QString targetComputer; // VSC only: the one computer (DNS name) it may be collected on
    QString parentFingerprint; // derived credential: SHA-256 (hex) of the parent PIV card's certificate
    QDateTime validUntil; // derived credential: never valid beyond its parent card
};

// The PIV card a derived credential is issued on.
struct ParentBinding {
    QByteArray certificatePem;
    QString fingerprint;
    QDateTime validUntil;
};

struct JobQuery {
    QList<JobStatus> statuses; // empty: any
    qint64 personId = 0;
    QString text; // person name or logon prefix
    int offset = 0;
    int limit = 200;

    bool operator==(const JobQuery&) const = default;
};

// What a request returns: the job and, when it may be shown on screen, the code to read out.
struct IssuedRequest {
    Job job;
    QString code; // grouped for reading; empty when the scheme sends it or validation is pending
    QString collectionUrl; // also the QR payload
    QList<Notification> notifications; // queued in the outbox with the request
};

} // namespace lanyard
