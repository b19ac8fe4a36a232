#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace lanyard {

// The mobile unlock code: a locked agent shows a numeric challenge; the operator's engine
// answers with HMAC-SHA256(device unlock key, challenge) truncated to digits (HOTP-style
// dynamic truncation, RFC 4226 §5.3), which the agent checks with the same key.
class UnlockCode {
public:
    static constexpr int kChallengeDigits = 8;
    static constexpr int kResponseDigits = 8;

    // Accepts the challenge as read aloud: digits, optionally grouped with spaces.
    static Result<QString> normaliseChallenge(const QString& typed);
    static QString response(const QByteArray& unlockKey, const QString& challenge);
    static QString group(const QString& digits);
};

} // namespace lanyard
