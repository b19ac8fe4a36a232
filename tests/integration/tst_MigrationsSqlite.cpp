#include "TestSupport.h"
#include "storage/Database.h"
#include "storage/Migrator.h"

#include <QTemporaryDir>
#include <QTest>

using namespace lanyard;

class TestMigrationsSqlite : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void appliesAllInOrderOnce()
    {
        QTemporaryDir dir;
        Database database(DatabaseConfig::sqlite(dir.filePath(QStringLiteral("m.db"))));
        auto db = database.connection();
        QVERIFY(db.ok());
        Migrator migrator(SqlDialect::Sqlite);
        QVERIFY(Migrator::latestVersion() >= 1);
        QCOMPARE(*migrator.currentVersion(*db), 0);
        QCOMPARE(*migrator.migrate(*db), Migrator::latestVersion());
        QCOMPARE(*migrator.migrate(*db), Migrator::latestVersion()); // idempotent
        for (const char* table : { "people", "roles", "profiles", "cert_policies", "devices", "jobs", "certificates", "audit_events", "settings", "timezones", "registered_hardware" })
            QVERIFY2(db->tables().contains(QString::fromLatin1(table)), table);
        auto wal = fetchValue(*db, QStringLiteral("PRAGMA journal_mode"));
        QCOMPARE(wal->toString(), QStringLiteral("wal"));
    }

    void failedMigrationLeavesNothing()
    {
        QTemporaryDir dir;
        Database database(DatabaseConfig::sqlite(dir.filePath(QStringLiteral("m.db"))));
        auto db = *database.connection();
        Migrator migrator(SqlDialect::Sqlite);
        QList<Migration> migrations = Migrator::bundledMigrations();
        migrations.append({ migrations.last().version + 1, QStringLiteral("broken"), QStringLiteral("CREATE TABLE ok_table (x INTEGER);\nTHIS IS NOT SQL;") });
        auto r = migrator.migrate(db, migrations);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::StorageFailure);
        QVERIFY(r.error().detail.contains(QStringLiteral("broken")));
        // One transaction: neither version 1 nor the partial step was applied.
        QCOMPARE(*migrator.currentVersion(db), 0);
        QVERIFY(!db.tables().contains(QStringLiteral("ok_table")));
        QVERIFY(!db.tables().contains(QStringLiteral("people")));
    }

    void refusesNewerSchema()
    {
        QTemporaryDir dir;
        Database database(DatabaseConfig::sqlite(dir.filePath(QStringLiteral("m.db"))));
        auto db = *database.connection();
        Migrator migrator(SqlDialect::Sqlite);
        QVERIFY(migrator.migrate(db).ok());
        QVERIFY(exec(db, QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)")).ok());
        auto r = migrator.migrate(db);
        QCOMPARE(r.error().code, ErrorCode::SchemaTooNew);
        QCOMPARE(r.error().args.value(QStringLiteral("databaseVersion")).toInt(), 999);
    }

    void placeholdersExpandPerDialect()
    {
        const QString sql = QStringLiteral("CREATE TABLE t (id {{ID}}, n {{INT64}}, b {{BLOB}});");
        QCOMPARE(Migrator(SqlDialect::Sqlite).statements(sql).first(), QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, n INTEGER, b BLOB);"));
        QCOMPARE(Migrator(SqlDialect::Postgres).statements(sql).first(), QStringLiteral("CREATE TABLE t (id BIGSERIAL PRIMARY KEY, n BIGINT, b BYTEA);"));
    }
};

QTEST_GUILESS_MAIN(TestMigrationsSqlite)
#include "tst_MigrationsSqlite.moc"
