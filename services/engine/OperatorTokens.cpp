#include "OperatorTokens.h"

#include "CardLogonService.h"
#include "PeopleService.h"
#include "SettingsSchema.h"
#include "SettingsService.h"
#include "pki/SecureRandom.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QCryptographicHash>
#include <QSemaphore>

namespace lanyard {

namespace {
QString tokenHash(const QString& token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}
} // namespace

OperatorTokens::OperatorTokens(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

qint64 OperatorTokens::delayAfter(int failures)
{
    if (failures < kFreeFailures)
        return 0;
    return qMin<qint64>(qint64(1) << qMin(failures - kFreeFailures, 20), qint64(kFailureWindowMinutes) * 60);
}

Result<OperatorSession> OperatorTokens::logon(const QString& logonName, const QString& password, const QString& client)
{
    const QString name = logonName.trimmed().left(PeopleService::kMaxLogonNameLength);
    const QString from = client.left(64);
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    const qint64 windowStart = now - qint64(kFailureWindowMinutes) * 60 * 1000;
    // Counted and reserved as a failure in one short transaction, before the slow password
    // check: parallel attempts see each other and cannot all slip through one count.
    qint64 reservation = 0;
    {
        Transaction tx(m_db, m_ctx.dialect());
        if (auto r = tx.begin(); !r)
            return r.error();
        if (m_ctx.dialect() == SqlDialect::Postgres) {
            if (auto r = execDirect(m_db, QStringLiteral("LOCK TABLE logon_failures IN SHARE ROW EXCLUSIVE MODE")); !r)
                return r.error();
        }
        auto mine = fetchOne(m_db, QStringLiteral("SELECT COUNT(*) AS failures, MAX(at) AS latest FROM logon_failures WHERE logon_name = ? AND client = ? AND at > ?"), { name, from, windowStart });
        auto everyone = fetchOne(m_db, QStringLiteral("SELECT COUNT(*) AS failures, MIN(at) AS earliest FROM logon_failures WHERE logon_name = ? AND at > ?"), { name, windowStart });
        if (!mine)
            return mine.error();
        if (!everyone)
            return everyone.error();
        const int failures = mine->value("failures").toInt();
        const qint64 waitUntil = failures > 0 ? mine->value("latest").toLongLong() + delayAfter(failures) * 1000 : 0;
        const bool nameFlooded = everyone->value("failures").toInt() >= kMaxFailuresPerName;
        if (now < waitUntil || nameFlooded) {
            const qint64 until = nameFlooded ? everyone->value("earliest").toLongLong() + qint64(kFailureWindowMinutes) * 60 * 1000 : waitUntil;
            return Error(ErrorCode::LogonFailed, QStringLiteral("too many failed logons; wait before trying again"),
                { { QStringLiteral("problem"), QStringLiteral("logon-throttled") }, { QStringLiteral("retryAfter"), (until - now) / 1000 + 1 } });
        }
        auto row = fetchOne(m_db, QStringLiteral("INSERT INTO logon_failures (logon_name, client, at) VALUES (?, ?, ?) RETURNING id"), { name, from, now });
        if (!row)
            return row.error();
        reservation = row->value("id").toLongLong();
        if (auto r = tx.commit(); !r)
            return r.error();
    }
    const auto release = [&]() { return exec(m_db, QStringLiteral("DELETE FROM logon_failures WHERE id = ?"), { reservation }); };
    // Password hashing is the costly part of an unauthenticated request: only so many at once.
    if (m_ctx.passwordChecks && !m_ctx.passwordChecks->tryAcquire()) {
        if (auto r = release(); !r)
            return r.error();
        return Error(ErrorCode::ServiceBusy, QStringLiteral("too many logons are being checked; try again shortly"), { { QStringLiteral("retryAfter"), 1 } });
    }
    auto session = PeopleService(m_ctx, m_db).logon(name, password);
    if (m_ctx.passwordChecks)
        m_ctx.passwordChecks->release();
    if (!session) {
        // A wrong password stays counted; any other refusal (a disabled account, bad input) does not.
        if (session.error().code != ErrorCode::LogonFailed) {
            if (auto r = release(); !r)
                return r.error();
        }
        return session;
    }
    if (auto r = exec(m_db, QStringLiteral("DELETE FROM logon_failures WHERE (logon_name = ? AND client = ?) OR at <= ?"), { name, from, windowStart }); !r)
        return r.error();
    return issue(*session);
}

Result<OperatorSession> OperatorTokens::logonWithCard(const QByteArray& certificate, const QByteArray& challenge, const QByteArray& signature)
{
    // No failure counting here: every try spends a challenge, and only the card's key can
    // sign one; the PIN's own try counter lives on the card.
    auto session = CardLogonService(m_ctx, m_db).logon(certificate, challenge, signature);
    if (!session)
        return session;
    return issue(*session);
}

Result<OperatorSession> OperatorTokens::issue(OperatorSession session)
{
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    if (auto r = exec(m_db, QStringLiteral("DELETE FROM operator_tokens WHERE expires_at <= ?"), { now }); !r)
        return r.error();
    const QString token = QString::fromLatin1(secureRandomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    if (auto r = exec(m_db, QStringLiteral("INSERT INTO operator_tokens (token_hash, person_id, created_at, expires_at) VALUES (?, ?, ?, ?)"),
            { tokenHash(token), session.personId, now, now + qint64(kLifetimeHours) * 3600 * 1000 });
        !r)
        return r.error();
    session.token = token;
    return session;
}

Result<OperatorSession> OperatorTokens::resolve(const QString& token)
{
    auto row = fetchOne(m_db, QStringLiteral("SELECT p.id, p.logon_name, p.full_name FROM operator_tokens t JOIN people p ON p.id = t.person_id "
                                             "WHERE t.token_hash = ? AND t.expires_at > ? AND p.enabled = 1"),
        { tokenHash(token), m_ctx.now().toMSecsSinceEpoch() });
    if (!row)
        return row.error();
    if (row->isEmpty())
        return Error(ErrorCode::NotAuthenticated, QStringLiteral("the token is unknown or has expired"));
    OperatorSession s;
    s.personId = row->value("id").toLongLong();
    s.logonName = row->value("logon_name").toString();
    s.fullName = row->value("full_name").toString();
    s.token = token;
    return s;
}

Result<QDateTime> OperatorTokens::renew(const QString& token)
{
    // resolve() first: a disabled account's token is not kept alive.
    if (auto live = resolve(token); !live)
        return live.error();
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    auto settings = SettingsService(m_ctx, m_db).load();
    if (!settings)
        return settings.error();
    auto row = fetchOne(m_db, QStringLiteral("SELECT created_at FROM operator_tokens WHERE token_hash = ?"), { tokenHash(token) });
    if (!row)
        return row.error();
    if (row->isEmpty())
        return Error(ErrorCode::NotAuthenticated, QStringLiteral("the token is unknown or has expired"));
    // However often it is renewed, a session ends this long after its logon.
    const qint64 cap = row->value("created_at").toLongLong() + qint64(settings->integer(SettingKey::SessionMaxDays)) * 24 * 3600 * 1000;
    const qint64 until = qMin(now + qint64(kLifetimeHours) * 3600 * 1000, cap);
    if (until <= now)
        return Error(ErrorCode::NotAuthenticated, QStringLiteral("the session has reached its longest life; log on again"), { { QStringLiteral("problem"), QStringLiteral("session-cap") } });
    auto r = exec(m_db, QStringLiteral("UPDATE operator_tokens SET expires_at = ? WHERE token_hash = ? AND expires_at > ?"), { until, tokenHash(token), now });
    if (!r)
        return r.error();
    if (r->numRowsAffected() != 1)
        return Error(ErrorCode::NotAuthenticated, QStringLiteral("the token is unknown or has expired"));
    return QDateTime::fromMSecsSinceEpoch(until, Qt::UTC);
}

Result<void> OperatorTokens::revoke(const QString& token)
{
    auto r = exec(m_db, QStringLiteral("DELETE FROM operator_tokens WHERE token_hash = ?"), { tokenHash(token) });
    if (!r)
        return r.error();
    return {};
}

} // namespace lanyard
