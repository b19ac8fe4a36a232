// The derived-credential kiosk as it is deployed: `lanyard /dc` (the OperatorClient as the
// kiosk) against a real lanyard-server, with the real pcscd and the virtual PIV card. The kiosk
// account logs on once with "Remember me"; the flow ends in a QR code that zbarimg reads from a
// grab (the app download codes too, from the server's settings), and the real lanyard-agent
// collects the derived credential with the code on the screen. Its certificate chains to the
// engine's CA, does not outlive the parent card, and the server holds it as the card holder's
// derived credential. The kiosk renews its session while it runs, and a restarted kiosk comes
// back without a logon. Runs under with-pcsc-namespace.sh and with-keyring.sh.
#include "KioskWindow.h"
#include "LogonDialog.h"
#include "OperatorClient.h"
#include "PcscHarness.h"
#include "QrCodeWidget.h"
#include "CardServerRig.h"
#include "ServerProcess.h"
#include "remote/RemoteEngine.h"
#include "UiTestSupport.h"

#include <QCheckBox>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

namespace {
const QString kKioskLogon = QStringLiteral("lobby-kiosk");
const QString kKioskPassword = QStringLiteral("lobby kiosk passphrase");
const QString kAndroidApp = QStringLiteral("https://play.example.test/store/apps/details?id=org.example.agent");
const QString kIosApp = QStringLiteral("https://apps.example.test/app/agent/id42");
} // namespace

class TestKioskOnServer : public QObject {
    Q_OBJECT

    CardServerRig m_rig;
    std::unique_ptr<OperatorClient> m_client;
    QString m_admin;
    qint64 m_holder = 0;
    QString m_holderUpn;

    using Step = KioskController::Step;

    std::unique_ptr<OperatorClient> kioskClient()
    {
        OperatorClient::Options o;
        o.connection.kind = ConnectionSettings::Kind::Server;
        o.connection.serverUrl = m_rig.server.url();
        o.connection.caFile = m_rig.server.tlsCertificate();
        o.settingsFile = m_rig.dir.filePath(QStringLiteral("kiosk.ini"));
        o.keychainService = QStringLiteral("Lanyard kiosk on server test");
        o.kiosk = true;
        o.kioskKeepAliveMs = 500; // instead of half an hour
        auto client = std::make_unique<OperatorClient>(o);
        client->start();
        return client;
    }

    bool waitForStep(Step step, int ms = 20000)
    {
        QDeadlineTimer deadline(ms);
        while (!deadline.hasExpired()) {
            if (m_client->kioskController() && m_client->kioskController()->step() == step)
                return true;
            QTest::qWait(20);
        }
        return false;
    }

    QString kioskText(const char* name) { return labelText(m_client->kioskWindow(), name); }

    QJsonObject call(const char* method, const QJsonObject& args) { return m_rig.server.operatorCall(m_admin, QLatin1String(method), args); }

private Q_SLOTS:
    void initTestCase()
    {
        QString error = m_rig.start({ { kKioskLogon, QStringLiteral("Lobby Kiosk"), { QStringLiteral("Derived Credential Kiosk") }, kKioskPassword } });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        error = m_rig.server.setSettings({ { QStringLiteral("derived.trustAnchorFiles"), m_rig.issuer->caPem() },
            { QStringLiteral("derived.crlFiles"), m_rig.issuer->writeCrl({}) }, { QStringLiteral("apps.androidUrl"), kAndroidApp },
            { QStringLiteral("apps.iosUrl"), kIosApp } });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_admin = m_rig.server.logon(QStringLiteral("admin"), QLatin1String(ServerProcess::kAdminPassword));
        QVERIFY(!m_admin.isEmpty());
        // The card holder: a person of the demo directory, known to the card by their UPN.
        const QJsonArray people = call("findPeople", { { QStringLiteral("text"), QStringLiteral("a") }, { QStringLiteral("limit"), 20 } })
                                      .value(QStringLiteral("people"))
                                      .toArray();
        for (const QJsonValue& p : people) {
            if (!p.toObject().value(QStringLiteral("userPrincipalName")).toString().isEmpty() && p.toObject().value(QStringLiteral("enabled")).toBool(true)) {
                m_holder = p.toObject().value(QStringLiteral("id")).toInteger();
                m_holderUpn = p.toObject().value(QStringLiteral("userPrincipalName")).toString();
                break;
            }
        }
        QVERIFY2(m_holder > 0, "no person with a UPN in the demo directory");
        // The kiosk finds them by the FASC-N their card's certificate carries, as an
        // administrator recorded it, in the spaced form card tools print.
        const QString fascn = TestCardIssuer::fascnFor(QStringLiteral("0000033333")).digits();
        const QJsonObject set = call("setCardIdentifiers",
            { { QStringLiteral("personId"), m_holder }, { QStringLiteral("fascn"), fascn.left(16) + QLatin1Char(' ') + fascn.mid(16) }, { QStringLiteral("cardUuid"), QString() } });
        QCOMPARE(set.value(QStringLiteral("fascn")).toString(), fascn);
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_rig.stop();
    }

    void theKioskAccountLogsOnOnceAndIsRemembered()
    {
        m_client = kioskClient();
        QDeadlineTimer deadline(30000);
        while (!(m_client->logonDialog() && m_client->logonDialog()->isVisible()) && !deadline.hasExpired())
            QTest::qWait(20);
        QPointer<LogonDialog> dialog = m_client->logonDialog();
        QVERIFY(dialog && dialog->isVisible());
        auto* logon = namedChild<QLineEdit>(dialog, "logonName");
        auto* password = namedChild<QLineEdit>(dialog, "password");
        auto* remember = namedChild<QCheckBox>(dialog, "rememberMe");
        QVERIFY(logon && password && remember);
        logon->setText(kKioskLogon);
        password->setText(kKioskPassword);
        remember->setChecked(true);
        QTest::mouseClick(namedChild<QPushButton>(dialog, "logonButton"), Qt::LeftButton);
        QVERIFY(waitForStep(Step::InsertCard));
        QVERIFY(m_client->kioskWindow()->windowFlags() & Qt::FramelessWindowHint);
        QTRY_COMPARE_WITH_TIMEOUT(kioskText("insertPageHeading"), QStringLiteral("Insert your PIV card"), 10000);
        // Unattended, it keeps its session: the server moves the token's end on as it renews.
        const QDateTime loggedOn = QDateTime::currentDateTimeUtc();
        QTRY_VERIFY_WITH_TIMEOUT(m_client->remoteEngine()->sessionRenewedUntil() > loggedOn.addSecs(8 * 3600), 10000);
    }

    void theAgentCollectsWhatTheKioskShows()
    {
        QVERIFY(m_client && m_client->kioskController());
        const TestPivCard card = m_rig.issuer->makeCard(QStringLiteral("holder"), KeyAlgorithm::EcP256, m_holderUpn, QStringLiteral("0000033333"));
        VirtualCardProcess inserted;
        const QString error = inserted.insert(card);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(waitForStep(Step::EnterPin));
        auto* pin = namedChild<QLineEdit>(m_client->kioskWindow(), "pin");
        QVERIFY(pin);
        QTest::keyClicks(pin, QStringLiteral("123456"));
        QTest::keyClick(pin, Qt::Key_Return);
        QVERIFY2(waitForStep(Step::Collect), qPrintable(kioskText("problemPageBody")));
        const QString code = kioskText("code");
        QVERIFY(!code.isEmpty());

        // The phone reads the screen: what zbarimg decodes is all the agent is given besides the code.
        auto* qr = namedChild<QrCodeWidget>(m_client->kioskWindow(), "collectionQr");
        QVERIFY(qr);
        const QString png = m_rig.dir.filePath(QStringLiteral("kiosk-server-qr.png"));
        QVERIFY(qr->grab().save(png));
        const ProcessOutput scan = run(QStringLiteral("zbarimg"), { QStringLiteral("--raw"), QStringLiteral("-q"), png });
        const QString url = QString::fromUtf8(scan.out).trimmed();
        QVERIFY2(url.startsWith(m_rig.server.url()), qPrintable(url));
        // The app download codes come from the server's settings.
        for (const auto& [name, expected] : { std::pair { "androidQr", kAndroidApp }, std::pair { "iosQr", kIosApp } }) {
            auto* app = namedChild<QrCodeWidget>(m_client->kioskWindow(), name);
            QVERIFY(app && app->isVisible());
            const QString appPng = m_rig.dir.filePath(QLatin1String(name) + QStringLiteral(".png"));
            QVERIFY(app->grab().save(appPng));
            QCOMPARE(QString::fromUtf8(run(QStringLiteral("zbarimg"), { QStringLiteral("--raw"), QStringLiteral("-q"), appPng }).out).trimmed(), expected);
        }
        saveScreenshot(m_client->kioskWindow(), QStringLiteral("kiosk-server-collect"));

        qputenv("ASAN_OPTIONS", qgetenv("ASAN_OPTIONS") + ":detect_leaks=0"); // as in tst_ServerEndToEnd: libcrypto at the agent's exit
        const QString store = m_rig.dir.filePath(QStringLiteral("phone"));
        const ProcessOutput collected = run(ServerProcess::tool("lanyard-agent"),
            { QStringLiteral("collect"), url, QStringLiteral("--code"), code, QStringLiteral("--store"), store, QStringLiteral("--trust"), m_rig.server.caCertificate(),
                QStringLiteral("--tls-ca"), m_rig.server.tlsCertificate() },
            {}, 120000);
        QVERIFY2(collected.exitCode == 0, collected.out + collected.err);

        // What the phone holds chains to the engine's CA and ends no later than the parent card.
        const ProcessOutput verified = run(QStringLiteral("openssl"),
            { QStringLiteral("verify"), QStringLiteral("-CAfile"), m_rig.server.caCertificate(), store + QStringLiteral("/certificate-1.pem") });
        QVERIFY2(verified.exitCode == 0, verified.out + verified.err);
        QFile pem(store + QStringLiteral("/certificate-1.pem"));
        QVERIFY(pem.open(QIODevice::ReadOnly));
        auto derived = Certificate::fromPem(pem.readAll());
        QVERIFY(derived);
        QVERIFY2(derived->notAfter() <= card.certificate.notAfter(), qPrintable(derived->notAfter().toString(Qt::ISODate)));

        // The server holds it as the holder's derived credential, active.
        bool found = false;
        for (const QJsonValue& d : call("devicesOf", { { QStringLiteral("personId"), m_holder } }).value(QStringLiteral("devices")).toArray()) {
            const QJsonObject device = d.toObject();
            if (device.value(QStringLiteral("type")).toString() == cardEncodingId(CardEncoding::DerivedCredential)
                && device.value(QStringLiteral("state")).toString() == QLatin1String("active"))
                found = true;
        }
        QVERIFY2(found, "no active derived credential for the holder");

        // Pulling the card out clears the screen.
        inserted.remove();
        QVERIFY(waitForStep(Step::InsertCard));
        QVERIFY(kioskText("code").isEmpty());
    }

    // A kiosk restarted (say, after a power cut) comes back on its own: the remembered session.
    void aRestartedKioskNeedsNoLogon()
    {
        m_client.reset();
        m_client = kioskClient();
        QVERIFY(waitForStep(Step::InsertCard, 30000));
        QVERIFY(!m_client->logonDialog() || !m_client->logonDialog()->isVisible());
    }
};

QTEST_MAIN(TestKioskOnServer)
#include "tst_KioskOnServer.moc"
