#pragma once

#include "EngineContext.h"
#include "OperatorSession.h"
#include "core/Result.h"

#include <QByteArray>
#include <QSqlDatabase>

namespace lanyard {

// Logon with a card Lanyard issued: the engine hands out a random challenge to anyone, and
// accepts it back once, signed by the key of a certificate it issued to the person, on a
// device of theirs that is in use. The certificate is compared byte for byte with the one in
// the database, so a card made elsewhere with the same name proves nothing.
class CardLogonService {
public:
    static constexpr int kChallengeSeconds = 120;
    // Challenges are given out before anyone is known, so their number is capped.
    static constexpr int kMaxOpenChallenges = 10000;
    // Per client address: a card logon needs one, a person at a desk a few more.
    static constexpr int kMaxOpenChallengesPerClient = 20;

    CardLogonService(const EngineContext& context, QSqlDatabase db);

    // `client`: who asks (the server passes the peer address; the desktop "local").
    Result<QByteArray> challenge(const QString& client);
    Result<OperatorSession> logon(const QByteArray& certificate, const QByteArray& challenge, const QByteArray& signature);

private:
    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
