#pragma once

#include "Fascn.h"

#include <QDate>
#include <QUuid>

#include <optional>

namespace lanyard {

// The Card Holder Unique Identifier object (PIV tag 5FC102): who and which card.
struct Chuid {
    Fascn fascn;
    QUuid guid; // the card's GUID (tag 34)
    QDate expiry; // tag 35, YYYYMMDD
    QUuid cardholderUuid; // tag 36, optional
    QByteArray issuerSignature; // tag 3E, may be empty; not verified here
    // What the issuer signed (SP 800-73-4): the object's bytes before the signature element.
    QByteArray signedContent;

    // `content` is the value inside the object's 53 container.
    static Result<Chuid> parse(const QByteArray& content);
    Result<QByteArray> encode() const;
};

} // namespace lanyard
