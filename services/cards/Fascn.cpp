#include "Fascn.h"

#include <array>

namespace lanyard {

namespace {
constexpr int kCharacters = 40;
constexpr quint8 kStart = 0xB;
constexpr quint8 kSeparator = 0xD;
constexpr quint8 kEnd = 0xF;

// Field widths in digits, and which separator follows each (none between person identifier
// and the organisational fields, as the layout prescribes).
struct FieldLayout {
    QString Fascn::*field;
    int width;
    bool separatorAfter;
};
const std::array<FieldLayout, 9> kLayout { {
    { &Fascn::agencyCode, 4, true },
    { &Fascn::systemCode, 4, true },
    { &Fascn::credentialNumber, 6, true },
    { &Fascn::credentialSeries, 1, true },
    { &Fascn::individualCredentialIssue, 1, true },
    { &Fascn::personIdentifier, 10, false },
    { &Fascn::organizationalCategory, 1, false },
    { &Fascn::organizationalIdentifier, 4, false },
    { &Fascn::personOrganizationAssociation, 1, false },
} };

int bitAt(const QByteArray& bytes, int index)
{
    return (quint8(bytes.at(index / 8)) >> (7 - index % 8)) & 1;
}

void setBit(QByteArray& bytes, int index)
{
    bytes[index / 8] = char(quint8(bytes.at(index / 8)) | (0x80 >> (index % 8)));
}

Error invalid(const QString& why)
{
    return Error(ErrorCode::CardError, QStringLiteral("the card's FASC-N is invalid: %1").arg(why));
}

bool isDigits(const QString& s, int width)
{
    if (s.size() != width)
        return false;
    for (QChar c : s) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}
} // namespace

Result<Fascn> Fascn::decode(const QByteArray& bytes)
{
    if (bytes.size() != 25)
        return invalid(QStringLiteral("%1 bytes instead of 25").arg(bytes.size()));
    std::array<quint8, kCharacters> chars {};
    for (int c = 0; c < kCharacters; ++c) {
        int value = 0;
        int ones = 0;
        for (int b = 0; b < 4; ++b) {
            const int bit = bitAt(bytes, c * 5 + b);
            value |= bit << b;
            ones += bit;
        }
        ones += bitAt(bytes, c * 5 + 4);
        if (ones % 2 != 1)
            return invalid(QStringLiteral("parity error in character %1").arg(c + 1));
        chars[c] = quint8(value);
    }
    quint8 lrc = 0;
    for (int c = 0; c < kCharacters - 1; ++c)
        lrc ^= chars[c];
    if (lrc != chars[kCharacters - 1])
        return invalid(QStringLiteral("checksum mismatch"));
    if (chars[0] != kStart)
        return invalid(QStringLiteral("no start sentinel"));

    Fascn out;
    int pos = 1;
    for (const FieldLayout& f : kLayout) {
        QString digits;
        for (int i = 0; i < f.width; ++i, ++pos) {
            if (chars[pos] > 9)
                return invalid(QStringLiteral("a control character inside a field at %1").arg(pos + 1));
            digits.append(QLatin1Char(char('0' + chars[pos])));
        }
        out.*(f.field) = digits;
        if (f.separatorAfter) {
            if (chars[pos] != kSeparator)
                return invalid(QStringLiteral("no field separator at %1").arg(pos + 1));
            ++pos;
        }
    }
    if (chars[pos] != kEnd)
        return invalid(QStringLiteral("no end sentinel"));
    return out;
}

Result<QByteArray> Fascn::encode() const
{
    std::array<quint8, kCharacters> chars {};
    int pos = 0;
    chars[pos++] = kStart;
    for (const FieldLayout& f : kLayout) {
        const QString& digits = this->*(f.field);
        if (!isDigits(digits, f.width))
            return Error(ErrorCode::InvalidArgument, QStringLiteral("a FASC-N field needs %1 digits, not '%2'").arg(f.width).arg(digits));
        for (QChar d : digits)
            chars[pos++] = quint8(d.unicode() - '0');
        if (f.separatorAfter)
            chars[pos++] = kSeparator;
    }
    chars[pos++] = kEnd;
    quint8 lrc = 0;
    for (int c = 0; c < pos; ++c)
        lrc ^= chars[c];
    chars[pos] = lrc;

    QByteArray out(25, '\0');
    for (int c = 0; c < kCharacters; ++c) {
        int ones = 0;
        for (int b = 0; b < 4; ++b) {
            if ((chars[c] >> b) & 1) {
                setBit(out, c * 5 + b);
                ++ones;
            }
        }
        if (ones % 2 == 0)
            setBit(out, c * 5 + 4);
    }
    return out;
}

QString Fascn::digits() const
{
    QString out;
    for (const FieldLayout& f : kLayout)
        out += this->*(f.field);
    return out;
}

Result<Fascn> Fascn::fromDigits(const QString& digits)
{
    if (!isDigits(digits, 32))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("a FASC-N is 32 digits"));
    Fascn out;
    int pos = 0;
    for (const FieldLayout& f : kLayout) {
        out.*(f.field) = digits.mid(pos, f.width);
        pos += f.width;
    }
    return out;
}

} // namespace lanyard
