#include "Chuid.h"

#include "BerTlv.h"

namespace lanyard {

namespace {
constexpr quint32 kFascnTag = 0x30;
constexpr quint32 kGuidTag = 0x34;
constexpr quint32 kExpiryTag = 0x35;
constexpr quint32 kCardholderUuidTag = 0x36;
constexpr quint32 kSignatureTag = 0x3E;
constexpr quint32 kErrorDetectionTag = 0xFE;

Error invalid(const QString& why)
{
    return Error(ErrorCode::CardError, QStringLiteral("the card's CHUID is invalid: %1").arg(why));
}

Result<QUuid> uuidFrom(const QByteArray& bytes, const char* what)
{
    if (bytes.size() != 16)
        return invalid(QStringLiteral("%1 of %2 bytes").arg(QLatin1String(what)).arg(bytes.size()));
    return QUuid::fromRfc4122(bytes);
}
} // namespace

Result<Chuid> Chuid::parse(const QByteArray& content)
{
    auto elements = BerTlv::parse(content);
    if (!elements)
        return elements.error();
    Chuid out;
    const auto fascn = BerTlv::find(*elements, kFascnTag);
    if (!fascn)
        return invalid(QStringLiteral("no FASC-N"));
    auto decoded = Fascn::decode(*fascn);
    if (!decoded)
        return decoded.error();
    out.fascn = *decoded;

    const auto guid = BerTlv::find(*elements, kGuidTag);
    if (!guid)
        return invalid(QStringLiteral("no GUID"));
    auto g = uuidFrom(*guid, "GUID");
    if (!g)
        return g.error();
    out.guid = *g;

    const auto expiry = BerTlv::find(*elements, kExpiryTag);
    if (!expiry)
        return invalid(QStringLiteral("no expiry date"));
    out.expiry = QDate::fromString(QString::fromLatin1(*expiry), QStringLiteral("yyyyMMdd"));
    if (!out.expiry.isValid())
        return invalid(QStringLiteral("expiry date '%1'").arg(QString::fromLatin1(expiry->toHex())));

    if (const auto uuid = BerTlv::find(*elements, kCardholderUuidTag)) {
        auto u = uuidFrom(*uuid, "cardholder UUID");
        if (!u)
            return u.error();
        out.cardholderUuid = *u;
    }
    for (const Tlv& e : *elements) {
        if (e.tag == kSignatureTag) {
            out.issuerSignature = e.value;
            out.signedContent = content.left(e.offset);
            break;
        }
    }
    return out;
}

Result<QByteArray> Chuid::encode() const
{
    auto fascnBytes = fascn.encode();
    if (!fascnBytes)
        return fascnBytes.error();
    QByteArray out = BerTlv::encode(kFascnTag, *fascnBytes);
    out += BerTlv::encode(kGuidTag, guid.toRfc4122());
    out += BerTlv::encode(kExpiryTag, expiry.toString(QStringLiteral("yyyyMMdd")).toLatin1());
    if (!cardholderUuid.isNull())
        out += BerTlv::encode(kCardholderUuidTag, cardholderUuid.toRfc4122());
    out += BerTlv::encode(kSignatureTag, issuerSignature);
    out += BerTlv::encode(kErrorDetectionTag, {});
    return out;
}

} // namespace lanyard
