#include "PcscError.h"

#include <winscard.h>

namespace lanyard {

bool pcscServiceGone(long code)
{
    return code == SCARD_E_NO_SERVICE || code == SCARD_E_SERVICE_STOPPED || code == SCARD_E_INVALID_HANDLE
        || code == SCARD_F_COMM_ERROR;
}

Error pcscError(long code, const char* during)
{
    const QString detail = QStringLiteral("%1: %2 (0x%3)")
                               .arg(QLatin1String(during), QString::fromLatin1(pcsc_stringify_error(LONG(code))))
                               .arg(quint32(code), 8, 16, QLatin1Char('0'));
    if (pcscServiceGone(code))
        return Error(ErrorCode::PcscUnavailable, detail);
    switch (code) {
    case SCARD_E_NO_SMARTCARD:
    case SCARD_W_REMOVED_CARD:
    case SCARD_E_UNKNOWN_READER:
    case SCARD_E_READER_UNAVAILABLE:
    case SCARD_W_UNPOWERED_CARD:
    case SCARD_W_UNRESPONSIVE_CARD:
        return Error(ErrorCode::NoCard, detail);
    case SCARD_W_RESET_CARD:
        return Error(ErrorCode::CardError, detail, { { QStringLiteral("cardReset"), true } });
    case SCARD_E_SHARING_VIOLATION:
        return Error(ErrorCode::CardError, detail, { { QStringLiteral("problem"), QStringLiteral("card-in-use") } });
    default:
        return Error(ErrorCode::CardError, detail);
    }
}

} // namespace lanyard
