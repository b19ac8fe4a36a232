#pragma once

#include <QByteArray>
#include <QString>

namespace lanyard {

// Cryptographically secure randomness from OpenSSL's DRBG.
QByteArray secureRandomBytes(int count);
// Uniform in [0, bound) without modulo bias.
quint32 secureRandomBelow(quint32 bound);
// 128-bit random token, base64url without padding.
QString randomToken();

} // namespace lanyard
