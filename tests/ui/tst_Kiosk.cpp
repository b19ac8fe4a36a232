// The derived-credential kiosk driven end to end: the real pcscd with the virtual PIV card in
// a vpcd reader, the embedded engine, the kiosk window (offscreen). Insert card → wrong PIN
// (tries left shown) → right PIN → QR codes, whose collection code zbarimg reads from a grab
// and the engine's collection takes up; removal mid-flow; blocked PIN; untrusted, revoked
// and expired cards; the smart card service stopping and coming back; the idle timeout.
// Runs under with-pcsc-namespace.sh.
#include "DeviceViewPage.h"
#include "KioskWindow.h"
#include "OperatorActions.h"
#include "PcscHarness.h"
#include "QrCodeWidget.h"
#include "UiTestSupport.h"
#include "engine/SettingsSchema.h"

#include <QFile>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QJsonArray>
#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

class TestKiosk : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PcscDaemon> m_daemon;
    std::unique_ptr<EngineFixture> m_fx;
    std::unique_ptr<TestCardIssuer> m_issuer;
    OperatorSession m_kiosk;
    OperatorSession m_admin;
    qint64 m_holder = 0;
    qint64 m_derivedDevice = 0;
    std::unique_ptr<KioskController> m_controller;
    std::unique_ptr<KioskWindow> m_window;

    using Step = KioskController::Step;

    QString text(const char* name) const
    {
        auto* l = m_window->findChild<QLabel*>(QLatin1String(name));
        return l ? l->text() : QString();
    }
    bool waitForStep(Step step, int ms = 15000)
    {
        QDeadlineTimer deadline(ms);
        while (m_controller->step() != step && !deadline.hasExpired())
            QTest::qWait(20);
        return m_controller->step() == step;
    }
    void typePin(const QString& pin)
    {
        auto* edit = m_window->findChild<QLineEdit*>(QStringLiteral("pin"));
        QVERIFY(edit && edit->isVisible());
        QTest::keyClicks(edit, pin);
        QTest::keyClick(edit, Qt::Key_Return);
    }
    TestPivCard card(const QString& name, const QString& upn, QDateTime from = {}, int days = 365)
    {
        return m_issuer->makeCard(name, KeyAlgorithm::EcP256, upn, QStringLiteral("0000011111"), from, days);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_daemon = std::make_unique<PcscDaemon>(m_dir.filePath(QStringLiteral("pcscd.log")));
        const QString started = m_daemon->start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_fx = std::make_unique<EngineFixture>();
        m_fx->open();
        m_fx->seedDemo(30, 2);
        m_issuer = std::make_unique<TestCardIssuer>(m_dir.path());
        m_admin = m_fx->demoOperator();
        QString error;
        QVERIFY2(m_fx->configure(m_admin, { { SettingKey::DerivedTrustAnchorFiles, m_issuer->caPem() }, { SettingKey::DerivedCrlFiles, m_issuer->writeCrl({}) },
                                              { SettingKey::KioskIdleSeconds, QStringLiteral("15") } },
                     &error),
            qPrintable(error));
        m_holder = m_fx->firstPersonInGroup(QStringLiteral("Legal"));
        m_fx->execSql(QStringLiteral("UPDATE people SET upn = 'kim@piv.example' WHERE id = ?"), { m_holder });
        // The cards here carry the FASC-N of person identifier 0000011111 in their certificate.
        auto set = await(m_fx->engine().setCardIdentifiers(m_admin, m_holder, CardIdentifiers { TestCardIssuer::fascnFor(QStringLiteral("0000011111")).digits(), {} }));
        QVERIFY2(set.ok(), set.ok() ? "" : qPrintable(set.error().toLogString()));
        m_kiosk = m_fx->logon(QString::fromLatin1(DemoDataGenerator::kKioskLogon), QString::fromLatin1(DemoDataGenerator::kOperatorPassword));

        m_controller = std::make_unique<KioskController>(m_fx->engine(), m_kiosk);
        m_window = std::make_unique<KioskWindow>(*m_controller);
        m_controller->start();
        m_window->showKiosk();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->windowFlags() & Qt::FramelessWindowHint);
        QTRY_COMPARE_WITH_TIMEOUT(text("insertPageHeading"), QStringLiteral("Insert your PIV card"), 5000);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_controller.reset();
        m_daemon->stop();
    }

    void wholeFlowEndsInACollectableQrCode()
    {
        VirtualCardProcess inserted;
        QVERIFY(inserted.insert(card(QStringLiteral("kim"), QStringLiteral("kim@piv.example"))).isEmpty());
        QVERIFY(waitForStep(Step::EnterPin));
        QVERIFY(text("pinPageHeading").contains(QLatin1String("Enter your card's PIN")));
        QCOMPARE(text("pinTries"), QStringLiteral("3 attempt(s) left"));
        saveScreenshot(m_window.get(), QStringLiteral("kiosk-pin"));

        typePin(QStringLiteral("999999"));
        QTRY_COMPARE_WITH_TIMEOUT(text("pinTries"), QStringLiteral("2 attempt(s) left"), 10000);
        QVERIFY2(text("pinPageBody").contains(QLatin1String("PIN is wrong")), qPrintable(text("pinPageBody")));
        QVERIFY(m_window->findChild<QLineEdit*>(QStringLiteral("pin"))->text().isEmpty());

        typePin(QStringLiteral("123456"));
        QVERIFY(waitForStep(Step::Collect));
        const IssuedRequest request = m_controller->request();
        QVERIFY(!request.code.isEmpty());
        QCOMPARE(text("code"), request.code);
        saveScreenshot(m_window.get(), QStringLiteral("kiosk-collect"));

        // What the screen shows scans to the collection address, and the phone can collect it.
        auto* qr = m_window->findChild<QrCodeWidget*>(QStringLiteral("collectionQr"));
        const QString png = m_dir.filePath(QStringLiteral("kiosk-qr.png"));
        QVERIFY(qr->grab().save(png));
        auto scan = run(QStringLiteral("zbarimg"), { QStringLiteral("--raw"), QStringLiteral("-q"), png });
        QCOMPARE(QString::fromUtf8(scan.out).trimmed(), request.collectionUrl);
        QVERIFY(m_window->findChild<QrCodeWidget*>(QStringLiteral("androidQr"))->isVisible());
        const Device device = m_fx->collect(request);
        QCOMPARE(device.ownerId, m_holder);
        m_derivedDevice = device.id;

        // Pulling the card out clears the screen.
        inserted.remove();
        QVERIFY(waitForStep(Step::InsertCard));
        QVERIFY(text("code").isEmpty());
        QCOMPARE(text("insertPageHeading"), QStringLiteral("Insert your PIV card"));
    }

    // The operator's side: the derived device's page ends the parent card's trust.
    void operatorEndsTheParentCardsTrust()
    {
        QVERIFY(m_derivedDevice > 0);
        auto operatorSession = logOn(m_fx->engine(), QString::fromLatin1(DemoDataGenerator::kOperatorLogon), QString::fromLatin1(DemoDataGenerator::kOperatorPassword));
        OperatorActions actions(m_fx->engine(), operatorSession->session());
        DeviceViewPage page(actions, operatorSession->workflows(), m_derivedDevice);
        page.show();
        auto* button = page.findChild<QPushButton*>(QStringLiteral("endParentTrust"));
        QVERIFY(button);
        QTRY_VERIFY_WITH_TIMEOUT(button->isVisible() && button->isEnabled(), 10000);
        QTest::mouseClick(button, Qt::LeftButton);
        auto* ask = waitForVisible<QInputDialog>(&page, QStringLiteral("parentTrustDialog"));
        ask->setTextValue(QStringLiteral("card reported stolen"));
        ask->accept();
        auto* message = page.findChild<QLabel*>(QStringLiteral("deviceMessage"));
        QTRY_VERIFY2_WITH_TIMEOUT(message->text().contains(QLatin1String("1 derived credential(s) cancelled")), qPrintable(message->text()), 10000);
        QCOMPARE(await(m_fx->engine().device(m_admin, m_derivedDevice))->state, DeviceState::Canceled);
        QTRY_VERIFY_WITH_TIMEOUT(!button->isEnabled(), 10000);
    }

    void removalMidFlowStartsOver()
    {
        VirtualCardProcess inserted;
        QVERIFY(inserted.insert(card(QStringLiteral("kim2"), QStringLiteral("kim@piv.example"))).isEmpty());
        QVERIFY(waitForStep(Step::EnterPin));
        QTest::keyClicks(m_window->findChild<QLineEdit*>(QStringLiteral("pin")), QStringLiteral("123"));
        inserted.remove();
        QVERIFY(waitForStep(Step::InsertCard));
        QVERIFY(m_window->findChild<QLineEdit*>(QStringLiteral("pin"))->text().isEmpty());
        QVERIFY(m_controller->holder().personName.isEmpty());
    }

    void blockedPinIsExplained()
    {
        TestPivCard blocked = card(QStringLiteral("blocked"), QStringLiteral("kim@piv.example"));
        QFile state(blocked.statePath);
        QVERIFY(state.open(QIODevice::WriteOnly));
        state.write(QJsonDocument(QJsonObject { { QStringLiteral("pinTriesLeft"), 0 } }).toJson());
        state.close();
        VirtualCardProcess inserted;
        QVERIFY(inserted.insert(blocked).isEmpty());
        QVERIFY(waitForStep(Step::Problem));
        QVERIFY2(text("problemPageBody").contains(QLatin1String("PIN is blocked")), qPrintable(text("problemPageBody")));
        inserted.remove();
        QVERIFY(waitForStep(Step::InsertCard));
    }

    // Cards that cannot tell the tries left before a PIN is tried, and that keep their
    // certificate compressed: both still work, and the screen says the count is unknown.
    void aCardThatCannotCountTriesAndCompressesItsCertificate()
    {
        TestPivCard c = card(QStringLiteral("quiet"), QStringLiteral("kim@piv.example"));
        QFile config(c.configPath);
        QVERIFY(config.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(config.readAll()).object();
        config.close();
        const ProcessOutput gzip = run(QStringLiteral("gzip"), { QStringLiteral("-c"), QStringLiteral("-n") }, c.certificate.toDer());
        QCOMPARE(gzip.exitCode, 0);
        json.insert(QStringLiteral("triesUnreported"), true);
        json.insert(QStringLiteral("compressed"), QJsonArray { QStringLiteral("9a") });
        json.insert(QStringLiteral("compressedCertificates"), QJsonObject { { QStringLiteral("9a"), QString::fromLatin1(gzip.out.toHex()) } });
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write(QJsonDocument(json).toJson());
        config.close();
        VirtualCardProcess inserted;
        QVERIFY(inserted.insert(c).isEmpty());
        QVERIFY(waitForStep(Step::EnterPin));
        QCOMPARE(text("pinTries"), QStringLiteral("Attempts left: unknown"));
        typePin(QStringLiteral("123456"));
        QVERIFY(waitForStep(Step::Collect));
        inserted.remove();
        QVERIFY(waitForStep(Step::InsertCard));
    }

    void refusedCards_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("untrusted") << QStringLiteral("untrusted") << QStringLiteral("not issued by a trusted issuer");
        QTest::newRow("revoked") << QStringLiteral("revoked") << QStringLiteral("revoked by its issuer");
        QTest::newRow("expired") << QStringLiteral("expired") << QStringLiteral("not valid now");
        QTest::newRow("unknown holder") << QStringLiteral("stranger") << QStringLiteral("does not belong to anyone");
        QTest::newRow("unreadable certificate") << QStringLiteral("corrupt") << QStringLiteral("cannot be read");
    }
    void refusedCards()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        TestPivCard c;
        if (kind == QLatin1String("untrusted")) {
            TestCardIssuer other(m_dir.path() + QStringLiteral("/.."), QStringLiteral("Unknown PIV CA"));
            c = other.makeCard(QStringLiteral("untrusted"), KeyAlgorithm::EcP256, QStringLiteral("kim@piv.example"), QStringLiteral("0000011111"));
        } else if (kind == QLatin1String("expired")) {
            c = card(QStringLiteral("expired"), QStringLiteral("kim@piv.example"), QDateTime::currentDateTimeUtc().addDays(-40), 10);
        } else if (kind == QLatin1String("stranger")) {
            // Nobody's FASC-N; its UPN is nobody's either (and is not used for such a card).
            c = m_issuer->makeCard(QStringLiteral("stranger"), KeyAlgorithm::EcP256, QStringLiteral("nobody@piv.example"), QStringLiteral("0000099999"));
        } else if (kind == QLatin1String("corrupt")) {
            c = m_issuer->makeCard(QStringLiteral("corrupt"), KeyAlgorithm::EcP256, QStringLiteral("kim@piv.example"), QStringLiteral("0000011111"), {}, 365,
                { QStringLiteral("5fc105") });
        } else {
            c = card(QStringLiteral("revoked"), QStringLiteral("kim@piv.example"));
            QString error;
            QVERIFY(m_fx->configure(m_admin, { { SettingKey::DerivedCrlFiles, m_issuer->writeCrl({ c.certificate }, QStringLiteral("revoked.crl")) } }, &error));
        }
        VirtualCardProcess inserted;
        QVERIFY(inserted.insert(c).isEmpty());
        QVERIFY(waitForStep(Step::Problem));
        QVERIFY2(text("problemPageBody").contains(expected), qPrintable(text("problemPageBody")));
        saveScreenshot(m_window.get(), QStringLiteral("kiosk-refused-") + kind);
        inserted.remove();
        QVERIFY(waitForStep(Step::InsertCard));
        QString error;
        QVERIFY(m_fx->configure(m_admin, { { SettingKey::DerivedCrlFiles, m_issuer->writeCrl({}) } }, &error));
    }

    void idleTimeoutStartsOver()
    {
        VirtualCardProcess inserted;
        QVERIFY(inserted.insert(card(QStringLiteral("idle"), QStringLiteral("kim@piv.example"))).isEmpty());
        QVERIFY(waitForStep(Step::EnterPin));
        QCOMPARE(m_controller->idleSeconds(), 15);
        QVERIFY(waitForStep(Step::InsertCard, 25000));
        QCOMPARE(text("insertPageHeading"), QStringLiteral("Please remove your card"));
        inserted.remove();
        QTRY_COMPARE_WITH_TIMEOUT(text("insertPageHeading"), QStringLiteral("Insert your PIV card"), 5000);
    }

    // Last: it stops the test's pcscd and starts it again.
    void smartCardServiceGoesAndComesBack()
    {
        m_daemon->stop();
        QTRY_COMPARE_WITH_TIMEOUT(text("insertPageHeading"), QStringLiteral("Out of service"), 5000);
        QVERIFY(text("insertPageBody").contains(QLatin1String("smart card service is not running")));
        saveScreenshot(m_window.get(), QStringLiteral("kiosk-no-pcsc"));
        QVERIFY(m_daemon->start().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(text("insertPageHeading"), QStringLiteral("Insert your PIV card"), 5000);
        VirtualCardProcess inserted;
        QVERIFY(inserted.insert(card(QStringLiteral("after"), QStringLiteral("kim@piv.example"))).isEmpty());
        QVERIFY(waitForStep(Step::EnterPin));
    }
};

QTEST_MAIN(TestKiosk)
#include "tst_Kiosk.moc"
