#include "TestSupport.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace lanyard::test;

// The lanyard executable as the README uses it: demo database creation, its messages, and
// the clear answer when there is no display.
class TestLanyardCli : public QObject {
    Q_OBJECT

    QString binary() const { return qEnvironmentVariable("LANYARD_BINARY"); }

private Q_SLOTS:
    void demoDataCommand()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("demo.db"));
        auto out = run(binary(), { QStringLiteral("demo-data"), QStringLiteral("--db"), db, QStringLiteral("--people"), QStringLiteral("300"), QStringLiteral("--devices"), QStringLiteral("3"), QStringLiteral("--key-file") }, {}, 300000);
        QVERIFY2(out.exitCode == 0, out.err.constData());
        QVERIFY(out.out.contains("302 people"));
        QVERIFY(out.out.contains(db.toUtf8()));
        QVERIFY(QFile::exists(db + QStringLiteral(".key")));
        // Once only: a second run adds nothing.
        auto again = run(binary(), { QStringLiteral("demo-data"), QStringLiteral("--db"), db, QStringLiteral("--key-file") }, {}, 300000);
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QVERIFY(again.out.contains("nothing was added"));
        auto bad = run(binary(), { QStringLiteral("demo-data"), QStringLiteral("--db"), db, QStringLiteral("--people"), QStringLiteral("many") });
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("--people"));
    }

    void noDisplayIsExplained()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("demo.db"));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.path());
        p.setProcessEnvironment(env);
        p.start(binary(), { QStringLiteral("--demo"), QStringLiteral("--db"), db, QStringLiteral("--key-file") });
        QVERIFY(p.waitForFinished(300000));
        const QByteArray out = p.readAllStandardOutput();
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(p.exitCode() == 3, err.constData());
        QVERIFY(out.contains(db.toUtf8()));
        QVERIFY(out.contains("Log on as 'demo'"));
        QVERIFY(err.contains("No display found"));
    }

    // The README and the man page name the folder where the database really lands.
    void theDocumentsNameTheTrueDatabasePath()
    {
        QTemporaryDir home;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.remove(QStringLiteral("XDG_DATA_HOME"));
        p.setProcessEnvironment(env);
        p.start(binary(), { QStringLiteral("demo-data"), QStringLiteral("--people"), QStringLiteral("1"), QStringLiteral("--devices"), QStringLiteral("0"), QStringLiteral("--key-file") });
        QVERIFY(p.waitForFinished(300000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QString said = QString::fromUtf8(p.readAllStandardOutput());
        const QString prefix = QStringLiteral("Database: ") + home.path() + QLatin1Char('/');
        const qsizetype at = said.indexOf(prefix);
        QVERIFY2(at >= 0, qPrintable(said));
        const QString relative = said.mid(at + prefix.size()).section(QLatin1Char('\n'), 0, 0).trimmed();
        QVERIFY(QFile::exists(home.filePath(relative)));
        const QString documented = QStringLiteral("~/") + relative;
        for (const char* document : { "/../README.md", "/../packaging/man/lanyard.1" }) {
            QFile f(qEnvironmentVariable("LANYARD_TEST_SOURCE_DIR") + QLatin1String(document));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(f.readAll());
            QVERIFY2(text.contains(documented), qPrintable(QStringLiteral("%1 does not name %2").arg(QLatin1String(document), documented)));
            QVERIFY2(!text.contains(QStringLiteral("~/.local/share/Lanyard/lanyard.db")), document);
        }
    }

    void unusableDatabaseIsExplained()
    {
        QTemporaryDir dir;
        QFile junk(dir.filePath(QStringLiteral("junk.db")));
        junk.open(QIODevice::WriteOnly);
        junk.write(QByteArray(4096, 'x'));
        junk.close();
        auto out = run(binary(), { QStringLiteral("demo-data"), QStringLiteral("--db"), junk.fileName(), QStringLiteral("--key-file") }, {}, 300000);
        QCOMPARE(out.exitCode, 1);
        QVERIFY(out.err.contains("database"));
    }
};

QTEST_GUILESS_MAIN(TestLanyardCli)
#include "tst_LanyardCli.moc"
