#include "AgentWallet.h"

#include "pki/Certificate.h"
#include "pki/ConstantTime.h"
#include "pki/Pkcs12.h"
#include "pki/SecureRandom.h"
#include "pki/UnlockCode.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace lanyard {

namespace {
const QString kState = QStringLiteral("agent.json");

Error walletError(ErrorCode code, const QString& detail, const QString& problem, QVariantMap args = {})
{
    args.insert(QStringLiteral("problem"), problem);
    return Error(code, detail, args);
}
} // namespace

Result<AgentWallet> AgentWallet::open(const QString& storeDir)
{
    AgentWallet w;
    w.m_dir = storeDir;
    QFile file(w.path(kState));
    if (!file.open(QIODevice::ReadOnly))
        return walletError(ErrorCode::NotFound, QStringLiteral("%1 holds no collected credential (%2)").arg(storeDir, file.errorString()), QStringLiteral("no-wallet"));
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parse);
    if (!doc.isObject() || doc.object().value(QStringLiteral("unlockKey")).toString().isEmpty())
        return walletError(ErrorCode::InvalidArgument, QStringLiteral("%1 is damaged: %2").arg(file.fileName(), parse.errorString()), QStringLiteral("wallet-damaged"));
    w.m_state = doc.object();
    return w;
}

QString AgentWallet::path(const QString& name) const
{
    return QDir(m_dir).filePath(name);
}

Result<void> AgentWallet::save()
{
    QSaveFile file(path(kState));
    if (!file.open(QIODevice::WriteOnly))
        return Error(ErrorCode::StorageFailure, QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(m_state).toJson());
    if (!file.commit())
        return Error(ErrorCode::StorageFailure, QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    return {};
}

QString AgentWallet::hardwareSerial() const
{
    return m_state.value(QStringLiteral("hardwareSerial")).toString();
}

AgentWallet::Status AgentWallet::status() const
{
    Status s;
    const QJsonObject device = m_state.value(QStringLiteral("device")).toObject();
    s.deviceSerial = device.value(QStringLiteral("serial")).toString();
    s.deviceExpires = QDateTime::fromString(device.value(QStringLiteral("expires")).toString(), Qt::ISODateWithMs);
    const int failures = m_state.value(QStringLiteral("pinFailures")).toInt();
    s.pinAttemptsLeft = qMax(0, kPinAttempts - failures);
    s.locked = s.pinAttemptsLeft == 0;
    s.pendingChallenge = m_state.value(QStringLiteral("challenge")).toString();
    for (int i = 1;; ++i) {
        QFile pem(path(QStringLiteral("certificate-%1.pem").arg(i)));
        if (!pem.open(QIODevice::ReadOnly))
            break;
        auto cert = Certificate::fromPem(pem.readAll());
        s.certificates << (cert ? QStringLiteral("%1, valid until %2").arg(cert->subject(), cert->notAfter().toString(Qt::ISODate))
                                : QStringLiteral("certificate-%1.pem (unreadable)").arg(i));
    }
    return s;
}

Result<void> AgentWallet::verifyPin(const QByteArray& pin)
{
    const Status before = status();
    if (before.locked)
        return walletError(ErrorCode::CodeLocked, QStringLiteral("the credential is locked after %1 wrong PINs; ask the helpdesk for an unlock code").arg(kPinAttempts),
            QStringLiteral("pin-locked"));
    QFile p12(path(QStringLiteral("certificate-1.p12")));
    if (!p12.open(QIODevice::ReadOnly))
        return walletError(ErrorCode::NotFound, QStringLiteral("no stored key in %1").arg(m_dir), QStringLiteral("no-wallet"));
    auto opens = Pkcs12::passwordOpens(p12.readAll(), pin);
    if (!opens)
        return opens.error();
    const int failures = *opens ? 0 : m_state.value(QStringLiteral("pinFailures")).toInt() + 1;
    m_state.insert(QStringLiteral("pinFailures"), failures);
    if (auto r = save(); !r)
        return r;
    if (*opens)
        return {};
    if (failures >= kPinAttempts)
        return walletError(ErrorCode::CodeLocked, QStringLiteral("wrong PIN; the credential is now locked; ask the helpdesk for an unlock code"), QStringLiteral("pin-locked"));
    return walletError(ErrorCode::CodeInvalid, QStringLiteral("wrong PIN; %1 attempt(s) left").arg(kPinAttempts - failures), QStringLiteral("wrong-pin"),
        { { QStringLiteral("triesLeft"), kPinAttempts - failures } });
}

Result<QString> AgentWallet::newChallenge()
{
    if (!status().locked)
        return walletError(ErrorCode::InvalidTransition, QStringLiteral("the credential is not locked; there is nothing to unlock"), QStringLiteral("not-locked"));
    QString digits;
    for (int i = 0; i < UnlockCode::kChallengeDigits; ++i)
        digits += QChar(u'0' + secureRandomBelow(10));
    m_state.insert(QStringLiteral("challenge"), digits);
    if (auto r = save(); !r)
        return r.error();
    return UnlockCode::group(digits);
}

Result<void> AgentWallet::unlock(const QString& code)
{
    const QString challenge = m_state.value(QStringLiteral("challenge")).toString();
    if (challenge.isEmpty())
        return walletError(ErrorCode::InvalidTransition, QStringLiteral("no challenge is pending; run unlock-challenge first and read it to the helpdesk"),
            QStringLiteral("no-challenge"));
    QString typed;
    for (const QChar c : code)
        if (!c.isSpace())
            typed += c;
    const QByteArray key = QByteArray::fromBase64(m_state.value(QStringLiteral("unlockKey")).toString().toLatin1());
    const QByteArray expected = UnlockCode::response(key, challenge).toLatin1();
    // One use either way: a wrong guess costs the challenge.
    m_state.remove(QStringLiteral("challenge"));
    const QByteArray given = typed.toLatin1();
    const bool right = equalInConstantTime(given, expected);
    if (right)
        m_state.insert(QStringLiteral("pinFailures"), 0);
    if (auto r = save(); !r)
        return r;
    if (!right)
        return walletError(ErrorCode::CodeInvalid, QStringLiteral("the unlock code does not answer the challenge; run unlock-challenge for a new one"),
            QStringLiteral("wrong-unlock-code"));
    return {};
}

} // namespace lanyard
