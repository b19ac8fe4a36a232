#include "PivSigner.h"

#include "pki/Certificate.h"

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

Result<PivSigner::HolderProof> PivSigner::proveHolder(PivClient& piv, const QString& pin, const QByteArray& challenge)
{
    auto der = piv.readAuthenticationCertificate();
    if (!der)
        return der.error();
    auto certificate = Certificate::fromDer(*der);
    if (!certificate)
        return Error(ErrorCode::CardError, QStringLiteral("the card's certificate is unreadable: %1").arg(certificate.error().detail));
    auto algorithm = certificate->publicKeyAlgorithm();
    if (!algorithm)
        return algorithm.error();
    if (auto v = piv.verifyPin(pin); !v)
        return v.error();
    auto signature = sign(piv, PivSlot::Authentication, *algorithm, challenge);
    if (!signature)
        return signature.error();
    return HolderProof { *der, *signature };
}

} // namespace lanyard
