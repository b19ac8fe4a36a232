#pragma once

#include "Apdu.h"

#include <functional>

namespace lanyard {

// Sends APDUs over a raw link (a PC/SC card handle, or a card emulated in-process) and hides
// the two ways a short APDU grows: command chaining for data over 255 bytes (CLA bit 0x10 on
// every block but the last) and GET RESPONSE while the card says 61xx. A 6Cxx answer (wrong
// Le) is repeated once with the length the card asked for.
class ApduTransport {
public:
    using Link = std::function<Result<QByteArray>(const QByteArray& command)>;

    explicit ApduTransport(Link link)
        : m_link(std::move(link))
    {
    }

    Result<ResponseApdu> transmit(const CommandApdu& command);

    // Bounds what one logical answer may grow to through GET RESPONSE (a PIV certificate
    // object is at most a few KiB; a looping card must not grow memory without end).
    static constexpr qsizetype kMaxResponse = 64 * 1024;

private:
    Result<ResponseApdu> exchange(const CommandApdu& command);

    Link m_link;
};

} // namespace lanyard
