#include "CardServerRig.h"

namespace lanyard::test {

QString CardServerRig::start(const QList<Account>& accounts)
{
    if (!dir.isValid())
        return QStringLiteral("no temporary folder");
    daemon = std::make_unique<PcscDaemon>(dir.filePath(QStringLiteral("pcscd.log")));
    if (QString error = daemon->start(); !error.isEmpty())
        return error;
    if (QString error = server.prepare(); !error.isEmpty())
        return error;
    for (const Account& a : accounts) {
        if (QString error = server.createOperator(a.logon, a.name, a.roles, a.password); !error.isEmpty())
            return error;
    }
    if (QString error = server.start(); !error.isEmpty())
        return error;
    issuer = std::make_unique<TestCardIssuer>(dir.path());
    return server.setSettings({ { QStringLiteral("collection.baseUrl"), server.url() } });
}

void CardServerRig::stop()
{
    server.stop();
    if (daemon)
        daemon->stop();
}

} // namespace lanyard::test
