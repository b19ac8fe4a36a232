#pragma once

#include "PcscContext.h"
#include "PivClient.h"

#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace lanyard {

// Runs one piece of PIV work off the GUI thread: its own PC/SC context (contexts are per
// thread), the card in `reader`, one exclusive transaction with the PIV application selected.
// With `resetAfter` the card is power-cycled when the work ends, so a PIN verified for it
// does not stay usable by the next program.
class CardAccess {
public:
    explicit CardAccess(QThreadPool* pool)
        : m_pool(pool)
    {
    }

    template <typename T>
    QFuture<Result<T>> run(const QString& reader, std::function<Result<T>(PivClient&)> work, bool resetAfter = false) const
    {
        return QtConcurrent::run(m_pool, [reader, work = std::move(work), resetAfter]() -> Result<T> { return runHere<T>(reader, work, resetAfter); });
    }

    // The same on the calling thread, for code that is already off the GUI thread.
    template <typename T>
    static Result<T> runHere(const QString& reader, const std::function<Result<T>(PivClient&)>& work, bool resetAfter = false)
    {
        auto context = PcscContext::establish();
        if (!context)
            return context.error();
        auto card = context->connect(reader);
        if (!card)
            return card.error();
        if (resetAfter)
            card->resetOnClose();
        return card->template transaction<T>([&work](ApduTransport& transport) -> Result<T> {
            PivClient piv(transport);
            if (auto s = piv.select(); !s)
                return s.error();
            return work(piv);
        });
    }

private:
    QThreadPool* m_pool;
};

} // namespace lanyard
