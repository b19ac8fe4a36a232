#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace lanyard {

// One message of a request's notification scheme, as the outbox holds it (without its body).
struct Notification {
    qint64 id = 0;
    qint64 jobId = 0;
    QString channel; // "email" or "sms"
    QString recipient;
    QString templateName; // "collection-link" or "auth-code"
    QString state; // "queued", "sending", "sent", "failed"
    int attempts = 0;
    QString lastError;
    QDateTime createdAt;
};

} // namespace lanyard
