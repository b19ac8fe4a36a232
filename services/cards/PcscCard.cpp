#include "PcscCard.h"

#include "PcscError.h"
#include "PcscHandles.h"

#include <array>

namespace lanyard {

PcscCard::PcscCard(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
    , m_transport([raw = d.get()](const QByteArray& command) -> Result<QByteArray> {
        const SCARD_IO_REQUEST* pci = raw->protocol == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
        std::array<BYTE, 256 + 2> answer {};
        DWORD length = DWORD(answer.size());
        const LONG rv = SCardTransmit(raw->handle, pci, reinterpret_cast<const BYTE*>(command.constData()), DWORD(command.size()),
            nullptr, answer.data(), &length);
        if (rv != SCARD_S_SUCCESS)
            return pcscError(rv, "SCardTransmit");
        return QByteArray(reinterpret_cast<const char*>(answer.data()), int(length));
    })
{
}
PcscCard::PcscCard(PcscCard&&) noexcept = default;
PcscCard& PcscCard::operator=(PcscCard&&) noexcept = default;
PcscCard::~PcscCard() = default;

QByteArray PcscCard::atr() const
{
    return d->atr;
}

QString PcscCard::reader() const
{
    return d->reader;
}

void PcscCard::resetOnClose()
{
    d->disposition = SCARD_RESET_CARD;
}

Result<void> PcscCard::begin()
{
    const LONG rv = SCardBeginTransaction(d->handle);
    if (rv != SCARD_S_SUCCESS)
        return pcscError(rv, "SCardBeginTransaction");
    return {};
}

void PcscCard::end()
{
    SCardEndTransaction(d->handle, SCARD_LEAVE_CARD);
}

Result<void> PcscCard::reconnect()
{
    const LONG rv = SCardReconnect(d->handle, SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, SCARD_LEAVE_CARD, &d->protocol);
    if (rv != SCARD_S_SUCCESS)
        return pcscError(rv, "SCardReconnect");
    return {};
}

bool PcscCard::wasReset(const Error& e)
{
    return e.args.value(QStringLiteral("cardReset")).toBool();
}

} // namespace lanyard
