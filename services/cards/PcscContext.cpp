#include "PcscContext.h"

#include "PcscError.h"
#include "PcscHandles.h"


#include <array>
#include <vector>

namespace lanyard {

PcscContext::PcscContext(std::shared_ptr<Impl> impl)
    : d(std::move(impl))
{
}
PcscContext::PcscContext(PcscContext&&) noexcept = default;
PcscContext& PcscContext::operator=(PcscContext&&) noexcept = default;
PcscContext::~PcscContext() = default;

Result<PcscContext> PcscContext::establish()
{
    auto impl = std::make_shared<Impl>();
    const LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &impl->context);
    if (rv != SCARD_S_SUCCESS) {
        impl->context = 0;
        Error e = pcscError(rv, "SCardEstablishContext");
        // Whatever stops a context from being made, the service is not usable.
        e.code = ErrorCode::PcscUnavailable;
        return e;
    }
    return PcscContext(std::move(impl));
}

Result<QStringList> PcscContext::readers() const
{
    DWORD size = 0;
    LONG rv = SCardListReaders(d->context, nullptr, nullptr, &size);
    if (rv == SCARD_E_NO_READERS_AVAILABLE)
        return QStringList();
    if (rv != SCARD_S_SUCCESS)
        return pcscError(rv, "SCardListReaders");
    std::vector<char> buffer(size);
    rv = SCardListReaders(d->context, nullptr, buffer.data(), &size);
    if (rv == SCARD_E_NO_READERS_AVAILABLE)
        return QStringList();
    if (rv != SCARD_S_SUCCESS)
        return pcscError(rv, "SCardListReaders");
    // A multi-string: names separated by NUL, ended by an empty name.
    QStringList out;
    const char* p = buffer.data();
    const char* end = buffer.data() + buffer.size();
    while (p < end && *p) {
        const QString name = QString::fromUtf8(p);
        out.append(name);
        p += qstrlen(p) + 1;
    }
    return out;
}

Result<PcscCard> PcscContext::connect(const QString& reader) const
{
    auto impl = std::make_unique<PcscCard::Impl>();
    impl->context = d;
    impl->reader = reader;
    const QByteArray name = reader.toUtf8();
    const LONG rv = SCardConnect(d->context, name.constData(), SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1,
        &impl->handle, &impl->protocol);
    if (rv != SCARD_S_SUCCESS) {
        impl->handle = 0;
        return pcscError(rv, "SCardConnect");
    }
    std::array<BYTE, MAX_ATR_SIZE> atr {};
    DWORD atrLength = DWORD(atr.size());
    DWORD state = 0;
    DWORD protocol = 0;
    DWORD nameLength = 0;
    if (SCardStatus(impl->handle, nullptr, &nameLength, &state, &protocol, atr.data(), &atrLength) == SCARD_S_SUCCESS)
        impl->atr = QByteArray(reinterpret_cast<const char*>(atr.data()), int(atrLength));
    return PcscCard(std::move(impl));
}

Result<bool> PcscContext::waitForChange(QList<ReaderState>& states, int timeoutMs) const
{
    // The PnP pseudo-reader reports readers being attached and detached.
    static const char kPnp[] = "\\\\?PnP?\\Notification";
    std::vector<QByteArray> names;
    names.reserve(states.size());
    std::vector<SCARD_READERSTATE> raw(states.size() + 1);
    for (int i = 0; i < states.size(); ++i) {
        names.push_back(states[i].name.toUtf8());
        raw[i].szReader = names.back().constData();
        raw[i].dwCurrentState = states[i].pcscState & ~DWORD(SCARD_STATE_CHANGED);
    }
    raw.back().szReader = kPnp;
    // pcsc-lite keeps the reader count in the high word of the PnP entry's state.
    raw.back().dwCurrentState = DWORD(states.size()) << 16;

    const LONG rv = SCardGetStatusChange(d->context, DWORD(timeoutMs), raw.data(), DWORD(raw.size()));
    if (rv == SCARD_E_TIMEOUT || rv == SCARD_E_CANCELLED)
        return false;
    if (rv == SCARD_E_UNKNOWN_READER)
        return true; // a reader went away between listing and waiting: list again
    if (rv != SCARD_S_SUCCESS)
        return pcscError(rv, "SCardGetStatusChange");

    bool changed = false;
    for (int i = 0; i < states.size(); ++i) {
        const DWORD ev = raw[i].dwEventState;
        if (!(ev & SCARD_STATE_CHANGED))
            continue;
        ReaderState s = states[i];
        s.pcscState = ev;
        if (ev & (SCARD_STATE_UNKNOWN | SCARD_STATE_UNAVAILABLE | SCARD_STATE_IGNORE)) {
            s.cardPresent = false;
        } else {
            s.cardPresent = (ev & SCARD_STATE_PRESENT) && !(ev & SCARD_STATE_MUTE);
        }
        s.exclusive = ev & SCARD_STATE_EXCLUSIVE;
        s.atr = s.cardPresent ? QByteArray(reinterpret_cast<const char*>(raw[i].rgbAtr), int(raw[i].cbAtr)) : QByteArray();
        if (!(s == states[i]))
            changed = true;
        states[i] = s;
    }
    if (raw.back().dwEventState & SCARD_STATE_CHANGED)
        changed = true;
    return changed;
}

void PcscContext::cancel() const
{
    if (d && d->context)
        SCardCancel(d->context);
}

} // namespace lanyard
