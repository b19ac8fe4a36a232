// The provisioning loop and the operator API under load, each next to a reference from the
// same run:
//   - complete collections per second in the embedded engine (start, submit with ready
//     PKCS#10 requests, confirm), against `openssl speed ecdsap256` signatures per second with
//     the CA's key type: a collection signs at least two things (certificate, CMS bundle);
//   - the same over HTTPS to a real lanyard-server on loopback, one phone at a time, against
//     the same openssl figure;
//   - operator person searches per second with wrk against the server, next to wrk on the
//     server's trivial health route (same server, same connections, same TLS);
//   - GET /health with 256 wrk connections while 1,000 idle TLS connections and 300 half-sent
//     requests are held open, as a share of the same figure without them.

#include "ServerProcess.h"
#include "TestSupport.h"

#include <QCoreApplication>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryFile>
#include <QTextStream>

#include <sys/resource.h>

#include <memory>
#include <vector>

using namespace lanyard;
using namespace lanyard::test;

namespace {

double opensslSignsPerSecond(int seconds)
{
    auto r = run(QStringLiteral("openssl"), { QStringLiteral("speed"), QStringLiteral("-seconds"), QString::number(seconds), QStringLiteral("-mr"), QStringLiteral("ecdsap256") }, {}, 120000);
    static const QRegularExpression re(QStringLiteral("^\\+F4:\\d+:\\d+:([0-9.eE+-]+):"), QRegularExpression::MultilineOption);
    const auto m = re.match(QString::fromLatin1(r.out));
    return m.hasMatch() ? m.captured(1).toDouble() : 0;
}

// The phones' PKCS#10 requests, made before the clock starts: key generation is the phone's work.
QList<QByteArray> readyRequests(int n)
{
    QList<QByteArray> csrs;
    for (int i = 0; i < n; ++i)
        csrs << makeCsr(KeyAlgorithm::EcP256);
    return csrs;
}

double engineCollectionsPerSecond(int count)
{
    EngineFixture fx;
    fx.open();
    fx.seedDemo(count + 50, 0);
    const OperatorSession op = fx.demoOperator();
    const qint64 profile = fx.profileIdByName(QStringLiteral("Mobile Identity"));
    QList<IssuedRequest> requests;
    for (qint64 id = 1; requests.size() < count && id < count * 4; ++id) {
        auto issued = await(fx.engine().requestCredential(op, id, profile, true));
        if (issued && !issued->code.isEmpty()) // not those held for validation (more rights than the helpdesk)
            requests << *issued;
    }
    if (requests.size() < count)
        qFatal("only %d requests could be made", int(requests.size()));
    const QList<QByteArray> csrs = readyRequests(count * 2);
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < count; ++i) {
        CollectionStart start { requests[i].job.collectionToken, requests[i].code, {} };
        start.device.hardwareSerial = QStringLiteral("BENCH-%1").arg(i);
        auto session = await(fx.engine().startCollection(start));
        if (!session)
            qFatal("start: %s", qPrintable(session.error().toLogString()));
        CollectionSubmission submission;
        submission.sessionId = session->id;
        for (int c = 0; c < session->certificates.size(); ++c)
            submission.requests << csrs[(2 * i + c) % csrs.size()];
        auto bundle = await(fx.engine().submitCollection(submission));
        if (!bundle)
            qFatal("submit: %s", qPrintable(bundle.error().toLogString()));
        if (!await(fx.engine().confirmCollection(session->id)))
            qFatal("confirm failed");
    }
    return count / (clock.nsecsElapsed() / 1e9);
}

QJsonObject callOk(ServerProcess& server, const QString& route, const QJsonObject& body, const QString& token = {})
{
    const ServerProcess::Reply r = server.http(QStringLiteral("POST"), route, body, token);
    if (r.status != 200)
        qFatal("%s: HTTP %d %s", qPrintable(route), r.status, r.body.constData());
    return r.json();
}

double httpsCollectionsPerSecond(ServerProcess& server, const QString& token, int count)
{
    const QJsonArray people = callOk(server, QStringLiteral("/api/v1/operator/findPeople"), { { QStringLiteral("text"), QString() }, { QStringLiteral("limit"), 500 } }, token)
                                  .value(QStringLiteral("people"))
                                  .toArray();
    qint64 profile = 0;
    QList<QJsonObject> issued;
    for (const QJsonValue& p : people) {
        if (issued.size() >= count)
            break;
        const qint64 id = p.toObject().value(QStringLiteral("id")).toInteger();
        if (!profile) {
            const QJsonArray profiles = callOk(server, QStringLiteral("/api/v1/operator/requestableProfiles"), { { QStringLiteral("personId"), id } }, token)
                                            .value(QStringLiteral("profiles"))
                                            .toArray();
            for (const QJsonValue& pr : profiles)
                if (pr.toObject().value(QStringLiteral("name")).toString() == QLatin1String("Mobile Identity"))
                    profile = pr.toObject().value(QStringLiteral("id")).toInteger();
        }
        const ServerProcess::Reply r = server.http(QStringLiteral("POST"), QStringLiteral("/api/v1/operator/requestCredential"),
            { { QStringLiteral("personId"), id }, { QStringLiteral("profileId"), profile }, { QStringLiteral("showCode"), true } }, token);
        if (r.status == 200 && !r.json().value(QStringLiteral("code")).toString().isEmpty())
            issued << r.json();
    }
    if (issued.size() < count)
        qFatal("only %d requests over the API", int(issued.size()));
    const QList<QByteArray> csrs = readyRequests(count * 2);
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < count; ++i) {
        const QJsonObject started = callOk(server, QStringLiteral("/api/v1/collect/start"),
            { { QStringLiteral("token"), issued[i].value(QStringLiteral("job")).toObject().value(QStringLiteral("collectionToken")) },
                { QStringLiteral("code"), issued[i].value(QStringLiteral("code")) },
                { QStringLiteral("device"), QJsonObject { { QStringLiteral("serial"), QStringLiteral("HTTPS-%1").arg(i) } } } });
        QJsonArray requests;
        for (int c = 0; c < started.value(QStringLiteral("certificates")).toArray().size(); ++c)
            requests.append(QString::fromLatin1(csrs[(2 * i + c) % csrs.size()].toBase64()));
        const QString session = started.value(QStringLiteral("session")).toString();
        callOk(server, QStringLiteral("/api/v1/collect/submit"), { { QStringLiteral("session"), session }, { QStringLiteral("requests"), requests } });
        callOk(server, QStringLiteral("/api/v1/collect/confirm"), { { QStringLiteral("session"), session } });
    }
    return count / (clock.nsecsElapsed() / 1e9);
}

// Requests per second that wrk reports for one route.
double wrk(const QString& url, const QString& script, int seconds, int connections = 8)
{
    const auto r = run(QStringLiteral("wrk"),
        { QStringLiteral("-t2"), QStringLiteral("-c%1").arg(connections), QStringLiteral("-d%1s").arg(seconds), QStringLiteral("-s"), script, url }, {},
        (seconds + 30) * 1000);
    static const QRegularExpression re(QStringLiteral("Requests/sec:\\s+([0-9.]+)"));
    const auto m = re.match(QString::fromLatin1(r.out));
    if (r.exitCode != 0 || !m.hasMatch())
        qFatal("wrk failed: %s %s", r.out.constData(), r.err.constData());
    static const QRegularExpression non2xx(QStringLiteral("Non-2xx or 3xx responses:\\s+(\\d+)"));
    if (const auto bad = non2xx.match(QString::fromLatin1(r.out)); bad.hasMatch())
        qFatal("wrk saw %s failed responses from %s", qPrintable(bad.captured(1)), qPrintable(url));
    return m.captured(1).toDouble();
}

// TLS connections held open against the server: `idle` that never send, `halfSent` that send
// half a request header. Each group of eight comes from its own loopback address (the
// server's per-address handshake allowance).
std::vector<std::unique_ptr<QSslSocket>> holdConnections(const ServerProcess& server, int idle, int halfSent)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(server.tlsCertificate()));
    std::vector<std::unique_ptr<QSslSocket>> held;
    int encrypted = 0;
    for (int i = 0; i < idle + halfSent; ++i) {
        auto socket = std::make_unique<QSslSocket>();
        QObject::connect(socket.get(), &QSslSocket::encrypted, [&encrypted] { ++encrypted; });
        socket->bind(QHostAddress(QStringLiteral("127.0.%1.%2").arg(10 + i / 8 / 250).arg(2 + (i / 8) % 250)), 0);
        socket->setSslConfiguration(tls);
        socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), quint16(server.port()));
        if (i >= idle)
            socket->write("POST /api/v1/logon HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty");
        held.push_back(std::move(socket));
    }
    QElapsedTimer clock;
    clock.start();
    while (encrypted < idle + halfSent && clock.elapsed() < 120000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    if (encrypted < idle + halfSent)
        qFatal("only %d of %d connections could be held open", encrypted, idle + halfSent);
    return held;
}

QString writeScript(const QString& dir, const QString& name, const QString& text)
{
    QFile f(dir + QLatin1Char('/') + name);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(f.fileName()));
    f.write(text.toUtf8());
    return f.fileName();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    rlimit files {};
    getrlimit(RLIMIT_NOFILE, &files);
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    QTextStream out(stdout);
    const int collections = quick ? 5 : 200;
    const int seconds = quick ? 1 : 10;

    const double signs = opensslSignsPerSecond(quick ? 1 : 3);
    out << QStringLiteral("reference: openssl speed ecdsap256: %1 signatures/s").arg(signs, 0, 'f', 0) << Qt::endl;

    const double engine = engineCollectionsPerSecond(collections);
    // Tiny ratios read better inverted: one collection takes as long as N raw signatures.
    out << QStringLiteral("engine: %1 complete collections/s (%2 collections) = %3 of the openssl signing rate (one collection = %4 signatures' time)")
                 .arg(engine, 0, 'f', 1)
                 .arg(collections)
                 .arg(engine / signs, 0, 'g', 3)
                 .arg(signs / engine, 0, 'f', 0)
          << Qt::endl;

    QTemporaryDir dir;
    ServerProcess server(dir.path());
    if (const QString e = server.prepare(); !e.isEmpty())
        qFatal("%s", qPrintable(e));
    // wrk's 256 connections all come from 127.0.0.1; the held ones must outlast the run.
    if (const QString e = server.start({ QStringLiteral("--max-client-connections"), QStringLiteral("512"), QStringLiteral("--header-timeout"), QStringLiteral("300") });
        !e.isEmpty())
        qFatal("%s", qPrintable(e));
    if (const QString e = server.setSettings({ { QStringLiteral("collection.baseUrl"), server.url() } }); !e.isEmpty())
        qFatal("%s", qPrintable(e));
    const QString token = server.logon(QStringLiteral("helpdesk"), QLatin1String(ServerProcess::kHelpdeskPassword));

    const double https = httpsCollectionsPerSecond(server, token, collections);
    out << QStringLiteral("https: %1 complete collections/s, one phone at a time = %2 of the openssl signing rate, %3 of the engine's rate")
                 .arg(https, 0, 'f', 1)
                 .arg(https / signs, 0, 'g', 3)
                 .arg(https / engine, 0, 'f', 2)
          << Qt::endl;

    const QString health = writeScript(dir.path(), QStringLiteral("health.lua"), QStringLiteral("wrk.method = \"GET\"\n"));
    const QString search = writeScript(dir.path(), QStringLiteral("search.lua"),
        QStringLiteral("wrk.method = \"POST\"\nwrk.body = '{\"text\":\"a\",\"limit\":20}'\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"
                       "wrk.headers[\"Authorization\"] = \"Bearer %1\"\n")
            .arg(token));
    const double trivial = wrk(server.url() + QStringLiteral("/health"), health, seconds);
    const double searches = wrk(server.url() + QStringLiteral("/api/v1/operator/findPeople"), search, seconds);
    out << QStringLiteral("reference: wrk GET /health: %1 requests/s").arg(trivial, 0, 'f', 0) << Qt::endl;
    out << QStringLiteral("operator search: %1 findPeople requests/s = %2 of the trivial route").arg(searches, 0, 'f', 0).arg(searches / trivial, 0, 'f', 3)
          << Qt::endl;

    const double open256 = wrk(server.url() + QStringLiteral("/health"), health, seconds, 256);
    out << QStringLiteral("reference: wrk -c256 GET /health: %1 requests/s").arg(open256, 0, 'f', 0) << Qt::endl;
    {
        const auto held = holdConnections(server, quick ? 100 : 1000, quick ? 30 : 300);
        const double besieged = wrk(server.url() + QStringLiteral("/health"), health, seconds, 256);
        out << QStringLiteral("besieged: wrk -c256 GET /health with %1 idle and %2 half-sent connections held: %3 requests/s = %4 of the reference")
                   .arg(quick ? 100 : 1000)
                   .arg(quick ? 30 : 300)
                   .arg(besieged, 0, 'f', 0)
                   .arg(besieged / open256, 0, 'f', 2)
            << Qt::endl;
    }
    if (server.stop())
        return 0;
    QFile log(server.logFile());
    log.open(QIODevice::ReadOnly);
    out << "the server did not stop cleanly:\n" << log.readAll().right(4000) << Qt::endl;
    return 1;
}
