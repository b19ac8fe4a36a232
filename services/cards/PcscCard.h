#pragma once

#include "ApduTransport.h"
#include "core/Result.h"

#include <QByteArray>

#include <functional>
#include <memory>

namespace lanyard {

// A connection to the card in one reader. Work happens inside transaction(): exclusive
// access for its duration, and when the card was reset by someone else meanwhile (another
// program, or a reader glitch) the connection is re-established and the work run again,
// because a reset card has lost its selected application and PIN state.
class PcscCard {
public:
    PcscCard(PcscCard&&) noexcept;
    PcscCard& operator=(PcscCard&&) noexcept;
    ~PcscCard(); // leaves the card powered, so its state survives for the next program

    QByteArray atr() const;
    QString reader() const;

    template <typename T>
    Result<T> transaction(const std::function<Result<T>(ApduTransport&)>& work);

    // Power-cycles the card at the end: clears the PIN state a session left behind.
    void resetOnClose();

    struct Impl;
    explicit PcscCard(std::unique_ptr<Impl> d);

private:
    Result<void> begin();
    void end();
    Result<void> reconnect();
    static bool wasReset(const Error& e);

    std::unique_ptr<Impl> d;
    ApduTransport m_transport;
};

template <typename T>
Result<T> PcscCard::transaction(const std::function<Result<T>(ApduTransport&)>& work)
{
    constexpr int kAttempts = 3;
    Error last;
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        if (auto b = begin(); !b) {
            last = b.error();
            if (wasReset(last) && reconnect())
                continue;
            return last;
        }
        Result<T> r = work(m_transport);
        end();
        if (r || !wasReset(r.error()))
            return r;
        last = r.error();
        if (auto again = reconnect(); !again)
            return again.error();
    }
    return last;
}

} // namespace lanyard
