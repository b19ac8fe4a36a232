#include "ApduTransport.h"

namespace lanyard {

Result<ResponseApdu> ApduTransport::exchange(const CommandApdu& command)
{
    auto raw = m_link(command.encode());
    if (!raw)
        return raw.error();
    return ResponseApdu::parse(*raw);
}

Result<ResponseApdu> ApduTransport::transmit(const CommandApdu& command)
{
    // Chaining: every block but the last must be acknowledged with 9000.
    qsizetype offset = 0;
    while (command.data.size() - offset > 255) {
        CommandApdu block = command;
        block.cla |= 0x10;
        block.data = command.data.mid(offset, 255);
        block.le = -1;
        auto r = exchange(block);
        if (!r)
            return r.error();
        if (!r->isSuccess())
            return r; // the card refused part of the command: its status word says why
        offset += 255;
    }
    CommandApdu last = command;
    last.data = command.data.mid(offset);

    auto first = exchange(last);
    if (!first)
        return first.error();
    ResponseApdu answer = *first;
    if (answer.sw1() == 0x6C) {
        last.le = answer.sw2() == 0 ? 256 : answer.sw2();
        auto again = exchange(last);
        if (!again)
            return again.error();
        answer = *again;
    }

    QByteArray data = answer.data;
    while (answer.sw1() == 0x61) {
        CommandApdu getResponse;
        getResponse.cla = command.cla & ~quint8(0x10);
        getResponse.ins = 0xC0;
        getResponse.le = answer.sw2() == 0 ? 256 : answer.sw2();
        auto next = exchange(getResponse);
        if (!next)
            return next.error();
        answer = *next;
        data += answer.data;
        if (data.size() > kMaxResponse)
            return Error(ErrorCode::CardError, QStringLiteral("the card's answer grew beyond %1 bytes").arg(kMaxResponse));
    }
    answer.data = data;
    return answer;
}

} // namespace lanyard
