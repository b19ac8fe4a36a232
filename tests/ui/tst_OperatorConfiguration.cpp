#include "CertificatePoliciesPage.h"
#include "DeviceViewPage.h"
#include "FindDevicePage.h"
#include "MainWindow.h"
#include "OperatorSessionController.h"
#include "ProfilesPage.h"
#include "RequestCredentialDialog.h"
#include "RequestsPage.h"
#include "RolesPage.h"
#include "UiTestSupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

// The configuration editors (credential profiles, roles), Find Device and the requests list,
// driven through the real widgets against a real embedded engine.
class TestOperatorConfiguration : public QObject {
    Q_OBJECT

    EngineFixture m_fx;
    std::unique_ptr<OperatorSessionController> m_session;
    std::unique_ptr<MainWindow> m_window;

    void shot(QWidget* w, const QString& name) { QVERIFY(saveScreenshot(w, name)); }
    std::unique_ptr<OperatorSessionController> logon(const QString& name, const QString& password) { return logOn(m_fx.engine(), name, password); }

    template <typename Model>
    int rowWhere(Model* model, const std::function<bool(const typename std::remove_cvref_t<decltype(model->at(0))>&)>& pred)
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (pred(model->at(row)))
                return row;
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx.open();
        m_fx.seedDemo(40, 3);
        m_session = logon(QStringLiteral("demo"), QString::fromLatin1(DemoDataGenerator::kOperatorPassword));
        m_window = std::make_unique<MainWindow>(*m_session);
        m_window->resize(1300, 850);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void editAProfileMakesAVisibleNewVersion()
    {
        m_window->showPage(QStringLiteral("profiles"));
        auto* page = qobject_cast<ProfilesPage*>(m_window->currentPage());
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() == 4 && page->rights()->rowCount() == 5 && page->policies()->rowCount() == 4, 30000);
        auto* list = child<QTableView>(page, "profileList");
        const int row = rowWhere<ProfileListModel>(page->model(), [](const CredentialProfile& p) { return p.name == QStringLiteral("Mobile Identity"); });
        QVERIFY(row >= 0);
        list->selectRow(row);
        auto* lifetime = child<QSpinBox>(page, "profileLifetime");
        QCOMPARE(lifetime->value(), 365);
        QVERIFY(child<QLabel>(page, "profileHeading")->text().contains(QStringLiteral("version 1 (current)")));
        QTRY_COMPARE_WITH_TIMEOUT(page->versions()->rowCount(), 1, 30000);
        QCOMPARE(page->policies()->chosen().size(), 2);

        // Change fields across the form: lifetime, device restriction, PIN rule, the matrix.
        lifetime->setValue(200);
        auto* restriction = child<QComboBox>(page, "profileRestriction");
        restriction->setCurrentIndex(restriction->findData(int(DeviceRestriction::MyMobilesOnly)));
        auto* upper = child<QComboBox>(page, "profilePinUpper");
        upper->setCurrentIndex(upper->findData(int(CharRule::Optional)));
        child<QCheckBox>(page, "profileAuthFace")->setChecked(true);
        QAbstractItemModel* rights = page->rights();
        for (int r = 0; r < rights->rowCount(); ++r) {
            if (rights->index(r, ProfileRightsModel::RoleName).data().toString() == QStringLiteral("Validator"))
                QVERIFY(rights->setData(rights->index(r, ProfileRightsModel::CanUnlock), Qt::Checked, Qt::CheckStateRole));
        }
        auto* save = child<QPushButton>(page, "saveProfile");
        QCOMPARE(save->text().remove(QLatin1Char('&')), QStringLiteral("Save as version 2"));
        QSignalSpy saved(page, &ProfilesPage::saved);
        save->click();
        QVERIFY(saved.wait(30000));
        QCOMPARE(saved.last().first().toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(page, "profileHeading")->text().contains(QStringLiteral("version 2 (current)")), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(page->versions()->rowCount(), 2, 30000);
        QVERIFY(child<QLabel>(page, "profileMessage")->text().contains(QStringLiteral("Saved")));

        const qint64 current = m_fx.profileIdByName(QStringLiteral("Mobile Identity"));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT version FROM profiles WHERE id = ?"), { current }).toInt(), 2);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT lifetime_days FROM profiles WHERE id = ?"), { current }).toInt(), 200);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT device_restriction FROM profiles WHERE id = ?"), { current }).toString(), QStringLiteral("my-mobiles-only"));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT auth_types FROM profiles WHERE id = ?"), { current }).toString(), QStringLiteral("pin,face"));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT pr.can_unlock FROM profile_roles pr JOIN roles r ON r.id = pr.role_id WHERE pr.profile_id = ? AND r.name = 'Validator'"),
                     { current })
                     .toInt(),
            1);

        // Selecting the old version shows it, and says what saving would do.
        auto* versions = child<QTableView>(page, "profileVersions");
        versions->selectRow(1);
        QCOMPARE(lifetime->value(), 365);
        QVERIFY(child<QLabel>(page, "profileHeading")->text().contains(QStringLiteral("Saving makes version 3")));
        shot(m_window.get(), QStringLiteral("profiles"));
    }

    void editACertificatePolicyWithALiveExample()
    {
        m_window->showPage(QStringLiteral("policies"));
        auto* page = qobject_cast<CertificatePoliciesPage*>(m_window->currentPage());
        QVERIFY(page);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 4, 30000);
        const int row = rowWhere<PolicyListModel>(page->model(), [](const CertificatePolicy& p) { return p.name == QStringLiteral("Mobile Signing"); });
        QVERIFY(row >= 0);
        child<QTableView>(page, "policyList")->selectRow(row);
        auto* validity = child<QSpinBox>(page, "policyValidity");
        QCOMPARE(validity->value(), 365);
        QVERIFY(child<QCheckBox>(page, "policyKeyUsage_nonRepudiation")->isChecked());
        QVERIFY(!child<QCheckBox>(page, "policyKeyUsage_keyEncipherment")->isChecked());
        QVERIFY(child<QCheckBox>(page, "policyEku_emailProtection")->isChecked());
        QVERIFY(child<QCheckBox>(page, "policySanEmail")->isChecked());
        QVERIFY(child<QCheckBox>(page, "policyAlgorithm_p256")->isChecked());
        QVERIFY(!child<QCheckBox>(page, "policyAlgorithm_rsa3072")->isChecked());
        QTRY_COMPARE_WITH_TIMEOUT(page->versions()->rowCount(), 1, 30000);

        // The example starts as the operator's own record and follows the template as typed.
        auto* example = child<QLabel>(page, "policyExample");
        // (The first policy, selected when the page opened, may still be shown for a moment.)
        QTRY_VERIFY_WITH_TIMEOUT(example->text().contains(QStringLiteral("CN=Dana Demo")) && example->text().contains(QStringLiteral("email:dana.demo@example.test")), 30000);
        auto* dn = child<QLineEdit>(page, "policyDnTemplate");
        dn->clear();
        QTest::keyClicks(dn, QStringLiteral("CN=[[People.FullName]],O=Example Corp"));
        QTRY_VERIFY_WITH_TIMEOUT(example->text().contains(QStringLiteral("Subject: CN=Dana Demo,O=Example Corp")), 30000);
        // A template the parser refuses is said where the example would be.
        QTest::keyClicks(dn, QStringLiteral(",X=[[People.Salary]]"));
        QTRY_VERIFY_WITH_TIMEOUT(!example->text().contains(QStringLiteral("Subject:")), 30000);
        dn->setText(QStringLiteral("CN=[[People.FullName]],O=Example Corp"));

        // Another person, found by name: one whose record has no e-mail address.
        const QString noEmail = m_fx.scalar(QStringLiteral("SELECT full_name FROM people WHERE email = '' ORDER BY id LIMIT 1")).toString();
        QVERIFY(!noEmail.isEmpty());
        QTest::keyClicks(child<QLineEdit>(page, "policyExampleSearch"), noEmail);
        QTRY_VERIFY_WITH_TIMEOUT(example->text().contains(QStringLiteral("CN=") + noEmail), 30000);
        QVERIFY2(example->text().contains(QStringLiteral("without the e-mail address")), qPrintable(example->text()));

        // A bad save is refused with the reason, and the form keeps what was typed.
        auto* archive = child<QCheckBox>(page, "policyArchive");
        archive->setChecked(true);
        QSignalSpy saved(page, &CertificatePoliciesPage::saved);
        child<QPushButton>(page, "savePolicy")->click();
        QVERIFY(saved.wait(30000));
        QCOMPARE(saved.last().first().toBool(), false);
        auto* message = child<QLabel>(page, "policyMessage");
        QVERIFY2(message->text().contains(QStringLiteral("archives its keys")), qPrintable(message->text()));
        QCOMPARE(dn->text(), QStringLiteral("CN=[[People.FullName]],O=Example Corp"));

        archive->setChecked(false);
        validity->setValue(180);
        auto* save = child<QPushButton>(page, "savePolicy");
        QCOMPARE(save->text().remove(QLatin1Char('&')), QStringLiteral("Save as version 2"));
        save->click();
        QVERIFY(saved.wait(30000));
        QCOMPARE(saved.last().first().toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(page, "policyHeading")->text().contains(QStringLiteral("version 2 (current)")), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(page->versions()->rowCount(), 2, 30000);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT v.validity_days FROM cert_policy_versions v JOIN cert_policies p ON p.id = v.policy_id "
                                            "WHERE p.name = 'Mobile Signing' AND v.version = 2"))
                     .toInt(),
            180);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT v.dn_template FROM cert_policy_versions v JOIN cert_policies p ON p.id = v.policy_id "
                                            "WHERE p.name = 'Mobile Signing' AND v.version = 2"))
                     .toString(),
            QStringLiteral("CN=[[People.FullName]],O=Example Corp"));
        shot(m_window.get(), QStringLiteral("certificate-policies"));
    }

    void aBadProfileIsRefusedAndTheFormKept()
    {
        auto* page = m_window->findChild<ProfilesPage*>();
        page->newProfile();
        auto* name = child<QLineEdit>(page, "profileName");
        QTest::keyClicks(name, QStringLiteral("Contractor VSC"));
        auto* encoding = child<QComboBox>(page, "profileEncoding");
        auto* pinMin = child<QSpinBox>(page, "profilePinMin");
        auto* pinMax = child<QSpinBox>(page, "profilePinMax");
        auto* pinRange = child<QLabel>(page, "profilePinRange");
        // The new profile starts as a phone identity with a 6-8 PIN; a VSC pulls it to 8-24.
        encoding->setCurrentIndex(encoding->findData(int(CardEncoding::IdentityAgent)));
        pinMin->setValue(4);
        pinMax->setValue(30);
        encoding->setCurrentIndex(encoding->findData(int(CardEncoding::VirtualSmartCard)));
        QCOMPARE(pinMin->value(), 8);
        QCOMPARE(pinMax->value(), 24);
        QVERIFY2(pinRange->isVisibleTo(page) && pinRange->text().contains(QLatin1String("8 to 24")), qPrintable(pinRange->text()));
        pinMin->setValue(6);
        QCOMPARE(pinMin->value(), 8);
        encoding->setCurrentIndex(encoding->findData(int(CardEncoding::PivCard)));
        QCOMPARE(pinMax->value(), 8);
        QVERIFY2(pinRange->text().contains(QLatin1String("6 to 8")), qPrintable(pinRange->text()));
        encoding->setCurrentIndex(encoding->findData(int(CardEncoding::VirtualSmartCard)));
        QSignalSpy saved(page, &ProfilesPage::saved);
        page->save();
        QVERIFY(saved.wait(30000));
        QCOMPARE(saved.last().first().toBool(), false);
        auto* message = child<QLabel>(page, "profileMessage");
        QVERIFY2(message->text().contains(QStringLiteral("certificate")), qPrintable(message->text()));
        QCOMPARE(name->text(), QStringLiteral("Contractor VSC"));
        QVERIFY(page->policies()->setData(page->policies()->index(0, ProfilePoliciesModel::PolicyName), Qt::Checked, Qt::CheckStateRole));
        pinMax->setValue(12);
        page->save();
        QVERIFY(saved.wait(30000));
        QCOMPARE(saved.last().first().toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 5, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(page, "profileHeading")->text().contains(QStringLiteral("Contractor VSC")), 30000);
    }

    void rolesEditor()
    {
        m_window->showPage(QStringLiteral("roles"));
        auto* page = qobject_cast<RolesPage*>(m_window->currentPage());
        QVERIFY(page);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 5, 30000);
        page->newRole();
        QTest::keyClicks(child<QLineEdit>(page, "roleName"), QStringLiteral("Night Desk"));
        auto* scope = child<QComboBox>(page, "roleScope");
        scope->setCurrentIndex(scope->findData(int(Scope::Group)));
        ChecklistModel* workflows = page->workflows();
        for (Workflow w : { Workflow::FindPerson, Workflow::UnlockCredential }) {
            for (int r = 0; r < workflows->rowCount(); ++r) {
                if (workflows->index(r).data(ChecklistModel::IdRole).toLongLong() == qint64(w))
                    QVERIFY(workflows->setData(workflows->index(r), Qt::Checked, Qt::CheckStateRole));
            }
        }
        QSignalSpy saved(page, &RolesPage::saved);
        child<QPushButton>(page, "saveRole")->click();
        QVERIFY(saved.wait(30000));
        QCOMPARE(saved.last().first().toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 5, 30000);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT workflows FROM roles WHERE name = 'Night Desk'")).toString(), QStringLiteral("find-person,unlock-credential"));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT scope FROM roles WHERE name = 'Night Desk'")).toString(), QStringLiteral("group"));

        // Taking Edit Roles from one's only role that grants it is refused, with the reason.
        auto* list = child<QTableView>(page, "roleList");
        list->selectRow(rowWhere<RoleListModel>(page->model(), [](const Role& r) { return r.name == QStringLiteral("Administrator"); }));
        QCOMPARE(child<QLineEdit>(page, "roleName")->text(), QStringLiteral("Administrator"));
        for (int r = 0; r < workflows->rowCount(); ++r) {
            if (workflows->index(r).data(ChecklistModel::IdRole).toLongLong() == qint64(Workflow::EditRoles))
                QVERIFY(workflows->setData(workflows->index(r), Qt::Unchecked, Qt::CheckStateRole));
        }
        child<QPushButton>(page, "saveRole")->click();
        QVERIFY(saved.wait(30000));
        QCOMPARE(saved.last().first().toBool(), false);
        QVERIFY(child<QLabel>(page, "roleMessage")->text().contains(QStringLiteral("Edit roles")));
        QVERIFY(m_fx.scalar(QStringLiteral("SELECT workflows FROM roles WHERE name = 'Administrator'")).toString().contains(QStringLiteral("edit-roles")));
        shot(m_window.get(), QStringLiteral("roles"));
    }

    void findDeviceBySerial()
    {
        const QString serial = m_fx.scalar(QStringLiteral("SELECT serial FROM devices ORDER BY id LIMIT 1")).toString();
        m_window->showPage(QStringLiteral("find-device"));
        auto* page = qobject_cast<FindDevicePage*>(m_window->currentPage());
        QVERIFY(page);
        QTest::keyClicks(child<QLineEdit>(page, "deviceQuery"), serial.left(serial.size() - 1));
        QTRY_VERIFY_WITH_TIMEOUT(!page->model()->isLoading() && page->model()->rowCount() >= 1, 30000);
        QVERIFY(rowWhere<DeviceListModel>(page->model(), [&](const Device& d) { return d.serial == serial; }) >= 0);
        page->search(QStringLiteral("no-such-device-anywhere"));
        QTRY_VERIFY_WITH_TIMEOUT(!page->model()->isLoading() && page->model()->rowCount() == 0, 30000);
        page->search(serial);
        QTRY_VERIFY_WITH_TIMEOUT(!page->model()->isLoading() && page->model()->rowCount() == 1, 30000);
        page->view()->setFocus();
        page->view()->setCurrentIndex(page->model()->index(0, 0));
        QTest::keyClick(page->view(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPageName(), QStringLiteral("device-page"), 30000);
        auto* device = qobject_cast<DeviceViewPage*>(m_window->currentPage());
        QTRY_COMPARE_WITH_TIMEOUT(device->device().serial, serial, 30000);
    }

    void requestsCancelAndNewCode()
    {
        const qint64 person = m_fx.scalar(QStringLiteral("SELECT MIN(id) FROM people WHERE email <> '' AND logon_name NOT IN ('demo','validator')")).toLongLong();
        const qint64 profile = m_fx.profileIdByName(QStringLiteral("Mobile Identity"));
        auto first = await(m_fx.engine().requestCredential(m_session->session(), person, profile, true));
        auto second = await(m_fx.engine().requestCredential(m_session->session(), person, m_fx.profileIdByName(QStringLiteral("Virtual Smart Card")), true));
        QVERIFY(first.ok() && second.ok());

        m_window->showPage(QStringLiteral("requests"));
        auto* page = qobject_cast<RequestsPage*>(m_window->currentPage());
        page->reload();
        auto select = [&](qint64 jobId) {
            QTRY_VERIFY_WITH_TIMEOUT(!page->model()->isLoading(), 30000);
            const int row = rowWhere<JobListModel>(page->model(), [jobId](const Job& j) { return j.id == jobId; });
            QVERIFY(row >= 0);
            page->view()->selectRow(row);
        };

        // A new code replaces the old one: the old no longer collects, the new one does.
        select(first->job.id);
        auto* newCode = child<QPushButton>(page, "newCode");
        QVERIFY(newCode->isEnabled());
        newCode->click();
        RequestCredentialDialog* dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = page->findChild<RequestCredentialDialog*>()) && dialog->isVisible(), 30000);
        auto* code = child<QLabel>(dialog, "authCode");
        QTRY_VERIFY_WITH_TIMEOUT(!code->text().isEmpty(), 30000);
        QVERIFY(code->text() != first->code);
        auto old = await(m_fx.engine().startCollection(CollectionStart { first->job.collectionToken, first->code, {} }));
        QVERIFY(!old.ok());
        IssuedRequest renewed = *first;
        renewed.code = code->text();
        dialog->accept();
        // The profile now allows the person's own registered phones only (edited above).
        RegisteredHardware phone;
        phone.kind = HardwareKind::Phone;
        phone.identifier = QStringLiteral("TEST-PHONE");
        phone.ownerId = person;
        QVERIFY(await(m_fx.engine().addHardware(m_session->session(), phone)).ok());
        QVERIFY(m_fx.collect(renewed).id > 0);

        // Cancel asks for a reason without blocking, and the code stops working.
        page->reload();
        select(second->job.id);
        auto* cancel = child<QPushButton>(page, "cancelJob");
        QVERIFY(cancel->isEnabled());
        cancel->click();
        QInputDialog* ask = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((ask = page->findChild<QInputDialog*>(QStringLiteral("cancelReason"))) && ask->isVisible(), 30000);
        ask->setTextValue(QStringLiteral("asked twice by mistake"));
        ask->accept();
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(page, "requestsMessage")->text().contains(QStringLiteral("cancelled")), 30000);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT status FROM jobs WHERE id = ?"), { second->job.id }).toString(), QStringLiteral("cancelled"));
        QCOMPARE(await(m_fx.engine().startCollection(CollectionStart { second->job.collectionToken, second->code, {} })).error().code, ErrorCode::InvalidTransition);
        AuditQuery q;
        q.workflow = workflowId(Workflow::ManageJobs);
        auto events = await(m_fx.engine().audit(m_session->session(), q));
        QVERIFY(events.ok());
        bool reasonAudited = false;
        for (const AuditEvent& e : *events)
            reasonAudited = reasonAudited || e.details.contains(QStringLiteral("asked twice by mistake"));
        QVERIFY(reasonAudited);
        shot(m_window.get(), QStringLiteral("requests"));
    }
};

QTEST_MAIN(TestOperatorConfiguration)
#include "tst_OperatorConfiguration.moc"
