#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace lanyard {

// What the kiosk read from a PIV card: the PIV Authentication certificate and the CHUID as
// the card gave it. The engine trusts none of it until the certificate validates and the
// card has signed a challenge with the certificate's key. The holder is found from the
// certificate alone; a CHUID counts only when its issuer's signature verifies, and then only
// as a cross-check.
struct ParentCard {
    QByteArray certificateDer;
    QByteArray chuid; // the CHUID object's content (inside its 53 container), or empty

    bool operator==(const ParentCard&) const = default;
};

// A card that passed the certificate checks and belongs to a person: the challenge its key
// must sign next (within `challengeExpires`).
struct ParentCardCheck {
    qint64 personId = 0;
    QString personName;
    QString profileName;
    QByteArray challenge;
    QDateTime challengeExpires;
    QDateTime certificateExpires;
    // What the kiosk shows and how long it waits (from the settings, which a kiosk account
    // may not read itself).
    QString androidAppUrl;
    QString iosAppUrl;
    int idleSeconds = 60;
};

// Ends the derived credentials issued on a parent card: by the card's certificate
// fingerprint (the API's cessation-of-trust notice), by one derived device (the operator's
// action), or, with both empty, for every parent card the configured CRLs list as revoked.
struct ParentTrustEnd {
    QString fingerprint; // SHA-256 of the parent certificate, hex
    qint64 deviceId = 0;
    QString reason;

    bool operator==(const ParentTrustEnd&) const = default;
};

struct ParentTrustReport {
    int devicesCancelled = 0;
    int requestsCancelled = 0;
    QStringList parents; // fingerprints handled
};

} // namespace lanyard
