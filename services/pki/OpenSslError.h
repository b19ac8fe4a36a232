#pragma once

#include "core/Error.h"

namespace lanyard {

// Drains OpenSSL's thread-local error queue into one Error, so a failure never leaks into the
// next, unrelated call on the same thread.
Error openSslError(ErrorCode code, const QString& what);
void clearOpenSslErrors();

} // namespace lanyard
