#pragma once

// Private to services/cards: the pcsc-lite handles behind PcscContext and PcscCard.
#include "PcscCard.h"
#include "PcscContext.h"

#include <winscard.h>

namespace lanyard {

struct PcscContext::Impl {
    SCARDCONTEXT context = 0;
    ~Impl()
    {
        if (context)
            SCardReleaseContext(context);
    }
};

struct PcscCard::Impl {
    std::shared_ptr<PcscContext::Impl> context; // keeps the context alive as long as the card
    SCARDHANDLE handle = 0;
    DWORD protocol = 0;
    QString reader;
    QByteArray atr;
    DWORD disposition = SCARD_LEAVE_CARD;

    ~Impl()
    {
        if (handle)
            SCardDisconnect(handle, disposition);
    }
};

} // namespace lanyard
