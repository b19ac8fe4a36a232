#include "Outbox.h"

#include "storage/Database.h"

#include <QJsonDocument>

namespace lanyard {

namespace {
constexpr const char* kColumns = "id, job_id, device_id, channel, recipient, template, state, attempts, last_error, created_at, next_attempt_at, sent_at";

QDateTime utc(const QVariant& v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qlonglong>());
}
} // namespace

Outbox::Outbox(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

Result<Notification> Outbox::queue(const Notification& meta, const QJsonObject& body, const QString& reminderKey)
{
    // The body holds the code or the link: wrapped under the master key at rest.
    auto wrapped = m_ctx.keyWrapper->wrap(QJsonDocument(body).toJson(QJsonDocument::Compact), "outbox");
    if (!wrapped)
        return wrapped.error();
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    auto row = fetchOne(m_db,
        QStringLiteral("INSERT INTO notifications (job_id, device_id, channel, recipient, template, body_wrapped, state, next_attempt_at, reminder_key, "
                       "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?) RETURNING id"),
        { nullableId(meta.jobId), nullableId(meta.deviceId), meta.channel, meta.recipient, meta.templateName, *wrapped, now,
            reminderKey.isEmpty() ? QVariant(QMetaType::fromType<qlonglong>()) : QVariant(reminderKey), now, now });
    if (!row)
        return row.error();
    Notification n = meta;
    n.id = row->value("id").toLongLong();
    n.state = QStringLiteral("queued");
    n.createdAt = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    n.nextAttemptAt = n.createdAt;
    return n;
}

Result<void> Outbox::supersedeQueued(qint64 jobId)
{
    auto r = exec(m_db, QStringLiteral("UPDATE notifications SET state = 'superseded', updated_at = ? WHERE job_id = ? AND state IN ('queued', 'failed')"),
        { m_ctx.now().toMSecsSinceEpoch(), jobId });
    if (!r)
        return r.error();
    return {};
}

Result<bool> Outbox::hasReminder(const QString& reminderKey)
{
    auto row = fetchValue(m_db, QStringLiteral("SELECT COUNT(*) FROM notifications WHERE reminder_key = ?"), { reminderKey });
    if (!row)
        return row.error();
    return row->toInt() > 0;
}

Result<QList<Outbox::Claimed>> Outbox::claimDue(int limit)
{
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    auto due = exec(m_db, QStringLiteral("SELECT id FROM notifications WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?"),
        { now, limit });
    if (!due)
        return due.error();
    QList<qint64> ids;
    const SqlRow row(*due);
    while (due->next())
        ids.append(row.value("id").toLongLong());
    due->finish();
    QList<Claimed> out;
    for (qint64 id : ids) {
        // Only the pass whose update changes the row sends it.
        auto claim = exec(m_db, QStringLiteral("UPDATE notifications SET state = 'sending', updated_at = ? WHERE id = ? AND state = 'queued'"), { now, id });
        if (!claim)
            return claim.error();
        if (claim->numRowsAffected() != 1)
            continue;
        auto body = fetchOne(m_db, QStringLiteral("SELECT body_wrapped FROM notifications WHERE id = ?"), { id });
        if (!body)
            return body.error();
        auto plain = m_ctx.keyWrapper->unwrap(body->value("body_wrapped").toByteArray(), "outbox");
        if (!plain)
            return plain.error();
        auto meta = get(id);
        if (!meta)
            return meta.error();
        out.append({ *meta, QJsonDocument::fromJson(*plain).object() });
    }
    return out;
}

Result<void> Outbox::markSent(qint64 id)
{
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    auto r = exec(m_db, QStringLiteral("UPDATE notifications SET state = 'sent', attempts = attempts + 1, last_error = '', sent_at = ?, updated_at = ? WHERE id = ?"),
        { now, now, id });
    if (!r)
        return r.error();
    return {};
}

Result<QString> Outbox::markAttemptFailed(qint64 id, const QString& reason, int maxAttempts, int firstDelaySeconds)
{
    auto row = fetchOne(m_db, QStringLiteral("SELECT attempts FROM notifications WHERE id = ?"), { id });
    if (!row)
        return row.error();
    const int attempts = row->value("attempts").toInt() + 1;
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    const bool giveUp = attempts >= maxAttempts;
    const qint64 delay = qint64(firstDelaySeconds) * 1000 * (qint64(1) << std::min(attempts - 1, 20));
    const QString state = giveUp ? QStringLiteral("failed") : QStringLiteral("queued");
    auto r = exec(m_db, QStringLiteral("UPDATE notifications SET state = ?, attempts = ?, last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?"),
        { state, attempts, reason, now + delay, now, id });
    if (!r)
        return r.error();
    return state;
}

Result<void> Outbox::markFailed(qint64 id, const QString& reason)
{
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    auto r = exec(m_db, QStringLiteral("UPDATE notifications SET state = 'failed', attempts = attempts + 1, last_error = ?, updated_at = ? WHERE id = ?"),
        { reason, now, id });
    if (!r)
        return r.error();
    return {};
}

Result<void> Outbox::postpone(qint64 id, const QString& reason, int delaySeconds)
{
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    auto r = exec(m_db, QStringLiteral("UPDATE notifications SET state = 'queued', last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?"),
        { reason, now + qint64(delaySeconds) * 1000, now, id });
    if (!r)
        return r.error();
    return {};
}

Result<int> Outbox::failInterrupted(int olderThanSeconds)
{
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    auto r = exec(m_db, QStringLiteral("UPDATE notifications SET state = 'failed', last_error = ?, updated_at = ? WHERE state = 'sending' AND updated_at < ?"),
        { QStringLiteral("interrupted while sending: it may not have arrived; re-send if the recipient did not get it"), now,
            now - qint64(olderThanSeconds) * 1000 });
    if (!r)
        return r.error();
    return r->numRowsAffected();
}

Result<QList<Notification>> Outbox::select(const QString& where, const QVariantList& binds)
{
    auto q = exec(m_db, QStringLiteral("SELECT %1 FROM notifications WHERE %2 ORDER BY id").arg(QLatin1String(kColumns), where), binds);
    if (!q)
        return q.error();
    QList<Notification> out;
    const SqlRow row(*q);
    while (q->next()) {
        Notification n;
        n.id = row.value("id").toLongLong();
        n.jobId = row.value("job_id").toLongLong();
        n.deviceId = row.value("device_id").toLongLong();
        n.channel = row.value("channel").toString();
        n.recipient = row.value("recipient").toString();
        n.templateName = row.value("template").toString();
        n.state = row.value("state").toString();
        n.attempts = row.value("attempts").toInt();
        n.lastError = row.value("last_error").toString();
        n.createdAt = utc(row.value("created_at"));
        n.nextAttemptAt = utc(row.value("next_attempt_at"));
        n.sentAt = utc(row.value("sent_at"));
        out.append(n);
    }
    return out;
}

Result<QList<Notification>> Outbox::forJob(qint64 jobId)
{
    return select(QStringLiteral("job_id = ?"), { jobId });
}

Result<Notification> Outbox::get(qint64 id)
{
    auto list = select(QStringLiteral("id = ?"), { id });
    if (!list)
        return list.error();
    if (list->isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("notification %1").arg(id), { { QStringLiteral("what"), QStringLiteral("message") } });
    return list->first();
}

Result<Notification> Outbox::requeue(qint64 id)
{
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    auto r = exec(m_db, QStringLiteral("UPDATE notifications SET state = 'queued', attempts = 0, last_error = '', next_attempt_at = ?, updated_at = ? WHERE id = ?"),
        { now, now, id });
    if (!r)
        return r.error();
    return get(id);
}

} // namespace lanyard
