#pragma once

#include <QByteArray>

namespace lanyard {

// Whether two secrets are equal, in time that depends only on their length: for codes, hashes
// and keys a caller might otherwise guess byte by byte from how long a refusal takes.
bool equalInConstantTime(const QByteArray& a, const QByteArray& b);

} // namespace lanyard
