#include "Apdu.h"

namespace lanyard {

QByteArray CommandApdu::encode() const
{
    Q_ASSERT(data.size() <= 255);
    QByteArray out;
    out.reserve(6 + data.size());
    out.append(char(cla)).append(char(ins)).append(char(p1)).append(char(p2));
    if (!data.isEmpty())
        out.append(char(data.size())).append(data);
    if (le >= 0)
        out.append(char(le == 256 ? 0 : le));
    return out;
}

Result<ResponseApdu> ResponseApdu::parse(const QByteArray& raw)
{
    if (raw.size() < 2)
        return Error(ErrorCode::CardError, QStringLiteral("the card answered %1 bytes, without a status word").arg(raw.size()));
    ResponseApdu r;
    r.data = raw.left(raw.size() - 2);
    r.sw = quint16((quint8(raw.at(raw.size() - 2)) << 8) | quint8(raw.at(raw.size() - 1)));
    return r;
}

QByteArray ResponseApdu::encode() const
{
    QByteArray out = data;
    out.append(char(sw >> 8)).append(char(sw & 0xFF));
    return out;
}

} // namespace lanyard
