#include "BerTlv.h"

namespace lanyard {

namespace {
Error malformed(const QString& what, qsizetype offset)
{
    return Error(ErrorCode::CardError, QStringLiteral("malformed BER-TLV: %1 at offset %2").arg(what).arg(offset));
}
} // namespace

Result<QList<Tlv>> BerTlv::parse(const QByteArray& data)
{
    QList<Tlv> out;
    const auto* p = reinterpret_cast<const quint8*>(data.constData());
    const qsizetype n = data.size();
    qsizetype i = 0;
    while (i < n) {
        // Padding between elements (ISO 7816-4 allows 00 and FF) carries no element.
        if (p[i] == 0x00 || p[i] == 0xFF) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        quint32 tag = p[i++];
        if ((tag & 0x1F) == 0x1F) {
            int extra = 0;
            do {
                if (i >= n)
                    return malformed(QStringLiteral("truncated tag"), start);
                if (++extra > 2)
                    return malformed(QStringLiteral("tag longer than three bytes"), start);
                tag = (tag << 8) | p[i];
            } while (p[i++] & 0x80);
        }
        if (i >= n)
            return malformed(QStringLiteral("missing length"), start);
        qsizetype length = p[i++];
        if (length == 0x80)
            return malformed(QStringLiteral("indefinite length"), start);
        if (length > 0x80) {
            const int bytes = int(length & 0x7F);
            if (bytes > 3)
                return malformed(QStringLiteral("length field of %1 bytes").arg(bytes), start);
            if (n - i < bytes)
                return malformed(QStringLiteral("truncated length"), start);
            length = 0;
            for (int k = 0; k < bytes; ++k)
                length = (length << 8) | p[i++];
        }
        if (n - i < length)
            return malformed(QStringLiteral("value of %1 bytes with %2 left").arg(length).arg(n - i), start);
        out.append(Tlv { tag, data.mid(i, length), start });
        i += length;
    }
    return out;
}

Result<QByteArray> BerTlv::valueOf(const QByteArray& data, quint32 tag)
{
    auto elements = parse(data);
    if (!elements)
        return elements.error();
    if (auto v = find(*elements, tag))
        return *v;
    return Error(ErrorCode::CardError, QStringLiteral("BER-TLV element %1 missing").arg(tag, 0, 16));
}

std::optional<QByteArray> BerTlv::find(const QList<Tlv>& elements, quint32 tag)
{
    for (const Tlv& e : elements) {
        if (e.tag == tag)
            return e.value;
    }
    return std::nullopt;
}

QByteArray BerTlv::encodeTag(quint32 tag)
{
    QByteArray out;
    if (tag > 0xFFFF)
        out.append(char(tag >> 16));
    if (tag > 0xFF)
        out.append(char(tag >> 8));
    out.append(char(tag));
    return out;
}

QByteArray BerTlv::encodeLength(qsizetype length)
{
    QByteArray out;
    if (length < 0x80) {
        out.append(char(length));
    } else if (length <= 0xFF) {
        out.append(char(0x81)).append(char(length));
    } else if (length <= 0xFFFF) {
        out.append(char(0x82)).append(char(length >> 8)).append(char(length));
    } else {
        out.append(char(0x83)).append(char(length >> 16)).append(char(length >> 8)).append(char(length));
    }
    return out;
}

QByteArray BerTlv::encode(quint32 tag, const QByteArray& value)
{
    return encodeTag(tag) + encodeLength(value.size()) + value;
}

} // namespace lanyard
