#include "ServerProcess.h"
#include "pki/Certificate.h"
#include "qr/QrCode.h"
#include "TestSupport.h"

#include <QEventLoop>
#include <QImage>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslSocket>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

// The provisioning loop end to end on loopback: a real lanyard-server (SQLite), an operator
// through the API, the real lanyard-agent collecting with the code, OpenSSL checking what it
// stored, and the CRL following Disable, Enable and Cancel.
class TestServerEndToEnd : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server { m_dir.path() };
    QString m_token;

    static QString tool(const char* name) { return ServerProcess::tool(name); }
    QString path(const QString& name) const { return m_dir.filePath(name); }
    using Reply = ServerProcess::Reply;

    Reply http(const QString& verb, const QString& route, const QJsonObject& body = {}) { return m_server.http(verb, route, body, m_token); }

    QJsonObject call(const QString& method, const QJsonObject& args)
    {
        const Reply r = http(QStringLiteral("POST"), QStringLiteral("/api/v1/operator/") + method, args);
        if (r.status != 200)
            qFatal("%s: HTTP %d %s", qPrintable(method), r.status, r.body.constData());
        return r.json();
    }

    void setSetting(const QString& key, const QString& value)
    {
        const QString error = m_server.setSettings({ { key, value } });
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // Under load, LeakSanitizer now and then reports about 10 KB allocated inside libcrypto at the
    // agent's exit, with no usable stack (OpenSSL has no frame pointers). Until that is tracked
    // down, the agent runs here without leak detection; every other check stays on.
    struct AgentLeakCheckOff {
        QByteArray saved = qgetenv("ASAN_OPTIONS");
        AgentLeakCheckOff() { qputenv("ASAN_OPTIONS", saved + ":detect_leaks=0"); }
        ~AgentLeakCheckOff() { qputenv("ASAN_OPTIONS", saved); }
    };

    ProcessOutput agent(const QString& url, const QString& code, const QString& store, const QString& serial = QStringLiteral("AGENT-1"))
    {
        AgentLeakCheckOff leakCheckOff;
        return run(tool("lanyard-agent"), { QStringLiteral("collect"), url, QStringLiteral("--code"), code, QStringLiteral("--store"), path(store),
                                              QStringLiteral("--trust"), m_server.caCertificate(), QStringLiteral("--tls-ca"), m_server.tlsCertificate(),
                                              QStringLiteral("--serial"), serial },
            {}, 120000);
    }

    QJsonObject requestMobile(int skip)
    {
        const QJsonArray people = call(QStringLiteral("findPeople"), { { QStringLiteral("text"), QStringLiteral("a") }, { QStringLiteral("limit"), 50 } })
                                      .value(QStringLiteral("people"))
                                      .toArray();
        int seen = 0;
        for (const QJsonValue& p : people) {
            const QJsonObject person = p.toObject();
            if (person.value(QStringLiteral("email")).toString().isEmpty() || seen++ < skip)
                continue;
            const qint64 id = person.value(QStringLiteral("id")).toInteger();
            const QJsonArray profiles = call(QStringLiteral("requestableProfiles"), { { QStringLiteral("personId"), id } }).value(QStringLiteral("profiles")).toArray();
            for (const QJsonValue& pr : profiles) {
                if (pr.toObject().value(QStringLiteral("name")).toString() == QStringLiteral("Mobile Identity"))
                    return call(QStringLiteral("requestCredential"),
                        { { QStringLiteral("personId"), id }, { QStringLiteral("profileId"), pr.toObject().value(QStringLiteral("id")) }, { QStringLiteral("showCode"), true } });
            }
        }
        qFatal("no person to request for");
    }

    QString crlText()
    {
        const Reply crl = http(QStringLiteral("GET"), QStringLiteral("/api/v1/crl"));
        if (crl.status != 200)
            qFatal("no CRL");
        return QString::fromLatin1(run(QStringLiteral("openssl"), { QStringLiteral("crl"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-noout"), QStringLiteral("-text") }, crl.body).out);
    }

    QJsonObject changeDevice(qint64 id, const QString& operation)
    {
        return call(QStringLiteral("changeDevice"),
            { { QStringLiteral("deviceId"), id },
                { QStringLiteral("action"), QJsonObject { { QStringLiteral("operation"), operation }, { QStringLiteral("reason"), QStringLiteral("end-to-end test") } } } });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(tool("lanyard-server")) && QFile::exists(tool("lanyard-agent")));
        qInfo("database: %s", m_server.isPostgres() ? "PostgreSQL" : "SQLite");
        const QString prepared = m_server.prepare();
        QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
        const QString started = m_server.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QCOMPARE(http(QStringLiteral("GET"), QStringLiteral("/health")).json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        setSetting(QStringLiteral("collection.baseUrl"), m_server.url());
        setSetting(QStringLiteral("agent.retryDelaySeconds"), QStringLiteral("1"));
    }

    void logonIsCheckedAndThrottled()
    {
        QCOMPARE(http(QStringLiteral("POST"), QStringLiteral("/api/v1/operator/workflows"), {}).status, 401);
        const Reply wrong = http(QStringLiteral("POST"), QStringLiteral("/api/v1/logon"),
            { { QStringLiteral("logonName"), QStringLiteral("helpdesk") }, { QStringLiteral("password"), QStringLiteral("nope") } });
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("logon-failed"));
        // A stranger's megabyte of logon name is refused before it is stored or echoed.
        const Reply huge = http(QStringLiteral("POST"), QStringLiteral("/api/v1/logon"),
            { { QStringLiteral("logonName"), QString(1000 * 1000, QLatin1Char('x')) }, { QStringLiteral("password"), QStringLiteral("nope") } });
        QCOMPARE(huge.status, 400);
        QVERIFY(huge.body.size() < 1000);
        const Reply ok = http(QStringLiteral("POST"), QStringLiteral("/api/v1/logon"),
            { { QStringLiteral("logonName"), QStringLiteral("helpdesk") }, { QStringLiteral("password"), QLatin1String(ServerProcess::kHelpdeskPassword) } });
        QCOMPARE(ok.status, 200);
        m_token = ok.json().value(QStringLiteral("token")).toString();
        QVERIFY(m_token.size() >= 40);
        QVERIFY(call(QStringLiteral("workflows"), {}).value(QStringLiteral("workflows")).toArray().contains(QStringLiteral("request-mobile")));
        // The password never reaches the log.
        QFile log(m_server.logFile());
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(!log.readAll().contains("correct horse"));
    }

    void theAgentCollectsAndTheCrlFollowsTheDevice()
    {
        const QJsonObject issued = requestMobile(0);
        const QString url = issued.value(QStringLiteral("collectionUrl")).toString();
        QVERIFY2(url.startsWith(m_server.url() + QStringLiteral("/c/")), qPrintable(url));
        // A browser opening the link gets the page with the app links, which no one may frame.
        const Reply page = http(QStringLiteral("GET"), QUrl(url).path());
        QVERIFY(page.body.contains("Collect your identity"));
        QVERIFY2(page.headers.value("content-security-policy").contains("frame-ancestors 'none'"), page.headers.value("content-security-policy").constData());
        QCOMPARE(page.headers.value("x-content-type-options"), QByteArray("nosniff"));
        QVERIFY(page.headers.value("strict-transport-security").startsWith("max-age="));
        // An unknown route answers in the JSON error shape.
        const Reply nowhere = http(QStringLiteral("GET"), QStringLiteral("/no/such/route"));
        QCOMPARE(nowhere.status, 404);
        QCOMPARE(nowhere.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("not-found"));
        QCOMPARE(nowhere.headers.value("x-content-type-options"), QByteArray("nosniff"));
        const ProcessOutput collected = agent(url, issued.value(QStringLiteral("code")).toString(), QStringLiteral("phone1"));
        QVERIFY2(collected.exitCode == 0, collected.err.constData());
        QVERIFY(collected.out.contains("collected device MI-"));
        // What the phone stored verifies with OpenSSL against the CA.
        const ProcessOutput verify = run(QStringLiteral("openssl"), { QStringLiteral("verify"), QStringLiteral("-CAfile"), m_server.caCertificate(),
                                                                        path(QStringLiteral("phone1/certificate-1.pem")) });
        QVERIFY2(verify.exitCode == 0, verify.out.constData());
        QCOMPARE(run(QStringLiteral("openssl"), { QStringLiteral("pkcs12"), QStringLiteral("-in"), path(QStringLiteral("phone1/certificate-1.p12")), QStringLiteral("-nokeys"),
                                                    QStringLiteral("-passin"), QStringLiteral("pass:123456") })
                     .exitCode,
            0);
        const QString serial = QString::fromLatin1(run(QStringLiteral("openssl"), { QStringLiteral("x509"), QStringLiteral("-in"), path(QStringLiteral("phone1/certificate-1.pem")),
                                                                                        QStringLiteral("-noout"), QStringLiteral("-serial") })
                                                       .out)
                                   .trimmed()
                                   .section(QLatin1Char('='), 1);
        QVERIFY(!serial.isEmpty());
        const qint64 job = issued.value(QStringLiteral("job")).toObject().value(QStringLiteral("id")).toInteger();
        const QJsonArray jobs = call(QStringLiteral("findJobs"), { { QStringLiteral("statuses"), QJsonArray { QStringLiteral("completed") } } }).value(QStringLiteral("jobs")).toArray();
        qint64 device = 0;
        for (const QJsonValue& j : jobs)
            if (j.toObject().value(QStringLiteral("id")).toInteger() == job)
                device = j.toObject().value(QStringLiteral("issuedDeviceId")).toInteger();
        QVERIFY(device > 0);
        QCOMPARE(call(QStringLiteral("device"), { { QStringLiteral("deviceId"), device } }).value(QStringLiteral("state")).toString(), QStringLiteral("active"));

        QVERIFY(!crlText().contains(serial, Qt::CaseInsensitive));
        // Read as stored: the same bytes again, not a new signature per anonymous GET.
        const QByteArray firstCrl = http(QStringLiteral("GET"), QStringLiteral("/api/v1/crl")).body;
        QCOMPARE(http(QStringLiteral("GET"), QStringLiteral("/api/v1/crl")).body, firstCrl);
        QVERIFY(crlText().contains(QStringLiteral("X509v3 Authority Key Identifier")));
        QCOMPARE(changeDevice(device, QStringLiteral("disable")).value(QStringLiteral("state")).toString(), QStringLiteral("disabled"));
        QString crl = crlText();
        QVERIFY(crl.contains(serial, Qt::CaseInsensitive));
        QVERIFY(crl.contains(QStringLiteral("Certificate Hold")));
        QCOMPARE(changeDevice(device, QStringLiteral("enable")).value(QStringLiteral("state")).toString(), QStringLiteral("active"));
        QVERIFY(!crlText().contains(serial, Qt::CaseInsensitive));
        QCOMPARE(changeDevice(device, QStringLiteral("cancel")).value(QStringLiteral("state")).toString(), QStringLiteral("canceled"));
        crl = crlText();
        QVERIFY(crl.contains(serial, Qt::CaseInsensitive));
        QVERIFY2(crl.contains(QStringLiteral("Cessation Of Operation")), qPrintable(crl));
    }

    void aHelpdeskOperatorDoesNotBecomeTheAdministrator()
    {
        // The attack once found: the helpdesk requested a Mobile Identity for the administrator
        // with the code shown, collected it on their own phone and logged on with it through
        // /api/v1/logon/card as the administrator.
        // create-operator names the roles there are when one is not, and takes a group.
        const auto unknownRole = m_server.command(QStringLiteral("create-operator"),
            { QStringLiteral("--logon"), QStringLiteral("grouped"), QStringLiteral("--group"), QStringLiteral("Finance"), QStringLiteral("--role"), QStringLiteral("Helpdesk") },
            "grouped horse battery\n");
        QVERIFY(unknownRole.exitCode != 0);
        QVERIFY2(unknownRole.err.contains("'Helpdesk Operator'") && unknownRole.err.contains("'Administrator'"), unknownRole.err.constData());
        const auto grouped = m_server.command(QStringLiteral("create-operator"),
            { QStringLiteral("--logon"), QStringLiteral("grouped"), QStringLiteral("--group"), QStringLiteral("Finance"), QStringLiteral("--role"), QStringLiteral("Helpdesk Operator") },
            "grouped horse battery\n");
        QVERIFY2(grouped.exitCode == 0, grouped.err.constData());
        const QJsonArray groupedPeople = call(QStringLiteral("findPeople"), { { QStringLiteral("text"), QStringLiteral("grouped") }, { QStringLiteral("limit"), 5 } })
                                             .value(QStringLiteral("people"))
                                             .toArray();
        QVERIFY(!groupedPeople.isEmpty());
        QCOMPARE(groupedPeople.first().toObject().value(QStringLiteral("group")).toString(), QStringLiteral("Finance"));

        // An administrator who may also receive a phone identity (End User).
        const QString made = m_server.createOperator(QStringLiteral("chief"), QStringLiteral("Chief Administrator"),
            { QStringLiteral("Administrator"), QStringLiteral("Helpdesk Operator"), QStringLiteral("End User") }, QStringLiteral("chief horse battery"));
        QVERIFY2(made.isEmpty(), qPrintable(made));
        const QJsonArray admins = call(QStringLiteral("findPeople"), { { QStringLiteral("text"), QStringLiteral("chief") }, { QStringLiteral("limit"), 5 } })
                                      .value(QStringLiteral("people"))
                                      .toArray();
        qint64 admin = 0;
        for (const QJsonValue& p : admins)
            if (p.toObject().value(QStringLiteral("logonName")).toString() == QStringLiteral("chief"))
                admin = p.toObject().value(QStringLiteral("id")).toInteger();
        QVERIFY(admin > 0);
        qint64 mobile = 0;
        const QJsonArray profiles = call(QStringLiteral("requestableProfiles"), { { QStringLiteral("personId"), admin } }).value(QStringLiteral("profiles")).toArray();
        for (const QJsonValue& pr : profiles)
            if (pr.toObject().value(QStringLiteral("name")).toString() == QStringLiteral("Mobile Identity"))
                mobile = pr.toObject().value(QStringLiteral("id")).toInteger();
        QVERIFY(mobile > 0);
        const QJsonObject held = call(QStringLiteral("requestCredential"),
            { { QStringLiteral("personId"), admin }, { QStringLiteral("profileId"), mobile }, { QStringLiteral("showCode"), true } });
        QVERIFY(held.value(QStringLiteral("code")).toString().isEmpty());
        const QJsonObject job = held.value(QStringLiteral("job")).toObject();
        QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("awaiting-validation"));
        // Nor can the helpdesk approve it themself.
        const Reply approve = http(QStringLiteral("POST"), QStringLiteral("/api/v1/operator/validateRequest"),
            { { QStringLiteral("jobId"), job.value(QStringLiteral("id")) }, { QStringLiteral("approve"), true }, { QStringLiteral("showCode"), true } });
        QCOMPARE(approve.status, 403);
        call(QStringLiteral("cancelJob"), { { QStringLiteral("jobId"), job.value(QStringLiteral("id")) }, { QStringLiteral("reason"), QStringLiteral("attack test") } });

        // And a phone identity, even one collected with a code seen, never logs on.
        const QJsonObject issued = requestMobile(3);
        const ProcessOutput collected = agent(issued.value(QStringLiteral("collectionUrl")).toString(), issued.value(QStringLiteral("code")).toString(), QStringLiteral("phone-logon"));
        QVERIFY2(collected.exitCode == 0, collected.err.constData());
        const ProcessOutput key = run(QStringLiteral("openssl"), { QStringLiteral("pkcs12"), QStringLiteral("-in"), path(QStringLiteral("phone-logon/certificate-1.p12")), QStringLiteral("-nocerts"),
                                                                    QStringLiteral("-nodes"), QStringLiteral("-passin"), QStringLiteral("pass:123456"), QStringLiteral("-out"), path(QStringLiteral("phone-logon/key.pem")) });
        QVERIFY2(key.exitCode == 0, key.err.constData());
        const Reply challenge = http(QStringLiteral("POST"), QStringLiteral("/api/v1/logon/card/challenge"));
        QCOMPARE(challenge.status, 200);
        const QByteArray nonce = QByteArray::fromBase64(challenge.json().value(QStringLiteral("challenge")).toString().toLatin1());
        const ProcessOutput signature = run(QStringLiteral("openssl"), { QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-sign"), path(QStringLiteral("phone-logon/key.pem")) }, nonce);
        QVERIFY2(signature.exitCode == 0 && !signature.out.isEmpty(), signature.err.constData());
        QFile pem(path(QStringLiteral("phone-logon/certificate-1.pem")));
        QVERIFY(pem.open(QIODevice::ReadOnly));
        auto certificate = Certificate::fromPem(pem.readAll());
        QVERIFY(certificate.ok());
        const Reply logon = http(QStringLiteral("POST"), QStringLiteral("/api/v1/logon/card"),
            { { QStringLiteral("certificate"), QString::fromLatin1(certificate->toDer().toBase64()) }, { QStringLiteral("challenge"), QString::fromLatin1(nonce.toBase64()) },
                { QStringLiteral("signature"), QString::fromLatin1(signature.out.toBase64()) } });
        QCOMPARE(logon.status, 401);
        QCOMPARE(logon.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("args")).toObject().value(QStringLiteral("problem")).toString(),
            QStringLiteral("not-a-card"));
        QVERIFY(logon.json().value(QStringLiteral("token")).toString().isEmpty());
    }

    void wrongCodesLockAndUsedCodesAreRefused()
    {
        const QJsonObject issued = requestMobile(1);
        const QString url = issued.value(QStringLiteral("collectionUrl")).toString();
        // A wrong code names no job: the caller learns nothing but that the code is wrong.
        const Reply guess = http(QStringLiteral("POST"), QStringLiteral("/api/v1/collect/start"),
            { { QStringLiteral("token"), issued.value(QStringLiteral("job")).toObject().value(QStringLiteral("collectionToken")) }, { QStringLiteral("code"), QStringLiteral("11111111") },
                { QStringLiteral("device"), QJsonObject { { QStringLiteral("serial"), QStringLiteral("guesser") } } } });
        QCOMPARE(guess.status, 403);
        const QString jobId = QString::number(issued.value(QStringLiteral("job")).toObject().value(QStringLiteral("id")).toInteger());
        QVERIFY2(!QString::fromUtf8(guess.body).contains(QStringLiteral("job")) && !guess.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(jobId),
            guess.body.constData());
        // Nor does the access log keep the collection token from the page's address.
        QVERIFY(http(QStringLiteral("GET"), QUrl(url).path()).status == 200);
        QFile log(m_server.logFile());
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray logged = log.readAll();
        QVERIFY2(!logged.contains(issued.value(QStringLiteral("job")).toObject().value(QStringLiteral("collectionToken")).toString().toLatin1()), "collection token in the log");
        QVERIFY(logged.contains("/c/<token>"));
        ProcessOutput wrong = agent(url, QStringLiteral("00000000"), QStringLiteral("phone-wrong"));
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains("code-invalid"), wrong.err.constData());
        for (int i = 0; i < 10 && !wrong.err.contains("code-locked"); ++i)
            wrong = agent(url, QStringLiteral("00000000"), QStringLiteral("phone-wrong"));
        QVERIFY2(wrong.err.contains("code-locked"), wrong.err.constData());
        // Locked: the right code is refused too.
        QVERIFY(agent(url, issued.value(QStringLiteral("code")).toString(), QStringLiteral("phone-wrong")).err.contains("code-locked"));

        const QJsonObject second = requestMobile(2);
        const QString url2 = second.value(QStringLiteral("collectionUrl")).toString();
        QCOMPARE(agent(url2, second.value(QStringLiteral("code")).toString(), QStringLiteral("phone2")).exitCode, 0);
        const ProcessOutput again = agent(url2, second.value(QStringLiteral("code")).toString(), QStringLiteral("phone2b"));
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("code-used"), again.err.constData());
        // Not a collection QR code at all.
        const ProcessOutput junk = agent(QStringLiteral("https://127.0.0.1/nothing"), QStringLiteral("1"), QStringLiteral("junk"));
        QCOMPARE(junk.exitCode, 1);
        QVERIFY(junk.err.contains("not a Lanyard collection QR code"));
    }

    void theSessionLimitAnswers503AndTheAgentRetries()
    {
        setSetting(QStringLiteral("mobile.maxSessionCount"), QStringLiteral("1"));
        const QJsonObject first = requestMobile(3);
        const QJsonObject second = requestMobile(4);
        // A phone holds the only session.
        const Reply held = http(QStringLiteral("POST"), QStringLiteral("/api/v1/collect/start"),
            { { QStringLiteral("token"), first.value(QStringLiteral("job")).toObject().value(QStringLiteral("collectionToken")) },
                { QStringLiteral("code"), first.value(QStringLiteral("code")) }, { QStringLiteral("device"), QJsonObject { { QStringLiteral("serial"), QStringLiteral("holder") } } } });
        QCOMPARE(held.status, 200);
        const Reply busy = http(QStringLiteral("POST"), QStringLiteral("/api/v1/collect/start"),
            { { QStringLiteral("token"), second.value(QStringLiteral("job")).toObject().value(QStringLiteral("collectionToken")) },
                { QStringLiteral("code"), second.value(QStringLiteral("code")) }, { QStringLiteral("device"), QJsonObject { { QStringLiteral("serial"), QStringLiteral("waiter") } } } });
        QCOMPARE(busy.status, 503);
        QCOMPARE(busy.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("service-busy"));
        // An unauthenticated caller learns no count of open sessions.
        QVERIFY2(!busy.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QLatin1Char('1')), busy.body.constData());

        // The agent waits and retries while the first phone finishes.
        QProcess phone;
        AgentLeakCheckOff leakCheckOff;
        phone.setStandardOutputFile(path(QStringLiteral("agent-busy.out")));
        phone.setStandardErrorFile(path(QStringLiteral("agent-busy.err")));
        phone.start(tool("lanyard-agent"), { QStringLiteral("collect"), second.value(QStringLiteral("collectionUrl")).toString(), QStringLiteral("--code"),
                                               second.value(QStringLiteral("code")).toString(), QStringLiteral("--store"), path(QStringLiteral("phone-busy")),
                                               QStringLiteral("--trust"), m_server.caCertificate(), QStringLiteral("--tls-ca"), m_server.tlsCertificate(),
                                               QStringLiteral("--retries"), QStringLiteral("100") });
        QVERIFY(phone.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            QFile out(path(QStringLiteral("agent-busy.out")));
            return out.open(QIODevice::ReadOnly) && out.readAll().contains("busy");
        }(),
            60000);
        const QString session = held.json().value(QStringLiteral("session")).toString();
        QJsonArray requests;
        for (const QJsonValue& c : held.json().value(QStringLiteral("certificates")).toArray()) {
            Q_UNUSED(c)
            requests.append(QString::fromLatin1(makeCsr(KeyAlgorithm::EcP256).toBase64()));
        }
        QCOMPARE(http(QStringLiteral("POST"), QStringLiteral("/api/v1/collect/submit"), { { QStringLiteral("session"), session }, { QStringLiteral("requests"), requests } }).status, 200);
        QCOMPARE(http(QStringLiteral("POST"), QStringLiteral("/api/v1/collect/confirm"), { { QStringLiteral("session"), session } }).status, 200);
        QVERIFY(phone.waitForFinished(120000));
        QFile err(path(QStringLiteral("agent-busy.err")));
        QVERIFY(err.open(QIODevice::ReadOnly));
        QVERIFY2(phone.exitCode() == 0, err.readAll().left(2000).constData());
        QFile out(path(QStringLiteral("agent-busy.out")));
        QVERIFY(out.open(QIODevice::ReadOnly));
        QVERIFY(out.readAll().contains("retried"));
        setSetting(QStringLiteral("mobile.maxSessionCount"), QStringLiteral("-1"));
    }

    ProcessOutput wallet(const QStringList& args)
    {
        AgentLeakCheckOff leakCheckOff;
        return run(tool("lanyard-agent"), args);
    }

    qint64 deviceOfJob(qint64 job)
    {
        const QJsonArray jobs = call(QStringLiteral("findJobs"), { { QStringLiteral("statuses"), QJsonArray { QStringLiteral("completed") } } }).value(QStringLiteral("jobs")).toArray();
        for (const QJsonValue& j : jobs)
            if (j.toObject().value(QStringLiteral("id")).toInteger() == job)
                return j.toObject().value(QStringLiteral("issuedDeviceId")).toInteger();
        return 0;
    }

    void aPictureOfTheQrCodeCollectsAndTheHelpdeskUnlocksAfterWrongPins()
    {
        const QJsonObject issued = requestMobile(7);
        // The QR code as the operator's screen shows it, saved as a PNG.
        auto qr = QrCode::encode(issued.value(QStringLiteral("collectionUrl")).toString());
        QVERIFY(qr.ok());
        const int scale = 6, quiet = 4;
        QImage image((qr->size() + 2 * quiet) * scale, (qr->size() + 2 * quiet) * scale, QImage::Format_Grayscale8);
        image.fill(255);
        for (int y = 0; y < qr->size(); ++y)
            for (int x = 0; x < qr->size(); ++x)
                if (qr->isDark(x, y))
                    for (int dy = 0; dy < scale; ++dy)
                        for (int dx = 0; dx < scale; ++dx)
                            image.setPixel((x + quiet) * scale + dx, (y + quiet) * scale + dy, qRgb(0, 0, 0));
        const QString png = path(QStringLiteral("qr.png"));
        QVERIFY(image.save(png));
        const QString store = path(QStringLiteral("phone-unlock"));
        AgentLeakCheckOff leakCheckOff;
        const auto collect = [&](const QString& pin) {
            return run(tool("lanyard-agent"), { QStringLiteral("collect"), png, QStringLiteral("--code"), issued.value(QStringLiteral("code")).toString(),
                                                  QStringLiteral("--store"), store, QStringLiteral("--trust"), m_server.caCertificate(),
                                                  QStringLiteral("--tls-ca"), m_server.tlsCertificate(), QStringLiteral("--pin"), pin },
                {}, 120000);
        };
        // The profile asks for 6 to 8 digits: a 4-digit PIN is refused before a key is made, the
        // session is given up, and the same code collects at once with a PIN that fits.
        const ProcessOutput tooShort = collect(QStringLiteral("2468"));
        QCOMPARE(tooShort.exitCode, 1);
        QVERIFY2(tooShort.err.contains("pin-too-short") || tooShort.err.contains("invalid-argument"), tooShort.err.constData());
        QVERIFY2(tooShort.err.contains("6 to 8 characters") && tooShort.err.contains("the same code works again"), tooShort.err.constData());
        QVERIFY(!QFile::exists(store + QStringLiteral("/agent.json")));
        const ProcessOutput collected = collect(QStringLiteral("246813"));
        QVERIFY2(collected.exitCode == 0, collected.err.constData());
        const QJsonObject agentState = QJsonDocument::fromJson([&] {
            QFile f(store + QStringLiteral("/agent.json"));
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }()).object();
        QCOMPARE(agentState.value(QStringLiteral("pinPolicy")).toObject().value(QStringLiteral("minLength")).toInt(), 6);
        QVERIFY(agentState.value(QStringLiteral("authTypes")).toArray().contains(QStringLiteral("pin")));
        // A picture without a QR code is refused with the reason.
        QImage blank(200, 200, QImage::Format_Grayscale8);
        blank.fill(255);
        QVERIFY(blank.save(path(QStringLiteral("blank.png"))));
        const ProcessOutput noQr = run(tool("lanyard-agent"), { QStringLiteral("collect"), path(QStringLiteral("blank.png")), QStringLiteral("--code"), QStringLiteral("1"),
                                                                 QStringLiteral("--store"), path(QStringLiteral("nothing")), QStringLiteral("--trust"), m_server.caCertificate() });
        QCOMPARE(noQr.exitCode, 1);
        QVERIFY2(noQr.err.contains("no QR code"), noQr.err.constData());

        const QStringList at { QStringLiteral("--store"), store };
        ProcessOutput status = wallet(QStringList { QStringLiteral("status") } + at);
        QCOMPARE(status.exitCode, 0);
        QVERIFY2(status.out.contains("unlocked, 5 PIN attempt(s) left"), status.out.constData());
        QCOMPARE(wallet(QStringList { QStringLiteral("pin"), QStringLiteral("--pin"), QStringLiteral("246813") } + at).exitCode, 0);
        // A challenge is only for a locked credential.
        QVERIFY(wallet(QStringList { QStringLiteral("unlock-challenge") } + at).err.contains("not locked"));
        ProcessOutput wrong;
        for (int i = 0; i < 5; ++i)
            wrong = wallet(QStringList { QStringLiteral("pin"), QStringLiteral("--pin"), QStringLiteral("0000") } + at);
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains("code-locked"), wrong.err.constData());
        // Locked: the right PIN no longer works.
        QVERIFY(wallet(QStringList { QStringLiteral("pin"), QStringLiteral("--pin"), QStringLiteral("246813") } + at).err.contains("code-locked"));
        QVERIFY(wallet(QStringList { QStringLiteral("status") } + at).out.contains("locked: too many wrong PINs"));

        // A guessed code uses the challenge up.
        QVERIFY(wallet(QStringList { QStringLiteral("unlock-challenge") } + at).out.startsWith("challenge "));
        QVERIFY(wallet(QStringList { QStringLiteral("unlock"), QStringLiteral("1234 5678") } + at).err.contains("code-invalid"));
        QVERIFY(wallet(QStringList { QStringLiteral("unlock"), QStringLiteral("1234 5678") } + at).err.contains("no challenge is pending"));

        // The helpdesk answers the challenge read out by the phone's owner.
        const ProcessOutput challenge = wallet(QStringList { QStringLiteral("unlock-challenge") } + at);
        const QString digits = QString::fromLatin1(challenge.out).trimmed().section(QLatin1Char(' '), 1);
        QCOMPARE(digits.size(), 9);
        const qint64 device = deviceOfJob(issued.value(QStringLiteral("job")).toObject().value(QStringLiteral("id")).toInteger());
        QVERIFY(device > 0);
        const QString code = call(QStringLiteral("unlockCode"), { { QStringLiteral("deviceId"), device }, { QStringLiteral("challenge"), digits }, { QStringLiteral("answers"), QJsonArray {} } })
                                 .value(QStringLiteral("code"))
                                 .toString();
        QVERIFY(!code.isEmpty());
        const ProcessOutput unlocked = wallet(QStringList { QStringLiteral("unlock"), code } + at);
        QVERIFY2(unlocked.exitCode == 0, unlocked.err.constData());
        QCOMPARE(wallet(QStringList { QStringLiteral("pin"), QStringLiteral("--pin"), QStringLiteral("246813") } + at).exitCode, 0);
    }

    // Sets the Mobile Identity profile's device restriction through the API, as an administrator.
    void restrictMobileProfile(const QString& admin, const QString& restriction)
    {
        const Reply profiles = m_server.http(QStringLiteral("POST"), QStringLiteral("/api/v1/operator/credentialProfiles"), {}, admin);
        QCOMPARE(profiles.status, 200);
        for (const QJsonValue& v : profiles.json().value(QStringLiteral("profiles")).toArray()) {
            QJsonObject profile = v.toObject();
            if (profile.value(QStringLiteral("name")).toString() != QLatin1String("Mobile Identity"))
                continue;
            profile.insert(QStringLiteral("deviceRestriction"), restriction);
            const Reply saved = m_server.http(QStringLiteral("POST"), QStringLiteral("/api/v1/operator/saveCredentialProfile"), { { QStringLiteral("profile"), profile } }, admin);
            QVERIFY2(saved.status == 200, saved.body.constData());
            return;
        }
        QFAIL("no Mobile Identity profile");
    }

    // Renewal end to end: the operator asks over the API, lanyard-agent renews the credential in
    // its store on the same phone, the old certificate goes to the CRL as superseded only then.
    void aPhoneRenewsItsIdentityWithTheAgent()
    {
        const QJsonObject issued = requestMobile(9);
        QCOMPARE(agent(issued.value(QStringLiteral("collectionUrl")).toString(), issued.value(QStringLiteral("code")).toString(), QStringLiteral("renewing")).exitCode, 0);
        const QString store = path(QStringLiteral("renewing"));
        const auto readFile = [](const QString& name) {
            QFile f(name);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        const QByteArray oldPem = readFile(store + QStringLiteral("/certificate-1.pem"));
        QVERIFY(!oldPem.isEmpty());
        const qint64 person = issued.value(QStringLiteral("job")).toObject().value(QStringLiteral("personId")).toInteger();
        qint64 device = 0;
        for (const QJsonValue& d : call(QStringLiteral("devicesOf"), { { QStringLiteral("personId"), person } }).value(QStringLiteral("devices")).toArray())
            device = qMax(device, d.toObject().value(QStringLiteral("id")).toInteger());
        const QJsonObject renewal = call(QStringLiteral("requestRenewal"), { { QStringLiteral("deviceId"), device }, { QStringLiteral("update"), false }, { QStringLiteral("showCode"), true } });
        QCOMPARE(renewal.value(QStringLiteral("job")).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("renewal"));
        const auto renew = [&](const QString& pin, const QStringList& extra = {}) {
            AgentLeakCheckOff leakCheckOff;
            return run(tool("lanyard-agent"),
                QStringList { QStringLiteral("renew"), renewal.value(QStringLiteral("collectionUrl")).toString(), QStringLiteral("--code"), renewal.value(QStringLiteral("code")).toString(),
                    QStringLiteral("--store"), store, QStringLiteral("--trust"), m_server.caCertificate(), QStringLiteral("--tls-ca"), m_server.tlsCertificate(),
                    QStringLiteral("--pin"), pin }
                    + extra,
                {}, 120000);
        };
        // Not the holder's PIN: nothing is asked of the server.
        const ProcessOutput wrongPin = renew(QStringLiteral("999999"));
        QCOMPARE(wrongPin.exitCode, 1);
        QVERIFY2(wrongPin.err.contains("wrong PIN"), wrongPin.err.constData());
        // Another phone with the code is refused; the store is as it was.
        const ProcessOutput otherPhone = renew(QStringLiteral("123456"), { QStringLiteral("--serial"), QStringLiteral("ANOTHER-PHONE") });
        QCOMPARE(otherPhone.exitCode, 1);
        QVERIFY2(otherPhone.err.contains("device-not-allowed"), otherPhone.err.constData());
        QCOMPARE(readFile(store + QStringLiteral("/certificate-1.pem")), oldPem);
        // The phone that holds it renews.
        const ProcessOutput renewed = renew(QStringLiteral("123456"));
        QVERIFY2(renewed.exitCode == 0, renewed.err.constData());
        QVERIFY2(renewed.out.contains("renewed device"), renewed.out.constData());
        const QByteArray newPem = readFile(store + QStringLiteral("/certificate-1.pem"));
        QVERIFY(!newPem.isEmpty() && newPem != oldPem);
        QVERIFY(!QDir(store + QStringLiteral("/.renewal")).exists());
        const QString oldSerial = QString::fromLatin1(run(QStringLiteral("openssl"), { QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-serial") }, oldPem).out)
                                      .section(QLatin1Char('='), 1)
                                      .trimmed();
        const QString crl = crlText();
        QVERIFY2(crl.contains(oldSerial, Qt::CaseInsensitive), qPrintable(oldSerial));
        QVERIFY(crl.contains(QStringLiteral("Superseded")));
        QCOMPARE(call(QStringLiteral("device"), { { QStringLiteral("deviceId"), device } }).value(QStringLiteral("state")).toString(), QStringLiteral("active"));
        AgentLeakCheckOff leakCheckOff;
        QCOMPARE(run(tool("lanyard-agent"), { QStringLiteral("pin"), QStringLiteral("--store"), store, QStringLiteral("--pin"), QStringLiteral("123456") }).exitCode, 0);
    }

    void knownMobilesAndMyMobilesOnlyRefuseOtherPhones()
    {
        const QString admin = m_server.logon(QStringLiteral("admin"), QLatin1String(ServerProcess::kAdminPassword));
        QVERIFY(!admin.isEmpty());
        restrictMobileProfile(admin, QStringLiteral("known-mobiles"));
        const QJsonObject issued = requestMobile(5);
        const QString url = issued.value(QStringLiteral("collectionUrl")).toString();
        const QString code = issued.value(QStringLiteral("code")).toString();
        const ProcessOutput unknown = agent(url, code, QStringLiteral("phone-unknown"), QStringLiteral("UNREGISTERED-1"));
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains("device-not-allowed"), unknown.err.constData());
        // Registered to its owner, the same phone collects with the same code.
        const qint64 owner = issued.value(QStringLiteral("job")).toObject().value(QStringLiteral("personId")).toInteger();
        const Reply added = m_server.http(QStringLiteral("POST"), QStringLiteral("/api/v1/operator/addHardware"),
            { { QStringLiteral("hardware"),
                QJsonObject { { QStringLiteral("kind"), QStringLiteral("phone") }, { QStringLiteral("identifier"), QStringLiteral("KNOWN-PHONE-1") },
                    { QStringLiteral("ownerId"), owner }, { QStringLiteral("description"), QStringLiteral("end-to-end phone") } } } },
            admin);
        QVERIFY2(added.status == 200, added.body.constData());
        const ProcessOutput known = agent(url, code, QStringLiteral("phone-known"), QStringLiteral("KNOWN-PHONE-1"));
        QVERIFY2(known.exitCode == 0, known.err.constData());

        // My Mobiles Only: a known phone of someone else is refused.
        restrictMobileProfile(admin, QStringLiteral("my-mobiles-only"));
        const QJsonObject other = requestMobile(6);
        QVERIFY(other.value(QStringLiteral("job")).toObject().value(QStringLiteral("personId")).toInteger() != owner);
        const ProcessOutput notMine = agent(other.value(QStringLiteral("collectionUrl")).toString(), other.value(QStringLiteral("code")).toString(),
            QStringLiteral("phone-not-mine"), QStringLiteral("KNOWN-PHONE-1"));
        QCOMPARE(notMine.exitCode, 1);
        QVERIFY2(notMine.err.contains("device-not-allowed"), notMine.err.constData());
        restrictMobileProfile(admin, QStringLiteral("any"));
    }

    void twoServersShareOnePostgresDatabase()
    {
        if (!m_server.isPostgres())
            QSKIP("only with PostgreSQL: SQLite serves one process");
        QTemporaryDir secondDir;
        ServerProcess second(secondDir.path());
        QString error = second.prepareSharing(m_server);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        error = second.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // A token from one server works on the other: tokens live in the database.
        QCOMPARE(second.http(QStringLiteral("POST"), QStringLiteral("/api/v1/operator/workflows"), {}, m_token).status, 200);

        // A phone collecting at one server holds the job: the same code at the other is refused.
        const QJsonObject issued = requestMobile(8);
        const QJsonObject start { { QStringLiteral("token"), issued.value(QStringLiteral("job")).toObject().value(QStringLiteral("collectionToken")) },
            { QStringLiteral("code"), issued.value(QStringLiteral("code")) }, { QStringLiteral("device"), QJsonObject { { QStringLiteral("serial"), QStringLiteral("roamer") } } } };
        const Reply atFirst = http(QStringLiteral("POST"), QStringLiteral("/api/v1/collect/start"), start);
        const Reply atSecond = second.http(QStringLiteral("POST"), QStringLiteral("/api/v1/collect/start"), start);
        QCOMPARE(QList<int>({ atFirst.status, atSecond.status }).count(200), 1);
        const Reply& winner = atFirst.status == 200 ? atFirst : atSecond;
        const Reply& loser = atFirst.status == 200 ? atSecond : atFirst;
        QCOMPARE(loser.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("code-used"));

        // The session started at one server is finished at the other.
        QJsonArray requests;
        for (int i = 0; i < winner.json().value(QStringLiteral("certificates")).toArray().size(); ++i)
            requests.append(QString::fromLatin1(makeCsr(KeyAlgorithm::EcP256).toBase64()));
        const QString session = winner.json().value(QStringLiteral("session")).toString();
        QCOMPARE(second.http(QStringLiteral("POST"), QStringLiteral("/api/v1/collect/submit"), { { QStringLiteral("session"), session }, { QStringLiteral("requests"), requests } })
                     .status,
            200);
        QCOMPARE(http(QStringLiteral("POST"), QStringLiteral("/api/v1/collect/confirm"), { { QStringLiteral("session"), session } }).status, 200);
        QVERIFY(deviceOfJob(issued.value(QStringLiteral("job")).toObject().value(QStringLiteral("id")).toInteger()) > 0);
        QVERIFY(second.stop());
    }

    void clientsThatHangUpEarlyDoNotHurtTheServer()
    {
        // A logon takes a while (slow password hash): hang up before the answer, many times.
        const QByteArray body = R"({"logonName":"helpdesk","password":"not the password"})";
        const QByteArray request = "POST /api/v1/logon HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        for (int i = 0; i < 20; ++i) {
            QSslSocket socket;
            QSslConfiguration tls = socket.sslConfiguration();
            tls.setCaCertificates(QSslCertificate::fromPath(m_server.tlsCertificate()));
            socket.setSslConfiguration(tls);
            socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), quint16(m_server.port()));
            QVERIFY(socket.waitForEncrypted(10000));
            socket.write(request);
            QVERIFY(socket.waitForBytesWritten(10000));
            socket.abort();
        }
        QTest::qWait(1500); // the answers come due after the clients left
        QVERIFY(m_server.isRunning());
        QCOMPARE(http(QStringLiteral("GET"), QStringLiteral("/health")).status, 200);
        QCOMPARE(http(QStringLiteral("POST"), QStringLiteral("/api/v1/operator/workflows")).status, 200);
    }

    void strangersLearnNoMethodNamesAndFailuresNoInternals()
    {
        // Without a session, a made-up method and a real one answer alike.
        const Reply unknown = http(QStringLiteral("POST"), QStringLiteral("/api/v1/operator/noSuchMethod"), {});
        const Reply known = http(QStringLiteral("POST"), QStringLiteral("/api/v1/operator/saveRole"), {});
        const QString saved = m_token;
        m_token.clear();
        QCOMPARE(m_server.http(QStringLiteral("POST"), QStringLiteral("/api/v1/operator/noSuchMethod"), {}).status, 401);
        QCOMPARE(m_server.http(QStringLiteral("POST"), QStringLiteral("/api/v1/operator/saveRole"), {}).status, 401);
        QCOMPARE(unknown.status, 404); // with the session: the method is not there
        QVERIFY(known.status != 404);
        m_token = saved;

        // The database fails under the server (a table gone): the caller is told the code, the
        // log the SQL.
        const QString away = QStringLiteral("ALTER TABLE audit_events RENAME TO audit_events_away");
        const QString back = QStringLiteral("ALTER TABLE audit_events_away RENAME TO audit_events");
        auto sql = [this](const QString& statement) {
            return m_server.isPostgres() ? run(QStringLiteral("psql"), { m_server.databaseArgument(), QStringLiteral("-c"), statement })
                                         : run(QStringLiteral("sqlite3"), { m_server.databaseArgument().mid(7), statement });
        };
        QCOMPARE(sql(away).exitCode, 0);
        const Reply failed = http(QStringLiteral("POST"), QStringLiteral("/api/v1/logon"),
            { { QStringLiteral("logonName"), QStringLiteral("admin") }, { QStringLiteral("password"), QLatin1String(ServerProcess::kAdminPassword) } });
        QCOMPARE(sql(back).exitCode, 0);
        QCOMPARE(failed.status, 500);
        QVERIFY2(!failed.body.contains("audit_events") && !failed.body.contains("INSERT"), failed.body.constData());
        QTRY_VERIFY_WITH_TIMEOUT([this] {
            QFile log(m_server.logFile());
            return log.open(QIODevice::ReadOnly) && log.readAll().contains("audit_events");
        }(),
            5000);
    }

    void cleanupTestCase()
    {
        // Stopped by its PID; SIGTERM must end it cleanly.
        QVERIFY(m_server.stop());
    }
};

QTEST_GUILESS_MAIN(TestServerEndToEnd)
#include "tst_ServerEndToEnd.moc"
