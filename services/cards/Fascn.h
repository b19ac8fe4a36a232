#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace lanyard {

// The Federal Agency Smart Credential Number in a CHUID: 40 five-bit characters (BCD digit
// least significant bit first, then odd parity) between sentinels, closed by an LRC.
struct Fascn {
    QString agencyCode; // 4 digits
    QString systemCode; // 4
    QString credentialNumber; // 6
    QString credentialSeries; // 1
    QString individualCredentialIssue; // 1
    QString personIdentifier; // 10
    QString organizationalCategory; // 1
    QString organizationalIdentifier; // 4
    QString personOrganizationAssociation; // 1

    static Result<Fascn> decode(const QByteArray& bytes); // exactly 25 bytes
    Result<QByteArray> encode() const;

    // The 32 digits in field order: how Lanyard stores a person's FASC-N and compares it.
    QString digits() const;
    static Result<Fascn> fromDigits(const QString& digits);

    friend bool operator==(const Fascn&, const Fascn&) = default;
};

} // namespace lanyard
