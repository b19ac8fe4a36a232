#include "ServerProcess.h"
#include "TestSupport.h"

#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>

#include <sys/resource.h>

#include <memory>
#include <vector>

using namespace lanyard;
using namespace lanyard::test;

namespace {
// One raw connection to the server: what came back, and whether the server closed it. The
// caller drives it; nothing here waits.
class Peer {
public:
    Peer(quint16 port, const QList<QSslCertificate>& trusted, const QHostAddress& from = {}, bool tls = true)
    {
        QObject::connect(&m_socket, &QIODevice::readyRead, [this] { m_received += m_socket.readAll(); });
        QObject::connect(&m_socket, &QAbstractSocket::disconnected, [this] { m_closed = true; });
        QObject::connect(&m_socket, &QAbstractSocket::errorOccurred, [this](QAbstractSocket::SocketError e) {
            if (e == QAbstractSocket::RemoteHostClosedError || e == QAbstractSocket::SslHandshakeFailedError)
                m_closed = true;
        });
        QObject::connect(&m_socket, &QSslSocket::encrypted, [this] { m_encrypted = true; });
        QObject::connect(&m_socket, &QSslSocket::encryptedBytesWritten, [this](qint64 n) { m_written += n; });
        if (!from.isNull())
            m_socket.bind(from, 0);
        if (tls) {
            QSslConfiguration config = QSslConfiguration::defaultConfiguration();
            config.setCaCertificates(trusted);
            m_socket.setSslConfiguration(config);
            m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        } else {
            m_socket.connectToHost(QHostAddress::LocalHost, port);
        }
    }

    void send(const QByteArray& bytes) { m_socket.write(bytes); }
    void abort() { m_socket.abort(); }
    bool closed() const { return m_closed || m_socket.state() == QAbstractSocket::UnconnectedState; }
    bool encrypted() const { return m_encrypted; }
    const QByteArray& received() const { return m_received; }
    qint64 written() const { return m_written; }
    qint64 pendingToWrite() const { return m_socket.encryptedBytesToWrite() + m_socket.bytesToWrite(); }
    // The status of the first answer, 0 before one came.
    int status() const { return m_received.startsWith("HTTP/1.1 ") ? m_received.mid(9, 3).toInt() : 0; }
    int answers() const { return int(m_received.count("HTTP/1.1 ")); }

private:
    QSslSocket m_socket;
    QByteArray m_received;
    qint64 m_written = 0;
    bool m_closed = false;
    bool m_encrypted = false;
};

// A loopback source address of its own for every group of clients, so that the per-address
// cap applies per group.
QHostAddress loopback(int n)
{
    return QHostAddress(QStringLiteral("127.0.%1.%2").arg(1 + n / 250).arg(2 + n % 250));
}

// Sends `chunk` again and again, never far ahead of the socket, until the server answers or
// closes or `most` bytes went out; how much was offered.
qint64 offerUntilAnswered(Peer& peer, const QByteArray& chunk, qint64 most)
{
    qint64 offered = 0;
    QDeadlineTimer deadline(30000);
    while (peer.status() == 0 && !peer.closed() && offered < most && !deadline.hasExpired()) {
        if (peer.pendingToWrite() < 256 * 1024) {
            peer.send(chunk);
            offered += chunk.size();
        }
        QTest::qWait(1);
    }
    return offered;
}

qint64 residentKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}
} // namespace

// lanyard-server under the traffic an attacker on the network can send: dead and silent
// connections, trickled and huge headers, huge and ambiguous bodies, many clients at once,
// and weak TLS. Each case checks the server still serves an honest client afterwards.
class TestServerHostile : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server { m_dir.path() };
    QList<QSslCertificate> m_trusted;
    static constexpr int kPerClient = 16;
    static constexpr int kTimeoutSeconds = 2;
    static constexpr int kHandshakesPerClient = 8; // the server's default

    quint16 port() const { return quint16(m_server.port()); }

    bool healthy()
    {
        return m_server.http(QStringLiteral("GET"), QStringLiteral("/health")).status == 200;
    }

    // The first answer on a fresh TLS connection to these bytes, and whether the server
    // closed the connection after it.
    std::unique_ptr<Peer> exchange(const QByteArray& request)
    {
        auto peer = std::make_unique<Peer>(port(), m_trusted);
        peer->send(request);
        QTest::qWaitFor([&] { return peer->closed(); }, 10000);
        return peer;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A thousand clients are a thousand descriptors here too.
        rlimit files {};
        QVERIFY(getrlimit(RLIMIT_NOFILE, &files) == 0);
        files.rlim_cur = files.rlim_max;
        QVERIFY(setrlimit(RLIMIT_NOFILE, &files) == 0);
        QVERIFY2(files.rlim_cur >= 4096, "the open-file limit is too low for a thousand clients");
        const QString error = m_server.prepare();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString started = m_server.start({ QStringLiteral("--max-client-connections"), QString::number(kPerClient), QStringLiteral("--header-timeout"),
            QString::number(kTimeoutSeconds), QStringLiteral("--handshake-timeout"), QString::number(kTimeoutSeconds) });
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_trusted = QSslCertificate::fromPath(m_server.tlsCertificate());
        QVERIFY(!m_trusted.isEmpty());
    }

    void cleanupTestCase() { QVERIFY(m_server.stop()); }

    // Qt 6.4's server paused accepting while handshakes were pending and never resumed when
    // those sockets died: 30 connections opened and dropped stopped it for good.
    void droppedConnectionsDoNotStopAccepting()
    {
        for (int round = 0; round < 3; ++round) {
            std::vector<std::unique_ptr<QTcpSocket>> dropped;
            for (int i = 0; i < 30; ++i) {
                auto s = std::make_unique<QTcpSocket>();
                s->connectToHost(QHostAddress::LocalHost, port());
                dropped.push_back(std::move(s));
            }
            QTest::qWait(100);
            for (auto& s : dropped)
                s->abort();
            QVERIFY(healthy());
        }
    }

    // A connection that never starts its handshake is closed after the handshake timeout.
    void silentConnectionsAreClosed()
    {
        std::vector<std::unique_ptr<Peer>> silent;
        for (int i = 0; i < 10; ++i)
            silent.push_back(std::make_unique<Peer>(port(), m_trusted, loopback(i), false));
        QVERIFY(healthy());
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(silent.cbegin(), silent.cend(), [](const auto& p) { return p->closed(); }), (kTimeoutSeconds + 8) * 1000);
    }

    // 300 connections that send half a header: closed after the header timeout, and other
    // clients are served meanwhile.
    void halfSentHeadersAreClosed()
    {
        std::vector<std::unique_ptr<Peer>> slow;
        for (int i = 0; i < 300; ++i) {
            slow.push_back(std::make_unique<Peer>(port(), m_trusted, loopback(i / kHandshakesPerClient)));
            slow.back()->send("POST /api/v1/logon HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: appl");
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::count_if(slow.cbegin(), slow.cend(), [](const auto& p) { return p->encrypted(); }) == 300, 30000);
        QVERIFY(healthy());
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(slow.cbegin(), slow.cend(), [](const auto& p) { return p->closed(); }), (kTimeoutSeconds + 15) * 1000);
        for (const auto& p : slow)
            QCOMPARE(p->answers(), 0); // closed, not answered: nothing was asked
        QVERIFY(healthy());
    }

    // A header of 16 MB is refused once it passes 64 KiB, long before it is all sent.
    void hugeHeaderIsRefused()
    {
        Peer peer(port(), m_trusted);
        peer.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: ");
        const QByteArray chunk(64 * 1024, 'a');
        const qint64 offered = offerUntilAnswered(peer, chunk, 16 * 1024 * 1024);
        QTRY_VERIFY_WITH_TIMEOUT(peer.status() != 0 || peer.closed(), 10000);
        QCOMPARE(peer.status(), 431);
        QVERIFY2(offered < 8 * 1024 * 1024, qPrintable(QString::number(offered)));
        QVERIFY(peer.received().contains("\"error\""));
        QTRY_VERIFY_WITH_TIMEOUT(peer.closed(), 10000);
        QVERIFY(healthy());
    }

    // A declared 100 MB body is refused from its Content-Length, before any of it is read.
    void declaredHugeBodyIsRefusedAtOnce()
    {
        const auto peer = exchange("POST /api/v1/logon HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\n\r\n");
        QCOMPARE(peer->status(), 413);
        QVERIFY(peer->closed());
    }

    // A chunked body is stopped at the limit while it streams, and the server's memory does
    // not follow what the client sends.
    void chunkedHugeBodyIsStoppedAtTheLimit()
    {
        const qint64 before = residentKiB(m_server.processId());
        QVERIFY(before > 0);
        Peer peer(port(), m_trusted);
        peer.send("POST /api/v1/logon HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        const QByteArray data(64 * 1024, 'x');
        const QByteArray chunk = QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
        const qint64 offered = offerUntilAnswered(peer, chunk, 100 * 1024 * 1024);
        QTRY_VERIFY_WITH_TIMEOUT(peer.status() != 0 || peer.closed(), 10000);
        QCOMPARE(peer.status(), 413);
        QVERIFY2(offered < 16 * 1024 * 1024, qPrintable(QString::number(offered)));
        const qint64 after = residentKiB(m_server.processId());
        QVERIFY2(after - before < 64 * 1024, qPrintable(QStringLiteral("%1 KiB more").arg(after - before)));
        QVERIFY(healthy());
    }

    // Framing two servers could read differently is refused and the connection closed, so
    // what follows is never run as a second request.
    void ambiguousFramingIsRefused_data()
    {
        QTest::addColumn<QByteArray>("framing");
        QTest::newRow("two equal lengths") << QByteArray("Content-Length: 2\r\nContent-Length: 2\r\n");
        QTest::newRow("a list of lengths") << QByteArray("Content-Length: 2, 2\r\n");
        QTest::newRow("negative length") << QByteArray("Content-Length: -1\r\n");
        QTest::newRow("overflowing length") << QByteArray("Content-Length: 184467440737095516160\r\n");
        QTest::newRow("length and chunked") << QByteArray("Content-Length: 2\r\nTransfer-Encoding: chunked\r\n");
        QTest::newRow("chunked and length") << QByteArray("Transfer-Encoding: chunked\r\nContent-Length: 2\r\n");
        QTest::newRow("xchunked") << QByteArray("Transfer-Encoding: xchunked\r\n");
        QTest::newRow("chunked, then gzip") << QByteArray("Transfer-Encoding: chunked, gzip\r\n");
        QTest::newRow("two codings") << QByteArray("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n");
    }
    void ambiguousFramingIsRefused()
    {
        QFETCH(QByteArray, framing);
        const QByteArray smuggled = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        const auto peer = exchange("POST /api/v1/collect/confirm HTTP/1.1\r\nHost: 127.0.0.1\r\n" + framing + "\r\n{}" + smuggled);
        QCOMPARE(peer->status(), 400);
        QCOMPARE(peer->answers(), 1);
        QVERIFY(peer->closed());
        QVERIFY(peer->received().contains("\"error\""));
    }

    // An honest pipelined pair is still answered twice, in order.
    void keepAliveStillServesTwoRequests()
    {
        Peer peer(port(), m_trusted);
        peer.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /api/v1/nothing HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(peer.closed(), 10000);
        QCOMPARE(peer.answers(), 2);
        QCOMPARE(peer.status(), 200);
        QVERIFY(peer.received().contains("HTTP/1.1 404"));
    }

    // One address holds at most its share of connections; the next is closed unanswered,
    // another address is served, and the first is served again once its connections end.
    void connectionsPerClientAreCapped()
    {
        // From here on, connections are held longer than the two seconds above allow, and a
        // thousand handshakes under the sanitizers, on both sides, take longer too.
        QVERIFY(m_server.stop());
        const QString restarted = m_server.start({ QStringLiteral("--max-client-connections"), QString::number(kPerClient), QStringLiteral("--handshake-timeout"),
            QStringLiteral("60"), QStringLiteral("--header-timeout"), QStringLiteral("60") });
        QVERIFY2(restarted.isEmpty(), qPrintable(restarted));
        std::vector<std::unique_ptr<Peer>> held;
        const QHostAddress crowded = loopback(900);
        // In steps no larger than the handshakes one address may have pending.
        for (int i = 0; i < kPerClient; ++i) {
            held.push_back(std::make_unique<Peer>(port(), m_trusted, crowded));
            if (held.size() % kHandshakesPerClient == 0) {
                QTRY_VERIFY_WITH_TIMEOUT(std::all_of(held.cbegin(), held.cend(), [](const auto& p) { return p->encrypted(); }), 20000);
                // Qt sends the client's last handshake message from its event loop: let it
                // go, so the server sees these handshakes end before the next ones start.
                QTest::qWait(200);
            }
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(held.cbegin(), held.cend(), [](const auto& p) { return p->encrypted(); }), 20000);
        Peer oneTooMany(port(), m_trusted, crowded);
        QTRY_VERIFY_WITH_TIMEOUT(oneTooMany.closed(), 10000);
        QVERIFY(!oneTooMany.encrypted());

        Peer neighbour(port(), m_trusted, loopback(901));
        neighbour.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(neighbour.status(), 200, 10000);

        for (auto& p : held)
            p->abort();
        held.clear();
        QTest::qWait(300);
        Peer again(port(), m_trusted, crowded);
        again.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(again.status(), 200, 10000);
    }

    // Connections that never finish their handshake take at most their address's share of
    // handshake slots: the next one from there is closed, a neighbour's is served.
    void pendingHandshakesPerClientAreCapped()
    {
        std::vector<std::unique_ptr<Peer>> stalled;
        const QHostAddress stalling = loopback(950);
        for (int i = 0; i < kHandshakesPerClient; ++i)
            stalled.push_back(std::make_unique<Peer>(port(), m_trusted, stalling, false));
        QTest::qWait(300);
        Peer next(port(), m_trusted, stalling);
        QTRY_VERIFY_WITH_TIMEOUT(next.closed(), 10000);
        QVERIFY(!next.encrypted());
        QVERIFY(std::none_of(stalled.cbegin(), stalled.cend(), [](const auto& p) { return p->closed(); }));
        Peer neighbour(port(), m_trusted, loopback(951));
        neighbour.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(neighbour.status(), 200, 10000);
    }

    // A flood of logons from strangers fills only the queue of unauthenticated work: beyond
    // its bound they are told the server is busy, and an operator's call is answered while
    // the flood is still being worked through.
    void logonFloodDoesNotStarveOperators()
    {
        const QString token = m_server.logon(QStringLiteral("admin"), QLatin1String(ServerProcess::kAdminPassword));
        QVERIFY(!token.isEmpty());
        std::vector<std::unique_ptr<Peer>> flood;
        for (int i = 0; i < 200; ++i) {
            flood.push_back(std::make_unique<Peer>(port(), m_trusted, loopback(2000 + i / kHandshakesPerClient)));
            const QByteArray body = QStringLiteral("{\"logonName\":\"stranger-%1\",\"password\":\"guess\"}").arg(i).toUtf8();
            flood.back()->send("POST /api/v1/logon HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        }
        const auto answered = [&] { return std::count_if(flood.cbegin(), flood.cend(), [](const auto& p) { return p->status() != 0; }); };
        QTRY_VERIFY_WITH_TIMEOUT(answered() > 0, 60000);
        const QJsonObject session = m_server.operatorCall(token, QStringLiteral("session"), {});
        const auto answeredBeforeOperator = answered();
        QVERIFY(session.contains(QStringLiteral("operator")));
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(flood.cbegin(), flood.cend(), [](const auto& p) { return p->status() != 0 || p->closed(); }), 120000);
        const auto busy = std::count_if(flood.cbegin(), flood.cend(), [](const auto& p) { return p->status() == 503 && p->received().contains("public-queue-full"); });
        const auto refused = std::count_if(flood.cbegin(), flood.cend(), [](const auto& p) { return p->status() == 401; });
        qInfo("%lld of 200 logons refused, %lld told the server is busy; the operator was answered after %lld", qint64(refused), qint64(busy), qint64(answeredBeforeOperator));
        QVERIFY(busy > 0);
        QVERIFY(answeredBeforeOperator < 200);
        QVERIFY(healthy());
    }

    // A thousand clients at once, from many addresses: every one is answered.
    void aThousandClientsAreAllServed()
    {
        std::vector<std::unique_ptr<Peer>> clients;
        for (int i = 0; i < 1000; ++i) {
            clients.push_back(std::make_unique<Peer>(port(), m_trusted, loopback(1000 + i / kHandshakesPerClient)));
            clients.back()->send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(clients.cbegin(), clients.cend(), [](const auto& p) { return p->closed(); }), 120000);
        const auto served = std::count_if(clients.cbegin(), clients.cend(), [](const auto& p) { return p->status() == 200; });
        QCOMPARE(served, 1000);
    }

    // TLS 1.2 offers forward secrecy with authenticated encryption only; TLS 1.3 is served;
    // older protocols are not. Checked with the openssl client.
    void tlsOffersOnlyStrongSuites_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("TLS 1.3") << QStringList { QStringLiteral("-tls1_3") } << true;
        QTest::newRow("ECDHE AES-GCM") << QStringList { QStringLiteral("-tls1_2"), QStringLiteral("-cipher"), QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256") } << true;
        QTest::newRow("ECDHE ChaCha20") << QStringList { QStringLiteral("-tls1_2"), QStringLiteral("-cipher"), QStringLiteral("ECDHE-ECDSA-CHACHA20-POLY1305") } << true;
        QTest::newRow("CBC with SHA-1") << QStringList { QStringLiteral("-tls1_2"), QStringLiteral("-cipher"), QStringLiteral("ECDHE-ECDSA-AES128-SHA") } << false;
        QTest::newRow("CBC with SHA-256") << QStringList { QStringLiteral("-tls1_2"), QStringLiteral("-cipher"), QStringLiteral("ECDHE-ECDSA-AES128-SHA256") } << false;
        QTest::newRow("TLS 1.1") << QStringList { QStringLiteral("-tls1_1"), QStringLiteral("-cipher"), QStringLiteral("DEFAULT@SECLEVEL=0") } << false;
    }
    void tlsOffersOnlyStrongSuites()
    {
        QFETCH(QStringList, options);
        QFETCH(bool, accepted);
        QProcess client;
        client.start(QStringLiteral("openssl"),
            QStringList { QStringLiteral("s_client"), QStringLiteral("-connect"), QStringLiteral("127.0.0.1:%1").arg(port()), QStringLiteral("-CAfile"), m_server.tlsCertificate(),
                QStringLiteral("-brief") }
                + options);
        QVERIFY(client.waitForStarted());
        client.closeWriteChannel();
        QVERIFY(client.waitForFinished(20000));
        const QByteArray said = client.readAllStandardOutput() + client.readAllStandardError();
        QVERIFY2((client.exitCode() == 0) == accepted, said.constData());
        if (accepted)
            QVERIFY2(said.contains("Verification: OK"), said.constData());
    }
};

QTEST_GUILESS_MAIN(TestServerHostile)
#include "tst_ServerHostile.moc"
