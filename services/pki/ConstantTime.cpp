#include "ConstantTime.h"

#include <openssl/crypto.h>

namespace lanyard {

bool equalInConstantTime(const QByteArray& a, const QByteArray& b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace lanyard
