#include "TestSupport.h"
#include "engine/AuditLog.h"
#include "storage/Migrator.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace lanyard;
using namespace lanyard::test;

// The audit trail is chained with HMACs under a key derived from the master key: verification
// passes on an honest trail and finds the first altered, removed or truncated row, also when
// the forger recomputed plain hashes; an unkeyed trail is keyed once on upgrade.
class TestEngineAudit : public QObject {
    Q_OBJECT

    EngineFixture m_fx;
    OperatorSession m_op;

    AuditVerification verify()
    {
        auto v = await(m_fx.engine().verifyAudit(m_op));
        if (!v)
            qFatal("verify failed");
        return *v;
    }

    QList<AuditEvent> allEvents()
    {
        auto rows = await(m_fx.engine().runTask<QList<AuditEvent>>([](const EngineContext& ctx, QSqlDatabase db) {
            return AuditLog(db, ctx).find(AuditQuery { 0, 0, 0, {}, {}, {}, {}, 0, 10000 });
        }));
        if (!rows)
            qFatal("audit rows: %s", qPrintable(rows.error().toLogString()));
        QList<AuditEvent> out = *rows;
        std::reverse(out.begin(), out.end()); // oldest first
        return out;
    }

    // What a forger with write access to the database (the sqlite3 shell) can do without the
    // master key: change rows and recompute every plain SHA-256 link from `from` on, head too.
    void rewriteWithPlainHashes(qint64 from, const std::function<void(AuditEvent&)>& change)
    {
        QString prev;
        for (AuditEvent e : allEvents()) {
            if (e.seq < from) {
                prev = e.hash;
                continue;
            }
            if (e.seq == from)
                change(e);
            e.prevHash = prev.isEmpty() ? QString(64, QLatin1Char('0')) : prev;
            e.hash = AuditLog::legacyHash(e);
            m_fx.execSql(QStringLiteral("UPDATE audit_events SET outcome = ?, details = ?, prev_hash = ?, hash = ? WHERE seq = ?"),
                { e.outcome, e.details, e.prevHash, e.hash, e.seq });
            prev = e.hash;
        }
        m_fx.execSql(QStringLiteral("UPDATE audit_head SET hash = ? WHERE id = 1"), { prev });
    }

    // The database as version 10 left it: migrations 11 on and what they made are gone, so
    // the next start applies them again. (A new migration that makes something adds its undo
    // here.)
    void forgetMigrationsFrom11()
    {
        for (const char* undo : { "DELETE FROM schema_migrations WHERE version >= 11",
                 "ALTER TABLE devices DROP COLUMN disabled_for_parent", "ALTER TABLE devices DROP COLUMN enabled_until", // 020
                 "DROP TABLE incidents", "DROP TABLE security_answers", "DROP TABLE security_checks", // 019
                 "UPDATE roles SET workflows = REPLACE(workflows, ',report-incident', '')",
                 "DROP TABLE directory_sync_errors", "DROP TABLE directory_syncs", "DROP TABLE directory_group_roles", "DROP TABLE directory_attributes", // 018
                 "DROP TABLE directory_config", "DROP INDEX people_directory_id", "ALTER TABLE people DROP COLUMN directory_id",
                 "ALTER TABLE people DROP COLUMN directory_dn", "ALTER TABLE people DROP COLUMN disabled_by_directory",
                 "UPDATE roles SET workflows = REPLACE(workflows, ',manage-directory', '')",
                 "DROP TABLE audit_rekeys", // 011
                 "DROP TRIGGER people_disabled_ends_sessions", // 012
                 "DROP TABLE published_crl", // 013
                 "DROP INDEX card_logon_challenges_client", "ALTER TABLE card_logon_challenges DROP COLUMN client", // 014; 015 remakes its table
                 "ALTER TABLE certificates DROP COLUMN policy_version_id", // 016
                 "ALTER TABLE cert_policies ADD COLUMN key_algorithms TEXT NOT NULL DEFAULT ''", "ALTER TABLE cert_policies ADD COLUMN validity_days INTEGER NOT NULL DEFAULT 0",
                 "ALTER TABLE cert_policies ADD COLUMN key_usage TEXT NOT NULL DEFAULT ''", "ALTER TABLE cert_policies ADD COLUMN ext_key_usage TEXT NOT NULL DEFAULT ''",
                 "ALTER TABLE cert_policies ADD COLUMN dn_template TEXT NOT NULL DEFAULT ''", "ALTER TABLE cert_policies ADD COLUMN san_email INTEGER NOT NULL DEFAULT 0",
                 "ALTER TABLE cert_policies ADD COLUMN san_upn INTEGER NOT NULL DEFAULT 0", "ALTER TABLE cert_policies ADD COLUMN archive_keys INTEGER NOT NULL DEFAULT 0",
                 "UPDATE cert_policies SET (key_algorithms, validity_days, key_usage, ext_key_usage, dn_template, san_email, san_upn, archive_keys) = "
                 "(SELECT key_algorithms, validity_days, key_usage, ext_key_usage, dn_template, san_email, san_upn, archive_keys FROM cert_policy_versions v "
                 "WHERE v.policy_id = cert_policies.id AND v.version = 1)",
                 "DROP TABLE cert_policy_versions", "UPDATE roles SET workflows = REPLACE(workflows, ',edit-certificate-policies', '')",
                 "DROP INDEX people_logon_key", "DROP INDEX people_upn_key", "DROP INDEX people_employee_id", "ALTER TABLE people DROP COLUMN employee_id", // 017
                 "ALTER TABLE people DROP COLUMN removed_at", "ALTER TABLE devices DROP COLUMN disabled_with_account",
                 "UPDATE roles SET workflows = REPLACE(workflows, ',add-person,disable-enable-account,assign-roles,remove-person', '')" })
            m_fx.execSql(QString::fromLatin1(undo));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT MAX(version) FROM schema_migrations")).toInt(), 10);
        QCOMPARE(Migrator::latestVersion(), 20); // else this list misses the undo of a newer migration
    }

private Q_SLOTS:
    void init()
    {
        m_fx.discard();
        m_fx.open();
        m_fx.seedDemo(20, 3);
        m_op = m_fx.demoOperator();
    }

    void honestTrailVerifies()
    {
        const AuditVerification v = verify();
        QVERIFY(v.intact);
        QVERIFY(v.checked > 10);
        auto events = await(m_fx.engine().audit(m_op, AuditQuery()));
        QVERIFY(events.ok());
        QCOMPARE(events->first().workflow, QStringLiteral("logon"));
        QCOMPARE(events->first().operatorName, QStringLiteral("demo"));
        QCOMPARE(events->last().workflow, QStringLiteral("system")); // CA creation is the first event
        for (int i = 1; i < events->size(); ++i)
            QCOMPARE(events->at(i - 1).prevHash, events->at(i).hash);
    }

    void searchFilters()
    {
        const qint64 device = m_fx.firstDeviceId();
        auto byDevice = await(m_fx.engine().audit(m_op, AuditQuery { 0, device, 0, {}, {}, {}, {}, 0, 100 }));
        QVERIFY(!byDevice->isEmpty());
        for (const AuditEvent& e : *byDevice)
            QCOMPARE(e.deviceId, device);
        auto logons = await(m_fx.engine().audit(m_op, AuditQuery { 0, 0, 0, QStringLiteral("logon"), {}, {}, {}, 0, 100 }));
        for (const AuditEvent& e : *logons)
            QCOMPARE(e.workflow, QStringLiteral("logon"));
        auto future = await(m_fx.engine().audit(m_op, AuditQuery { 0, 0, 0, {}, {}, m_fx.now().addDays(1), {}, 0, 100 }));
        QVERIFY(future->isEmpty());
    }

    void alteredRowIsFound()
    {
        m_fx.execSql(QStringLiteral("UPDATE audit_events SET details = 'nothing to see' WHERE seq = 5"));
        const AuditVerification v = verify();
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBrokenSeq, 5);
        QCOMPARE(v.problem, QStringLiteral("row-altered"));
    }

    void aRewriteWithRecomputedHashesIsFoundAtItsRow()
    {
        // Once this went unnoticed: the chain was plain SHA-256, so a forger recomputed it.
        rewriteWithPlainHashes(4, [](AuditEvent& e) { e.outcome = QStringLiteral("refused"); });
        const AuditVerification v = verify();
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBrokenSeq, 4);
        QCOMPARE(v.problem, QStringLiteral("row-altered"));
    }

    void anUnkeyedTrailIsKeyedOnceWhenTheEngineUpgrades()
    {
        // The trail as a version before migration 11 left it: plain hashes, no audit_rekeys.
        rewriteWithPlainHashes(1, [](AuditEvent&) {});
        const qint64 rows = m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events")).toLongLong();
        forgetMigrationsFrom11();
        m_fx.close();
        m_fx.open();
        QVERIFY(verify().intact);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT rows_rekeyed FROM audit_rekeys")).toLongLong(), rows);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT legacy_intact FROM audit_rekeys")).toInt(), 1);
        QVERIFY(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE details LIKE 'audit chain keyed: % earlier rows verified unkeyed%'")).toInt() == 1);
        // Keyed from now on: the same plain rewrite is found.
        rewriteWithPlainHashes(2, [](AuditEvent& e) { e.details = QStringLiteral("nothing happened"); });
        QCOMPARE(verify().firstBrokenSeq, 2);
        // A second start re-chains nothing.
        m_fx.close();
        m_fx.open();
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_rekeys")).toInt(), 1);
    }

    void aBreakFoundBeforeKeyingStaysOnRecord()
    {
        rewriteWithPlainHashes(1, [](AuditEvent&) {});
        m_fx.execSql(QStringLiteral("UPDATE audit_events SET details = 'edited by hand' WHERE seq = 3"));
        forgetMigrationsFrom11();
        m_fx.close();
        m_fx.open();
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT legacy_intact FROM audit_rekeys")).toInt(), 0);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE outcome = 'failed' AND details LIKE '%already broken at row 3%'")).toInt(), 1);
    }

    void removedRowIsFound()
    {
        m_fx.execSql(QStringLiteral("DELETE FROM audit_events WHERE seq = 3"));
        const AuditVerification v = verify();
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBrokenSeq, 3);
        QCOMPARE(v.problem, QStringLiteral("missing-row"));
    }

    void truncationIsFound()
    {
        m_fx.execSql(QStringLiteral("DELETE FROM audit_events WHERE seq = (SELECT MAX(seq) FROM audit_events)"));
        const AuditVerification v = verify();
        QVERIFY(!v.intact);
        QCOMPARE(v.problem, QStringLiteral("truncated"));
    }

    void concurrentAppendsKeepTheChain()
    {
        // Many operations from several worker threads at once: the chain stays linear.
        QList<QFuture<Result<OperatorSession>>> logons;
        for (int i = 0; i < 12; ++i)
            logons << m_fx.engine().logon(QStringLiteral("demo"), i % 2 ? QStringLiteral("wrong") : QString::fromLatin1(DemoDataGenerator::kOperatorPassword));
        for (auto& f : logons)
            (void)await(f);
        QVERIFY(verify().intact);
    }
};

QTEST_GUILESS_MAIN(TestEngineAudit)
#include "tst_EngineAudit.moc"
