#pragma once

#include "core/Result.h"

#include <QByteArray>

namespace lanyard {

// A short command APDU (ISO 7816-4). Longer data goes out by command chaining in
// ApduTransport, never as an extended APDU, because PIV cards need not support those.
struct CommandApdu {
    quint8 cla = 0x00;
    quint8 ins = 0;
    quint8 p1 = 0;
    quint8 p2 = 0;
    QByteArray data;
    int le = -1; // -1: no Le; 0..256 (256 is sent as 00)

    QByteArray encode() const; // data must be at most 255 bytes
};

struct ResponseApdu {
    QByteArray data;
    quint16 sw = 0;

    quint8 sw1() const { return quint8(sw >> 8); }
    quint8 sw2() const { return quint8(sw & 0xFF); }
    bool isSuccess() const { return sw == 0x9000; }
    // At least SW1 SW2; anything shorter is not an answer.
    static Result<ResponseApdu> parse(const QByteArray& raw);
    QByteArray encode() const;
};

} // namespace lanyard
