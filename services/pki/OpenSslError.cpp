#include "OpenSslError.h"

#include <openssl/err.h>

namespace lanyard {

Error openSslError(ErrorCode code, const QString& what)
{
    QStringList parts;
    unsigned long e;
    while ((e = ERR_get_error()) != 0) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        parts.append(QString::fromLatin1(buf));
    }
    return Error(code, parts.isEmpty() ? what : what + QStringLiteral(" (") + parts.join(QStringLiteral("; ")) + QLatin1Char(')'));
}

void clearOpenSslErrors()
{
    ERR_clear_error();
}

} // namespace lanyard
