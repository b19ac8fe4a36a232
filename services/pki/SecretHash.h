#pragma once

#include <QString>

namespace lanyard {

// Salted slow hashes for codes and passwords: PBKDF2-HMAC-SHA256, stored self-describing as
// "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>" so the cost can rise without breaking
// old hashes.
class SecretHash {
public:
    static constexpr int kDefaultIterations = 120000;

    static QString make(const QString& secret, int iterations = kDefaultIterations);
    // Constant-time comparison; false for a malformed stored value.
    static bool verify(const QString& secret, const QString& stored);
};

} // namespace lanyard
