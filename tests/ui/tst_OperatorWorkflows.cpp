#include "DeviceActionDialog.h"
#include "DeviceViewPage.h"
#include "PersonEditDialog.h"
#include "AuditPage.h"
#include "FindPersonPage.h"
#include "HardwarePage.h"
#include "MainWindow.h"
#include "OperatorSessionController.h"
#include "PersonSearchModel.h"
#include "PersonViewPage.h"
#include "QrCodeWidget.h"
#include "RequestCredentialDialog.h"
#include "RequestsPage.h"
#include "SettingsPage.h"
#include "engine/SettingsSchema.h"
#include "UiTestSupport.h"
#include "UnlockCredentialDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QMessageBox>
#include <QPointer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

// The operator's day, end to end through the real widgets and a real embedded engine:
// find -> view -> request (code on screen, QR decoded by zbarimg) -> collect -> disable ->
// enable -> replace (forgotten) -> reinstate -> cancel -> audit verifies.
class TestOperatorWorkflows : public QObject {
    Q_OBJECT

    EngineFixture m_fx;
    std::unique_ptr<OperatorSessionController> m_session;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_deviceId = 0;

    QString shotDir() const
    {
        const QString dir = QDir::current().filePath(QStringLiteral("screenshots"));
        QDir().mkpath(dir);
        return dir;
    }
    void shot(QWidget* w, const QString& name) { QVERIFY(w->grab().save(shotDir() + QLatin1Char('/') + name + QStringLiteral(".png"))); }

    std::unique_ptr<OperatorSessionController> logon(const QString& name, const QString& password) { return logOn(m_fx.engine(), name, password); }

    void act(DeviceViewPage* page, DeviceOperation op, const QString& reason, DeviceState expected)
    {
        QPushButton* button = page->actionButton(op);
        QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 30000);
        QSignalSpy finished(page, &DeviceViewPage::actionFinished);
        button->click();
        auto* dialog = waitForVisible<DeviceActionDialog>(page);
        if (!reason.isEmpty())
            QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("reason")), reason);
        dialog->findChild<QPlainTextEdit*>(QStringLiteral("details"))->setPlainText(QStringLiteral("ui test"));
        dialog->findChild<QPushButton*>(QStringLiteral("confirm"))->click();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(page->device().state, expected, 30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx.open();
        m_fx.seedDemo(60, 3);
        m_session = logon(QStringLiteral("demo"), QString::fromLatin1(DemoDataGenerator::kOperatorPassword));
        m_window = std::make_unique<MainWindow>(*m_session);
        m_window->resize(1200, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void findViewRequestWithCodeAndQr()
    {
        const QString target = m_fx.scalar(QStringLiteral("SELECT full_name FROM people WHERE email <> '' AND logon_name NOT IN ('demo','validator') ORDER BY id DESC LIMIT 1")).toString();
        auto* find = m_window->findChild<FindPersonPage*>();
        QVERIFY(find);
        m_window->showPage(QStringLiteral("find-person"));
        auto* query = find->findChild<QLineEdit*>(QStringLiteral("personQuery"));
        QTest::keyClicks(query, target);
        QTRY_VERIFY_WITH_TIMEOUT(!find->model()->isLoading() && find->model()->rowCount() > 0, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(find->model()->query(), target, 30000);
        shot(m_window.get(), QStringLiteral("find-person"));
        find->view()->setFocus();
        find->view()->setCurrentIndex(find->model()->index(0, 0));
        QTest::keyClick(find->view(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPageName(), QStringLiteral("person-page"), 30000);
        auto* person = qobject_cast<PersonViewPage*>(m_window->currentPage());
        QTRY_COMPARE_WITH_TIMEOUT(person->person().fullName, target, 30000);
        QVERIFY(person->findChild<QLabel*>(QStringLiteral("personDetails"))->text().contains(QStringLiteral("Mobile")));

        person->findChild<QPushButton*>(QStringLiteral("requestMobileCode"))->click();
        auto* dialog = waitForVisible<RequestCredentialDialog>(person);
        auto* request = dialog->findChild<QPushButton*>(QStringLiteral("requestButton"));
        QTRY_VERIFY_WITH_TIMEOUT(request->isEnabled(), 30000);
        auto* profile = dialog->findChild<QComboBox*>(QStringLiteral("profile"));
        profile->setCurrentIndex(profile->findText(QStringLiteral("Mobile Identity")));
        request->click();
        auto* code = dialog->findChild<QLabel*>(QStringLiteral("authCode"));
        QTRY_VERIFY_WITH_TIMEOUT(!code->text().isEmpty(), 30000);
        QCOMPARE(code->text().size(), 9); // 8 digits in two groups
        const QString url = dialog->findChild<QLabel*>(QStringLiteral("collectionUrl"))->text();
        QVERIFY(url.contains(QStringLiteral("/c/")));
        dialog->resize(900, 520);
        shot(dialog, QStringLiteral("request-with-qr"));
        // An independent reader scans what we drew.
        const QString png = shotDir() + QStringLiteral("/qr-widget.png");
        QVERIFY(dialog->qrWidget()->grab().save(png));
        auto scan = run(QStringLiteral("zbarimg"), { QStringLiteral("--raw"), QStringLiteral("-q"), png });
        QCOMPARE(scan.exitCode, 0);
        QCOMPARE(QString::fromUtf8(scan.out).trimmed(), url);
        QVERIFY(dialog->qrWidget()->savePng(shotDir() + QStringLiteral("/qr-export.png")));
        QVERIFY(dialog->qrWidget()->saveSvg(shotDir() + QStringLiteral("/qr-export.svg")));
        auto scanExport = run(QStringLiteral("zbarimg"), { QStringLiteral("--raw"), QStringLiteral("-q"), shotDir() + QStringLiteral("/qr-export.png") });
        QCOMPARE(QString::fromUtf8(scanExport.out).trimmed(), url);
        dialog->accept();

        // The phone collects with what the operator read out.
        IssuedRequest issued;
        issued.code = code->text();
        issued.job.collectionToken = url.section(QLatin1Char('/'), -1);
        const Device device = m_fx.collect(issued);
        m_deviceId = device.id;
        person->reload();
        QTRY_VERIFY_WITH_TIMEOUT(person->devices()->rowCount() > 0, 30000);
        shot(m_window.get(), QStringLiteral("person"));
    }

    void cardIdentifiersOnThePersonPage()
    {
        // The page of the person the previous case opened; the demo operator holds Edit People.
        auto* person = qobject_cast<PersonViewPage*>(m_window->currentPage());
        QVERIFY(person);
        auto* details = person->findChild<QLabel*>(QStringLiteral("personDetails"));
        QVERIFY(details->text().contains(QStringLiteral("not recorded")));
        auto* edit = person->findChild<QPushButton*>(QStringLiteral("editPerson"));
        QVERIFY(edit && !edit->isHidden()); // on the Details tab, which need not be the open one
        edit->click();
        auto* dialog = waitForVisible<PersonEditDialog>(person);
        auto* fascn = dialog->field(QStringLiteral("fascn"));
        auto* uuid = dialog->field(QStringLiteral("cardUuid"));
        auto* message = dialog->findChild<QLabel*>(QStringLiteral("personEditMessage"));
        auto* save = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
        // A bad value is refused with the reason, what was typed stays, and the field named
        // takes the focus.
        QCOMPARE(dialog->field(QStringLiteral("logonName"))->text(), person->person().logonName);
        QTest::keyClicks(fascn, QStringLiteral("12345"));
        save->click();
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("not a FASC-N")), 30000);
        QCOMPARE(fascn->text(), QStringLiteral("12345"));
        QVERIFY(dialog->isVisible());
        QCOMPARE(fascn->selectedText(), QStringLiteral("12345"));
        fascn->clear();
        QTest::keyClicks(fascn, QStringLiteral("9999-9999-999999-0-1-0000012345-1-1234-1"));
        QTest::keyClicks(uuid, QStringLiteral("{3F2504E0-4F89-11D3-9A0C-0305E82C3301}"));
        shot(dialog, QStringLiteral("card-identifiers"));
        const QPointer<PersonEditDialog> open(dialog); // deleted once closed
        save->click();
        QTRY_VERIFY_WITH_TIMEOUT(!open || !open->isVisible(), 30000);
        // Shown as stored: 32 digits, the UUID in lower case without braces.
        QTRY_VERIFY_WITH_TIMEOUT(details->text().contains(QStringLiteral("99999999999999010000012345112341")), 30000);
        QVERIFY(details->text().contains(QStringLiteral("3f2504e0-4f89-11d3-9a0c-0305e82c3301")));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT card_uuid FROM people WHERE id = ?"), { person->personId() }).toString(), QStringLiteral("3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
    }

    void deviceLifecycleThroughTheUi()
    {
        QVERIFY(m_deviceId > 0);
        m_window->openDevice(m_deviceId);
        auto* page = qobject_cast<DeviceViewPage*>(m_window->currentPage());
        QVERIFY(page);
        QTRY_COMPARE_WITH_TIMEOUT(page->device().state, DeviceState::Active, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(page->certificates()->rowCount(), 2, 30000);
        QVERIFY(!page->actionButton(DeviceOperation::Enable)->isEnabled());

        // Unlock Credential: bad challenge refused clearly, good one answered.
        QTRY_VERIFY_WITH_TIMEOUT(page->unlockButton()->isEnabled(), 30000);
        page->unlockButton()->click();
        auto* unlock = waitForVisible<UnlockCredentialDialog>(page);
        auto* challenge = unlock->findChild<QLineEdit*>(QStringLiteral("challenge"));
        auto* message = unlock->findChild<QLabel*>(QStringLiteral("unlockMessage"));
        auto* response = unlock->findChild<QLabel*>(QStringLiteral("unlockResponse"));
        QTest::keyClicks(challenge, QStringLiteral("1234 56x8"));
        QTest::keyClick(challenge, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("not a digit")), 30000);
        QVERIFY(response->text().isEmpty());
        challenge->clear();
        QTest::keyClicks(challenge, QStringLiteral("1234 5678"));
        QTest::keyClick(challenge, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(response->text().size(), 9, 30000);
        shot(unlock, QStringLiteral("unlock-credential"));
        unlock->accept();
        QVERIFY(!page->actionButton(DeviceOperation::Reinstate)->isEnabled());
        shot(m_window.get(), QStringLiteral("device"));

        // Request Renewal: the question's default is Back; "show the code here" gives the code
        // and QR code at once.
        QPushButton* renew = page->renewalButton(false);
        QVERIFY(renew->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(renew->isEnabled(), 30000);
        renew->click();
        auto* question = waitForVisible<QMessageBox>(page, QStringLiteral("renewalQuestion"));
        QCOMPARE(question->defaultButton()->text(), QStringLiteral("Back"));
        question->findChild<QPushButton*>(QStringLiteral("showCode"))->click();
        auto* renewal = waitForVisible<RequestCredentialDialog>(page, QStringLiteral("renewalResult"));
        QTRY_VERIFY_WITH_TIMEOUT(!renewal->findChild<QLabel*>(QStringLiteral("authCode"))->text().isEmpty(), 30000);
        QVERIFY(page->findChild<QLabel*>(QStringLiteral("deviceMessage"))->text().contains(QStringLiteral("was made")));
        shot(renewal, QStringLiteral("renewal-code"));
        renewal->accept();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

        // A reason is required for Disable: the dialog says so and stays open.
        page->actionButton(DeviceOperation::Disable)->click();
        auto* dialog = waitForVisible<DeviceActionDialog>(page);
        dialog->findChild<QPushButton*>(QStringLiteral("confirm"))->click();
        QVERIFY(dialog->isVisible());
        dialog->reject();
        QTRY_VERIFY(page->findChild<DeviceActionDialog*>() == nullptr || !page->findChild<DeviceActionDialog*>()->isVisible());
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

        // Cancel names itself and whose device; Enter keeps the device.
        page->actionButton(DeviceOperation::Cancel)->click();
        auto* cancelDialog = waitForVisible<DeviceActionDialog>(page);
        auto* keep = cancelDialog->findChild<QPushButton*>(QStringLiteral("keep"));
        QVERIFY(keep->isDefault());
        QCOMPARE(keep->text(), QStringLiteral("Keep device"));
        QCOMPARE(cancelDialog->findChild<QPushButton*>(QStringLiteral("confirm"))->text(), QStringLiteral("Cancel device"));
        QVERIFY(cancelDialog->findChild<QLabel*>(QStringLiteral("effect"))->text().contains(page->device().ownerName));
        auto* cancelReason = cancelDialog->findChild<QLineEdit*>(QStringLiteral("reason"));
        QTest::keyClicks(cancelReason, QStringLiteral("typed, then Enter"));
        QTest::keyClick(cancelReason, Qt::Key_Return);
        QTRY_VERIFY(!cancelDialog->isVisible());
        QCOMPARE(page->device().state, DeviceState::Active);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

        act(page, DeviceOperation::Disable, QStringLiteral("phone in repair"), DeviceState::Disabled);
        QTRY_COMPARE_WITH_TIMEOUT(page->certificates()->at(0).status, CertificateStatus::OnHold, 30000);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        act(page, DeviceOperation::Enable, {}, DeviceState::Active);
        QTRY_COMPARE_WITH_TIMEOUT(page->certificates()->at(0).status, CertificateStatus::Active, 30000);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        act(page, DeviceOperation::ReplaceForgotten, QStringLiteral("left it at home"), DeviceState::Suspended);
        // The temporary replacement's code went out at once, and the result says to whom.
        auto* sent = waitForVisible<RequestCredentialDialog>(page);
        QCOMPARE(sent->objectName(), QStringLiteral("replacementResult"));
        QVERIFY(sent->findChild<QLabel*>(QStringLiteral("queuedNotifications"))->text().contains(QStringLiteral("@")));
        QVERIFY(page->findChild<QLabel*>(QStringLiteral("deviceMessage"))->text().contains(QStringLiteral("Replacement request")));
        shot(sent, QStringLiteral("replacement-sent"));
        sent->accept();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        act(page, DeviceOperation::Reinstate, {}, DeviceState::Active);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        act(page, DeviceOperation::Cancel, QStringLiteral("no longer needed"), DeviceState::Canceled);
        QTRY_COMPARE_WITH_TIMEOUT(page->certificates()->at(0).status, CertificateStatus::Revoked, 30000);
        for (DeviceOperation op : { DeviceOperation::Disable, DeviceOperation::Enable, DeviceOperation::Cancel, DeviceOperation::Reinstate })
            QVERIFY(!page->actionButton(op)->isEnabled());
        // The engine's word on a transition the UI would not offer.
        QSignalSpy finished(page, &DeviceViewPage::actionFinished);
        page->perform(DeviceAction { DeviceOperation::Enable, RevocationReason::CessationOfOperation, {}, {} });
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(page->findChild<QLabel*>(QStringLiteral("deviceMessage"))->text().contains(QStringLiteral("not allowed")));
    }

    void auditShowsEachStepAndVerifies()
    {
        m_window->showPage(QStringLiteral("audit"));
        auto* audit = qobject_cast<AuditPage*>(m_window->currentPage());
        QVERIFY(audit);
        QSignalSpy verified(audit, &AuditPage::verified);
        audit->search();
        audit->verify();
        QVERIFY(verified.wait(30000));
        QCOMPARE(verified.last().first().toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(!audit->model()->isLoading() && audit->model()->rowCount() > 0, 30000);
        QStringList details;
        for (const AuditEvent& e : audit->model()->rows()) {
            if (e.deviceId == m_deviceId)
                details << e.details;
        }
        const QString all = details.join(QLatin1Char('\n'));
        for (const char* step : { "disable: active -> disabled", "enable: disabled -> active", "replace-forgotten: active -> suspended",
                 "reinstate: suspended -> active", "cancel: active -> canceled", "phone in repair" })
            QVERIFY2(all.contains(QLatin1String(step)), step);
        shot(m_window.get(), QStringLiteral("audit"));
    }

    void validationByASecondOperator()
    {
        const qint64 person = m_fx.scalar(QStringLiteral("SELECT MIN(id) FROM people WHERE email <> '' AND logon_name NOT IN ('demo','validator')")).toLongLong();
        auto issued = await(m_fx.engine().requestCredential(m_session->session(), person, m_fx.profileIdByName(QStringLiteral("Mobile Identity (validated)")), true));
        QVERIFY(issued.ok());
        auto validator = logon(QStringLiteral("validator"), QString::fromLatin1(DemoDataGenerator::kOperatorPassword));
        MainWindow w(*validator);
        w.show();
        w.showPage(QStringLiteral("requests"));
        auto* requests = qobject_cast<RequestsPage*>(w.currentPage());
        QVERIFY(requests);
        QTRY_VERIFY_WITH_TIMEOUT(!requests->model()->isLoading() && requests->model()->rowCount() > 0, 30000);
        int row = -1;
        for (int i = 0; i < requests->model()->rowCount(); ++i) {
            if (requests->model()->at(i).id == issued->job.id)
                row = i;
        }
        QVERIFY(row >= 0);
        requests->view()->selectRow(row);
        auto* approve = requests->findChild<QPushButton*>(QStringLiteral("approve"));
        QVERIFY(approve->isVisible() && approve->isEnabled());
        QVERIFY(!requests->findChild<QPushButton*>(QStringLiteral("cancelJob"))->isVisible());
        approve->click();
        auto* dialog = waitForVisible<RequestCredentialDialog>(requests);
        auto* code = dialog->findChild<QLabel*>(QStringLiteral("authCode"));
        QTRY_VERIFY_WITH_TIMEOUT(!code->text().isEmpty(), 30000);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT status FROM jobs WHERE id = ?"), { issued->job.id }).toString(), QStringLiteral("awaiting-issue"));
        shot(dialog, QStringLiteral("validated-request"));
        dialog->accept();
    }

    void settingsAreValidatedOnSave()
    {
        m_window->showPage(QStringLiteral("configuration"));
        auto* page = qobject_cast<SettingsPage*>(m_window->currentPage());
        QVERIFY(page);
        auto* complexity = qobject_cast<QLineEdit*>(page->editor(SettingKey::CodeComplexity));
        QTRY_COMPARE_WITH_TIMEOUT(complexity->text(), QStringLiteral("04-08N"), 30000);
        auto* message = page->findChild<QLabel*>(QStringLiteral("settingsMessage"));
        QSignalSpy saved(page, &SettingsPage::saved);
        complexity->setText(QStringLiteral("04-08X"));
        page->save();
        QVERIFY(saved.wait(30000));
        QCOMPARE(saved.last().first().toBool(), false);
        QVERIFY2(message->text().contains(QStringLiteral("Authentication code complexity")), qPrintable(message->text()));
        QCOMPARE(complexity->text(), QStringLiteral("04-08X")); // nothing the operator typed is lost
        QCOMPARE(await(m_fx.engine().settings(m_session->session()))->value(SettingKey::CodeComplexity), QStringLiteral("04-08N"));
        // A duplicate timezone offset is refused; "-7" and "-7.0" are different and fine.
        QTableWidget* zones = page->timezones();
        const int rows = zones->rowCount();
        zones->insertRow(rows);
        zones->setItem(rows, 0, new QTableWidgetItem(QStringLiteral("Twice")));
        zones->setItem(rows, 1, new QTableWidgetItem(QStringLiteral("-7")));
        complexity->setText(QStringLiteral("06-06N"));
        page->save();
        QVERIFY(saved.wait(30000));
        QCOMPARE(saved.last().first().toBool(), false);
        QVERIFY(message->text().contains(QStringLiteral("listed twice")));
        zones->item(rows, 1)->setText(QStringLiteral("+9"));
        page->save();
        QVERIFY(saved.wait(30000));
        QCOMPARE(saved.last().first().toBool(), true);
        QCOMPARE(await(m_fx.engine().settings(m_session->session()))->value(SettingKey::CodeComplexity), QStringLiteral("06-06N"));
        shot(m_window.get(), QStringLiteral("settings"));
    }

    void registeredHardware()
    {
        m_window->showPage(QStringLiteral("hardware"));
        auto* page = qobject_cast<HardwarePage*>(m_window->currentPage());
        QVERIFY(page);
        QSignalSpy changed(page, &HardwarePage::changed);
        auto* kind = page->findChild<QComboBox*>(QStringLiteral("hardwareKind"));
        auto* identifier = page->findChild<QLineEdit*>(QStringLiteral("hardwareIdentifier"));
        auto* owner = page->findChild<QLineEdit*>(QStringLiteral("hardwareOwner"));
        auto* message = page->findChild<QLabel*>(QStringLiteral("hardwareMessage"));
        kind->setCurrentIndex(1); // computer
        QTest::keyClicks(identifier, QStringLiteral("just-a-host"));
        page->add();
        QVERIFY(changed.wait(30000));
        QCOMPARE(changed.last().first().toBool(), false);
        QVERIFY(message->text().contains(QStringLiteral("DNS name")));
        QCOMPARE(identifier->text(), QStringLiteral("just-a-host"));
        identifier->setText(QStringLiteral("pc-042.corp.example.test"));
        QTest::keyClicks(owner, QStringLiteral("validator"));
        page->add();
        QVERIFY(changed.wait(30000));
        QCOMPARE(changed.last().first().toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() == 1 && !page->model()->isLoading(), 30000);
        QCOMPARE(page->model()->at(0).ownerLogon, QStringLiteral("validator"));
        shot(m_window.get(), QStringLiteral("hardware"));
    }

    void operatorWithoutRightsSeesNoActions()
    {
        m_fx.createOperator(QStringLiteral("viewer"), QStringLiteral("Sales"), Scope::All, { Workflow::FindPerson });
        auto viewer = logon(QStringLiteral("viewer"), QStringLiteral("pw"));
        MainWindow w(*viewer);
        w.openPerson(m_fx.scalar(QStringLiteral("SELECT MIN(id) FROM people WHERE group_name = 'Sales'")).toLongLong());
        auto* person = qobject_cast<PersonViewPage*>(w.currentPage());
        QVERIFY(!person->findChild<QPushButton*>(QStringLiteral("requestMobile"))->isVisibleTo(person));
        QVERIFY(person->findChild<QPushButton*>(QStringLiteral("editPerson"))->isHidden());
        w.openDevice(m_deviceId);
        auto* device = qobject_cast<DeviceViewPage*>(w.currentPage());
        for (DeviceOperation op : { DeviceOperation::Disable, DeviceOperation::Cancel, DeviceOperation::ReplaceLost })
            QVERIFY(!device->actionButton(op)->isVisibleTo(device));
        // Out of scope: a group-scoped operator cannot open someone from another group.
        m_fx.createOperator(QStringLiteral("finop"), QStringLiteral("Finance"), Scope::Group, { Workflow::FindPerson, Workflow::RequestMobile });
        auto fin = logon(QStringLiteral("finop"), QStringLiteral("pw"));
        MainWindow fw(*fin);
        fw.openPerson(m_fx.scalar(QStringLiteral("SELECT MIN(id) FROM people WHERE group_name = 'Sales'")).toLongLong());
        auto* outside = qobject_cast<PersonViewPage*>(fw.currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(outside->findChild<QLabel*>(QStringLiteral("personMessage"))->text().contains(QStringLiteral("could not be found")), 30000);
    }
};

QTEST_MAIN(TestOperatorWorkflows)
#include "tst_OperatorWorkflows.moc"
