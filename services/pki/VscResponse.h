#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace lanyard {

// The challenge/response unblock of a virtual smart card (REFERENCE-PIV.md): the card shows an
// 8-byte challenge as 16 hex digits; the response is the challenge encrypted with 3DES-EDE
// under the card's 24-byte administrator key (K1‖K2‖K3), one block, no padding.
class VscResponse {
public:
    static constexpr int kKeySize = 24;

    // The challenge as typed: 16 hex digits, spaces and lower case accepted; anything else is
    // refused with the problem "vsc-challenge".
    static Result<QByteArray> parseChallenge(const QString& typed);
    static Result<QByteArray> response(const QByteArray& adminKey, const QByteArray& challenge);
    // The first three bytes of E_K(0…0), for telling keys apart without showing them.
    static Result<QByteArray> keyCheckValue(const QByteArray& adminKey);
    // Upper-case hex in groups of four, for reading aloud.
    static QString group(const QByteArray& bytes);
};

} // namespace lanyard
