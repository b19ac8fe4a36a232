// Self-Service with the card Lanyard issued, driven through its windows (offscreen) against a
// real lanyard-server, the real pcscd and the virtual PIV card onto which lanyard-agent
// collected a virtual smart card: the holder logs on with the card and its PIN (a wrong PIN
// shows the tries left), a card Lanyard did not issue is refused with the reason, and a
// blocked PIN is unblocked through the helpdesk: the window shows the challenge, the
// helpdesk's Unlock VSC Temporary Access answers it, and the PUK the engine holds goes to the
// card without anyone seeing it. Runs under with-pcsc-namespace.sh and with-keyring.sh.
#include "OperatorClient.h"
#include "PcscHarness.h"
#include "CardServerRig.h"
#include "ServerProcess.h"
#include "UiTestSupport.h"
#include "cards/CardAccess.h"

#include <QLabel>
#include <QPointer>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

namespace {
const QString kHost = QStringLiteral("pc-41.corp.example.test");
const QString kPin = QStringLiteral("24681357");
const QString kNewPin = QStringLiteral("97531864");
} // namespace

class TestSelfServiceCard : public QObject {
    Q_OBJECT

    CardServerRig m_rig;
    VirtualCardProcess m_card;
    TestPivCard m_blank;
    std::unique_ptr<OperatorClient> m_client;
    qint64 m_device = 0;

    LogonDialog* logonDialog()
    {
        QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired()) {
            if (m_client->logonDialog() && m_client->logonDialog()->isVisible())
                return m_client->logonDialog();
            QTest::qWait(20);
        }
        return nullptr;
    }

    // The card page of the logon dialog, once the card has been read.
    LogonDialog* cardLogon()
    {
        LogonDialog* dialog = logonDialog();
        if (!dialog)
            return nullptr;
        auto* mode = namedChild<QPushButton>(dialog, "logonModeButton");
        if (!mode || !mode->isVisible())
            return nullptr;
        if (!namedChild<QLineEdit>(dialog, "logonPin")->isVisible())
            mode->click();
        return dialog;
    }

    static Result<void> onCard(const std::function<Result<void>(PivClient&)>& work)
    {
        return CardAccess::runHere<void>(QLatin1String(PcscDaemon::kReader0), work, true);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error = m_rig.start({ { QStringLiteral("vera"), QStringLiteral("Vera Card"), { QStringLiteral("End User") }, QStringLiteral("vera's long passphrase") } });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_blank = m_rig.issuer->blankCard(QStringLiteral("blank"));
        error = m_card.insert(m_blank);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const ServerProcess::IssuedVsc issued = m_rig.server.issueVscOntoCard(QStringLiteral("Vera"), m_rig.dir.filePath(QStringLiteral("pc")), kHost, kPin);
        QVERIFY2(issued.error.isEmpty(), qPrintable(issued.error));
        m_device = issued.deviceId;

        OperatorClient::Options o;
        o.connection.kind = ConnectionSettings::Kind::Server;
        o.connection.serverUrl = m_rig.server.url();
        o.connection.caFile = m_rig.server.tlsCertificate();
        o.settingsFile = m_rig.dir.filePath(QStringLiteral("desktop.ini"));
        o.keychainService = QStringLiteral("Lanyard Self-Service card test");
        o.selfService = true;
        m_client = std::make_unique<OperatorClient>(o);
        m_client->start();
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_card.remove();
        m_rig.stop();
    }

    void theHolderLogsOnWithTheCard()
    {
        // Goes away once the holder is logged on.
        QPointer<LogonDialog> dialog = cardLogon();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(dialog, "logonCardTries").startsWith(QLatin1String("PIN attempts left: ")), 15000);
        const QString before = labelText(dialog, "logonCardTries");

        // A wrong PIN: the card says no, and the dialog shows what is left.
        namedChild<QLineEdit>(dialog, "logonPin")->setText(QStringLiteral("11112222"));
        namedChild<QPushButton>(dialog, "logonButton")->click();
        QTRY_VERIFY2_WITH_TIMEOUT(labelText(dialog, "logonMessage").contains(QLatin1String("PIN is wrong")), qPrintable(labelText(dialog, "logonMessage")), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(dialog, "logonCardTries") != before, 15000);
        QVERIFY(!m_client->selfServiceWindow());
        // Not a PIN at all: refused before it reaches the card.
        namedChild<QLineEdit>(dialog, "logonPin")->setText(QStringLiteral("12ab"));
        namedChild<QPushButton>(dialog, "logonButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(labelText(dialog, "logonMessage").contains(QLatin1String("6 to 8 digits")), 15000);
        saveScreenshot(dialog, QStringLiteral("self-service-card-logon"));

        namedChild<QLineEdit>(dialog, "logonPin")->setText(kPin);
        namedChild<QPushButton>(dialog, "logonButton")->click();
        QTRY_VERIFY2_WITH_TIMEOUT(m_client->selfServiceWindow() && m_client->selfServiceWindow()->isVisible(),
            qPrintable(dialog ? labelText(dialog, "logonMessage") : QString()), 30000);
        QCOMPARE(labelText(m_client->selfServiceWindow(), "greeting"), QStringLiteral("Hello Vera Card"));
    }

    void aBlockedPinIsUnblockedThroughTheHelpdesk()
    {
        SelfServiceWindow* window = m_client->selfServiceWindow();
        QVERIFY(window);
        // The window has read the card; then the holder, elsewhere, tries PINs until the card
        // blocks. The Unblock page must read the card again to see it.
        QTRY_VERIFY_WITH_TIMEOUT(window->cards().pinStatus().triesLeft > 0, 15000);
        for (int i = 0; i < 5; ++i) {
            auto tried = onCard([](PivClient& piv) { return piv.verifyPin(QStringLiteral("99990000")); });
            if (!tried.ok() && tried.error().code == ErrorCode::PinBlocked)
                break;
        }
        namedChild<QPushButton>(window, "unblockPin")->click();
        QTRY_VERIFY_WITH_TIMEOUT(labelText(window, "tries").contains(QLatin1String("blocked")), 15000);
        QTRY_VERIFY2_WITH_TIMEOUT(!labelText(window, "unblockChallenge").isEmpty(), qPrintable(labelText(window, "heldPukIntro")), 15000);
        QVERIFY(labelText(window, "heldPukIntro").contains(QLatin1String("Call the helpdesk")));
        const QString challenge = labelText(window, "unblockChallenge");
        QCOMPARE(QString(challenge).remove(QLatin1Char(' ')).size(), 16);
        saveScreenshot(window, QStringLiteral("self-service-unblock-through-helpdesk"));

        // Opening the page again keeps the challenge the helpdesk may already be answering.
        namedChild<QPushButton>(window, "changePin")->click();
        namedChild<QPushButton>(window, "unblockPin")->click();
        QTRY_COMPARE_WITH_TIMEOUT(labelText(window, "unblockChallenge"), challenge, 15000);

        const auto enter = [window](const QString& code) {
            namedChild<QLineEdit>(window, "current")->setText(code);
            namedChild<QLineEdit>(window, "newPin")->setText(kNewPin);
            namedChild<QLineEdit>(window, "confirmPin")->setText(kNewPin);
            QTRY_VERIFY_WITH_TIMEOUT(namedChild<QPushButton>(window, "pinSubmit")->isEnabled(), 15000);
            namedChild<QPushButton>(window, "pinSubmit")->click();
        };
        // A made-up code is refused and costs nothing.
        enter(QStringLiteral("0000 0000 0000 0000"));
        QTRY_VERIFY2_WITH_TIMEOUT(labelText(window, "pinResult").contains(QLatin1String("does not answer the challenge")), qPrintable(labelText(window, "pinResult")), 15000);

        // The helpdesk answers the challenge the holder read out.
        const QString admin = m_rig.server.logon(QStringLiteral("admin"), QLatin1String(ServerProcess::kAdminPassword));
        const auto answered = m_rig.server.http(QStringLiteral("POST"), QStringLiteral("/api/v1/operator/temporaryUnlock"),
            { { QStringLiteral("deviceId"), m_device }, { QStringLiteral("challenge"), challenge }, { QStringLiteral("hours"), 8 },
                { QStringLiteral("reason"), QStringLiteral("forgot the PIN") } },
            admin);
        QCOMPARE(answered.status, 200);
        const QString response = answered.json().value(QStringLiteral("response")).toString();
        QVERIFY(!response.isEmpty());

        enter(response.toLower());
        QTRY_VERIFY2_WITH_TIMEOUT(labelText(window, "pinResult").contains(QLatin1String("unblocked")), qPrintable(labelText(window, "pinResult")), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(window, "tries").startsWith(QLatin1String("PIN attempts left: ")), 15000);
        // The PUK reached the card and nowhere on screen.
        for (QLineEdit* field : window->findChildren<QLineEdit*>())
            QVERIFY(field->text().isEmpty());
        auto verified = onCard([](PivClient& piv) { return piv.verifyPin(kNewPin); });
        QVERIFY2(verified.ok(), verified.ok() ? "" : qPrintable(verified.error().toLogString()));
    }

    void aCardLanyardDidNotIssueIsRefused()
    {
        QVERIFY(m_client->selfServiceWindow());
        namedChild<QPushButton>(m_client->selfServiceWindow(), "logOff")->click();
        LogonDialog* dialog = cardLogon();
        QVERIFY(dialog);
        // The card goes, the dialog says so, and another card comes.
        m_card.remove();
        QTRY_VERIFY_WITH_TIMEOUT(labelText(dialog, "logonCardState").contains(QLatin1String("Insert your card")), 15000);
        QVERIFY(labelText(dialog, "logonCardTries").isEmpty());
        const TestPivCard stranger = m_rig.issuer->makeCard(QStringLiteral("stranger"), KeyAlgorithm::EcP256, QStringLiteral("vera@example.test"), QStringLiteral("0000012345"));
        VirtualCardProcess inserted;
        QVERIFY(inserted.insert(stranger).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(labelText(dialog, "logonCardTries") == QLatin1String("PIN attempts left: 3"), 15000);
        namedChild<QLineEdit>(dialog, "logonPin")->setText(QStringLiteral("123456"));
        namedChild<QPushButton>(dialog, "logonButton")->click();
        QTRY_VERIFY2_WITH_TIMEOUT(labelText(dialog, "logonMessage").contains(QLatin1String("Lanyard did not issue")), qPrintable(labelText(dialog, "logonMessage")), 15000);
        QVERIFY(!m_client->selfServiceWindow());
        inserted.remove();
        QTRY_VERIFY_WITH_TIMEOUT(labelText(dialog, "logonCardState").contains(QLatin1String("Insert your card")), 15000);
    }
};

QTEST_MAIN(TestSelfServiceCard)
#include "tst_SelfServiceCard.moc"
