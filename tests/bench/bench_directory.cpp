// A full directory sync of N entries from a real slapd through the embedded engine (paged
// search, every entry read and checked, each person added with one audit summary), next to
// `ldapsearch` dumping the same entries with the same attributes and page size to /dev/null
// in the same run; then a second sync with nothing changed, next to the same reference. The
// ratios: entries per second against ldapsearch's, and the second sync's time over its.

#include "SlapdServer.h"
#include "TestSupport.h"
#include "engine/DirectorySync.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

using namespace lanyard;
using namespace lanyard::test;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const int count = quick ? 2000 : 100000;
    constexpr int kPage = 500;
    QTextStream out(stdout);
    QTemporaryDir dir;
    QByteArray ldif;
    ldif.reserve(count * 220);
    for (int i = 0; i < count; ++i)
        ldif += SlapdServer::person(QStringLiteral("user%1").arg(i), QStringLiteral("Person %1").arg(i), QStringLiteral("user%1@example.test").arg(i),
            QStringLiteral("mobile: +44 7700 %1\nemployeeNumber: E%2\ndepartmentNumber: Group %3").arg(100000 + i).arg(i).arg(i % 50));
    SlapdServer slapd;
    QString error;
    if (!slapd.start(dir.path(), ldif, false, &error)) {
        out << "slapd: " << error << "\n";
        return 2;
    }

    EngineFixture fx;
    fx.open();
    fx.createOperator(QStringLiteral("directory"), QString(), Scope::All, { Workflow::FindPerson, Workflow::ManageDirectory });
    const OperatorSession op = fx.logon(QStringLiteral("directory"));
    DirectoryConfig config = DirectoryConfig::defaultsFor(DirectoryConfig::Kind::OpenLdap);
    config.url = slapd.url();
    config.bindDn = QLatin1String(SlapdServer::kRootDn);
    config.bindPassword = QLatin1String(SlapdServer::kRootPassword);
    config.baseDn = QLatin1String(SlapdServer::kPeopleDn);
    config.pageSize = kPage;
    if (auto saved = await(fx.engine().saveDirectoryConfig(op, config)); !saved) {
        out << "save: " << saved.error().toLogString() << "\n";
        return 3;
    }

    // The reference: ldapsearch reading the same entries, the same attributes, the same pages.
    QStringList args { QStringLiteral("-x"), QStringLiteral("-LLL"), QStringLiteral("-H"), slapd.url(), QStringLiteral("-D"), QLatin1String(SlapdServer::kRootDn),
        QStringLiteral("-w"), QLatin1String(SlapdServer::kRootPassword), QStringLiteral("-b"), QLatin1String(SlapdServer::kPeopleDn), QStringLiteral("-E"),
        QStringLiteral("pr=%1/noprompt").arg(kPage), config.filter, config.idAttribute, config.changeAttribute };
    args << config.attributes.values();
    // Once untimed, to check what it reads (and to warm the directory's caches for both sides);
    // then timed, its output going to /dev/null.
    const ProcessOutput dump = run(QStringLiteral("ldapsearch"), args, {}, 600000);
    if (dump.exitCode != 0 || dump.out.count("\ndn: ") + (dump.out.startsWith("dn: ") ? 1 : 0) != count) {
        out << "ldapsearch went wrong: " << dump.err << "\n";
        return 4;
    }
    QProcess reference;
    reference.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    reference.start(QStringLiteral("ldapsearch"), args);
    if (!reference.waitForFinished(600000) || reference.exitStatus() != QProcess::NormalExit || reference.exitCode() != 0) {
        out << "ldapsearch went wrong: " << reference.readAllStandardError() << "\n";
        return 4;
    }
    const qint64 referenceMs = qMax<qint64>(1, timer.elapsed());

    // The reading half alone (LDAP, entries checked and mapped), to tell it from the writing.
    timer.restart();
    auto snapshot = DirectorySync::read(config, QString(), true);
    const qint64 readMs = qMax<qint64>(1, timer.elapsed());
    if (!snapshot || snapshot->people.size() != count) {
        out << "read went wrong\n";
        return 6;
    }
    timer.restart();
    auto first = await(fx.engine().syncDirectory(op, true));
    const qint64 firstMs = qMax<qint64>(1, timer.elapsed());
    timer.restart();
    auto second = await(fx.engine().syncDirectory(op, false));
    const qint64 secondMs = qMax<qint64>(1, timer.elapsed());
    if (!first || !second || first->failed || second->failed || first->added != count || second->added + second->updated != 0) {
        out << "sync went wrong: " << (first ? first->detail : first.error().toLogString()) << " / " << (second ? second->detail : second.error().toLogString())
            << "\n";
        return 5;
    }
    slapd.stop();
    const auto rate = [count](qint64 ms) { return count * 1000.0 / ms; };
    out << QStringLiteral("directory sync (%1 entries, pages of %2): full %3 entries/s, ldapsearch %4 entries/s, ratio %5; again, nothing changed: %6 ms, "
                          "%7 x ldapsearch's %8 ms; of the full sync, reading alone: %9 ms\n")
               .arg(count)
               .arg(kPage)
               .arg(rate(firstMs), 0, 'f', 0)
               .arg(rate(referenceMs), 0, 'f', 0)
               .arg(rate(firstMs) / rate(referenceMs), 0, 'f', 3)
               .arg(secondMs)
               .arg(double(secondMs) / referenceMs, 0, 'f', 2)
               .arg(referenceMs)
               .arg(readMs);
    return 0;
}
