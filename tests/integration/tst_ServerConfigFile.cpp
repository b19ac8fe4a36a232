// lanyard-server --config FILE: every setting flag has a key, a flag wins over its key, and a
// file the server cannot take is refused with its line before anything is made.
#include "ServerProcess.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace lanyard::test;

namespace {

QString server()
{
    return ServerProcess::tool("lanyard-server");
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

class TestServerConfigFile : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    QString write(const QString& name, const QByteArray& text)
    {
        QFile f(path(name));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(f.fileName()));
        f.write(text);
        return f.fileName();
    }

    // The settings a packaged server starts with, for this folder.
    QByteArray settings(const QString& db, quint16 port) const
    {
        return QStringLiteral("# as /etc/lanyard/server.conf\n"
                              "db = sqlite:%1\n"
                              "key-file = %2\n"
                              "listen = 127.0.0.1:%3\n"
                              "tls-cert = %4\n"
                              "tls-key = %5\n"
                              "delivery-interval = 5\n")
            .arg(path(db), path(db + QStringLiteral(".masterkey")))
            .arg(port)
            .arg(path(QStringLiteral("tls.crt")), path(QStringLiteral("tls.key")))
            .toUtf8();
    }

    int health(quint16 port)
    {
        QNetworkAccessManager net;
        QNetworkRequest request(QUrl(QStringLiteral("https://127.0.0.1:%1/health").arg(port)));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(path(QStringLiteral("tls.crt"))));
        request.setSslConfiguration(tls);
        QNetworkReply* reply = net.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(10000);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const ProcessOutput cert = run(QStringLiteral("openssl"),
            { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"), path(QStringLiteral("tls.key")), QStringLiteral("-out"), path(QStringLiteral("tls.crt")) });
        QVERIFY2(cert.exitCode == 0, cert.err.constData());
    }

    void versionIsPrinted()
    {
        const ProcessOutput v = run(server(), { QStringLiteral("--version") });
        QCOMPARE(v.exitCode, 0);
        QVERIFY2(v.out.startsWith("lanyard-server ") && v.out.trimmed().size() > 15, v.out.constData());
    }

    // init and serve read the same file; a flag given on the command line wins over its key.
    void initAndServeFromTheFileAndAFlagWins()
    {
        const quint16 filePort = freePort();
        const QString conf = write(QStringLiteral("server.conf"), settings(QStringLiteral("engine.db"), filePort));
        const ProcessOutput init = run(server(), { QStringLiteral("init"), QStringLiteral("--config"), conf }, "first admin password\n", 300000);
        QVERIFY2(init.exitCode == 0, init.err.constData());
        QVERIFY(QFileInfo::exists(path(QStringLiteral("engine.db"))));
        QVERIFY2(QFileInfo::exists(path(QStringLiteral("engine.db.masterkey"))), "the key file named in the file was not used");

        const quint16 flagPort = freePort();
        QProcess serve;
        serve.setProcessChannelMode(QProcess::MergedChannels);
        serve.start(server(), { QStringLiteral("serve"), QStringLiteral("--config"), conf, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(flagPort) });
        QVERIFY(serve.waitForStarted(10000));
        int status = 0;
        QDeadlineTimer deadline(60000);
        while (!deadline.hasExpired() && serve.state() == QProcess::Running && (status = health(flagPort)) != 200)
            QTest::qWait(100);
        QByteArray log = serve.readAll(); // QVERIFY2 reads its message even when it passes
        QVERIFY2(status == 200, log.constData());
        QVERIFY2(health(filePort) != 200, "the file's port answers although --listen overrode it");
        serve.terminate();
        QVERIFY(serve.waitForFinished(30000));
        QCOMPARE(serve.exitCode(), 0);
        log += serve.readAll();
        QVERIFY2(log.contains(QStringLiteral("\"port\":%1").arg(flagPort).toUtf8()), log.constData());
    }

    // Each refusal names the file, the line and what to do, and nothing is made.
    void refusesABadFileBeforeMakingAnything_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QByteArray>("extra");
        QTest::addColumn<QString>("says");
        QTest::newRow("misspelt key") << "init" << QByteArray("tls-crt = /etc/x.pem\n") << "server.conf, line 8: unknown key 'tls-crt'; the keys are: db, key-file, listen";
        QTest::newRow("one-command flag") << "init" << QByteArray("demo = yes\n") << "line 8: unknown key 'demo'";
        QTest::newRow("repeated key") << "init" << QByteArray("listen = 127.0.0.1:1\n") << "line 8: 'listen' is already set on line 4";
        QTest::newRow("not key = value") << "init" << QByteArray("handshake-timeout 5\n") << "line 8: expected 'key = value'";
        QTest::newRow("bad number") << "serve" << QByteArray("header-timeout = 0\n") << "server.conf, line 8: 'header-timeout' wants seconds from 1 to 3600";
        QTest::newRow("bad interval") << "serve" << QByteArray("handshake-timeout = 10\nmax-client-connections = lots\n")
                                      << "server.conf, line 9: 'max-client-connections' wants a whole number from 1 to 100000";
    }
    void refusesABadFileBeforeMakingAnything()
    {
        QFETCH(QString, command);
        QFETCH(QByteArray, extra);
        QFETCH(QString, says);
        const QString db = QStringLiteral("refused-%1.db").arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
        const QString conf = write(QStringLiteral("server.conf"), settings(db, freePort()) + extra);
        const ProcessOutput done = run(server(), { command, QStringLiteral("--config"), conf });
        QCOMPARE(done.exitCode, 1);
        QVERIFY2(QString::fromUtf8(done.err).contains(says), done.err.constData());
        QVERIFY2(!QFileInfo::exists(path(db)), "a database was made although the file was refused");
    }

    void refusesRelativePathsAndAMissingFile()
    {
        const QString relative = write(QStringLiteral("relative.conf"), "db = sqlite:engine.db\n");
        ProcessOutput done = run(server(), { QStringLiteral("init"), QStringLiteral("--config"), relative });
        QCOMPARE(done.exitCode, 1);
        QVERIFY2(done.err.contains("relative.conf, line 1: 'db' must name the SQLite file by an absolute path"), done.err.constData());

        const QString relativeKey = write(QStringLiteral("relative-key.conf"), "db = sqlite:/nonexistent/x.db\n\nkey-file = keys/master.key\n");
        done = run(server(), { QStringLiteral("init"), QStringLiteral("--config"), relativeKey });
        QCOMPARE(done.exitCode, 1);
        QVERIFY2(done.err.contains("relative-key.conf, line 3: 'key-file' must be an absolute path, not 'keys/master.key'"), done.err.constData());

        done = run(server(), { QStringLiteral("serve"), QStringLiteral("--config"), path(QStringLiteral("absent.conf")) });
        QCOMPARE(done.exitCode, 1);
        QVERIFY2(done.err.contains("absent.conf: cannot read it"), done.err.constData());
    }

    // A bad flag is named as the flag, even with a file that holds the same key.
    void aBadFlagIsNamedAsTheFlag()
    {
        const QString conf = write(QStringLiteral("server.conf"), settings(QStringLiteral("flag.db"), freePort()));
        const ProcessOutput done = run(server(), { QStringLiteral("serve"), QStringLiteral("--config"), conf, QStringLiteral("--listen"), QStringLiteral("somewhere") });
        QCOMPARE(done.exitCode, 1);
        QVERIFY2(done.err.contains("--listen wants HOST:PORT with an IP address, e.g. 127.0.0.1:8443, not 'somewhere'"), done.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestServerConfigFile)
#include "tst_ServerConfigFile.moc"
