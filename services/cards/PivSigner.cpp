#include "PivSigner.h"

#include <QCryptographicHash>

namespace lanyard {

QByteArray PivSigner::pkcs1Sha256Block(const QByteArray& sha256, int modulusBytes)
{
    // DigestInfo { sha256, NULL } followed by the hash (RFC 8017 §9.2 note 1).
    const QByteArray digestInfo = QByteArray::fromHex("3031300d060960864801650304020105000420") + sha256;
    QByteArray block;
    block.reserve(modulusBytes);
    block.append(char(0x00)).append(char(0x01));
    block.append(QByteArray(modulusBytes - 3 - digestInfo.size(), char(0xFF)));
    block.append(char(0x00)).append(digestInfo);
    return block;
}

Result<QByteArray> PivSigner::sign(PivClient& piv, PivSlot slot, KeyAlgorithm keyAlgorithm, const QByteArray& message)
{
    const QByteArray hash = QCryptographicHash::hash(message, QCryptographicHash::Sha256);
    switch (keyAlgorithm) {
    case KeyAlgorithm::EcP256:
        return piv.generalAuthenticate(PivAlgorithm::EcP256, slot, hash);
    case KeyAlgorithm::Rsa2048:
        return piv.generalAuthenticate(PivAlgorithm::Rsa2048, slot, pkcs1Sha256Block(hash, 256));
    case KeyAlgorithm::Rsa3072:
        break;
    }
    return Error(ErrorCode::KeyAlgorithmNotAllowed, QStringLiteral("Lanyard signs with PIV keys of RSA-2048 or P-256 only"));
}

} // namespace lanyard
