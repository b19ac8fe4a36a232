#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace lanyard {

// One BER-TLV element as smart cards use it: a tag of up to three bytes (kept as its encoded
// bytes in a number, so 0x5FC102 reads as written in the PIV tables) and its value.
struct Tlv {
    quint32 tag = 0;
    QByteArray value;
    qsizetype offset = 0; // where the element starts in what was parsed
};

// The subset of BER that ISO 7816 and PIV use: definite lengths up to 0xFFFFFF, no
// indefinite form. Parsing is strict, because the bytes come from a card we do not trust.
class BerTlv {
public:
    // Every element at one level; trailing bytes that do not form an element are an error.
    static Result<QList<Tlv>> parse(const QByteArray& data);
    // The value of the first element with `tag` at the top level of `data`.
    static Result<QByteArray> valueOf(const QByteArray& data, quint32 tag);
    static std::optional<QByteArray> find(const QList<Tlv>& elements, quint32 tag);

    static QByteArray encode(quint32 tag, const QByteArray& value);
    static QByteArray encodeLength(qsizetype length);
    static QByteArray encodeTag(quint32 tag);
};

} // namespace lanyard
