#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace lanyard {

// One message as the outbox holds it (without its body): part of a request's notification
// scheme, or a renewal reminder for a device.
struct Notification {
    qint64 id = 0;
    qint64 jobId = 0;
    qint64 deviceId = 0;
    QString channel; // "email" or "sms"
    QString recipient;
    QString templateName; // "collection-link", "auth-code", "renewal"
    QString state; // "queued", "sending", "sent", "failed", "superseded"
    int attempts = 0;
    QString lastError;
    QDateTime createdAt;
    QDateTime nextAttemptAt;
    QDateTime sentAt;
};

// What one delivery pass did.
struct DeliveryReport {
    int sent = 0;
    int retrying = 0; // failed this time, will be tried again
    int failed = 0; // given up
    int waiting = 0; // not tried: no server configured yet
    int remindersQueued = 0;
};

} // namespace lanyard
