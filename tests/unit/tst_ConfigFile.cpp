#include "core/ConfigFile.h"

#include <QTemporaryDir>
#include <QTest>

using namespace lanyard;

class TestConfigFile : public QObject {
    Q_OBJECT

    const QStringList m_known { QStringLiteral("db"), QStringLiteral("key-file"), QStringLiteral("listen"), QStringLiteral("tls-cert") };

    Result<ConfigFile> parse(const QByteArray& text) { return ConfigFile::parse(text, m_known, QStringLiteral("server.conf")); }

private Q_SLOTS:
    void readsKeysValuesAndLines()
    {
        auto file = parse("# Lanyard\n\n; old style comment\ndb = sqlite:/var/lib/lanyard/engine.db\n  listen=127.0.0.1:8443  \n");
        QVERIFY2(file, qPrintable(file ? QString() : file.error().detail));
        QCOMPARE(file->keys(), (QStringList { QStringLiteral("db"), QStringLiteral("listen") }));
        QCOMPARE(file->value(QStringLiteral("db")), QStringLiteral("sqlite:/var/lib/lanyard/engine.db"));
        QCOMPARE(file->value(QStringLiteral("listen")), QStringLiteral("127.0.0.1:8443"));
        QCOMPARE(file->lineOf(QStringLiteral("db")), 4);
        QCOMPARE(file->lineOf(QStringLiteral("listen")), 5);
        QVERIFY(!file->contains(QStringLiteral("key-file")));
    }

    // A value is everything after the first '=': a PostgreSQL URL holds '=' and '#' may be in
    // a password or a path.
    void valueKeepsEqualsHashAndInnerSpaces()
    {
        auto file = parse("db = postgresql://lanyard:p#ss=word@127.0.0.1:5432/lanyard?sslmode=require\r\ntls-cert = /etc/lanyard/my certs/server.crt\r\n");
        QVERIFY2(file, qPrintable(file ? QString() : file.error().detail));
        QCOMPARE(file->value(QStringLiteral("db")), QStringLiteral("postgresql://lanyard:p#ss=word@127.0.0.1:5432/lanyard?sslmode=require"));
        QCOMPARE(file->value(QStringLiteral("tls-cert")), QStringLiteral("/etc/lanyard/my certs/server.crt"));
    }

    void acceptsAnEmptyFile()
    {
        auto file = parse("");
        QVERIFY(file);
        QVERIFY(file->keys().isEmpty());
    }

    void refusesWithTheLineAndTheWayOut_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("says");
        QTest::newRow("misspelt key") << QByteArray("db = sqlite:/x\ntls-crt = /etc/x\n") << 2 << "unknown key 'tls-crt'; the keys are: db, key-file, listen, tls-cert";
        QTest::newRow("flag spelling") << QByteArray("--listen = 1.2.3.4:1\n") << 1 << "unknown key '--listen'";
        QTest::newRow("upper case") << QByteArray("DB = sqlite:/x\n") << 1 << "unknown key 'DB'";
        QTest::newRow("repeated") << QByteArray("listen = 127.0.0.1:1\n\nlisten = 127.0.0.1:2\n") << 3 << "'listen' is already set on line 1";
        QTest::newRow("no equals") << QByteArray("\n\nlisten 127.0.0.1:8443\n") << 3 << "expected 'key = value'";
        QTest::newRow("no key") << QByteArray(" = value\n") << 1 << "no key";
        QTest::newRow("no value") << QByteArray("db =   \n") << 1 << "'db' has no value";
    }
    void refusesWithTheLineAndTheWayOut()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, says);
        auto file = parse(text);
        QVERIFY(!file);
        QCOMPARE(file.error().code, ErrorCode::SettingInvalid);
        QCOMPARE(file.error().args.value(QStringLiteral("line")).toInt(), line);
        QVERIFY2(file.error().detail.startsWith(QStringLiteral("server.conf, line %1: ").arg(line)), qPrintable(file.error().detail));
        QVERIFY2(file.error().detail.contains(says), qPrintable(file.error().detail));
    }

    void refusesWhatIsNotText()
    {
        auto nul = parse(QByteArray("db = a\0b\n", 9));
        QVERIFY(!nul);
        QVERIFY(nul.error().detail.contains(QStringLiteral("NUL")));
        auto latin1 = parse("db = sqlite:/srv/d\xe9j\xe0.db\n");
        QVERIFY(!latin1);
        QVERIFY(latin1.error().detail.contains(QStringLiteral("UTF-8")));
        auto huge = parse(QByteArray(ConfigFile::kMaxBytes + 1, '#'));
        QVERIFY(!huge);
        QVERIFY(huge.error().detail.contains(QStringLiteral("larger than 64 KiB")));
    }

    void readsAFileAndNamesAMissingOne()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("server.conf"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("listen = [::1]:8443\n");
        out.close();
        auto file = ConfigFile::read(path, m_known);
        QVERIFY2(file, qPrintable(file ? QString() : file.error().detail));
        QCOMPARE(file->source(), path);
        QCOMPARE(file->value(QStringLiteral("listen")), QStringLiteral("[::1]:8443"));

        auto missing = ConfigFile::read(dir.filePath(QStringLiteral("absent.conf")), m_known);
        QVERIFY(!missing);
        QVERIFY2(missing.error().detail.startsWith(dir.filePath(QStringLiteral("absent.conf")) + QStringLiteral(": cannot read it")),
            qPrintable(missing.error().detail));
    }
};

QTEST_GUILESS_MAIN(TestConfigFile)
#include "tst_ConfigFile.moc"
