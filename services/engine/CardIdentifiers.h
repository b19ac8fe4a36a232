#pragma once

#include "core/Result.h"

#include <QString>

namespace lanyard {

// A person's PIV card identifiers as Lanyard stores and compares them: the FASC-N as its 32
// field digits, the card UUID in lower case without braces. Input in any of the forms people
// paste is normalised here; anything else is refused with a reason (problem "fascn-format" or
// "uuid-format"), never stored as typed.
struct CardIdentifiers {
    QString fascn;
    QString cardUuid;

    // Empty stays empty. Accepts the 32 digits (spaces and dashes ignored) or the 25 encoded
    // bytes as 50 hex digits.
    static Result<QString> normaliseFascn(const QString& text);
    // Any case, with or without braces, with or without the urn:uuid: prefix.
    static Result<QString> normaliseUuid(const QString& text);
    // The 32 digits of an encoded FASC-N (25 bytes, e.g. from a certificate), or empty.
    static QString fascnDigits(const QByteArray& encoded);

    bool operator==(const CardIdentifiers&) const = default;
};

} // namespace lanyard
