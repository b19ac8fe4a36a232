#include "VscResponse.h"

#include "OpenSslError.h"

#include <openssl/evp.h>

#include <memory>

namespace lanyard {

namespace {
struct CipherContextFree {
    void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};

Result<QByteArray> encryptBlock(const QByteArray& key, const QByteArray& block)
{
    if (key.size() != VscResponse::kKeySize)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("a VSC administrator key has %1 bytes, not %2").arg(VscResponse::kKeySize).arg(key.size()));
    std::unique_ptr<EVP_CIPHER_CTX, CipherContextFree> ctx(EVP_CIPHER_CTX_new());
    QByteArray out(16, '\0');
    int written = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_des_ede3_ecb(), nullptr, reinterpret_cast<const unsigned char*>(key.constData()), nullptr) != 1
        || EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1
        || EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &written, reinterpret_cast<const unsigned char*>(block.constData()), int(block.size())) != 1
        || written != 8)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("3DES encryption of the VSC challenge"));
    out.truncate(8);
    return out;
}
} // namespace

Result<QByteArray> VscResponse::parseChallenge(const QString& typed)
{
    QByteArray hex;
    for (const QChar c : typed) {
        if (c.isSpace())
            continue;
        const char l = c.toLower().toLatin1();
        if (!((l >= '0' && l <= '9') || (l >= 'a' && l <= 'f')))
            return Error(ErrorCode::InvalidArgument, QStringLiteral("the challenge has a character that is not a hex digit: '%1'").arg(c),
                { { QStringLiteral("problem"), QStringLiteral("vsc-challenge") } });
        hex += l;
    }
    if (hex.size() != 16)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("the challenge has %1 hex digits; it needs 16").arg(hex.size()),
            { { QStringLiteral("problem"), QStringLiteral("vsc-challenge") } });
    return QByteArray::fromHex(hex);
}

Result<QByteArray> VscResponse::response(const QByteArray& adminKey, const QByteArray& challenge)
{
    if (challenge.size() != 8)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("a VSC challenge has 8 bytes"), { { QStringLiteral("problem"), QStringLiteral("vsc-challenge") } });
    return encryptBlock(adminKey, challenge);
}

Result<QByteArray> VscResponse::keyCheckValue(const QByteArray& adminKey)
{
    auto block = encryptBlock(adminKey, QByteArray(8, '\0'));
    if (!block)
        return block;
    return block->left(3);
}

QString VscResponse::group(const QByteArray& bytes)
{
    const QString hex = QString::fromLatin1(bytes.toHex().toUpper());
    QString out;
    for (int i = 0; i < hex.size(); i += 4)
        out += (i ? QStringLiteral(" ") : QString()) + hex.mid(i, 4);
    return out;
}

} // namespace lanyard
