#pragma once

#include "core/Result.h"
#include "engine/Collection.h"
#include "engine/VscAccess.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace lanyard {

// What a card receives at the end of issuance: its certificates in the order they were
// requested, the engine's administrator key and PUK, and the holder's PIN.
struct VscPersonalisation {
    QList<QByteArray> certificates; // DER
    QByteArray adminKey;
    QString puk;
    QString pin;
};

// Where a virtual smart card lives on this computer. The PIV card backend works with a card
// in a local reader on Linux; a Windows backend would drive the TPM virtual smart card the
// same way. Calls block: run them off the GUI thread.
class LocalVscBackend {
public:
    virtual ~LocalVscBackend() = default;

    virtual QString name() const = 0;
    // Issuance, first half: a key pair inside the card for each requested certificate, and
    // the PKCS#10 request it signs.
    virtual Result<QList<QByteArray>> createKeys(const QList<RequestedCertificate>& certificates, const QString& commonName) = 0;
    // Issuance, second half.
    virtual Result<void> personalise(const VscPersonalisation& personalisation) = 0;
    // A PIN lock: afterwards nobody can use the card until the helpdesk unlocks it. NoCard
    // when the card is not on this computer now, so the job can wait for the next run.
    virtual Result<void> lock(const VscLockTask& task) = 0;
};

} // namespace lanyard
