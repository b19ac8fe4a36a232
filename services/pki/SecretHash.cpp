#include "SecretHash.h"

#include "ConstantTime.h"

#include "SecureRandom.h"

#include <QStringList>

#include <openssl/evp.h>

namespace lanyard {

namespace {
QByteArray derive(const QString& secret, const QByteArray& salt, int iterations)
{
    const QByteArray utf8 = secret.toUtf8();
    QByteArray out(32, Qt::Uninitialized);
    PKCS5_PBKDF2_HMAC(utf8.constData(), int(utf8.size()), reinterpret_cast<const unsigned char*>(salt.constData()),
        int(salt.size()), iterations, EVP_sha256(), int(out.size()), reinterpret_cast<unsigned char*>(out.data()));
    return out;
}
} // namespace

QString SecretHash::make(const QString& secret, int iterations)
{
    const QByteArray salt = secureRandomBytes(16);
    return QStringLiteral("pbkdf2-sha256$%1$%2$%3")
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(derive(secret, salt, iterations).toBase64()));
}

bool SecretHash::verify(const QString& secret, const QString& stored)
{
    const QStringList parts = stored.split(QLatin1Char('$'));
    if (parts.size() != 4 || parts.at(0) != QLatin1String("pbkdf2-sha256"))
        return false;
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    if (!ok || iterations < 1 || iterations > 10000000)
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts.at(2).toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts.at(3).toLatin1());
    const QByteArray actual = derive(secret, salt, iterations);
    return equalInConstantTime(expected, actual);
}

} // namespace lanyard
