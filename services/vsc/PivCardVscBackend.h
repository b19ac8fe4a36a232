#pragma once

#include "LocalVscBackend.h"
#include "cards/PivTypes.h"

namespace lanyard {


// Virtual smart cards on Linux: a PIV card in a local reader, issued by Lanyard. Issuance
// makes the keys on the card, writes the certificates and a new CHUID, then replaces the
// factory PUK, PIN and management key with the engine's PUK, the holder's PIN and the engine's
// administrator key. A lock resets the PIN with the held PUK to a random value nobody sees.
class PivCardVscBackend : public LocalVscBackend {
public:
    struct Options {
        QString reader; // empty: the first reader holding a card
        QString currentPin = QStringLiteral("123456"); // the blank card's
        QString currentPuk = QStringLiteral("12345678");
        QByteArray currentManagementKey; // empty: the factory key
    };

    explicit PivCardVscBackend(Options options);

    QString name() const override;
    Result<QList<QByteArray>> createKeys(const QList<RequestedCertificate>& certificates, const QString& commonName) override;
    Result<void> personalise(const VscPersonalisation& personalisation) override;
    Result<void> lock(const VscLockTask& task) override;

    // Key slots in the order certificates are requested: authentication, key management, signature.
    static Result<PivSlot> slotFor(int index);

private:
    // The configured reader, or every reader pcscd lists.
    Result<QStringList> candidateReaders() const;
    Result<QString> issuanceReader() const;

    Options m_options;
    QList<std::pair<PivSlot, KeyAlgorithm>> m_made;
};

} // namespace lanyard
