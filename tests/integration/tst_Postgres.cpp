#include "TestSupport.h"
#include "storage/Database.h"
#include "storage/Migrator.h"

#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

// The same migrations and the same engine on PostgreSQL (a throwaway cluster started by
// support/with-postgres.sh).
class TestPostgres : public QObject {
    Q_OBJECT

    DatabaseConfig m_config;

private Q_SLOTS:
    void initTestCase()
    {
        const QString url = qEnvironmentVariable("LANYARD_TEST_PG_URL");
        QVERIFY2(!url.isEmpty(), "run through with-postgres.sh");
        auto c = DatabaseConfig::fromUrl(url);
        QVERIFY(c.ok());
        m_config = *c;
        QCOMPARE(m_config.dialect, SqlDialect::Postgres);
    }

    void migrationsApply()
    {
        Database database(m_config);
        auto db = database.connection();
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().detail));
        Migrator migrator(SqlDialect::Postgres);
        auto first = migrator.migrate(*db);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().detail));
        QCOMPARE(*first, Migrator::latestVersion());
        QCOMPARE(*migrator.migrate(*db), Migrator::latestVersion());
        QVERIFY(db->tables().contains(QStringLiteral("audit_events")));
        auto head = fetchOne(*db, QStringLiteral("SELECT seq FROM audit_head WHERE id = 1"));
        QCOMPARE(head->value("seq").toInt(), 0);
    }

    void engineRunsOnPostgres()
    {
        EngineFixture fx;
        EmbeddedEngineOptions o = fx.options();
        o.database = m_config;
        o.keyFilePath = fx.dir() + QStringLiteral("/pg.key");
        fx.open(o);
        fx.seedDemo(30, 2);
        const OperatorSession op = fx.demoOperator();
        auto page = await(fx.engine().findPeople(op, PersonQuery { QStringLiteral("group:Finance"), 0, 100 }));
        QVERIFY(page.ok());
        const qint64 device = fx.firstDeviceId();
        DeviceAction disable { DeviceOperation::Disable, RevocationReason::CessationOfOperation, QStringLiteral("pg"), {} };
        QCOMPARE(await(fx.engine().changeDevice(op, device, disable))->device.state, DeviceState::Disabled);
        auto certs = await(fx.engine().certificatesOf(op, device));
        QCOMPARE(certs->first().status, CertificateStatus::OnHold);
        auto crl = await(fx.engine().certificateRevocationList());
        QVERIFY(crl.ok());
        auto text = run(QStringLiteral("openssl"), { QStringLiteral("crl"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-noout"), QStringLiteral("-text") }, *crl);
        QVERIFY(text.out.contains(certs->first().serial.toLatin1()));
        // Code failures and the audit chain under PostgreSQL's row locking.
        auto req = await(fx.engine().requestCredential(op, page->people.first().id, fx.profileIdByName(QStringLiteral("Mobile Identity")), true));
        QVERIFY(req.ok());
        QCOMPARE(await(fx.engine().startCollection(CollectionStart { req->job.collectionToken, QStringLiteral("00000000"), {} })).error().code, ErrorCode::CodeInvalid);
        QList<QFuture<Result<OperatorSession>>> logons;
        for (int i = 0; i < 8; ++i)
            logons << fx.engine().logon(QStringLiteral("demo"), QString::fromLatin1(DemoDataGenerator::kOperatorPassword));
        for (auto& f : logons)
            QVERIFY(await(f).ok());
        auto verified = await(fx.engine().verifyAudit(op));
        QVERIFY(verified->intact);
        fx.close();
        // Reopen: the CA and key come back from PostgreSQL.
        fx.open(o);
        QVERIFY(await(fx.engine().verifyAudit(fx.demoOperator()))->intact);
    }
};

QTEST_GUILESS_MAIN(TestPostgres)
#include "tst_Postgres.moc"
