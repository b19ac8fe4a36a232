#include "ErrorText.h"
#include "LogonDialog.h"
#include "MainWindow.h"
#include "OperatorActions.h"
#include "PersonViewPage.h"
#include "OperatorSessionController.h"
#include "UiTestSupport.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

using namespace lanyard;
using namespace lanyard::test;

class TestMainWindow : public QObject {
    Q_OBJECT

    EngineFixture m_fx;

    std::unique_ptr<OperatorSessionController> loggedOn(const QString& logon, const QString& password) { return logOn(m_fx.engine(), logon, password); }
    void saveShot(QWidget& w, const QString& name) { QVERIFY(saveScreenshot(&w, name)); }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx.open();
        m_fx.seedDemo(20, 2);
        m_fx.createOperator(QStringLiteral("viewer"), QStringLiteral("Sales"), Scope::All, { Workflow::FindPerson });
    }

    void showsOperatorEngineAndAllowedPages()
    {
        auto session = loggedOn(QStringLiteral("demo"), QString::fromLatin1(DemoDataGenerator::kOperatorPassword));
        MainWindow w(*session);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.windowTitle().contains(QStringLiteral("Dana Demo")));
        QVERIFY(w.windowTitle().contains(QStringLiteral("engine.db")));
        QCOMPARE(w.navigationEntries(), QStringList({ QStringLiteral("find-person"), QStringLiteral("find-device"), QStringLiteral("import-people"), QStringLiteral("directory"), QStringLiteral("requests"),
                                            QStringLiteral("audit"), QStringLiteral("configuration"), QStringLiteral("templates"), QStringLiteral("policies"), QStringLiteral("profiles"),
                                            QStringLiteral("roles"), QStringLiteral("hardware") }));
        auto* op = w.findChild<QLabel*>(QStringLiteral("operatorLabel"));
        QVERIFY(op->text().contains(QStringLiteral("demo")));
        auto* engine = w.findChild<QLabel*>(QStringLiteral("engineLabel"));
        QVERIFY(engine->text().contains(m_fx.databasePath()));
        auto* keyStore = w.findChild<QLabel*>(QStringLiteral("keyStoreLabel"));
        QVERIFY(keyStore->text().contains(QStringLiteral("key file")));
        // Ctrl+F puts the cursor in the search field; the navigation follows the keyboard.
        QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(w.findChild<QLineEdit*>(QStringLiteral("globalSearch"))->hasFocus());
        auto* nav = w.findChild<QListWidget*>(QStringLiteral("navigation"));
        nav->setFocus();
        QTest::keyClick(nav, Qt::Key_Down);
        QCOMPARE(w.currentPageName(), QStringLiteral("find-device"));
        saveShot(w, QStringLiteral("main-window"));
    }

    void pagesFollowTheRoles()
    {
        auto session = loggedOn(QStringLiteral("viewer"), QStringLiteral("pw"));
        MainWindow w(*session);
        QCOMPARE(w.navigationEntries(), QStringList({ QStringLiteral("find-person"), QStringLiteral("find-device") }));
    }

    void logonDialogShowsTheEnginesAnswer()
    {
        OperatorSessionController session(m_fx.engine());
        LogonDialog dialog(session, QStringLiteral("Demo: log on as demo"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* logon = dialog.findChild<QLineEdit*>(QStringLiteral("logonName"));
        auto* password = dialog.findChild<QLineEdit*>(QStringLiteral("password"));
        auto* message = dialog.findChild<QLabel*>(QStringLiteral("logonMessage"));
        QTest::keyClick(password, Qt::Key_Return);
        QCOMPARE(message->text(), QStringLiteral("Enter your logon name."));
        QTest::keyClicks(logon, QStringLiteral("demo"));
        QTest::keyClicks(password, QStringLiteral("wrong"));
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(message->text(), ErrorText::describe(Error(ErrorCode::LogonFailed)), 30000);
        QVERIFY(dialog.isVisible());
        saveShot(dialog, QStringLiteral("logon-refused"));
        password->clear();
        QTest::keyClicks(password, QString::fromLatin1(DemoDataGenerator::kOperatorPassword));
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), 30000);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(session.isLoggedOn());
    }

    void mobileIsCellInUsEnglish()
    {
        // en_GB says "Mobile", en_US says "Cell": the catalogue decides, not the code.
        QTranslator us;
        QVERIFY(us.load(QStringLiteral(":/i18n/lanyard_en_US.qm")));
        QCoreApplication::installTranslator(&us);
        auto session = loggedOn(QStringLiteral("demo"), QString::fromLatin1(DemoDataGenerator::kOperatorPassword));
        OperatorActions actions(m_fx.engine(), session->session());
        PersonViewPage page(actions, session->workflows(), m_fx.personIdByLogon(QStringLiteral("validator")));
        QSignalSpy loaded(&page, &PersonViewPage::loaded);
        QVERIFY(loaded.wait(30000));
        const QString details = page.findChild<QLabel*>(QStringLiteral("personDetails"))->text();
        QCoreApplication::removeTranslator(&us);
        QVERIFY2(details.contains(QStringLiteral("<b>Cell</b>")), qPrintable(details));
        QVERIFY(!details.contains(QStringLiteral("<b>Mobile</b>")));
        PersonViewPage gb(actions, session->workflows(), m_fx.personIdByLogon(QStringLiteral("validator")));
        QSignalSpy gbLoaded(&gb, &PersonViewPage::loaded);
        QVERIFY(gbLoaded.wait(30000));
        QVERIFY(gb.findChild<QLabel*>(QStringLiteral("personDetails"))->text().contains(QStringLiteral("<b>Mobile</b>")));
    }

    void everyErrorHasText()
    {
        for (int c = int(ErrorCode::InvalidArgument); c <= int(ErrorCode::Conflict); ++c) {
            const QString text = ErrorText::describe(Error(ErrorCode(c), QStringLiteral("detail")));
            QVERIFY2(!text.isEmpty() && !text.startsWith(errorId(ErrorCode(c))), qPrintable(errorId(ErrorCode(c))));
        }
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_MainWindow.moc"
