#pragma once

#include "EngineContext.h"
#include "OperatorSession.h"

#include <QSqlDatabase>

namespace lanyard {

// Bearer tokens for operators of the remote engine. Only a hash of each token is stored, in the
// database, so every server process sharing it accepts the same tokens; failed logons are
// counted there too, so throttling holds across processes.
class OperatorTokens {
public:
    static constexpr int kLifetimeHours = 8;
    static constexpr int kFailureWindowMinutes = 15;
    // Per logon name and client address, the first few failures cost nothing; from then on
    // each waits twice as long as the one before, up to the window.
    static constexpr int kFreeFailures = 3;
    // Per logon name from everywhere: a distributed guess is stopped too.
    static constexpr int kMaxFailuresPerName = 100;
    // Seconds a client must wait after its `failures`-th failure.
    static qint64 delayAfter(int failures);

    OperatorTokens(const EngineContext& context, QSqlDatabase db);

    // Checks the password (PeopleService) unless this client must wait after recent failures
    // for the name, or the engine is already checking as many passwords as it allows at
    // once (ServiceBusy); issues a token. `client`: the peer address, or "local".
    Result<OperatorSession> logon(const QString& logonName, const QString& password, const QString& client);
    // Checks the card's signature over a challenge (CardLogonService); issues a token.
    Result<OperatorSession> logonWithCard(const QByteArray& certificate, const QByteArray& challenge, const QByteArray& signature);
    // The operator behind a live token; NotAuthenticated when unknown or expired.
    Result<OperatorSession> resolve(const QString& token);
    Result<void> revoke(const QString& token);
    // Moves a live token's end to kLifetimeHours from now, for a client kept running
    // unattended (the kiosk): it stays logged on while it runs, and a token it stops renewing
    // ends as any other. NotAuthenticated when the token is unknown or has ended.
    Result<QDateTime> renew(const QString& token);

private:
    Result<OperatorSession> issue(OperatorSession session);

    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
