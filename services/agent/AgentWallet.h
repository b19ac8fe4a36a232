#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace lanyard {

// What the reference agent keeps on the phone after a collection (agent.json and the
// certificate files in its store folder), and the PIN lock over it: too many wrong PINs lock
// the credential; a challenge and the operator's unlock code (UnlockCode) open it again.
// Every change is written back before the call returns, so a killed agent loses nothing.
class AgentWallet {
public:
    static constexpr int kPinAttempts = 5;

    struct Status {
        QString deviceSerial;
        QDateTime deviceExpires;
        QStringList certificates; // subject and expiry of each stored certificate
        bool locked = false;
        int pinAttemptsLeft = kPinAttempts;
        QString pendingChallenge;
    };

    static Result<AgentWallet> open(const QString& storeDir);

    Status status() const;
    // The phone's own serial the credential was collected with (empty for a store made before
    // it was kept): a renewal is collected on the same phone.
    QString hardwareSerial() const;
    // Checks the PIN against the stored PKCS#12 files, as an app using the credential would.
    // A wrong PIN answers wrong-PIN with the attempts left; the last one locks.
    Result<void> verifyPin(const QByteArray& pin);
    // A new one-use challenge to read to the operator (8 digits, grouped).
    Result<QString> newChallenge();
    // Opens a locked credential with the operator's answer to the pending challenge. A wrong
    // code uses the challenge up, so each guess needs a new call to the operator.
    Result<void> unlock(const QString& code);

private:
    Result<void> save();
    QString path(const QString& name) const;

    QString m_dir;
    QJsonObject m_state;
};

} // namespace lanyard
