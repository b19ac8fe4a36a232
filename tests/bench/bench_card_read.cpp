// Card read time: from a card appearing in the reader to the kiosk's "enter your PIN" data
// (PIV Authentication certificate, CHUID and PIN status read through pcscd), next to OpenSC's
// `pkcs15-tool --list-certificates` reading the same virtual card in the same run. Both
// include their own connection to pcscd; pkcs15-tool also its process start.
// Runs under with-pcsc-namespace.sh (it starts its own pcscd).
#include "PcscHarness.h"
#include "TestSupport.h"
#include "cards/CardAccess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace lanyard;
using namespace lanyard::test;

namespace {
double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const int rounds = quick ? 5 : 40;
    QTextStream out(stdout);
    QTemporaryDir dir;
    PcscDaemon daemon(dir.filePath(QStringLiteral("pcscd.log")));
    if (const QString e = daemon.start(); !e.isEmpty()) {
        out << "pcscd: " << e << Qt::endl;
        return 1;
    }
    TestCardIssuer issuer(dir.path());
    const TestPivCard piv = issuer.makeCard(QStringLiteral("bench"), KeyAlgorithm::Rsa2048, QStringLiteral("bench@example.test"), QStringLiteral("0000012345"));
    VirtualCardProcess card;
    if (const QString e = card.insert(piv); !e.isEmpty()) {
        out << e << Qt::endl;
        return 1;
    }
    QThreadPool pool;
    CardAccess access(&pool);
    const QString reader = QString::fromLatin1(PcscDaemon::kReader0);
    QList<double> ours, opensc;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer t;
        t.start();
        auto read = await(access.run<int>(reader, [](PivClient& p) -> Result<int> {
            auto cert = p.readCertificate(PivSlot::Authentication);
            if (!cert)
                return cert.error();
            auto chuid = p.readChuid();
            if (!chuid)
                return chuid.error();
            auto status = p.pinStatus();
            if (!status)
                return status.error();
            return int(cert->size());
        }));
        ours << t.nsecsElapsed() / 1e6;
        if (!read) {
            out << "read failed: " << read.error().toLogString() << Qt::endl;
            return 1;
        }
        t.restart();
        auto tool = run(QStringLiteral("pkcs15-tool"), { QStringLiteral("--list-certificates") });
        opensc << t.nsecsElapsed() / 1e6;
        if (tool.exitCode != 0) {
            out << "pkcs15-tool failed: " << tool.err << Qt::endl;
            return 1;
        }
    }
    const double a = median(ours), b = median(opensc);
    out << QStringLiteral("card read to 'enter your PIN' (RSA-2048 certificate, CHUID, PIN status), median of %1: %2 ms").arg(rounds).arg(a, 0, 'f', 1) << Qt::endl;
    out << QStringLiteral("pkcs15-tool --list-certificates on the same card, median of %1: %2 ms").arg(rounds).arg(b, 0, 'f', 1) << Qt::endl;
    out << QStringLiteral("ratio (Lanyard / OpenSC): %1").arg(b > 0 ? a / b : 0, 0, 'f', 3) << Qt::endl;
    card.remove();
    daemon.stop();
    return 0;
}
