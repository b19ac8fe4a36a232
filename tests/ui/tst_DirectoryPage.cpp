#include "DirectoryPage.h"
#include "MainWindow.h"
#include "PersonEditDialog.h"
#include "PersonViewPage.h"
#include "SlapdServer.h"
#include "UiTestSupport.h"
#include "engine/SettingsSchema.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>

using namespace lanyard;
using namespace lanyard::test;

// An administrator points Lanyard at the organisation's directory from the Directory page:
// a wrong password is named, Test connection shows who would come, Save and Sync now bring
// them in, and a synced person's directory fields cannot be edited here.
class TestDirectoryPage : public QObject {
    Q_OBJECT

    EngineFixture m_fx;
    SlapdServer m_slapd;
    std::unique_ptr<OperatorSessionController> m_session;
    std::unique_ptr<MainWindow> m_window;
    DirectoryPage* m_page = nullptr;

    QString message() { return child<QLabel>(m_page, "directoryMessage")->text(); }

    // Clicks and waits until the page's message is no longer `busyText`.
    void press(const char* button, const QString& busyText = {})
    {
        auto* b = child<QPushButton>(m_page, button);
        QTRY_VERIFY_WITH_TIMEOUT(b->isEnabled(), 30000);
        b->click();
        if (!busyText.isEmpty())
            QTRY_VERIFY_WITH_TIMEOUT(message() != busyText, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(b->isEnabled(), 30000);
    }

    void type(const char* name, const QString& text)
    {
        auto* edit = child<QLineEdit>(m_page, name);
        edit->clear();
        QTest::keyClicks(edit, text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_slapd.start(m_fx.dir(),
                     SlapdServer::person(QStringLiteral("alice"), QStringLiteral("Alice Archer"), QStringLiteral("alice@example.test"))
                         + SlapdServer::person(QStringLiteral("bob"), QStringLiteral("Bob Baker"), QStringLiteral("bob@example.test")),
                     true, &error),
            qPrintable(error));
        m_fx.open();
        m_fx.seedDemo(10, 1);
        m_session = logOn(m_fx.engine(), QStringLiteral("demo"), QString::fromLatin1(DemoDataGenerator::kOperatorPassword));
        m_window = std::make_unique<MainWindow>(*m_session);
        m_window->resize(1300, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->showPage(QStringLiteral("directory"));
        m_page = qobject_cast<DirectoryPage*>(m_window->currentPage());
        QVERIFY(m_page);
        // The OpenLDAP defaults are there before anything is saved.
        QTRY_COMPARE(child<QLineEdit>(m_page, "directoryIdAttribute")->text(), QStringLiteral("entryUUID"));
    }

    void aWrongPasswordIsNamedAndTheRightOneShowsWhoWouldCome()
    {
        type("directoryUrl", m_slapd.url());
        QVERIFY(child<QLabel>(m_page, "directoryWarning")->isVisibleTo(m_page)); // plain ldap://
        child<QCheckBox>(m_page, "directoryStartTls")->setChecked(true);
        QVERIFY(!child<QLabel>(m_page, "directoryWarning")->isVisibleTo(m_page));
        type("directoryCaFile", m_slapd.caFile());
        type("directoryBindDn", QLatin1String(SlapdServer::kRootDn));
        type("directoryPassword", QStringLiteral("not it"));
        type("directoryBaseDn", QLatin1String(SlapdServer::kPeopleDn));
        press("directoryTest", pageText("Connecting…"));
        QVERIFY2(message().contains(QLatin1String(SlapdServer::kRootDn)), qPrintable(message()));
        QVERIFY(message().contains(QStringLiteral("refused the bind")));
        type("directoryPassword", QLatin1String(SlapdServer::kRootPassword));
        press("directoryTest", pageText("Connecting…"));
        QVERIFY2(message().contains(QStringLiteral("Entries the filter matches: 2.")), qPrintable(message()));
        auto* probe = child<QTableWidget>(m_page, "directoryProbe");
        QCOMPARE(probe->rowCount(), 2);
        QCOMPARE(probe->item(0, 1)->text(), QStringLiteral("alice"));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM directory_config")).toInt(), 0); // a test saves nothing
        saveScreenshot(m_window.get(), QStringLiteral("directory-test"));
    }

    void saveAndSyncBringThePeopleIn()
    {
        press("directorySave");
        QTRY_COMPARE(message(), pageText("Saved."));
        QCOMPARE(child<QLineEdit>(m_page, "directoryPassword")->text(), SettingsSchema::secretPlaceholder());
        press("directorySyncNow", pageText("Syncing…"));
        QVERIFY2(message().contains(QStringLiteral("added: 2;")), qPrintable(message()));
        auto* syncs = child<QTableWidget>(m_page, "directorySyncs");
        QTRY_COMPARE(syncs->rowCount(), 1);
        QCOMPARE(syncs->item(0, 4)->text(), QStringLiteral("2"));
        QVERIFY(m_fx.personIdByLogon(QStringLiteral("alice")) > 0);
        saveScreenshot(m_window.get(), QStringLiteral("directory-synced"));
    }

    void aSyncedPersonsDirectoryFieldsAreReadOnly()
    {
        m_window->openPerson(m_fx.personIdByLogon(QStringLiteral("alice")));
        PersonViewPage* page = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((page = qobject_cast<PersonViewPage*>(m_window->currentPage())) && page->person().id > 0, 30000);
        child<QPushButton>(page, "editPerson")->click();
        auto* dialog = waitForVisible<PersonEditDialog>(page);
        QVERIFY(dialog->field(QStringLiteral("email"))->isReadOnly());
        QVERIFY(dialog->field(QStringLiteral("logonName"))->isReadOnly());
        QVERIFY(!dialog->field(QStringLiteral("fascn"))->isReadOnly());
        QVERIFY(child<QLabel>(dialog, "personSyncedNote")->text().contains(SlapdServer::personDn(QStringLiteral("alice"))));
        dialog->reject();
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_slapd.stop();
    }

private:
    static QString pageText(const char* text) { return DirectoryPage::tr(text); }
};

QTEST_MAIN(TestDirectoryPage)
#include "tst_DirectoryPage.moc"
