#include "DeviceViewPage.h"
#include "FindDevicePage.h"
#include "MainWindow.h"
#include "ManageVscAccessDialog.h"
#include "PersonViewPage.h"
#include "RequestCredentialDialog.h"
#include "UiTestSupport.h"
#include "VscCardPicker.h"
#include "VscUnlockDialog.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

// Manage VSC Access and Unlock VSC Temporary Access from the device page, offscreen, on the
// embedded engine: a lock requested in a chosen timezone, then cancelled; a bad challenge
// refused with the reason; a response generated; "No, try again" keeping duration and reason;
// the Cards menu finding the card by its owner's name.
class TestOperatorVscAccess : public QObject {
    Q_OBJECT

    EngineFixture m_fx;
    std::unique_ptr<OperatorSessionController> m_session;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_device = 0;

    DeviceViewPage* openCard()
    {
        m_window->openDevice(m_device);
        auto* page = qobject_cast<DeviceViewPage*>(m_window->currentPage());
        if (!page)
            qFatal("no device page");
        return page;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx.open();
        m_fx.seedDemo(40, 0);
        const OperatorSession op = m_fx.demoOperator();
        const qint64 person = m_fx.scalar(QStringLiteral("SELECT MIN(id) FROM people WHERE email <> '' AND logon_name NOT IN ('demo', 'validator')")).toLongLong();
        auto issued = await(m_fx.engine().requestCredential(op, person, m_fx.profileIdByName(QStringLiteral("Virtual Smart Card")), true));
        QVERIFY(issued.ok());
        m_device = m_fx.collect(*issued, KeyAlgorithm::Rsa2048).id;
        m_session = logOn(m_fx.engine(), QStringLiteral("demo"), QString::fromLatin1(DemoDataGenerator::kOperatorPassword));
        m_window = std::make_unique<MainWindow>(*m_session);
        m_window->resize(1200, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void requestACardForOneComputer()
    {
        const qint64 person = m_fx.scalar(QStringLiteral("SELECT id FROM people WHERE email <> '' AND logon_name NOT IN ('demo', 'validator') ORDER BY id LIMIT 1 OFFSET 3")).toLongLong();
        m_window->openPerson(person);
        auto* page = qobject_cast<PersonViewPage*>(m_window->currentPage());
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(page->person().id == person, 30000);
        child<QPushButton>(page, "requestCard")->click();
        auto* dialog = waitForVisible<RequestCredentialDialog>(page);
        auto* request = child<QPushButton>(dialog, "requestButton");
        QTRY_VERIFY_WITH_TIMEOUT(request->isEnabled(), 30000);
        auto* profile = child<QComboBox>(dialog, "profile");
        QCOMPARE(profile->currentText(), QStringLiteral("Virtual Smart Card")); // cards only
        auto* computer = child<QComboBox>(dialog, "targetComputer");
        QVERIFY(computer->isVisible());
        QTest::keyClicks(computer->lineEdit(), QStringLiteral("pc-77.corp.example.test"));
        request->click();
        auto* message = child<QLabel>(dialog, "chooseMessage");
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("not a registered computer")), 30000);
        QCOMPARE(computer->currentText(), QStringLiteral("pc-77.corp.example.test")); // kept for correction

        // Registered (by someone allowed to), the same request goes through.
        m_fx.createOperator(QStringLiteral("hwadmin"), QStringLiteral("Sales"), Scope::All, { Workflow::FindPerson, Workflow::AddEditDevices });
        RegisteredHardware pc;
        pc.kind = HardwareKind::Computer;
        pc.identifier = QStringLiteral("pc-77.corp.example.test");
        pc.ownerId = person;
        QVERIFY(await(m_fx.engine().addHardware(m_fx.logon(QStringLiteral("hwadmin")), pc)).ok());
        QTRY_VERIFY_WITH_TIMEOUT(request->isEnabled(), 30000);
        request->click();
        QTRY_VERIFY_WITH_TIMEOUT(!child<QLabel>(dialog, "authCode")->text().isEmpty(), 30000);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT target_dns FROM jobs WHERE person_id = ? ORDER BY id DESC LIMIT 1"), { person }).toString(),
            QStringLiteral("pc-77.corp.example.test"));
        saveScreenshot(dialog, QStringLiteral("request-card"));
        dialog->accept();

        // The next request offers the registered computer to pick.
        child<QPushButton>(page, "requestCard")->click();
        auto* again = waitForVisible<RequestCredentialDialog>(page);
        auto* offered = child<QComboBox>(again, "targetComputer");
        QTRY_VERIFY_WITH_TIMEOUT(offered->findText(QStringLiteral("pc-77.corp.example.test")) > 0, 30000);
        offered->setCurrentIndex(offered->findText(QStringLiteral("pc-77.corp.example.test")));
        QCOMPARE(offered->currentText(), QStringLiteral("pc-77.corp.example.test"));
        again->reject();
    }

    void requestAndCancelAPinLock()
    {
        DeviceViewPage* page = openCard();
        auto* manage = child<QPushButton>(page, "manageVscAccess");
        QTRY_VERIFY_WITH_TIMEOUT(manage->isEnabled(), 30000);
        QVERIFY(!child<QPushButton>(page, "unlockCredential")->isEnabled()); // that one is for phones
        manage->click();
        auto* dialog = waitForVisible<ManageVscAccessDialog>(page);
        auto* zone = child<QComboBox>(dialog, "lockTimezone");
        QTRY_VERIFY_WITH_TIMEOUT(zone->count() >= 8, 30000);
        auto* pending = child<QLabel>(dialog, "pendingLock");
        QTRY_VERIFY_WITH_TIMEOUT(pending->text().contains(QStringLiteral("No PIN lock")), 30000);
        auto* message = child<QLabel>(dialog, "lockMessage");
        QCOMPARE(child<QLabel>(dialog, "deviceDns")->text(), dialog->device().dnsName.isEmpty() ? QStringLiteral("(any)") : dialog->device().dnsName);
        QCOMPARE(child<QLabel>(dialog, "deviceOwner")->text(), dialog->device().ownerName);
        QCOMPARE(child<QLabel>(dialog, "deviceProfile")->text(), QStringLiteral("Virtual Smart Card"));
        QCOMPARE(child<QLabel>(dialog, "associatedProfile")->text(), QStringLiteral("No associated profile"));

        child<QPushButton>(dialog, "requestPinLock")->click(); // no reason yet: the engine says so
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("reason")), 30000);
        child<QRadioButton>(dialog, "lockAtTime")->setChecked(true);
        zone->setCurrentIndex(zone->findData(QStringLiteral("-7.0")));
        QCOMPARE(zone->currentText(), QStringLiteral("(UTC-07:00) Arizona"));
        QTest::keyClicks(child<QLineEdit>(dialog, "lockReason"), QStringLiteral("on leave until January"));
        QSignalSpy changed(dialog, &ManageVscAccessDialog::jobsChanged);
        child<QPushButton>(dialog, "requestPinLock")->click();
        QVERIFY(changed.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->hasPendingLock(), 30000);
        QVERIFY(pending->text().contains(QStringLiteral("pending")));
        QVERIFY(child<QPushButton>(dialog, "updatePinLock")->isVisible());
        QVERIFY(!child<QPushButton>(dialog, "requestPinLock")->isVisible());
        QCOMPARE(child<QTableWidget>(dialog, "lockHistory")->rowCount(), 1);
        QCOMPARE(dialog->jobs().first().scheduleTimezone, QStringLiteral("(UTC-07:00) Arizona"));
        dialog->resize(820, 520);
        saveScreenshot(dialog, QStringLiteral("manage-vsc-access"));

        QTest::keyClicks(child<QLineEdit>(dialog, "lockReason"), QStringLiteral("back early"));
        child<QPushButton>(dialog, "cancelPinLock")->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->hasPendingLock() && dialog->jobs().size() == 1, 30000);
        QCOMPARE(dialog->jobs().first().status, JobStatus::Cancelled);
        QVERIFY(!child<QTableWidget>(dialog, "lockHistory")->item(0, 4)->text().isEmpty()); // processed
        QVERIFY(child<QPushButton>(dialog, "requestPinLock")->isVisible());
        dialog->accept();
    }

    void theCardsMenuFindsTheCardByItsOwner()
    {
        const QString owner = m_fx.scalar(QStringLiteral("SELECT p.full_name FROM people p JOIN devices d ON d.owner_id = p.id WHERE d.id = ?"), { m_device }).toString();
        auto* action = m_window->findChild<QAction*>(QStringLiteral("cardsManageVsc"));
        QVERIFY(action && action->isEnabled());
        action->trigger();
        auto* picker = waitForVisible<VscCardPicker>(m_window.get());
        auto* query = picker->findChild<QLineEdit*>(QStringLiteral("deviceQuery"));
        QVERIFY(query);
        QTest::keyClicks(query, owner.left(owner.indexOf(QLatin1Char(' ')) > 0 ? owner.indexOf(QLatin1Char(' ')) + 2 : owner.size()));
        QTest::keyClick(query, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(picker->search()->model()->rowCount() >= 1, 30000);
        int row = -1;
        for (int r = 0; r < picker->search()->model()->rowCount(); ++r)
            if (picker->search()->model()->index(r, 0).data(DeviceListModel::IdRole).toLongLong() == m_device)
                row = r;
        QVERIFY2(row >= 0, "the owner's card is among the results");
        Q_EMIT picker->search()->view()->activated(picker->search()->model()->index(row, 0));
        auto* dialog = waitForVisible<ManageVscAccessDialog>(m_window.get());
        QVERIFY(dialog->windowTitle().endsWith(m_fx.scalar(QStringLiteral("SELECT serial FROM devices WHERE id = ?"), { m_device }).toString()));
        dialog->reject();
    }

    void temporaryAccessWithABadChallengeThenARetry()
    {
        DeviceViewPage* page = openCard();
        auto* unlock = child<QPushButton>(page, "unlockVsc");
        QTRY_VERIFY_WITH_TIMEOUT(unlock->isEnabled(), 30000);
        unlock->click();
        auto* dialog = waitForVisible<VscUnlockDialog>(page);
        auto* duration = child<QComboBox>(dialog, "unlockDuration");
        QCOMPARE(duration->count(), 10);
        duration->setCurrentIndex(duration->findData(24));
        QTest::keyClicks(child<QLineEdit>(dialog, "unlockReason"), QStringLiteral("smart card left at home"));
        auto* challenge = child<QLineEdit>(dialog, "vscChallenge");
        auto* message = child<QLabel>(dialog, "vscUnlockMessage");
        auto* response = child<QLabel>(dialog, "vscResponse");
        QTest::keyClicks(challenge, QStringLiteral("A892-D756-0161-7C5D"));
        child<QPushButton>(dialog, "generateResponse")->click();
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("hexadecimal")), 30000);
        QCOMPARE(challenge->text(), QStringLiteral("A892-D756-0161-7C5D")); // kept for correction
        challenge->setText(QStringLiteral("a892 d756 0161 7c5d"));
        child<QPushButton>(dialog, "generateResponse")->click();
        QTRY_VERIFY_WITH_TIMEOUT(!response->text().isEmpty(), 30000);
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9A-F]{4}( [0-9A-F]{4}){3}$")).match(response->text()).hasMatch(), qPrintable(response->text()));
        QVERIFY(message->text().contains(QStringLiteral("locks again")));
        dialog->resize(640, 420);
        saveScreenshot(dialog, QStringLiteral("vsc-unlock"));
        // It did not unlock: a new challenge, with duration and reason kept.
        child<QPushButton>(dialog, "unlockRetry")->click();
        QVERIFY(response->text().isEmpty() && challenge->text().isEmpty());
        QCOMPARE(child<QLineEdit>(dialog, "unlockReason")->text(), QStringLiteral("smart card left at home"));
        QCOMPARE(duration->currentData().toInt(), 24);
        // The re-lock job is the card's pending lock.
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE device_id = ? AND job_type = 'pin-lock' AND status = 'awaiting-issue'"), { m_device }).toInt(), 1);
        dialog->reject();
    }
};

QTEST_MAIN(TestOperatorVscAccess)
#include "tst_OperatorVscAccess.moc"
