#pragma once

#include "PcscCard.h"
#include "ReaderState.h"
#include "core/Result.h"

#include <QStringList>

#include <memory>

namespace lanyard {

// A PC/SC context (pcsc-lite). One per thread: pcsc-lite contexts are not shared across
// threads, except for cancel(), which exists to wake a thread blocked in waitForChange().
// Errors: PcscUnavailable when pcscd is not running or went away (establish a new context
// then), NoCard, CardError.
class PcscContext {
public:
    static Result<PcscContext> establish();
    PcscContext(PcscContext&&) noexcept;
    PcscContext& operator=(PcscContext&&) noexcept;
    ~PcscContext();

    Result<QStringList> readers() const; // an empty list when no reader is attached
    Result<PcscCard> connect(const QString& reader) const;

    // Blocks until a reader comes or goes, a card in one of `states` is inserted or removed,
    // `timeoutMs` passes or cancel() is called; `states` is updated to the new picture.
    // Returns true when something changed (including the reader list: list again then).
    Result<bool> waitForChange(QList<ReaderState>& states, int timeoutMs) const;
    void cancel() const;

    struct Impl; // defined in PcscHandles.h, where winscard.h lives

private:
    explicit PcscContext(std::shared_ptr<Impl> d);
    std::shared_ptr<Impl> d;
};

} // namespace lanyard
