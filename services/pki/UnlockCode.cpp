#include "UnlockCode.h"

#include <QMessageAuthenticationCode>

namespace lanyard {

Result<QString> UnlockCode::normaliseChallenge(const QString& typed)
{
    QString digits;
    for (const QChar c : typed) {
        if (c.isSpace())
            continue;
        if (c.unicode() < '0' || c.unicode() > '9')
            return Error(ErrorCode::InvalidArgument, QStringLiteral("the challenge has a character that is not a digit: '%1'").arg(c),
                { { QStringLiteral("problem"), QStringLiteral("challenge-format") } });
        digits += c;
    }
    if (digits.size() != kChallengeDigits)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("the challenge has %1 digits; it needs %2").arg(digits.size()).arg(kChallengeDigits),
            { { QStringLiteral("problem"), QStringLiteral("challenge-length") }, { QStringLiteral("digits"), int(digits.size()) }, { QStringLiteral("needed"), kChallengeDigits } });
    return digits;
}

QString UnlockCode::response(const QByteArray& unlockKey, const QString& challenge)
{
    const QByteArray mac = QMessageAuthenticationCode::hash(challenge.toLatin1(), unlockKey, QCryptographicHash::Sha256);
    const int offset = mac.at(mac.size() - 1) & 0x0F;
    const quint32 binary = (quint32(quint8(mac.at(offset)) & 0x7F) << 24) | (quint32(quint8(mac.at(offset + 1))) << 16)
        | (quint32(quint8(mac.at(offset + 2))) << 8) | quint32(quint8(mac.at(offset + 3)));
    return QStringLiteral("%1").arg(binary % 100000000u, kResponseDigits, 10, QLatin1Char('0'));
}

QString UnlockCode::group(const QString& digits)
{
    return digits.left(4) + QLatin1Char(' ') + digits.mid(4);
}

} // namespace lanyard
