#pragma once

#include "ApduTransport.h"
#include "Chuid.h"
#include "PivTypes.h"

namespace lanyard {

struct PinStatus {
    bool verified = false;
    int triesLeft = -1; // -1 until read, or when the card does not say
    bool blocked = false;
    // The card was asked and cannot tell (VERIFY without data answered 6700 or 6A86): it is
    // still usable, a wrong PIN just gives no count beforehand.
    bool triesUnknown = false;
};

// The PIV card application over an APDU transport. Wrong PINs come back as WrongPin with the
// tries left in args "triesLeft", a blocked reference as PinBlocked; both name the
// reference ("pin" or "puk") in args "reference".
class PivClient {
public:
    explicit PivClient(ApduTransport& transport)
        : m_transport(transport)
    {
    }

    // For commands beyond the PIN's, on the same card and transaction (PivCardManagement).
    ApduTransport& transport() const { return m_transport; }

    Result<void> select();
    // The content of a data object's 53 container (Discovery: of its 7E template).
    // A missing object is NotFound.
    Result<QByteArray> getData(quint32 tag);
    Result<Chuid> readChuid();
    Result<QByteArray> readCertificate(PivSlot slot); // DER
    // Slot 9A's certificate; a card without one is a CardError ("no-authentication-certificate"),
    // since nothing that needs it can go on.
    Result<QByteArray> readAuthenticationCertificate();

    Result<PinStatus> pinStatus(PinReference reference = PinReference::Pin);
    Result<void> verifyPin(const QString& pin);
    Result<void> logout();
    Result<void> changeReference(PinReference reference, const QString& current, const QString& replacement);
    Result<void> resetRetryCounter(const QString& puk, const QString& newPin);

    // Raw GENERAL AUTHENTICATE: RSA takes the padded block, P-256 the hash.
    Result<QByteArray> generalAuthenticate(PivAlgorithm algorithm, PivSlot slot, const QByteArray& input);

    // PIN 6 to 8 digits; PUK 8 characters. Checked before anything reaches the card, so a
    // typing slip never costs a try.
    static Result<void> checkPinFormat(PinReference reference, const QString& value);

private:
    Result<ResponseApdu> send(const CommandApdu& command);
    Result<void> pinOutcome(const ResponseApdu& r, PinReference reference);
    static QByteArray padded(const QString& value);

    ApduTransport& m_transport;
};

} // namespace lanyard
