#include "OperatorTokens.h"

#include "CardLogonService.h"
#include "PeopleService.h"
#include "SettingsSchema.h"
#include "SettingsService.h"
#include "pki/SecureRandom.h"
#include "storage/Database.h"

#include <QCryptographicHash>

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

Result<OperatorSession> OperatorTokens::logon(const QString& logonName, const QString& password)
{
    const QString name = logonName.trimmed();
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    const qint64 windowStart = now - qint64(kFailureWindowMinutes) * 60 * 1000;
    auto recent = fetchOne(m_db, QStringLiteral("SELECT COUNT(*), MIN(at) FROM logon_failures WHERE logon_name = ? AND at > ?"), { name, windowStart });
    if (!recent)
        return recent.error();
    if (recent->at(0).toInt() >= kMaxFailures) {
        const qint64 retryAfter = (recent->at(1).toLongLong() + qint64(kFailureWindowMinutes) * 60 * 1000 - now) / 1000 + 1;
        return Error(ErrorCode::LogonFailed, QStringLiteral("too many failed logons for '%1'").arg(name),
            { { QStringLiteral("problem"), QStringLiteral("logon-throttled") }, { QStringLiteral("retryAfter"), retryAfter } });
    }
    auto session = PeopleService(m_ctx, m_db).logon(name, password);
    if (!session) {
        if (session.error().code == ErrorCode::LogonFailed) {
            if (auto r = exec(m_db, QStringLiteral("INSERT INTO logon_failures (logon_name, at) VALUES (?, ?)"), { name, now }); !r)
                return r.error();
        }
        return session;
    }
    if (auto r = exec(m_db, QStringLiteral("DELETE FROM logon_failures WHERE logon_name = ? OR at <= ?"), { name, windowStart }); !r)
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
    s.personId = row->at(0).toLongLong();
    s.logonName = row->at(1).toString();
    s.fullName = row->at(2).toString();
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
    const qint64 cap = row->at(0).toLongLong() + qint64(settings->integer(SettingKey::SessionMaxDays)) * 24 * 3600 * 1000;
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
