#include "KeyWrapper.h"

#include "OpenSslError.h"
#include "OpenSslPtr.h"
#include "SecureRandom.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace lanyard {

namespace {
constexpr char kVersion = 1;
constexpr int kNonce = 12;
constexpr int kTag = 16;
} // namespace

KeyWrapper::KeyWrapper(QByteArray masterKey)
    : m_key(std::move(masterKey))
{
}

Result<QByteArray> KeyWrapper::wrap(const QByteArray& plain, const QByteArray& purpose) const
{
    if (!isValid())
        return Error(ErrorCode::SecretStoreUnavailable, QStringLiteral("no master key"));
    const QByteArray nonce = secureRandomBytes(kNonce);
    ossl::CipherCtx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    QByteArray out;
    out.append(kVersion);
    out.append(nonce);
    QByteArray cipher(plain.size(), Qt::Uninitialized);
    auto* key = reinterpret_cast<const unsigned char*>(m_key.constData());
    auto* iv = reinterpret_cast<const unsigned char*>(nonce.constData());
    if (EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key, iv) != 1
        || EVP_EncryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(purpose.constData()), int(purpose.size())) != 1
        || EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(cipher.data()), &len,
               reinterpret_cast<const unsigned char*>(plain.constData()), int(plain.size())) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("wrap"));
    int fin = 0;
    if (EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(cipher.data()) + len, &fin) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("wrap final"));
    QByteArray tag(kTag, Qt::Uninitialized);
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTag, tag.data()) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("wrap tag"));
    out.append(cipher);
    out.append(tag);
    return out;
}

Result<QByteArray> KeyWrapper::unwrap(const QByteArray& wrapped, const QByteArray& purpose) const
{
    if (!isValid())
        return Error(ErrorCode::SecretStoreUnavailable, QStringLiteral("no master key"));
    if (wrapped.size() < 1 + kNonce + kTag || wrapped.at(0) != kVersion)
        return Error(ErrorCode::CryptoFailure, QStringLiteral("not a wrapped key"));
    const QByteArray nonce = wrapped.mid(1, kNonce);
    const QByteArray cipher = wrapped.mid(1 + kNonce, wrapped.size() - 1 - kNonce - kTag);
    QByteArray tag = wrapped.right(kTag);
    ossl::CipherCtx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    QByteArray plain(cipher.size(), Qt::Uninitialized);
    if (EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, reinterpret_cast<const unsigned char*>(m_key.constData()),
            reinterpret_cast<const unsigned char*>(nonce.constData())) != 1
        || EVP_DecryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(purpose.constData()), int(purpose.size())) != 1
        || EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()), &len,
               reinterpret_cast<const unsigned char*>(cipher.constData()), int(cipher.size())) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTag, tag.data()) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("unwrap"));
    int fin = 0;
    if (EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()) + len, &fin) != 1) {
        clearOpenSslErrors();
        return Error(ErrorCode::MasterKeyMismatch, QStringLiteral("wrapped key failed authentication (wrong master key or tampered data)"));
    }
    return plain;
}

QByteArray KeyWrapper::derive(const QByteArray& purpose) const
{
    return QMessageAuthenticationCode::hash(QByteArray("lanyard-derive:") + purpose, m_key, QCryptographicHash::Sha256);
}

QByteArray KeyWrapper::checkValue() const
{
    return QCryptographicHash::hash(QByteArray("lanyard-master-key-check") + m_key, QCryptographicHash::Sha256).toHex().left(16);
}

} // namespace lanyard
