// A profile requested for many people: through the engine (each person's request whole or
// absent, refusals as a single request gives them) and through the controller the dialog
// uses (calls of 25, progress, a group resolved, Cancel leaving only whole requests).
#include "BatchRequestController.h"
#include "TestSupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

class TestBatchRequests : public QObject {
    Q_OBJECT

    EngineFixture m_fx;
    OperatorSession m_op;
    qint64 m_profile = 0;

    int jobCount() { return m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM jobs")).toInt(); }
    static QString problem(const BatchOutcome& o) { return o.problem ? o.problem->args.value(QStringLiteral("problem")).toString() : QString(); }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx.open();
        m_fx.seedDemo(600, 0);
        m_op = m_fx.demoOperator();
        m_profile = m_fx.profileIdByName(QStringLiteral("Mobile Identity"));
        QVERIFY(m_profile > 0);
        // Everybody reachable by email, so only the cases below are refused.
        m_fx.execSql(QStringLiteral("UPDATE people SET email = logon_name || '@example.test' WHERE email = ''"));
    }

    void eachPersonGetsAWholeRequestOrTheReason()
    {
        const qint64 a = m_fx.firstPersonInGroup(QStringLiteral("Sales"));
        const qint64 b = m_fx.firstPersonInGroup(QStringLiteral("Sales"), a);
        const qint64 unreachable = m_fx.firstPersonInGroup(QStringLiteral("Finance"));
        const qint64 disabled = m_fx.firstPersonInGroup(QStringLiteral("Finance"), unreachable);
        m_fx.execSql(QStringLiteral("UPDATE people SET email = '', mobile = '' WHERE id = ?"), { unreachable });
        m_fx.execSql(QStringLiteral("UPDATE people SET enabled = 0 WHERE id = ?"), { disabled });
        const int before = jobCount();
        auto outcomes = await(m_fx.engine().requestCredentials(m_op, { a, unreachable, b, a, disabled, 999999 }, m_profile));
        QVERIFY2(outcomes.ok(), qPrintable(outcomes.ok() ? QString() : outcomes.error().toLogString()));
        QCOMPARE(outcomes->size(), 6);
        QCOMPARE(outcomes->at(0).personId, a);
        QVERIFY(outcomes->at(0).jobId > 0 && !outcomes->at(0).problem);
        QCOMPARE(outcomes->at(1).problem->code, ErrorCode::NoContactDetails);
        QVERIFY(outcomes->at(2).jobId > 0);
        QCOMPARE(problem(outcomes->at(3)), QStringLiteral("batch-duplicate"));
        QCOMPARE(outcomes->at(4).problem->code, ErrorCode::AccountDisabled);
        QCOMPARE(outcomes->at(5).problem->code, ErrorCode::NotFound);
        // Exactly the two requests made, each awaiting collection with its code sent.
        QCOMPARE(jobCount(), before + 2);
        for (int i : { 0, 2 }) {
            auto job = await(m_fx.engine().jobsOf(m_op, outcomes->at(i).personId));
            QCOMPARE(job->first().status, JobStatus::AwaitingIssue);
            QVERIFY(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM notifications WHERE job_id = ?"), { outcomes->at(i).jobId }).toInt() >= 1);
        }
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE person_id = ?"), { unreachable }).toInt(), 0);
    }

    void anOperatorOutOfScopeGetsNothingAndLearnsNothing()
    {
        m_fx.createOperator(QStringLiteral("salesdesk"), QStringLiteral("Sales"), Scope::Group, { Workflow::FindPerson, Workflow::RequestMobile });
        m_fx.execSql(QStringLiteral("INSERT INTO profile_roles (profile_id, role_id, can_request, can_receive, can_collect, can_validate, can_unlock) "
                                    "SELECT ?, id, 1, 0, 0, 0, 0 FROM roles WHERE name = 'salesdesk role'"),
            { m_profile });
        const qint64 finance = m_fx.firstPersonInGroup(QStringLiteral("Finance"));
        auto outcomes = await(m_fx.engine().requestCredentials(m_fx.logon(QStringLiteral("salesdesk")), { finance }, m_profile));
        QVERIFY(outcomes.ok());
        QCOMPARE(outcomes->first().problem->code, ErrorCode::NotFound); // as for a person who does not exist
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE person_id = ?"), { finance }).toInt(), 0);
    }

    void aGroupInCallsOf25WithProgress()
    {
        BatchRequestController batch(m_fx.engine(), m_op);
        QSignalSpy ready(&batch, &BatchRequestController::peopleReady);
        batch.loadGroup(QStringLiteral("Engineering"));
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 30000);
        const int members = m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM people WHERE group_name = 'Engineering'")).toInt();
        QCOMPARE(ready.first().first().toInt(), members);
        QVERIFY(members > BatchRequestController::kChunk);
        QSignalSpy progress(&batch, &BatchRequestController::progress);
        QSignalSpy finished(&batch, &BatchRequestController::finished);
        batch.start(m_profile);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(batch.done(), members);
        QCOMPARE(progress.size(), 1 + (members + BatchRequestController::kChunk - 1) / BatchRequestController::kChunk);
        QCOMPARE(progress.last().at(0).toInt(), members);
    }

    void cancelLeavesOnlyWholeRequests()
    {
        BatchRequestController batch(m_fx.engine(), m_op);
        QList<BatchRequestController::Target> people;
        auto q = await(m_fx.engine().findPeople(m_op, PersonQuery { QStringLiteral("group:Finance"), 0, 100 }));
        QVERIFY(q.ok());
        for (const Person& p : q->people)
            people << BatchRequestController::Target { p.id, p.fullName };
        QVERIFY(people.size() > BatchRequestController::kChunk);
        batch.setPeople(people);
        const int before = jobCount();
        QSignalSpy finished(&batch, &BatchRequestController::finished);
        connect(&batch, &BatchRequestController::progress, &batch, [&batch](int done, int) {
            if (done > 0)
                batch.cancel(); // after the first call has answered
        });
        batch.start(m_profile);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(batch.done(), BatchRequestController::kChunk);
        int made = 0;
        for (const BatchOutcome& o : batch.outcomes())
            made += o.jobId > 0 ? 1 : 0;
        QCOMPARE(jobCount(), before + made); // nothing for the people never asked for
    }

    void tooManyInOneCallRefused()
    {
        QList<qint64> ids;
        for (int i = 1; i <= 101; ++i)
            ids << i;
        auto refused = await(m_fx.engine().requestCredentials(m_op, ids, m_profile));
        QCOMPARE(refused.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("batch-too-large"));
    }
};

QTEST_GUILESS_MAIN(TestBatchRequests)
#include "tst_BatchRequests.moc"
