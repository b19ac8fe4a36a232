#include "CardLogonService.h"

#include "AuditLog.h"
#include "CertificateRecord.h"
#include "CredentialProfile.h"
#include "DeviceLifecycle.h"
#include "pki/Certificate.h"
#include "pki/SecureRandom.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

namespace lanyard {

namespace {
struct CardOwner {
    qint64 personId = 0;
    QString logonName;
    QString fullName;
    bool enabled = false;
    QString deviceSerial;
    qint64 deviceId = 0;
    QString deviceState;
    QString deviceType;
    qint64 deviceExpires = 0;
    QString certificateStatus;
};

Error refusedCard(const QString& detail, const QString& problem)
{
    return Error(ErrorCode::LogonFailed, detail, { { QStringLiteral("problem"), problem } });
}
} // namespace

CardLogonService::CardLogonService(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

Result<QByteArray> CardLogonService::challenge(const QString& client)
{
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();
    if (auto r = exec(m_db, QStringLiteral("DELETE FROM card_logon_challenges WHERE expires_at < ?"), { now }); !r)
        return r.error();
    auto open = fetchValue(m_db, QStringLiteral("SELECT COUNT(*) FROM card_logon_challenges"));
    if (!open)
        return open.error();
    if (open->toInt() >= kMaxOpenChallenges)
        return Error(ErrorCode::ServiceBusy, QStringLiteral("too many card logons are in progress; try again shortly"),
            { { QStringLiteral("retryAfter"), kChallengeSeconds } });
    const QString who = client.left(64);
    auto mine = fetchValue(m_db, QStringLiteral("SELECT COUNT(*) FROM card_logon_challenges WHERE client = ?"), { who });
    if (!mine)
        return mine.error();
    if (mine->toInt() >= kMaxOpenChallengesPerClient)
        return Error(ErrorCode::ServiceBusy, QStringLiteral("too many card logons from here are in progress; try again shortly"),
            { { QStringLiteral("retryAfter"), kChallengeSeconds } });
    const QByteArray challenge = secureRandomBytes(32);
    if (auto r = exec(m_db, QStringLiteral("INSERT INTO card_logon_challenges (challenge, expires_at, client) VALUES (?, ?, ?)"),
            { QString::fromLatin1(challenge.toHex()), now + qint64(kChallengeSeconds) * 1000, who });
        !r)
        return r.error();
    return challenge;
}

Result<OperatorSession> CardLogonService::logon(const QByteArray& certificateDer, const QByteArray& challenge, const QByteArray& signature)
{
    auto certificate = Certificate::fromDer(certificateDer);
    if (!certificate)
        return refusedCard(QStringLiteral("the card's certificate is unreadable: %1").arg(certificate.error().detail), QStringLiteral("card-unknown"));
    const qint64 now = m_ctx.now().toMSecsSinceEpoch();

    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    // The challenge is spent whatever happens next: a second try needs a new one.
    auto used = exec(m_db, QStringLiteral("DELETE FROM card_logon_challenges WHERE challenge = ? AND expires_at >= ?"),
        { QString::fromLatin1(challenge.toHex()), now });
    if (!used)
        return used.error();
    const bool challengeOk = used->numRowsAffected() == 1;

    auto rows = exec(m_db,
        QStringLiteral("SELECT p.id AS person_id, p.logon_name, p.full_name, p.enabled, d.serial, d.id AS device_id, d.state, d.expires_at, c.status, c.der, d.device_type "
                       "FROM certificates c JOIN devices d ON d.id = c.device_id JOIN people p ON p.id = d.owner_id WHERE c.serial = ?"),
        { certificate->serialHex() });
    if (!rows)
        return rows.error();
    CardOwner owner;
    const SqlRow row(*rows);
    while (rows->next()) {
        if (row.value("der").toByteArray() != certificate->toDer())
            continue;
        owner.personId = row.value("person_id").toLongLong();
        owner.logonName = row.value("logon_name").toString();
        owner.fullName = row.value("full_name").toString();
        owner.enabled = row.value("enabled").toInt() != 0;
        owner.deviceSerial = row.value("serial").toString();
        owner.deviceId = row.value("device_id").toLongLong();
        owner.deviceState = row.value("state").toString();
        owner.deviceExpires = row.value("expires_at").toLongLong();
        owner.certificateStatus = row.value("status").toString();
        owner.deviceType = row.value("device_type").toString();
    }
    rows->finish();

    Result<void> verdict;
    // Possession first: until the caller has signed with the certificate's key, nothing is said
    // about its card or account (a certificate is public; its holder's state is not).
    if (!challengeOk) {
        verdict = Error(ErrorCode::PossessionFailed, QStringLiteral("the logon challenge is unknown, used or expired"),
            { { QStringLiteral("problem"), QStringLiteral("challenge-expired") } });
    } else if (!owner.personId) {
        verdict = refusedCard(QStringLiteral("Lanyard did not issue the certificate on this card (%1)").arg(certificate->subject()), QStringLiteral("card-unknown"));
    } else if (auto signed_ = certificate->verifySignature(challenge, signature); !signed_) {
        verdict = signed_;
    } else if (owner.deviceType != cardEncodingId(CardEncoding::VirtualSmartCard) && owner.deviceType != cardEncodingId(CardEncoding::PivCard)) {
        // A phone identity or a derived credential may be collected with a code someone else
        // saw; only a card, whose PIN its holder set, proves the holder.
        verdict = refusedCard(QStringLiteral("the certificate is on %1 %2, not on a card").arg(owner.deviceType, owner.deviceSerial), QStringLiteral("not-a-card"));
    } else if (owner.certificateStatus != certificateStatusId(CertificateStatus::Active)) {
        verdict = refusedCard(QStringLiteral("the card's certificate is %1").arg(owner.certificateStatus), QStringLiteral("card-not-usable"));
    } else if (certificate->notAfter().toMSecsSinceEpoch() < now || certificate->notBefore().toMSecsSinceEpoch() > now || owner.deviceExpires < now) {
        verdict = refusedCard(QStringLiteral("the card %1 has expired").arg(owner.deviceSerial), QStringLiteral("card-not-usable"));
    } else if (owner.deviceState != deviceStateId(DeviceState::Active)) {
        verdict = refusedCard(QStringLiteral("the card %1 is %2").arg(owner.deviceSerial, owner.deviceState), QStringLiteral("card-not-usable"));
    } else if (!owner.enabled) {
        verdict = Error(ErrorCode::AccountDisabled, QStringLiteral("'%1' is disabled").arg(owner.logonName));
    }

    AuditEvent e;
    e.at = m_ctx.now();
    e.workflow = QStringLiteral("logon");
    e.targetType = QStringLiteral("person");
    // An unknown certificate's subject is whatever its maker wrote: kept short.
    e.targetLabel = owner.personId ? owner.logonName : certificate->subject().left(200);
    e.operatorName = e.targetLabel;
    e.operatorId = owner.personId;
    e.personId = owner.personId;
    e.deviceId = owner.deviceId;
    if (owner.personId)
        e.targetId = QString::number(owner.personId);
    e.outcome = verdict ? QStringLiteral("success") : QStringLiteral("refused");
    e.details = verdict ? QStringLiteral("with card %1").arg(owner.deviceSerial)
                        : QStringLiteral("with card %1: %2").arg(owner.personId ? owner.deviceSerial : certificate->serialHex(), verdict.error().detail);
    if (auto r = AuditLog(m_db, m_ctx).append(e); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    if (!verdict)
        return verdict.error();
    OperatorSession s;
    s.personId = owner.personId;
    s.logonName = owner.logonName;
    s.fullName = owner.fullName;
    return s;
}

} // namespace lanyard
