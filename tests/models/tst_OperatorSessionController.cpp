#include "OperatorSessionController.h"
#include "TestSupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

class TestOperatorSessionController : public QObject {
    Q_OBJECT

    EngineFixture m_fx;

private Q_SLOTS:
    void initTestCase()
    {
        m_fx.open();
        m_fx.seedDemo(10, 0);
    }

    void logsOnAndKnowsTheWorkflows()
    {
        OperatorSessionController c(m_fx.engine());
        QSignalSpy busy(&c, &OperatorSessionController::busyChanged);
        QSignalSpy done(&c, &OperatorSessionController::loggedOn);
        c.logon(QStringLiteral("demo"), QString::fromLatin1(DemoDataGenerator::kOperatorPassword));
        QVERIFY(c.isBusy()); // returns at once; the engine works on its own threads
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
        QVERIFY(!c.isBusy());
        QCOMPARE(busy.count(), 2);
        QCOMPARE(c.session().logonName, QStringLiteral("demo"));
        QVERIFY(c.allows(Workflow::RequestMobile));
        QVERIFY(c.allows(Workflow::EditConfiguration));
        QVERIFY(!c.allows(Workflow::ValidateRequest));
        QSignalSpy off(&c, &OperatorSessionController::loggedOff);
        c.logoff();
        QCOMPARE(off.count(), 1);
        QVERIFY(!c.isLoggedOn());
        QVERIFY(!c.allows(Workflow::RequestMobile));
    }

    void reportsFailures()
    {
        OperatorSessionController c(m_fx.engine());
        QSignalSpy failed(&c, &OperatorSessionController::logonFailed);
        c.logon(QStringLiteral("demo"), QStringLiteral("nope"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
        QCOMPARE(failed.first().first().value<Error>().code, ErrorCode::LogonFailed);
        QVERIFY(!c.isLoggedOn());
        QVERIFY(!c.isBusy());
    }
};

QTEST_GUILESS_MAIN(TestOperatorSessionController)
#include "tst_OperatorSessionController.moc"
