// Self-Service driven through its window (offscreen) on the embedded engine, and through the
// real pcscd with the virtual PIV card for the PIN: Request My ID with the QR code shown when
// the user has no contact details (zbarimg reads it), never for a profile that needs
// validation; only the phone identities Sam may request for himself are offered; with an email
// address the code goes by mail (a real SMTP sink receives it) unless he asks to see it; the
// page follows the request until the phone has collected it, and My requests names the device;
// Change PIN with tries left after a wrong PIN; a PIN of the wrong
// shape refused before it reaches the card; Unblock PIN with the PUK.
// Runs under with-pcsc-namespace.sh.
#include "PcscHarness.h"
#include "SmtpSink.h"
#include "engine/SettingsSchema.h"
#include "QrCodeWidget.h"
#include "DomainText.h"
#include "SelfServiceWindow.h"
#include "UiTestSupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QRadioButton>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

class TestSelfService : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PcscDaemon> m_daemon;
    std::unique_ptr<EngineFixture> m_fx;
    std::unique_ptr<TestCardIssuer> m_issuer;
    std::unique_ptr<OperatorSessionController> m_session;
    std::unique_ptr<SelfServiceWindow> m_window;

    template <typename T>
    T* child(const char* name) const
    {
        auto* w = m_window->findChild<T*>(QLatin1String(name));
        if (!w)
            qFatal("no %s in the Self-Service window", name);
        return w;
    }
    QString text(const char* name) const { return child<QLabel>(name)->text(); }
    void chooseProfile(const QString& name)
    {
        QTRY_VERIFY_WITH_TIMEOUT(child<QComboBox>("profile")->findText(name) >= 0, 10000);
        child<QComboBox>("profile")->setCurrentIndex(child<QComboBox>("profile")->findText(name));
    }
    void enterPins(const QString& current, const QString& fresh, const QString& confirm)
    {
        child<QLineEdit>("current")->setText(current);
        child<QLineEdit>("newPin")->setText(fresh);
        child<QLineEdit>("confirmPin")->setText(confirm);
        QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>("pinSubmit")->isEnabled(), 10000);
        QTest::mouseClick(child<QPushButton>("pinSubmit"), Qt::LeftButton);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_daemon = std::make_unique<PcscDaemon>(m_dir.filePath(QStringLiteral("pcscd.log")));
        const QString started = m_daemon->start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_issuer = std::make_unique<TestCardIssuer>(m_dir.path());
        m_fx = std::make_unique<EngineFixture>();
        m_fx->open();
        m_fx->seedDemo(20, 1);
        // Sam may only request for himself (the demo's End User role) and has no email or mobile.
        const qint64 sam = m_fx->createOperator(QStringLiteral("sam"), QStringLiteral("Sales"), Scope::Self, { Workflow::RequestMyId });
        m_fx->execSql(QStringLiteral("INSERT INTO person_roles (person_id, role_id) SELECT ?, id FROM roles WHERE name = 'End User'"), { sam });
        m_fx->execSql(QStringLiteral("UPDATE people SET email = '', mobile = '' WHERE id = ?"), { sam });
        m_session = logOn(m_fx->engine(), QStringLiteral("sam"), QStringLiteral("pw"));
        m_window = std::make_unique<SelfServiceWindow>(*m_session);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_daemon->stop();
    }

    void requestMyIdShowsTheQrCodeWithoutContactDetails()
    {
        QTest::mouseClick(child<QPushButton>("requestMyId"), Qt::LeftButton);
        chooseProfile(QStringLiteral("Mobile Identity"));
        QTRY_VERIFY_WITH_TIMEOUT(text("requestHint").contains(QLatin1String("no email address or mobile number")), 10000);
        QVERIFY(child<QCheckBox>("showQr")->isChecked());
        QVERIFY(!child<QCheckBox>("showQr")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>("request")->isEnabled(), 10000); // profiles (re)loaded
        QTest::mouseClick(child<QPushButton>("request"), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(!text("code").isEmpty(), qPrintable(text("requestResult")), 30000);
        auto* qr = child<QrCodeWidget>("qr");
        QVERIFY(qr->isVisible());
        saveScreenshot(m_window.get(), QStringLiteral("self-service-request"));
        const QString png = m_dir.filePath(QStringLiteral("self-qr.png"));
        QVERIFY(qr->grab().save(png));
        auto scan = run(QStringLiteral("zbarimg"), { QStringLiteral("--raw"), QStringLiteral("-q"), png });
        QVERIFY2(QString::fromUtf8(scan.out).trimmed().contains(QLatin1String("/c/")), scan.out.constData());

        QTest::mouseClick(child<QPushButton>("myRequests"), Qt::LeftButton);
        auto* table = child<QTableWidget>("requests");
        QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() >= 1, 10000);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Mobile Identity"));
        QCOMPARE(table->item(0, 1)->text(), DomainText::jobStatus(JobStatus::AwaitingIssue));
    }

    void onlyPhoneIdentitiesSamMayRequestAreOffered()
    {
        QTest::mouseClick(child<QPushButton>("requestMyId"), Qt::LeftButton);
        chooseProfile(QStringLiteral("Mobile Identity"));
        QStringList offered;
        for (int i = 0; i < child<QComboBox>("profile")->count(); ++i)
            offered << child<QComboBox>("profile")->itemText(i);
        offered.sort();
        // End User may request the Virtual Smart Card too, but that is collected on a computer;
        // the Derived PIV Credential is the kiosk's alone.
        QCOMPARE(offered, QStringList({ QStringLiteral("Mobile Identity"), QStringLiteral("Mobile Identity (validated)") }));
    }

    void validatedProfileNeverShowsAQrCode()
    {
        QTest::mouseClick(child<QPushButton>("requestMyId"), Qt::LeftButton);
        chooseProfile(QStringLiteral("Mobile Identity (validated)"));
        // Without contact details the code could never reach Sam after approval.
        QTRY_VERIFY_WITH_TIMEOUT(text("requestHint").contains(QLatin1String("no email address or mobile number")), 10000);
        QVERIFY(!child<QPushButton>("request")->isEnabled());
        m_fx->execSql(QStringLiteral("UPDATE people SET email = 'sam@example.test' WHERE logon_name = 'sam'"));
        QTest::mouseClick(child<QPushButton>("myRequests"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>("requestMyId"), Qt::LeftButton);
        chooseProfile(QStringLiteral("Mobile Identity (validated)"));
        QTRY_VERIFY2_WITH_TIMEOUT(text("requestHint").contains(QLatin1String("approve")) && child<QPushButton>("request")->isEnabled(), qPrintable(text("requestHint")), 10000);
        QVERIFY(!child<QCheckBox>("showQr")->isEnabled());
        QVERIFY(!child<QCheckBox>("showQr")->isChecked());
        QTest::mouseClick(child<QPushButton>("request"), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(text("requestResult").contains(QLatin1String("approval")), qPrintable(text("requestResult")), 30000);
        QVERIFY(!child<QrCodeWidget>("qr")->isVisible());
        QVERIFY(text("code").isEmpty());
    }

    // Sam has an email address now (the test before gave him one).
    void theCodeIsMailedUnlessSamAsksToSeeIt()
    {
        SmtpSink sink;
        QString error;
        QVERIFY2(sink.start(m_dir.path(), 0, {}, {}, &error), qPrintable(error));
        QVERIFY2(m_fx->configure(m_fx->demoOperator(),
                     { { SettingKey::SmtpHost, QStringLiteral("127.0.0.1") }, { SettingKey::SmtpPort, QString::number(sink.port()) },
                         { SettingKey::SmtpSecurity, QStringLiteral("none") } },
                     &error),
            qPrintable(error));
        QTest::mouseClick(child<QPushButton>("myRequests"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>("requestMyId"), Qt::LeftButton);
        chooseProfile(QStringLiteral("Mobile Identity"));
        QTRY_VERIFY2_WITH_TIMEOUT(text("requestHint").contains(QLatin1String("sam@example.test")), qPrintable(text("requestHint")), 10000);
        QVERIFY(child<QCheckBox>("showQr")->isEnabled());
        child<QCheckBox>("showQr")->setChecked(false);
        QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>("request")->isEnabled(), 10000);
        QTest::mouseClick(child<QPushButton>("request"), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(text("requestResult").contains(QLatin1String("on their way")), qPrintable(text("requestResult")), 30000);
        QVERIFY(!child<QrCodeWidget>("qr")->isVisible());
        QVERIFY(text("code").isEmpty());
        QTRY_VERIFY2_WITH_TIMEOUT(text("requestStatus").contains(QLatin1String("Waiting for your phone")), qPrintable(text("requestStatus")), 10000);
        auto delivered = await(m_fx->engine().deliverNotifications());
        QVERIFY2(delivered, delivered ? "" : qPrintable(delivered.error().toLogString()));
        // The demo's outbox has other people's messages too.
        const auto toSam = [&sink] {
            const QList<QJsonObject> all = sink.received();
            return std::count_if(all.cbegin(), all.cend(), [](const QJsonObject& m) {
                return m.value(QStringLiteral("to")).toArray().contains(QStringLiteral("sam@example.test"));
            });
        };
        // The default scheme: the link and the code in two messages, both to the one address.
        QVERIFY2(text("requestResult").contains(QLatin1String("2 message(s)")), qPrintable(text("requestResult")));
        QTRY_COMPARE_WITH_TIMEOUT(toSam(), 2, 10000);
        sink.stop();
    }

    // Sam asks to see the code; the phone collects it while the page is open.
    void thePageFollowsTheRequestUntilThePhoneHasIt()
    {
        QTest::mouseClick(child<QPushButton>("requestMyId"), Qt::LeftButton);
        chooseProfile(QStringLiteral("Mobile Identity"));
        QTRY_VERIFY_WITH_TIMEOUT(child<QCheckBox>("showQr")->isEnabled() && child<QPushButton>("request")->isEnabled(), 10000);
        child<QCheckBox>("showQr")->setChecked(true);
        QVERIFY2(text("requestHint").contains(QLatin1String("nothing is sent")), qPrintable(text("requestHint")));
        QTest::mouseClick(child<QPushButton>("request"), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(!text("code").isEmpty(), qPrintable(text("requestResult")), 30000);
        QVERIFY(child<QrCodeWidget>("qr")->isVisible());
        QTRY_VERIFY2_WITH_TIMEOUT(text("requestStatus").contains(QLatin1String("Waiting for your phone")), qPrintable(text("requestStatus")), 10000);

        const qint64 sam = m_fx->scalar(QStringLiteral("SELECT id FROM people WHERE logon_name = 'sam'")).toLongLong();
        auto jobs = await(m_fx->engine().jobsOf(m_fx->demoOperator(), sam));
        QVERIFY(jobs && !jobs->isEmpty());
        IssuedRequest shown;
        shown.job = jobs->constFirst(); // newest first
        shown.code = text("code");
        QCOMPARE(shown.job.status, JobStatus::AwaitingIssue);
        const Device phone = m_fx->collect(shown);
        QTRY_VERIFY2_WITH_TIMEOUT(text("requestStatus").contains(QLatin1String("Collected on")) && text("requestStatus").contains(phone.serial),
            qPrintable(text("requestStatus")), 10000);
        QVERIFY(!child<QrCodeWidget>("qr")->isVisible());
        QVERIFY(text("code").isEmpty());
        saveScreenshot(m_window.get(), QStringLiteral("self-service-collected"));

        QTest::mouseClick(child<QPushButton>("myRequests"), Qt::LeftButton);
        auto* table = child<QTableWidget>("requests");
        QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() >= 3 && table->item(0, 3)->text().contains(phone.serial), 10000);
        QCOMPARE(table->item(0, 1)->text(), DomainText::jobStatus(JobStatus::Completed));
        QVERIFY2(table->item(1, 3)->text().contains(QLatin1String("Waiting for your phone")), qPrintable(table->item(1, 3)->text()));
    }

    // Renew My ID: the identity collected above, first too early (the page says when it
    // opens), then inside the window: the code and QR code, followed until the phone has it.
    void renewMyIdOpensInTheWindowBeforeExpiry()
    {
        QTest::mouseClick(child<QPushButton>("renewMyId"), Qt::LeftButton);
        auto* device = child<QComboBox>("renewDevice");
        QTRY_VERIFY_WITH_TIMEOUT(device->count() >= 1 && child<QPushButton>("renew")->isEnabled(), 10000);
        QTest::mouseClick(child<QPushButton>("renew"), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(text("renewResult").contains(QLatin1String("renew this credential yourself from")), qPrintable(text("renewResult")), 10000);

        const qint64 deviceId = device->currentData().toLongLong();
        const QDateTime expires = await(m_fx->engine().device(m_fx->demoOperator(), deviceId))->expiresAt;
        m_fx->advanceClock(m_fx->now().secsTo(expires) - 5 * 86400);
        m_window.reset(); // the old session ended meanwhile: log on again
        m_session = logOn(m_fx->engine(), QStringLiteral("sam"), QStringLiteral("pw"));
        m_window = std::make_unique<SelfServiceWindow>(*m_session);
        m_window->show();
        QTest::mouseClick(child<QPushButton>("renewMyId"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>("renew")->isEnabled(), 10000);
        QTest::mouseClick(child<QPushButton>("renew"), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(!text("code").isEmpty(), qPrintable(text("renewResult") + text("requestResult")), 30000);
        QVERIFY(child<QrCodeWidget>("qr")->isVisible());
        QVERIFY2(text("requestResult").contains(QLatin1String("keeps working")), qPrintable(text("requestResult")));
        saveScreenshot(m_window.get(), QStringLiteral("self-service-renewal"));

        const qint64 sam = m_fx->scalar(QStringLiteral("SELECT id FROM people WHERE logon_name = 'sam'")).toLongLong();
        auto jobs = await(m_fx->engine().jobsOf(m_fx->demoOperator(), sam));
        QVERIFY(jobs && !jobs->isEmpty());
        IssuedRequest shown;
        shown.job = jobs->constFirst();
        shown.code = text("code");
        QCOMPARE(shown.job.type, JobType::Renewal);
        QCOMPARE(m_fx->collect(shown).id, deviceId);
        QTRY_VERIFY2_WITH_TIMEOUT(text("requestStatus").contains(QLatin1String("Collected on")), qPrintable(text("requestStatus")), 10000);
    }

    // Sam forgot his phone at home: it is suspended at once and a temporary replacement waits
    // for the helpdesk; he finds it, cancels the request on My requests, and it works again.
    void aForgottenPhoneIsSuspendedAndComesBackWhenFound()
    {
        QTest::mouseClick(child<QPushButton>("reportProblem"), Qt::LeftButton);
        auto* device = child<QComboBox>("incidentDevice");
        QTRY_VERIFY_WITH_TIMEOUT(device->count() >= 1, 10000);
        const qint64 deviceId = device->currentData().toLongLong();
        QVERIFY(!child<QPushButton>("reportIncident")->isEnabled()); // nothing chosen yet
        child<QRadioButton>("replace-forgotten")->click();
        QVERIFY(child<QPushButton>("reportIncident")->isEnabled());
        QTest::mouseClick(child<QPushButton>("reportIncident"), Qt::LeftButton);
        auto* ask = waitForVisible<QMessageBox>(m_window.get(), QStringLiteral("incidentQuestion"));
        QCOMPARE(ask->defaultButton()->text(), QStringLiteral("Back")); // Enter suspends nothing
        ask->findChild<QPushButton*>(QStringLiteral("confirmIncident"))->click();
        QTRY_VERIFY2_WITH_TIMEOUT(text("incidentResult").contains(QLatin1String("temporary replacement")), qPrintable(text("incidentResult")), 10000);
        const OperatorSession op = m_fx->demoOperator();
        QCOMPARE(await(m_fx->engine().device(op, deviceId))->state, DeviceState::Suspended);
        saveScreenshot(m_window.get(), QStringLiteral("self-service-incident"));

        QTest::mouseClick(child<QPushButton>("myRequests"), Qt::LeftButton);
        auto* table = child<QTableWidget>("requests");
        QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() >= 1, 10000);
        QVERIFY(!child<QPushButton>("cancelRequest")->isEnabled());
        table->selectRow(0); // newest first: the temporary replacement
        QTRY_VERIFY(child<QPushButton>("cancelRequest")->isEnabled());
        QTest::mouseClick(child<QPushButton>("cancelRequest"), Qt::LeftButton);
        auto* sure = waitForVisible<QMessageBox>(m_window.get(), QStringLiteral("cancelRequestQuestion"));
        QCOMPARE(sure->defaultButton()->text(), QStringLiteral("Keep request"));
        sure->findChild<QPushButton*>(QStringLiteral("confirmCancelRequest"))->click();
        QTRY_VERIFY2_WITH_TIMEOUT(text("requestsMessage").contains(QLatin1String("is cancelled")), qPrintable(text("requestsMessage")), 10000);
        QCOMPARE(await(m_fx->engine().device(op, deviceId))->state, DeviceState::Active);
    }

    void securityQuestionsAreSavedAndShownAgain()
    {
        QTest::mouseClick(child<QPushButton>("securityQuestions"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(text("securityQuestionsState").contains(QLatin1String("not set")), 10000);
        const QStringList questions { QStringLiteral("First pet?"), QStringLiteral("First school?"), QStringLiteral("Home town?") };
        for (int i = 0; i < 3; ++i) {
            child<QLineEdit>(qPrintable(QStringLiteral("question%1").arg(i + 1)))->setText(questions[i]);
            child<QLineEdit>(qPrintable(QStringLiteral("answer%1").arg(i + 1)))->setText(i == 1 ? QStringLiteral("x") : QStringLiteral("answer"));
        }
        QTest::mouseClick(child<QPushButton>("saveSecurityQuestions"), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(text("securityQuestionsResult").contains(QLatin1String("question 2")), qPrintable(text("securityQuestionsResult")), 10000);
        child<QLineEdit>("answer2")->setText(QStringLiteral("St Mary's"));
        QTest::mouseClick(child<QPushButton>("saveSecurityQuestions"), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(text("securityQuestionsResult").startsWith(QLatin1String("Saved")), qPrintable(text("securityQuestionsResult")), 10000);
        QVERIFY(child<QLineEdit>("answer1")->text().isEmpty()); // never kept on screen
        const qint64 sam = m_fx->scalar(QStringLiteral("SELECT id FROM people WHERE logon_name = 'sam'")).toLongLong();
        QCOMPARE(*await(m_fx->engine().securityQuestions(m_fx->demoOperator(), sam)), questions);
    }

    void changePinShowsTriesLeft()
    {
        const TestPivCard card = m_issuer->makeCard(QStringLiteral("sam"), KeyAlgorithm::EcP256, QStringLiteral("sam@example.test"), QStringLiteral("0000077777"));
        VirtualCardProcess inserted;
        QVERIFY(inserted.insert(card).isEmpty());
        QTest::mouseClick(child<QPushButton>("changePin"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(text("tries"), QStringLiteral("PIN attempts left: 3"), 10000);

        enterPins(QStringLiteral("654321"), QStringLiteral("11223344"), QStringLiteral("11223344"));
        QTRY_VERIFY2_WITH_TIMEOUT(text("pinResult").contains(QLatin1String("PIN is wrong")), qPrintable(text("pinResult")), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(text("tries"), QStringLiteral("PIN attempts left: 2"), 10000);

        // Not a PIN: refused before the card sees it, so the count stays.
        enterPins(QStringLiteral("123456"), QStringLiteral("12ab"), QStringLiteral("12ab"));
        QTRY_VERIFY_WITH_TIMEOUT(text("pinResult").contains(QLatin1String("6 to 8 digits")), 10000);
        QCOMPARE(text("tries"), QStringLiteral("PIN attempts left: 2"));
        enterPins(QStringLiteral("123456"), QStringLiteral("11223344"), QStringLiteral("11223355"));
        QVERIFY(text("pinResult").contains(QLatin1String("differ")));

        enterPins(QStringLiteral("123456"), QStringLiteral("11223344"), QStringLiteral("11223344"));
        QTRY_VERIFY_WITH_TIMEOUT(text("pinResult").contains(QLatin1String("changed")), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(text("tries"), QStringLiteral("PIN attempts left: 3"), 10000);
        QFile state(card.statePath);
        QVERIFY(state.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(state.readAll()).object().value(QStringLiteral("pin")).toString(), QStringLiteral("11223344"));
        inserted.remove();
        QTRY_VERIFY_WITH_TIMEOUT(text("cardState").contains(QLatin1String("Insert your card")), 10000);
    }

    void unblockPinWithThePuk()
    {
        TestPivCard card = m_issuer->makeCard(QStringLiteral("blocked"), KeyAlgorithm::EcP256, QStringLiteral("sam@example.test"), QStringLiteral("0000077777"));
        QFile state(card.statePath);
        QVERIFY(state.open(QIODevice::WriteOnly));
        state.write(QJsonDocument(QJsonObject { { QStringLiteral("pinTriesLeft"), 0 } }).toJson());
        state.close();
        VirtualCardProcess inserted;
        QVERIFY(inserted.insert(card).isEmpty());
        QTest::mouseClick(child<QPushButton>("unblockPin"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(text("tries").contains(QLatin1String("blocked")), 10000);
        enterPins(QStringLiteral("87654321"), QStringLiteral("24681357"), QStringLiteral("24681357"));
        QTRY_VERIFY_WITH_TIMEOUT(text("pinResult").contains(QLatin1String("unblock code (PUK) is wrong")), 10000);
        enterPins(QStringLiteral("12345678"), QStringLiteral("24681357"), QStringLiteral("24681357"));
        QTRY_VERIFY_WITH_TIMEOUT(text("pinResult").contains(QLatin1String("unblocked")), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(text("tries"), QStringLiteral("PIN attempts left: 3"), 10000);
        saveScreenshot(m_window.get(), QStringLiteral("self-service-unblock"));
        inserted.remove();
        QTRY_VERIFY_WITH_TIMEOUT(text("cardState").contains(QLatin1String("Insert your card")), 10000);
    }
};

QTEST_MAIN(TestSelfService)
#include "tst_SelfService.moc"
