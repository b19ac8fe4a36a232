#pragma once

#include "core/Error.h"

namespace lanyard {

// Turns a pcsc-lite return code into an Error (PcscUnavailable, NoCard or CardError). A card
// reset by someone else is a CardError with the argument "cardReset".
Error pcscError(long code, const char* during);
bool pcscServiceGone(long code);

} // namespace lanyard
