#pragma once

#include "ApduTransport.h"
#include "Chuid.h"
#include "PivTypes.h"
#include "pki/KeyAlgorithm.h"
#include "pki/PrivateKey.h"

namespace lanyard {

// What only the holder of a card's 9B management key may do: make key pairs on the card,
// write its certificates and CHUID, and replace the management key. Used when Lanyard issues
// a card; the PIN and PUK commands stay in PivClient.
class PivCardManagement {
public:
    // Factory management key of PIV cards and YubiKeys (REFERENCE-PIV.md).
    static QByteArray defaultKey();

    explicit PivCardManagement(ApduTransport& transport)
        : m_transport(transport)
    {
    }

    // External authentication with the 3DES key: the card sends a challenge, we return it
    // encrypted. A wrong key is CardError with problem "management-key".
    Result<void> authenticate(const QByteArray& key);
    // The public half of a new key pair in `slot` (RSA-2048 or P-256).
    Result<PrivateKey> generateKey(PivSlot slot, KeyAlgorithm algorithm);
    Result<void> writeCertificate(PivSlot slot, const QByteArray& der);
    Result<void> writeChuid(const Chuid& chuid);
    // YubiKey's SET MANAGEMENT KEY (INS FF); the key is 24 bytes of 3DES.
    Result<void> setManagementKey(const QByteArray& key);

private:
    Result<void> putData(quint32 tag, const QByteArray& content);
    Result<void> expectSuccess(const char* command, const CommandApdu& apdu);

    ApduTransport& m_transport;
};

} // namespace lanyard
