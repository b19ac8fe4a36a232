#include "AccountActionDialog.h"
#include "FindPersonPage.h"
#include "MainWindow.h"
#include "PersonEditDialog.h"
#include "PersonRolesDialog.h"
#include "PersonViewPage.h"
#include "UiTestSupport.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>

using namespace lanyard;
using namespace lanyard::test;

// An administrator brings a person in by hand, corrects a refused field, gives them a role,
// disables and enables their account, and removes them, all from the operator client.
class TestPeoplePages : public QObject {
    Q_OBJECT

    EngineFixture m_fx;
    std::unique_ptr<OperatorSessionController> m_session;
    std::unique_ptr<MainWindow> m_window;

    // The person page the window shows, once its person has loaded; the test stops without one.
    PersonViewPage* personPage()
    {
        QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired()) {
            auto* page = qobject_cast<PersonViewPage*>(m_window->currentPage());
            if (page && page->person().id > 0)
                return page;
            QTest::qWait(20);
        }
        qFatal("no person page");
    }

    void click(QWidget* parent, const char* name)
    {
        auto* b = child<QPushButton>(parent, name);
        QVERIFY2(!b->isHidden(), name);
        b->click();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx.open();
        m_fx.seedDemo(20, 1);
        m_session = logOn(m_fx.engine(), QStringLiteral("demo"), QString::fromLatin1(DemoDataGenerator::kOperatorPassword));
        m_window = std::make_unique<MainWindow>(*m_session);
        m_window->resize(1300, 850);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void addAPersonAndCorrectARefusedField()
    {
        m_window->showPage(QStringLiteral("find-person"));
        auto* find = qobject_cast<FindPersonPage*>(m_window->currentPage());
        QVERIFY(find);
        click(find, "addPerson");
        auto* dialog = waitForVisible<PersonEditDialog>(find);
        QTest::keyClicks(dialog->field(QStringLiteral("logonName")), QStringLiteral("kwalker"));
        QTest::keyClicks(dialog->field(QStringLiteral("fullName")), QStringLiteral("Kit Walker"));
        QTest::keyClicks(dialog->field(QStringLiteral("email")), QStringLiteral("kit.walker@example.test"));
        QTest::keyClicks(dialog->field(QStringLiteral("mobile")), QStringLiteral("07700 900456"));
        QTest::keyClicks(dialog->field(QStringLiteral("group")), QStringLiteral("Sales"));
        auto* save = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
        QCOMPARE(save->text(), QStringLiteral("&Add person"));
        save->click();
        auto* message = child<QLabel>(dialog, "personEditMessage");
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("not an international mobile number")), 30000);
        QCOMPARE(dialog->field(QStringLiteral("mobile"))->selectedText(), QStringLiteral("07700 900456"));
        QCOMPARE(dialog->field(QStringLiteral("fullName"))->text(), QStringLiteral("Kit Walker")); // nothing typed is lost
        QCOMPARE(m_fx.personIdByLogon(QStringLiteral("kwalker")), 0);
        saveScreenshot(dialog, QStringLiteral("add-person-refused"));
        dialog->field(QStringLiteral("mobile"))->setText(QStringLiteral("+44 7700 900456"));
        save->click();
        // The new person's page opens.
        PersonViewPage* page = personPage();
        QCOMPARE(page->person().logonName, QStringLiteral("kwalker"));
        QCOMPARE(page->person().mobile, QStringLiteral("+447700900456"));
    }

    void giveARole()
    {
        PersonViewPage* page = personPage();
        click(page, "editRoles");
        auto* dialog = waitForVisible<PersonRolesDialog>(page);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->roleBox(QStringLiteral("End User")), 30000);
        QVERIFY(!dialog->roleBox(QStringLiteral("End User"))->isChecked());
        dialog->roleBox(QStringLiteral("End User"))->setChecked(true);
        saveScreenshot(dialog, QStringLiteral("person-roles"));
        dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->click();
        QTRY_VERIFY_WITH_TIMEOUT(page->person().roles.contains(QStringLiteral("End User")), 30000);
    }

    void disableAndEnableTheAccount()
    {
        PersonViewPage* page = personPage();
        // A device, so that disabling has something to suspend.
        auto req = await(m_fx.engine().requestCredential(m_session->session(), page->personId(), m_fx.profileIdByName(QStringLiteral("Mobile Identity")), true));
        QVERIFY2(req, qPrintable(req ? QString() : req.error().toLogString()));
        const Device device = m_fx.collect(*req);
        page->reload();
        QTRY_COMPARE_WITH_TIMEOUT(page->devices()->rowCount(), 1, 30000);

        click(page, "changeAccount");
        auto* dialog = waitForVisible<AccountActionDialog>(page);
        auto* text = child<QLabel>(dialog, "accountActionText");
        QVERIFY2(text->text().contains(QStringLiteral("1 active device(s)")) || text->text().contains(QStringLiteral("1 active device")), qPrintable(text->text()));
        // Enter keeps the account: the safe button is the default.
        QVERIFY(child<QPushButton>(dialog, "accountKeep")->isDefault());
        QVERIFY(!child<QPushButton>(dialog, "accountAct")->isDefault());
        // No reason, no disabling.
        child<QPushButton>(dialog, "accountAct")->click();
        QVERIFY(child<QLabel>(dialog, "accountMessage")->text().contains(QStringLiteral("reason")));
        QVERIFY(dialog->isVisible());
        QTest::keyClicks(child<QLineEdit>(dialog, "accountReason"), QStringLiteral("on long leave"));
        saveScreenshot(dialog, QStringLiteral("disable-account"));
        child<QPushButton>(dialog, "accountAct")->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page->person().enabled, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(page->devices()->rowCount() == 1 && page->devices()->at(0).state == DeviceState::Disabled, 30000);
        QVERIFY(child<QLabel>(page, "personHeader")->text().contains(QStringLiteral("account disabled")));
        QCOMPARE(child<QPushButton>(page, "changeAccount")->text(), QStringLiteral("Enable &Account…"));

        click(page, "changeAccount");
        auto* enable = waitForVisible<AccountActionDialog>(page);
        auto* devicesToo = child<QCheckBox>(enable, "accountDevicesToo");
        QVERIFY(devicesToo->isVisibleTo(enable) && devicesToo->isChecked());
        child<QPushButton>(enable, "accountAct")->click();
        QTRY_VERIFY_WITH_TIMEOUT(page->person().enabled, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(page->devices()->rowCount() == 1 && page->devices()->at(0).state == DeviceState::Active, 30000);
        QCOMPARE(await(m_fx.engine().device(m_session->session(), device.id))->state, DeviceState::Active);
    }

    void removeThePerson()
    {
        PersonViewPage* page = personPage();
        const qint64 id = page->personId();
        const qint64 deviceId = page->devices()->at(0).id;
        DeviceAction cancel { DeviceOperation::Cancel, RevocationReason::CessationOfOperation, QStringLiteral("leaving"), {} };
        QVERIFY(await(m_fx.engine().changeDevice(m_session->session(), deviceId, cancel)));
        click(page, "removePerson");
        auto* dialog = waitForVisible<AccountActionDialog>(page);
        QVERIFY(child<QPushButton>(dialog, "accountKeep")->isDefault());
        QCOMPARE(child<QPushButton>(dialog, "accountAct")->text(), QStringLiteral("&Remove person"));
        QTest::keyClicks(child<QLineEdit>(dialog, "accountReason"), QStringLiteral("left the company"));
        child<QPushButton>(dialog, "accountAct")->click();
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<FindPersonPage*>(m_window->currentPage()), 30000);
        QVERIFY(!m_fx.scalar(QStringLiteral("SELECT removed_at FROM people WHERE id = ?"), { id }).isNull());
    }
};

QTEST_MAIN(TestPeoplePages)
#include "tst_PeoplePages.moc"
