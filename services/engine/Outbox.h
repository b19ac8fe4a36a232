#pragma once

#include "EngineContext.h"
#include "Notification.h"

#include <QJsonObject>
#include <QSqlDatabase>

namespace lanyard {

// The persistent outbox. Messages are written in the transaction of whatever caused them,
// claimed one at a time by a delivery pass (so several passes or processes never send one
// twice), and keep their state, attempts and last error for the operator to see.
class Outbox {
public:
    struct Claimed {
        Notification meta;
        QJsonObject body; // subject, text, html
    };

    Outbox(const EngineContext& context, QSqlDatabase db);

    Result<Notification> queue(const Notification& meta, const QJsonObject& body, const QString& reminderKey = {});
    Result<void> supersedeQueued(qint64 jobId);
    Result<bool> hasReminder(const QString& reminderKey);

    // Moves up to `limit` due messages to "sending" and returns them.
    Result<QList<Claimed>> claimDue(int limit);
    Result<void> markSent(qint64 id);
    // Counts a failed attempt: back to the queue with a doubled delay, or failed for good.
    Result<QString> markAttemptFailed(qint64 id, const QString& reason, int maxAttempts, int firstDelaySeconds);
    Result<void> markFailed(qint64 id, const QString& reason);
    // Not tried (nothing to send with yet): back to the queue without counting an attempt.
    Result<void> postpone(qint64 id, const QString& reason, int delaySeconds);
    // A message left "sending" by a process that stopped may or may not have gone: it is marked
    // failed with that reason for an operator to re-send, never sent twice on its own.
    Result<int> failInterrupted(int olderThanSeconds);

    Result<QList<Notification>> forJob(qint64 jobId);
    Result<Notification> get(qint64 id);
    Result<Notification> requeue(qint64 id);

private:
    Result<QList<Notification>> select(const QString& where, const QVariantList& binds);

    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
