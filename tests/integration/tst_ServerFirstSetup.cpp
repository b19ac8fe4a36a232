// An organisation's first server, with no demo data: `lanyard-server init` makes the baseline
// and the first administrator, says what comes next, and that server can issue: the
// administrator requests a Mobile Identity for a person and the real agent collects it.
#include "ServerProcess.h"
#include "SlapdServer.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace lanyard::test;

class TestServerFirstSetup : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server { m_dir.path() };
    QString m_token;

    QJsonObject call(const QString& method, const QJsonObject& args) { return m_server.operatorCall(m_token, method, args); }

    qint64 personId(const QString& logon)
    {
        const QJsonArray people = call(QStringLiteral("findPeople"), { { QStringLiteral("text"), logon }, { QStringLiteral("limit"), 5 } }).value(QStringLiteral("people")).toArray();
        for (const QJsonValue& p : people)
            if (p.toObject().value(QStringLiteral("logonName")).toString() == logon)
                return p.toObject().value(QStringLiteral("id")).toInteger();
        return 0;
    }

    // A Mobile Identity requested for the person with its code shown, and collected by
    // lanyard-agent into `store`; the agent's status, or a recorded failure.
    ProcessOutput issueAndCollect(qint64 person, const QString& store)
    {
        const QJsonArray profiles = call(QStringLiteral("requestableProfiles"), { { QStringLiteral("personId"), person } }).value(QStringLiteral("profiles")).toArray();
        qint64 mobile = 0;
        QStringList names;
        for (const QJsonValue& p : profiles) {
            names << p.toObject().value(QStringLiteral("name")).toString();
            if (names.last() == QLatin1String("Mobile Identity"))
                mobile = p.toObject().value(QStringLiteral("id")).toInteger();
        }
        if (mobile == 0 || names.contains(QStringLiteral("Derived PIV Credential"))) {
            // Only the kiosk requests a derived credential.
            QTest::qFail(qPrintable(QStringLiteral("requestable: ") + names.join(QStringLiteral(", "))), __FILE__, __LINE__);
            return {};
        }
        const QJsonObject issued = call(QStringLiteral("requestCredential"),
            { { QStringLiteral("personId"), person }, { QStringLiteral("profileId"), mobile }, { QStringLiteral("showCode"), true } });
        const QString code = issued.value(QStringLiteral("code")).toString();
        if (code.isEmpty() || !issued.value(QStringLiteral("collectionUrl")).toString().startsWith(m_server.url() + QStringLiteral("/c/"))) {
            QTest::qFail(QJsonDocument(issued).toJson().constData(), __FILE__, __LINE__);
            return {};
        }
        const QByteArray savedAsan = qgetenv("ASAN_OPTIONS");
        qputenv("ASAN_OPTIONS", savedAsan + ":detect_leaks=0"); // as tst_server_end_to_end: OpenSSL's exit-time allocations
        const ProcessOutput collected = run(ServerProcess::tool("lanyard-agent"),
            { QStringLiteral("collect"), issued.value(QStringLiteral("collectionUrl")).toString(), QStringLiteral("--code"), code, QStringLiteral("--store"), store,
                QStringLiteral("--trust"), m_server.caCertificate(), QStringLiteral("--tls-ca"), m_server.tlsCertificate() },
            {}, 120000);
        const ProcessOutput status = run(ServerProcess::tool("lanyard-agent"), { QStringLiteral("status"), QStringLiteral("--store"), store });
        qputenv("ASAN_OPTIONS", savedAsan);
        if (collected.exitCode != 0) {
            QTest::qFail(collected.err.constData(), __FILE__, __LINE__);
            return collected;
        }
        return status;
    }

private Q_SLOTS:
    void initTestCase()
    {
        ServerProcess::CommandOutput init;
        const QString prepared = m_server.prepareBaseline(&init);
        QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
        const QString said = QString::fromUtf8(init.out);
        for (const char* line : { "made role Administrator", "made role Helpdesk Operator", "made role Validator", "made role End User", "made role Kiosk",
                 "made certificate policy PIV Authentication", "made certificate policy Digital Signature", "made certificate policy Key Management",
                 "made certificate policy Card Authentication", "made credential profile Mobile Identity", "made credential profile Virtual Smart Card",
                 "made credential profile Derived PIV Credential", "made the first administrator 'admin'", "next steps:", "collection.baseUrl" })
            QVERIFY2(said.contains(QLatin1String(line)), qPrintable(QStringLiteral("'%1' missing from:\n%2").arg(QLatin1String(line), said)));
        const QString started = m_server.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_token = m_server.logon(QStringLiteral("admin"), QLatin1String(ServerProcess::kAdminPassword));
        QVERIFY(!m_token.isEmpty());
    }

    // Run again it keeps everything, asks for nothing and makes nothing.
    void initAgainChangesNothing()
    {
        const auto again = m_server.command(QStringLiteral("init"), {});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QVERIFY2(!again.out.contains("made "), again.out.constData());
        QVERIFY2(again.out.contains("kept as it was: role Administrator"), again.out.constData());
        QVERIFY(again.out.contains("credential profile Derived PIV Credential"));
        QVERIFY(again.err.isEmpty() || !again.err.contains("Password"));
    }

    // Without a password init says how to give one and makes no administrator.
    void theFirstAdministratorNeedsAPassword()
    {
        QTemporaryDir dir;
        ServerProcess other(dir.path());
        const auto none = other.command(QStringLiteral("init"), {});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains("the first administrator 'admin' needs a password of at least 8 characters on standard input"), none.err.constData());
        const auto shortOne = other.command(QStringLiteral("init"), { QStringLiteral("--logon"), QStringLiteral("chief") }, "short\n");
        QCOMPARE(shortOne.exitCode, 1);
        QVERIFY(shortOne.err.contains("'chief' needs a password"));
        const auto made = other.command(QStringLiteral("init"), { QStringLiteral("--logon"), QStringLiteral("chief") }, "long enough password\n");
        QVERIFY2(made.exitCode == 0, made.err.constData());
        QVERIFY(made.out.contains("made the first administrator 'chief'"));
        QVERIFY2(made.out.contains("kept as it was"), "the first try made the baseline already");
    }

    // The baseline's archive rule holds for what init made: only Key Management archives,
    // and its key may only encrypt.
    void policiesAreWhatAPkiTeamExpects()
    {
        const QJsonObject editor = call(QStringLiteral("certificatePolicies"), {});
        const QJsonArray policies = editor.value(QStringLiteral("policies")).toArray();
        QCOMPARE(policies.size(), 4);
        for (const QJsonValue& v : policies) {
            const QJsonObject p = v.toObject();
            const bool archives = p.value(QStringLiteral("archiveKeys")).toBool();
            QCOMPARE(archives, p.value(QStringLiteral("name")).toString() == QLatin1String("Key Management"));
            if (archives)
                QCOMPARE(p.value(QStringLiteral("keyUsage")).toString(), QStringLiteral("keyEncipherment"));
        }
    }

    // An organisation's people come from a file an HR system wrote: semicolons, a byte order
    // mark, quotes, one bad row. A dry run reports and keeps nothing; the import is made as
    // an operator and held to their rights; the same file again changes nothing.
    void peopleComeFromAFile()
    {
        const QString file = m_server.path(QStringLiteral("people.csv"));
        QFile csv(file);
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("\xEF\xBB\xBFsAMAccountName;displayName;mail;mobile;department;employeeID\r\n"
                  "alice;\"Example, Alice\";alice@example.test;+44 7700 900001;Sales;E-1\r\n"
                  "bob;Bob Example;bob@example;+44 7700 900002;Sales;E-2\r\n"
                  "carol;\"Carol \"\"CJ\"\" Example\";carol@example.test;;Finance;E-3\r\n");
        csv.close();
        const QStringList common { QStringLiteral("--as"), QStringLiteral("admin"), QStringLiteral("--new-role"), QStringLiteral("End User"), file };
        const auto dry = m_server.command(QStringLiteral("import-people"), QStringList { QStringLiteral("--dry-run") } + common);
        QCOMPARE(dry.exitCode, 1); // a row was refused
        QVERIFY2(dry.out.contains("line 3 (bob): invalid-argument: email"), dry.out.constData());
        QVERIFY2(dry.err.contains("dry run, nothing kept: 2 added, 0 updated, 0 unchanged, 1 refused"), dry.err.constData());
        QCOMPARE(personId(QStringLiteral("alice")), 0);

        const auto first = m_server.command(QStringLiteral("import-people"), common);
        QVERIFY2(first.err.contains("2 added, 0 updated, 0 unchanged, 1 refused"), first.err.constData());
        const qint64 alice = personId(QStringLiteral("alice"));
        QVERIFY(alice > 0);
        const QJsonObject a = call(QStringLiteral("person"), { { QStringLiteral("personId"), alice } });
        QCOMPARE(a.value(QStringLiteral("fullName")).toString(), QStringLiteral("Example, Alice"));
        QCOMPARE(a.value(QStringLiteral("mobile")).toString(), QStringLiteral("+447700900001"));
        QCOMPARE(a.value(QStringLiteral("employeeId")).toString(), QStringLiteral("E-1"));
        QCOMPARE(a.value(QStringLiteral("roles")).toArray(), QJsonArray { QStringLiteral("End User") });
        QCOMPARE(call(QStringLiteral("person"), { { QStringLiteral("personId"), personId(QStringLiteral("carol")) } }).value(QStringLiteral("fullName")).toString(),
            QStringLiteral("Carol \"CJ\" Example"));

        const auto again = m_server.command(QStringLiteral("import-people"), common);
        QVERIFY2(again.err.contains("0 added, 0 updated, 2 unchanged, 1 refused"), again.err.constData());
        // Someone without Add Person imports nothing: the rights are the operator's.
        const QString error = m_server.createOperator(QStringLiteral("desk"), QStringLiteral("Desk Person"), { QStringLiteral("End User") }, QStringLiteral("desk's long password"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto refused = m_server.command(QStringLiteral("import-people"), { QStringLiteral("--as"), QStringLiteral("desk"), file });
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("may not add-person"), refused.err.constData());
        const auto noAs = m_server.command(QStringLiteral("import-people"), { file });
        QVERIFY2(noAs.exitCode == 1 && noAs.err.contains("--as is required"), noAs.err.constData());
    }

    // From nothing to a collected credential: a person from the file, a request, the agent.
    void aBaselineServerIssues()
    {
        QCOMPARE(m_server.setSettings({ { QStringLiteral("collection.baseUrl"), m_server.url() } }), QString());
        const qint64 alice = personId(QStringLiteral("alice"));
        QVERIFY(alice > 0);
        const ProcessOutput status = issueAndCollect(alice, m_server.path(QStringLiteral("phone")));
        QCOMPARE(status.exitCode, 0);
        // PIV Authentication, Digital Signature, and the archived Key Management certificate.
        QCOMPARE(status.out.count("certificate "), 3);
    }

    // From the organisation's directory to a collected credential, all through the API: the
    // directory set up and synced (a group gives End User), a request, the agent; then the
    // directory disables the person and the server suspends what they hold.
    void peopleComeFromTheDirectory()
    {
        SlapdServer slapd;
        QString error;
        QVERIFY2(slapd.start(m_dir.path(),
                     SlapdServer::person(QStringLiteral("dora"), QStringLiteral("Dora Dee"), QStringLiteral("dora@example.test"), QStringLiteral("mobile: +44 7700 900077"))
                         + "dn: cn=staff,ou=groups,dc=example,dc=test\nobjectClass: groupOfNames\ncn: staff\nmember: uid=dora,ou=people,dc=example,dc=test\n\n",
                     true, &error),
            qPrintable(error));
        qint64 endUser = 0;
        for (const QJsonValue& r : call(QStringLiteral("roles"), {}).value(QStringLiteral("roles")).toArray()) {
            if (r.toObject().value(QStringLiteral("name")).toString() == QLatin1String("End User"))
                endUser = r.toObject().value(QStringLiteral("id")).toInteger();
        }
        QVERIFY(endUser > 0);
        QJsonObject directory = call(QStringLiteral("directoryConfig"), {}); // the OpenLDAP defaults
        QCOMPARE(directory.value(QStringLiteral("idAttribute")).toString(), QStringLiteral("entryUUID"));
        directory.insert(QStringLiteral("enabled"), true);
        directory.insert(QStringLiteral("intervalMinutes"), 0); // the test syncs, not the server's beat
        directory.insert(QStringLiteral("url"), slapd.ldapsUrl());
        directory.insert(QStringLiteral("caFile"), slapd.caFile());
        directory.insert(QStringLiteral("bindDn"), QLatin1String(SlapdServer::kRootDn));
        directory.insert(QStringLiteral("bindPassword"), QLatin1String(SlapdServer::kRootPassword));
        directory.insert(QStringLiteral("baseDn"), QLatin1String(SlapdServer::kPeopleDn));
        directory.insert(QStringLiteral("disabledBy"), QStringLiteral("attribute"));
        directory.insert(QStringLiteral("disabledAttribute"), QStringLiteral("employeeType"));
        directory.insert(QStringLiteral("disabledValue"), QStringLiteral("disabled"));
        directory.insert(QStringLiteral("groupRoles"), QJsonArray { QJsonObject { { QStringLiteral("groupDn"), QStringLiteral("cn=staff,ou=groups,dc=example,dc=test") },
                                                          { QStringLiteral("roleId"), endUser } } });
        const QJsonObject probe = call(QStringLiteral("testDirectory"), { { QStringLiteral("directory"), directory } });
        QCOMPARE(probe.value(QStringLiteral("matching")).toInt(), 1);
        call(QStringLiteral("saveDirectoryConfig"), { { QStringLiteral("directory"), directory } });
        // A bad password is the directory's failure, not the server's: 502 with its problem.
        QJsonObject wrong = directory;
        wrong.insert(QStringLiteral("bindPassword"), QStringLiteral("not it"));
        const QJsonObject refused = m_server.operatorCall(m_token, QStringLiteral("testDirectory"), { { QStringLiteral("directory"), wrong } }, 502);
        QCOMPARE(refused.value(QStringLiteral("error")).toObject().value(QStringLiteral("args")).toObject().value(QStringLiteral("problem")).toString(),
            QStringLiteral("directory-bind-refused"));

        const QJsonObject synced = call(QStringLiteral("syncDirectory"), { { QStringLiteral("full"), false } });
        QVERIFY2(!synced.value(QStringLiteral("failed")).toBool(), QJsonDocument(synced).toJson().constData());
        QCOMPARE(synced.value(QStringLiteral("added")).toInt(), 1);
        QCOMPARE(synced.value(QStringLiteral("roleChanges")).toInt(), 1);
        const qint64 dora = personId(QStringLiteral("dora"));
        QVERIFY(dora > 0);
        const ProcessOutput status = issueAndCollect(dora, m_server.path(QStringLiteral("dora-phone")));
        QCOMPARE(status.exitCode, 0);
        QCOMPARE(status.out.count("certificate "), 3);

        QVERIFY2(slapd.modify("dn: uid=dora,ou=people,dc=example,dc=test\nchangetype: modify\nadd: employeeType\nemployeeType: disabled\n\n", &error), qPrintable(error));
        const QJsonObject disabled = call(QStringLiteral("syncDirectory"), { { QStringLiteral("full"), false } });
        QCOMPARE(disabled.value(QStringLiteral("disabled")).toInt(), 1);
        QVERIFY(!call(QStringLiteral("person"), { { QStringLiteral("personId"), dora } }).value(QStringLiteral("enabled")).toBool());
        const QJsonArray devices = call(QStringLiteral("devicesOf"), { { QStringLiteral("personId"), dora } }).value(QStringLiteral("devices")).toArray();
        QCOMPARE(devices.size(), 1);
        QCOMPARE(devices.first().toObject().value(QStringLiteral("state")).toString(), QStringLiteral("disabled"));
        const QJsonArray syncs = call(QStringLiteral("directorySyncs"), {}).value(QStringLiteral("syncs")).toArray();
        QCOMPARE(syncs.size(), 2);
        slapd.stop();
    }

    // What a relying party does with a certificate it is shown: follow the CRL distribution
    // point and the CA issuers location written in it, and check with OpenSSL's own tools.
    void relyingPartiesFindTheCrlAndTheIssuer()
    {
        const QString leaf = m_server.path(QStringLiteral("phone/certificate-1.pem"));
        const ProcessOutput ext = run(QStringLiteral("openssl"),
            { QStringLiteral("x509"), QStringLiteral("-in"), leaf, QStringLiteral("-noout"), QStringLiteral("-ext"), QStringLiteral("crlDistributionPoints,authorityInfoAccess") });
        QCOMPARE(ext.exitCode, 0);
        const QString said = QString::fromUtf8(ext.out);
        static const QRegularExpression crlUri(QStringLiteral("URI:(https://127\\.0\\.0\\.1:\\d+)(/crl/[0-9a-f]{40}\\.crl)"));
        static const QRegularExpression caUri(QStringLiteral("CA Issuers - URI:(https://127\\.0\\.0\\.1:\\d+)(/ca/[0-9a-f]{40}\\.crt)"));
        const auto crlAt = crlUri.match(said);
        const auto caAt = caUri.match(said);
        QVERIFY2(crlAt.hasMatch() && caAt.hasMatch(), qPrintable(said));
        QCOMPARE(crlAt.captured(1), m_server.url()); // the collection address: web.externalAddress is not set

        const auto crl = m_server.http(QStringLiteral("GET"), crlAt.captured(2));
        QCOMPARE(crl.status, 200);
        QCOMPARE(crl.headers.value("content-type"), QByteArray("application/pkix-crl"));
        QVERIFY2(crl.headers.value("cache-control").startsWith("public, max-age="), crl.headers.value("cache-control").constData());
        QVERIFY(!crl.headers.value("etag").isEmpty() && !crl.headers.value("expires").isEmpty() && !crl.headers.value("last-modified").isEmpty());
        const auto ca = m_server.http(QStringLiteral("GET"), caAt.captured(2));
        QCOMPARE(ca.status, 200);
        QCOMPARE(ca.headers.value("content-type"), QByteArray("application/pkix-cert"));

        const auto toPem = [&](const char* kind, const QByteArray& der, const QString& file) {
            const ProcessOutput pem = run(QStringLiteral("openssl"), { QLatin1String(kind), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-out"), m_server.path(file) }, der);
            return pem.exitCode == 0;
        };
        QVERIFY(toPem("crl", crl.body, QStringLiteral("published-crl.pem")));
        QVERIFY(toPem("x509", ca.body, QStringLiteral("published-ca.pem")));
        const auto verify = [&] {
            return run(QStringLiteral("openssl"),
                { QStringLiteral("verify"), QStringLiteral("-crl_check"), QStringLiteral("-CAfile"), m_server.path(QStringLiteral("published-ca.pem")), QStringLiteral("-CRLfile"),
                    m_server.path(QStringLiteral("published-crl.pem")), leaf });
        };
        const ProcessOutput good = verify();
        QVERIFY2(good.exitCode == 0 && good.out.contains(": OK"), (good.out + good.err).constData());

        // The OCSP responder the certificate names, asked by OpenSSL's own client, which checks
        // the delegated responder's signature against the CA alone.
        static const QRegularExpression ocspUri(QStringLiteral("OCSP - URI:(https://127\\.0\\.0\\.1:\\d+/ocsp)"));
        const auto ocspAt = ocspUri.match(said);
        QVERIFY2(ocspAt.hasMatch(), qPrintable(said));
        const auto ocsp = [&](const QString& certificate, const QStringList& extra = {}) {
            const ProcessOutput asked = run(QStringLiteral("openssl"),
                QStringList { QStringLiteral("ocsp"), QStringLiteral("-issuer"), m_server.path(QStringLiteral("published-ca.pem")), QStringLiteral("-cert"), certificate,
                    QStringLiteral("-url"), ocspAt.captured(1), QStringLiteral("-CAfile"), m_server.path(QStringLiteral("published-ca.pem")), QStringLiteral("-resp_text") }
                    + extra);
            return QString::fromUtf8(asked.out + asked.err);
        };
        const QString fine = ocsp(leaf);
        QVERIFY2(fine.contains(QStringLiteral("Response verify OK")) && fine.contains(leaf + QStringLiteral(": good")), qPrintable(fine));
        QVERIFY2(fine.contains(QStringLiteral("OCSP Nonce")), qPrintable(fine));
        QVERIFY2(fine.contains(QStringLiteral("OCSP Signing")) && fine.contains(QStringLiteral("OCSP No Check")), qPrintable(fine));
        const QString noNonce = ocsp(leaf, { QStringLiteral("-no_nonce") });
        QVERIFY2(noNonce.contains(leaf + QStringLiteral(": good")) && !noNonce.contains(QStringLiteral("OCSP Nonce")), qPrintable(noNonce));
        // A serial this CA never issued.
        const ProcessOutput strangerAsked = run(QStringLiteral("openssl"),
            { QStringLiteral("ocsp"), QStringLiteral("-issuer"), m_server.path(QStringLiteral("published-ca.pem")), QStringLiteral("-serial"), QStringLiteral("0x0123456789ABCDEF"),
                QStringLiteral("-url"), ocspAt.captured(1), QStringLiteral("-CAfile"), m_server.path(QStringLiteral("published-ca.pem")) });
        const QString stranger = QString::fromUtf8(strangerAsked.out + strangerAsked.err);
        QVERIFY2(stranger.contains(QStringLiteral("Response verify OK")) && stranger.contains(QStringLiteral("0x0123456789ABCDEF: unknown")), qPrintable(stranger));
        // Garbage is answered as OCSP answers it.
        const auto junk = m_server.http(QStringLiteral("POST"), QStringLiteral("/ocsp"), QJsonObject { { QStringLiteral("not"), QStringLiteral("ocsp") } });
        QCOMPARE(junk.status, 200);
        QCOMPARE(junk.headers.value("content-type"), QByteArray("application/ocsp-response"));
        QCOMPARE(junk.body, QByteArray::fromHex("30030a0101")); // OCSPResponse { malformedRequest }
        // A stranger's request is bounded before any lookup or signature: 33 certificate ids,
        // or a request padded past 16 KiB, get malformedRequest too.
        QStringList many { QStringLiteral("ocsp"), QStringLiteral("-issuer"), m_server.path(QStringLiteral("published-ca.pem")), QStringLiteral("-no_nonce") };
        for (int i = 1; i <= 33; ++i)
            many << QStringLiteral("-serial") << QString::number(i);
        many << QStringLiteral("-reqout") << m_server.path(QStringLiteral("many.der"));
        QCOMPARE(run(QStringLiteral("openssl"), many).exitCode, 0);
        QFile manyFile(m_server.path(QStringLiteral("many.der")));
        QVERIFY(manyFile.open(QIODevice::ReadOnly));
        const QByteArray manyIds = manyFile.readAll();
        const QString ocspPath = QUrl(ocspAt.captured(1)).path();
        const QString encoded = QString::fromLatin1(manyIds.toBase64().toPercentEncoding());
        const auto tooMany = m_server.http(QStringLiteral("GET"), ocspPath + QLatin1Char('/') + encoded);
        QCOMPARE(tooMany.status, 200);
        QCOMPARE(tooMany.body, QByteArray::fromHex("30030a0101"));
        const auto padded = m_server.http(QStringLiteral("GET"), ocspPath + QLatin1Char('/')
                + QString::fromLatin1((QByteArray::fromHex("3082") + QByteArray(20000, 'A')).toBase64().toPercentEncoding()));
        QCOMPARE(padded.status, 200);
        QCOMPARE(padded.body, QByteArray::fromHex("30030a0101"));

        // Revoked: the CRL at the same location says so at once.
        const qint64 alice = personId(QStringLiteral("alice"));
        const QJsonArray devices = call(QStringLiteral("devicesOf"), { { QStringLiteral("personId"), alice } }).value(QStringLiteral("devices")).toArray();
        QCOMPARE(devices.size(), 1);
        call(QStringLiteral("changeDevice"),
            { { QStringLiteral("deviceId"), devices.first().toObject().value(QStringLiteral("id")) },
                { QStringLiteral("action"), QJsonObject { { QStringLiteral("operation"), QStringLiteral("cancel") }, { QStringLiteral("reason"), QStringLiteral("left the company") } } } });
        const auto after = m_server.http(QStringLiteral("GET"), crlAt.captured(2));
        QCOMPARE(after.status, 200);
        QVERIFY(after.headers.value("etag") != crl.headers.value("etag"));
        QVERIFY(toPem("crl", after.body, QStringLiteral("published-crl.pem")));
        const ProcessOutput revoked = verify();
        QVERIFY2(revoked.exitCode != 0 && (revoked.out + revoked.err).contains("certificate revoked"), (revoked.out + revoked.err).constData());
        const QString ended = ocsp(leaf);
        QVERIFY2(ended.contains(QStringLiteral("Response verify OK")) && ended.contains(leaf + QStringLiteral(": revoked")) && ended.contains(QStringLiteral("Revocation Time")),
            qPrintable(ended));

        // Only the CA it names is published; nothing else is found there.
        QCOMPARE(m_server.http(QStringLiteral("GET"), QStringLiteral("/crl/0000.crl")).status, 404);
        QCOMPARE(m_server.http(QStringLiteral("GET"), caAt.captured(2).replace(QStringLiteral(".crt"), QStringLiteral(".crl"))).status, 404);
        QCOMPARE(m_server.http(QStringLiteral("GET"), QStringLiteral("/ca/.crt")).status, 404);
    }

    void cleanupTestCase() { QVERIFY(m_server.stop()); }
};

QTEST_GUILESS_MAIN(TestServerFirstSetup)
#include "tst_ServerFirstSetup.moc"
