// The desktop's first start on a new database (no --demo): the first-run wizard, driven
// through its widgets; a test mail to a real SMTP server on 127.0.0.1; the engine it makes,
// logged on to by the administrator it made.
#include "OperatorClient.h"
#include "SmtpSink.h"
#include "UiTestSupport.h"
#include "engine/Engine.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>

using namespace lanyard;
using namespace lanyard::test;

class TestFirstRun : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    SmtpSink m_smtp;

    OperatorClient::Options options(const QString& databaseName) const
    {
        OperatorClient::Options o;
        o.connection.databasePath = m_dir.filePath(databaseName);
        o.forceKeyFile = true;
        o.settingsFile = m_dir.filePath(QStringLiteral("desktop.ini"));
        return o;
    }

    static FirstRunWizard* waitForWizard(OperatorClient& client)
    {
        QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired()) {
            if (client.firstRunWizard() && client.firstRunWizard()->isVisible())
                return client.firstRunWizard();
            QTest::qWait(20);
        }
        qFatal("no first-run wizard appeared");
    }

    static QString problemOn(QWizard* wizard) { return wizard->currentPage()->findChild<QLabel*>(QStringLiteral("setupProblem"))->text(); }

    static void type(QWidget* parent, const char* name, const QString& text)
    {
        auto* edit = child<QLineEdit>(parent, name);
        edit->clear();
        QTest::keyClicks(edit, text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_smtp.start(m_dir.path(), 0, {}, {}, &error), qPrintable(error));
    }

    void cancellingLeavesNothing()
    {
        OperatorClient client(options(QStringLiteral("cancelled.db")));
        QSignalSpy finished(&client, &OperatorClient::finished);
        client.start();
        FirstRunWizard* wizard = waitForWizard(client);
        type(wizard, "setupOrganisation", QStringLiteral("Example Ltd"));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(FirstRunWizard::Authority));
        wizard->reject();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(finished.first().first().toInt(), 0);
        QCOMPARE(QDir(m_dir.path()).entryList({ QStringLiteral("cancelled.db*") }, QDir::Files), QStringList());
    }

    // A plan the steps accept, on a machine where the new engine's key file cannot be written
    // (a folder stands in its place): what the start made is removed, and the wizard comes
    // back with the reason and what was typed.
    void aFailedSetUpLeavesNothingAndReturnsToTheWizard()
    {
        OperatorClient client(options(QStringLiteral("failed.db")));
        QSignalSpy messages(&client, &OperatorClient::message);
        client.start();
        FirstRunWizard* wizard = waitForWizard(client);
        type(wizard, "setupOrganisation", QStringLiteral("Example Ltd"));
        type(wizard, "setupDefaultDn", QStringLiteral("O=Example Ltd,C=GB"));
        wizard->next();
        wizard->next();
        type(wizard, "setupCollectionUrl", QStringLiteral("https://id.example.test"));
        wizard->next();
        wizard->next();
        type(wizard, "setupAdminPassword", QStringLiteral("correct horse"));
        type(wizard, "setupAdminRepeat", QStringLiteral("correct horse"));
        QCOMPARE(wizard->currentId(), int(FirstRunWizard::Administrator));
        QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("failed.db.key")));
        child<QPushButton>(wizard, "qt_wizard_finish")->click();
        QTRY_VERIFY_WITH_TIMEOUT(wizard->isVisible() && !problemOn(wizard).isEmpty(), 60000);
        QVERIFY2(problemOn(wizard).contains(QStringLiteral("nothing was kept")), qPrintable(problemOn(wizard)));
        QCOMPARE(QDir(m_dir.path()).entryList({ QStringLiteral("failed.db*") }, QDir::Files), QStringList());
        QCOMPARE(child<QLineEdit>(wizard, "setupAdminPassword")->text(), QStringLiteral("correct horse"));
        // With the way cleared, the same wizard makes it.
        QVERIFY(QDir(m_dir.path()).rmdir(QStringLiteral("failed.db.key")));
        child<QPushButton>(wizard, "qt_wizard_finish")->click();
        QTRY_VERIFY_WITH_TIMEOUT(client.logonDialog() && client.logonDialog()->isVisible(), 60000);
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("failed.db"))));
    }

    void theWizardChecksEachStepAndMakesAWorkingEngine()
    {
        OperatorClient client(options(QStringLiteral("lanyard.db")));
        client.start();
        FirstRunWizard* wizard = waitForWizard(client);
        QVERIFY(child<QLabel>(wizard, "setupDatabase")->text().contains(m_dir.filePath(QStringLiteral("lanyard.db"))));

        // Organisation: a name is needed, and the DN must parse; it follows the name until typed.
        wizard->next();
        QCOMPARE(wizard->currentId(), int(FirstRunWizard::Organisation));
        QVERIFY2(problemOn(wizard).contains(QStringLiteral("organisation's name")), qPrintable(problemOn(wizard)));
        type(wizard, "setupOrganisation", QStringLiteral("Example, Ltd"));
        QCOMPARE(child<QLineEdit>(wizard, "setupDefaultDn")->text(), QStringLiteral("O=Example\\, Ltd"));
        type(wizard, "setupDefaultDn", QStringLiteral("Example Ltd"));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(FirstRunWizard::Organisation));
        QVERIFY2(problemOn(wizard).contains(QStringLiteral("distinguished name")), qPrintable(problemOn(wizard)));
        type(wizard, "setupDefaultDn", QStringLiteral("O=Example\\, Ltd,C=GB"));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(FirstRunWizard::Authority));
        QCOMPARE(child<QLineEdit>(wizard, "setupCaName")->text(), QStringLiteral("Example, Ltd Root CA"));
        QCOMPARE(child<QLabel>(wizard, "setupCaSubject")->text(), QStringLiteral("CN=Example\\, Ltd Root CA,O=Example\\, Ltd,C=GB"));
        // Back keeps what was typed.
        wizard->back();
        QCOMPARE(child<QLineEdit>(wizard, "setupDefaultDn")->text(), QStringLiteral("O=Example\\, Ltd,C=GB"));
        wizard->next();

        // The CA.
        auto* years = child<QSpinBox>(wizard, "setupCaYears");
        years->setValue(10);
        wizard->next();
        QCOMPARE(wizard->currentId(), int(FirstRunWizard::Collection));

        // The collection address: https only; one that does not answer is a warning, not a stop.
        type(wizard, "setupCollectionUrl", QStringLiteral("http://id.example.test"));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(FirstRunWizard::Collection));
        QVERIFY2(problemOn(wizard).contains(QStringLiteral("https")), qPrintable(problemOn(wizard)));
        QSignalSpy checked(wizard, &FirstRunWizard::addressChecked);
        const QString silent = QStringLiteral("https://127.0.0.1:%1").arg(SmtpSink::freePort());
        type(wizard, "setupCollectionUrl", silent);
        QMetaObject::invokeMethod(child<QLineEdit>(wizard, "setupCollectionUrl"), "editingFinished");
        QVERIFY(checked.wait(30000));
        QVERIFY2(child<QLabel>(wizard, "setupReachability")->text().contains(QStringLiteral("does not answer")),
            qPrintable(child<QLabel>(wizard, "setupReachability")->text()));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(FirstRunWizard::Mail));

        // Mail: a test mail through the server as typed, before anything is saved.
        type(wizard, "setupSmtpHost", QStringLiteral("127.0.0.1"));
        child<QSpinBox>(wizard, "setupSmtpPort")->setValue(m_smtp.port());
        auto* security = child<QComboBox>(wizard, "setupSmtpSecurity");
        security->setCurrentIndex(security->findData(QStringLiteral("none")));
        type(wizard, "setupSmtpSender", QStringLiteral("lanyard@example.test"));
        type(wizard, "setupTestRecipient", QStringLiteral("ops@example.test"));
        QSignalSpy mailed(wizard, &FirstRunWizard::testMailFinished);
        child<QPushButton>(wizard, "setupSendTest")->click();
        QVERIFY(mailed.wait(30000));
        QVERIFY2(child<QLabel>(wizard, "setupTestResult")->text().startsWith(QStringLiteral("Sent")), qPrintable(child<QLabel>(wizard, "setupTestResult")->text()));
        QTRY_COMPARE_WITH_TIMEOUT(m_smtp.received().size(), 1, 10000);
        QVERIFY(m_smtp.received().first().value(QStringLiteral("subject")).toString().contains(QStringLiteral("Example, Ltd")));
        QVERIFY(saveScreenshot(wizard, QStringLiteral("first-run-mail")));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(FirstRunWizard::Administrator));

        // The administrator: a long enough password, typed twice alike.
        type(wizard, "setupAdminLogon", QStringLiteral("chief"));
        type(wizard, "setupAdminName", QStringLiteral("Chief Administrator"));
        type(wizard, "setupAdminPassword", QStringLiteral("short"));
        type(wizard, "setupAdminRepeat", QStringLiteral("short"));
        wizard->next(); // the last page: Finish validates as Next does
        QVERIFY(!wizard->validateCurrentPage());
        QVERIFY2(problemOn(wizard).contains(QStringLiteral("8 characters")), qPrintable(problemOn(wizard)));
        type(wizard, "setupAdminPassword", QStringLiteral("correct horse"));
        type(wizard, "setupAdminRepeat", QStringLiteral("correct horsf"));
        QVERIFY(!wizard->validateCurrentPage());
        QVERIFY2(problemOn(wizard).contains(QStringLiteral("differ")), qPrintable(problemOn(wizard)));
        type(wizard, "setupAdminRepeat", QStringLiteral("correct horse"));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("lanyard.db")))); // nothing yet
        child<QPushButton>(wizard, "qt_wizard_finish")->click();

        // The engine is made; the administrator logs on to it.
        QTRY_VERIFY_WITH_TIMEOUT(client.logonDialog() && client.logonDialog()->isVisible(), 60000);
        QCOMPARE(child<QLineEdit>(client.logonDialog(), "logonName")->text(), QStringLiteral("chief"));
        QTest::keyClicks(child<QLineEdit>(client.logonDialog(), "password"), QStringLiteral("correct horse"));
        child<QPushButton>(client.logonDialog(), "logonButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(client.window() && client.window()->isVisible(), 30000);
        QVERIFY(client.window()->navigationEntries().contains(QStringLiteral("policies")));
        QCOMPARE(client.engine()->info().caSubject, QStringLiteral("CN=Example\\, Ltd Root CA,O=Example\\, Ltd,C=GB"));

        // What the wizard gathered is what the engine holds.
        Engine& engine = *client.engine();
        auto chief = await(engine.logon(QStringLiteral("chief"), QStringLiteral("correct horse")));
        QVERIFY(chief.ok());
        auto settings = await(engine.settings(*chief));
        QVERIFY(settings.ok());
        QCOMPARE(settings->value(QStringLiteral("collection.baseUrl")), silent);
        QCOMPARE(settings->value(QStringLiteral("dn.default")), QStringLiteral("O=Example\\, Ltd,C=GB"));
        QCOMPARE(settings->value(QStringLiteral("smtp.host")), QStringLiteral("127.0.0.1"));
        QCOMPARE(settings->value(QStringLiteral("smtp.sender")), QStringLiteral("lanyard@example.test"));
        auto profiles = await(engine.credentialProfiles(*chief));
        QVERIFY(profiles.ok());
        QCOMPARE(profiles->size(), 3);
        auto policies = await(engine.certificatePolicies(*chief));
        QCOMPARE(policies->size(), 4);
        QVERIFY(saveScreenshot(client.window(), QStringLiteral("first-run-done")));
    }
};

QTEST_MAIN(TestFirstRun)
#include "tst_FirstRun.moc"
