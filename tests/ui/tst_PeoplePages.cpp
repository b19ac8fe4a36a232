#include "AccountActionDialog.h"
#include "BatchRequestDialog.h"
#include "FindPersonPage.h"
#include "ImportPeoplePage.h"
#include "PeopleImportController.h"
#include "MainWindow.h"
#include "PersonEditDialog.h"
#include "PersonRolesDialog.h"
#include "PersonSearchModel.h"
#include "PersonViewPage.h"
#include "UiTestSupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QProgressBar>
#include <QTableWidget>
#include <QDialogButtonBox>
#include <QFile>
#include <QTemporaryDir>
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

    // A file with a column the guess cannot place, a bad row and a short one: the operator
    // chooses the column, makes a dry run (nothing kept, every problem listed by line), then
    // imports; a second import changes nothing.
    void importAFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("staff.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Staff login;Name;Mail;Dept\n");
        for (int i = 1; i <= 450; ++i)
            file.write(QStringLiteral("staff%1;Staff Member %1;staff%1@example.test;Imports\n").arg(i).toUtf8());
        file.write("bad login;Bad Row;bad@example.test;Imports\n");
        file.write("short;Short Row\n");
        file.close();
        m_window->showPage(QStringLiteral("import-people"));
        auto* page = qobject_cast<ImportPeoplePage*>(m_window->currentPage());
        QVERIFY(page);
        page->openFile(path);
        auto* status = child<QLabel>(page, "importStatus");
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("452 row(s) read")), 30000);
        QCOMPARE(child<QTableWidget>(page, "importPreview")->rowCount(), 10);
        QCOMPARE(page->columnFor(QStringLiteral("fullName"))->currentText(), QStringLiteral("Name"));
        QCOMPARE(page->columnFor(QStringLiteral("email"))->currentText(), QStringLiteral("Mail"));
        QCOMPARE(page->columnFor(QStringLiteral("group"))->currentText(), QStringLiteral("Dept"));
        // "Staff login" is no name the guess knows: without a key column nothing runs.
        QCOMPARE(page->columnFor(QStringLiteral("logonName"))->currentData().toInt(), -1);
        child<QPushButton>(page, "importDryRun")->click();
        QVERIFY(status->text().contains(QStringLiteral("logon name or the employee id")));
        page->columnFor(QStringLiteral("logonName"))->setCurrentIndex(page->columnFor(QStringLiteral("logonName"))->findText(QStringLiteral("Staff login")));

        const int before = m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM people")).toInt();
        child<QPushButton>(page, "importDryRun")->click();
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Dry run, nothing kept: 450 added, 0 updated, 0 unchanged, 2 refused")), 60000);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM people")).toInt(), before);
        auto* report = child<QTableWidget>(page, "importReport");
        QCOMPARE(report->rowCount(), 452);
        // The refused rows come first, by line.
        QCOMPARE(report->item(0, 0)->text(), QStringLiteral("452"));
        QVERIFY2(report->item(0, 3)->text().startsWith(QStringLiteral("logon name: A logon name has no spaces")), qPrintable(report->item(0, 3)->text()));
        QCOMPARE(report->item(1, 0)->text(), QStringLiteral("453"));
        QVERIFY(report->item(1, 3)->text().contains(QStringLiteral("2 field(s) where the header has 4")));
        QCOMPARE(report->item(2, 2)->text(), QStringLiteral("would be added"));
        saveScreenshot(m_window.get(), QStringLiteral("import-people"));

        child<QPushButton>(page, "importRun")->click();
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Import done: 450 added")), 120000);
        QCOMPARE(child<QProgressBar>(page, "importProgress")->value(), 451); // every row but the short one, which was never sent
        QCOMPARE(child<QProgressBar>(page, "importProgress")->maximum(), 451);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM people")).toInt(), before + 450);
        child<QPushButton>(page, "importRun")->click();
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Import done: 0 added, 0 updated, 450 unchanged, 2 refused")), 120000);
    }

    // Cancel stops between batches: what was sent is applied whole, the rest untouched.
    void cancelLeavesWholeRows()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("more.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("logonName,fullName\n");
        for (int i = 1; i <= 1000; ++i)
            file.write(QStringLiteral("more%1,More Person %1\n").arg(i).toUtf8());
        file.close();
        auto* page = qobject_cast<ImportPeoplePage*>(m_window->currentPage());
        QVERIFY(page);
        page->openFile(path);
        auto* status = child<QLabel>(page, "importStatus");
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("1000 row(s) read")), 30000);
        const int before = m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM people")).toInt();
        QSignalSpy progress(page->controller(), &PeopleImportController::progress);
        child<QPushButton>(page, "importRun")->click();
        QTRY_VERIFY_WITH_TIMEOUT(progress.size() >= 2, 60000); // the first batch is in
        child<QPushButton>(page, "importCancel")->click();
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Stopped")), 60000);
        const int added = m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM people")).toInt() - before;
        QVERIFY2(added > 0 && added < 1000 && added % PeopleImportController::kBatchRows == 0, qPrintable(QString::number(added)));
        QCOMPARE(child<QTableWidget>(page, "importReport")->rowCount(), added);
    }

    // One profile for a whole group from Find Person: progress, and each person's outcome.
    void requestForAGroup()
    {
        m_window->showPage(QStringLiteral("find-person"));
        auto* find = qobject_cast<FindPersonPage*>(m_window->currentPage());
        QVERIFY(find);
        auto* batch = child<QPushButton>(find, "batchRequest");
        // The group with the most people who may hold a phone identity (End User).
        const QString group = m_fx.scalar(QStringLiteral("SELECT p.group_name FROM people p JOIN person_roles r ON r.person_id = p.id "
                                                         "JOIN roles o ON o.id = r.role_id AND o.name = 'End User' WHERE p.group_name <> '' AND p.removed_at IS NULL "
                                                         "GROUP BY p.group_name ORDER BY COUNT(*) DESC LIMIT 1")).toString();
        find->search(QStringLiteral("group:") + group);
        QTRY_VERIFY_WITH_TIMEOUT(find->model()->rowCount() > 0 && batch->isEnabled(), 30000);
        QCOMPARE(batch->text(), QStringLiteral("Request for group %1…").arg(group));
        const int members = find->model()->rowCount();
        // Two picked by hand are two people, not the group.
        find->view()->selectRow(0);
        find->view()->selectionModel()->select(find->model()->index(qMin(1, find->model()->rowCount() - 1), 0),
            QItemSelectionModel::Select | QItemSelectionModel::Rows);
        if (find->model()->rowCount() > 1)
            QCOMPARE(batch->text(), QStringLiteral("Request for 2 selected…"));
        find->view()->clearSelection();
        batch->click();
        auto* dialog = waitForVisible<BatchRequestDialog>(find, QStringLiteral("batchRequestDialog"));
        auto* profile = child<QComboBox>(dialog, "batchProfile");
        QTRY_VERIFY2_WITH_TIMEOUT(profile->findText(QStringLiteral("Mobile Identity")) >= 0,
            qPrintable(child<QLabel>(dialog, "batchMessage")->text() + QLatin1Char('|') + child<QLabel>(dialog, "batchSummary")->text()), 30000);
        profile->setCurrentIndex(profile->findText(QStringLiteral("Mobile Identity")));
        QVERIFY(child<QLabel>(dialog, "batchSummary")->text().startsWith(QString::number(members)));
        const int before = m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM jobs")).toInt();
        child<QPushButton>(dialog, "batchStart")->click();
        auto* message = child<QLabel>(dialog, "batchMessage");
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("requested")), 120000);
        QCOMPARE(child<QTableWidget>(dialog, "batchOutcomes")->rowCount(), members);
        QCOMPARE(child<QProgressBar>(dialog, "batchProgress")->value(), members);
        int requested = 0;
        for (const BatchOutcome& o : dialog->controller().outcomes())
            requested += o.jobId > 0 ? 1 : 0;
        QVERIFY(requested > 0);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM jobs")).toInt(), before + requested);
        QVERIFY2(message->text().startsWith(QStringLiteral("%1 requested").arg(requested)), qPrintable(message->text()));
        saveScreenshot(dialog, QStringLiteral("batch-request"));
        dialog->reject();
    }
};

QTEST_MAIN(TestPeoplePages)
#include "tst_PeoplePages.moc"
