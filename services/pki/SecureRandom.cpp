#include "SecureRandom.h"

#include <openssl/rand.h>

#include <cstdlib>

namespace lanyard {

QByteArray secureRandomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), count) != 1)
        std::abort(); // no entropy: continuing would issue guessable secrets
    return out;
}

quint32 secureRandomBelow(quint32 bound)
{
    if (bound <= 1)
        return 0;
    const quint32 limit = quint32(0xFFFFFFFFu - (0xFFFFFFFFu % bound));
    for (;;) {
        const QByteArray b = secureRandomBytes(4);
        quint32 v;
        memcpy(&v, b.constData(), 4);
        if (v < limit)
            return v % bound;
    }
}

QString randomToken()
{
    return QString::fromLatin1(secureRandomBytes(16).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace lanyard
