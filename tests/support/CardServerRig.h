#pragma once

#include "PcscHarness.h"
#include "ServerProcess.h"

#include <QMap>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace lanyard::test {

// What the tests of cards against a server share: one temporary folder, a pcscd of the test's
// own (under with-pcsc-namespace.sh), a real lanyard-server with the collection address set to
// itself, and a test CA for PIV cards. start() waits for each by polling; stop() ends what it
// started, by PID.
class CardServerRig {
public:
    struct Account {
        QString logon;
        QString name;
        QStringList roles;
        QString password;
    };

    // Starts pcscd and the server with these extra accounts; the error text, or empty.
    QString start(const QList<Account>& accounts);
    void stop();

    QTemporaryDir dir;
    ServerProcess server { dir.path() };
    std::unique_ptr<PcscDaemon> daemon;
    std::unique_ptr<TestCardIssuer> issuer;
};

} // namespace lanyard::test
