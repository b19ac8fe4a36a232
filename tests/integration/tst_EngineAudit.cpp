#include "TestSupport.h"
#include "engine/AuditLog.h"

#include <QFile>
#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

// The audit trail is hash-chained: verification passes on an honest trail and finds the first
// altered, removed or truncated row.
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

    void rewrittenHashBreaksTheNextLink()
    {
        // A forger who recomputes the row's own hash still breaks the link to the next row.
        auto row = await(m_fx.engine().runTask<AuditEvent>([](const EngineContext& ctx, QSqlDatabase db) -> Result<AuditEvent> {
            auto events = AuditLog(db, ctx.dialect()).find(AuditQuery { 0, 0, 0, {}, {}, {}, {}, 0, 10000 });
            if (!events)
                return events.error();
            for (const AuditEvent& e : *events) {
                if (e.seq == 4)
                    return e;
            }
            return Error(ErrorCode::NotFound);
        }));
        AuditEvent e = *row;
        e.outcome = QStringLiteral("refused");
        e.hash = AuditLog::computeHash(e);
        m_fx.execSql(QStringLiteral("UPDATE audit_events SET outcome = ?, hash = ? WHERE seq = 4"), { e.outcome, e.hash });
        const AuditVerification v = verify();
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBrokenSeq, 5);
        QCOMPARE(v.problem, QStringLiteral("chain-mismatch"));
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
