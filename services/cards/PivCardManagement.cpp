#include "PivCardManagement.h"

#include "BerTlv.h"
#include "pki/VscResponse.h"

namespace lanyard {

namespace {
constexpr quint8 kTripleDes = 0x03;
constexpr quint8 kManagementKeyRef = 0x9B;
} // namespace

QByteArray PivCardManagement::defaultKey()
{
    return QByteArray::fromHex("010203040506070801020304050607080102030405060708");
}

Result<void> PivCardManagement::expectSuccess(const char* command, const CommandApdu& apdu)
{
    auto r = m_transport.transmit(apdu);
    if (!r)
        return r.error();
    if (r->sw == 0x6982)
        return Error(ErrorCode::CardError, QStringLiteral("%1 needs the management key first").arg(QLatin1String(command)),
            { { QStringLiteral("problem"), QStringLiteral("management-key") } });
    if (!r->isSuccess())
        return Error(ErrorCode::CardError, QStringLiteral("the card refused %1 with status %2").arg(QLatin1String(command)).arg(r->sw, 4, 16, QLatin1Char('0')));
    return {};
}

Result<void> PivCardManagement::authenticate(const QByteArray& key)
{
    if (key.size() != VscResponse::kKeySize)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("a management key has 24 bytes"));
    auto asked = m_transport.transmit(CommandApdu { 0x00, 0x87, kTripleDes, kManagementKeyRef, BerTlv::encode(0x7C, BerTlv::encode(0x81, {})), 256 });
    if (!asked)
        return asked.error();
    if (!asked->isSuccess())
        return Error(ErrorCode::CardError, QStringLiteral("the card gives no management-key challenge (status %1)").arg(asked->sw, 4, 16, QLatin1Char('0')));
    auto dynamic = BerTlv::valueOf(asked->data, 0x7C);
    if (!dynamic)
        return dynamic.error();
    auto challenge = BerTlv::valueOf(*dynamic, 0x81);
    if (!challenge)
        return challenge.error();
    auto answer = VscResponse::response(key, *challenge);
    if (!answer)
        return answer.error();
    auto r = m_transport.transmit(CommandApdu { 0x00, 0x87, kTripleDes, kManagementKeyRef, BerTlv::encode(0x7C, BerTlv::encode(0x82, *answer)), -1 });
    if (!r)
        return r.error();
    if (r->sw == 0x6982 || r->sw == 0x6A80)
        return Error(ErrorCode::CardError, QStringLiteral("the card does not accept this management key"), { { QStringLiteral("problem"), QStringLiteral("management-key") } });
    if (!r->isSuccess())
        return Error(ErrorCode::CardError, QStringLiteral("the card refused the management key with status %1").arg(r->sw, 4, 16, QLatin1Char('0')));
    return {};
}

Result<PrivateKey> PivCardManagement::generateKey(PivSlot slot, KeyAlgorithm algorithm)
{
    if (algorithm != KeyAlgorithm::Rsa2048 && algorithm != KeyAlgorithm::EcP256)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("PIV cards make RSA-2048 and P-256 keys"), { { QStringLiteral("problem"), QStringLiteral("card-key-algorithm") } });
    const quint8 alg = quint8(algorithm == KeyAlgorithm::Rsa2048 ? PivAlgorithm::Rsa2048 : PivAlgorithm::EcP256);
    auto r = m_transport.transmit(CommandApdu { 0x00, 0x47, 0x00, quint8(slot), BerTlv::encode(0xAC, BerTlv::encode(0x80, QByteArray(1, char(alg)))), 256 });
    if (!r)
        return r.error();
    if (r->sw == 0x6982)
        return Error(ErrorCode::CardError, QStringLiteral("making a key needs the management key first"), { { QStringLiteral("problem"), QStringLiteral("management-key") } });
    if (!r->isSuccess())
        return Error(ErrorCode::CardError, QStringLiteral("the card could not make a key (status %1)").arg(r->sw, 4, 16, QLatin1Char('0')));
    auto publicPart = BerTlv::valueOf(r->data, 0x7F49);
    if (!publicPart)
        return publicPart.error();
    auto elements = BerTlv::parse(*publicPart);
    if (!elements)
        return elements.error();
    if (algorithm == KeyAlgorithm::Rsa2048) {
        const auto n = BerTlv::find(*elements, 0x81);
        const auto e = BerTlv::find(*elements, 0x82);
        if (!n || !e)
            return Error(ErrorCode::CardError, QStringLiteral("the card's new RSA key came without modulus or exponent"));
        return PrivateKey::rsaPublic(*n, *e);
    }
    const auto point = BerTlv::find(*elements, 0x86);
    if (!point)
        return Error(ErrorCode::CardError, QStringLiteral("the card's new EC key came without its point"));
    return PrivateKey::p256Public(*point);
}

Result<void> PivCardManagement::putData(quint32 tag, const QByteArray& content)
{
    const QByteArray data = BerTlv::encode(0x5C, BerTlv::encodeTag(tag)) + BerTlv::encode(0x53, content);
    return expectSuccess("PUT DATA", CommandApdu { 0x00, 0xDB, 0x3F, 0xFF, data, -1 });
}

Result<void> PivCardManagement::writeCertificate(PivSlot slot, const QByteArray& der)
{
    // Uncompressed certificate (71 = 00) and the empty error-detection code (FE).
    const QByteArray content = BerTlv::encode(0x70, der) + BerTlv::encode(0x71, QByteArray(1, '\0')) + BerTlv::encode(0xFE, {});
    return putData(piv::certificateTag(slot), content);
}

Result<void> PivCardManagement::writeChuid(const Chuid& chuid)
{
    auto content = chuid.encode();
    if (!content)
        return content.error();
    return putData(piv::kChuidTag, *content);
}

Result<void> PivCardManagement::setManagementKey(const QByteArray& key)
{
    if (key.size() != VscResponse::kKeySize)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("a management key has 24 bytes"));
    QByteArray data;
    data.append(char(kTripleDes)).append(char(kManagementKeyRef)).append(char(VscResponse::kKeySize)).append(key);
    return expectSuccess("SET MANAGEMENT KEY", CommandApdu { 0x00, 0xFF, 0xFF, 0xFF, data, -1 });
}

} // namespace lanyard
