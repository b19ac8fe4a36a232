#include "ChecklistModel.h"
#include "DomainText.h"
#include "OperatorActions.h"
#include "PersonSearchModel.h"
#include "ProfilePoliciesModel.h"
#include "ProfileRightsModel.h"
#include "RecordModels.h"
#include "TestSupport.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

// Every item model passes QAbstractItemModelTester while it loads, pages and resets.
class TestItemModels : public QObject {
    Q_OBJECT

    EngineFixture m_fx;
    OperatorSession m_op;

private Q_SLOTS:
    void initTestCase()
    {
        m_fx.open();
        m_fx.seedDemo(260, 3);
        m_op = m_fx.demoOperator();
    }

    void personSearchStreamsPages()
    {
        PersonSearchModel model(m_fx.engine(), m_op);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(50);
        QSignalSpy loaded(&model, &PersonSearchModel::loaded);
        model.searchNow(QString());
        QVERIFY(loaded.wait(30000));
        QVERIFY(model.rowCount() >= 50);
        QVERIFY(model.hasMore());
        // Views (and the tester) call fetchMore as they scroll; pages append in order.
        while (model.rowCount() < 150) {
            if (model.canFetchMore({}))
                model.fetchMore({});
            QTest::qWait(10);
        }
        QTRY_VERIFY_WITH_TIMEOUT(model.canFetchMore({}) || !model.hasMore(), 30000);
        QSet<QString> logons;
        for (int r = 0; r < model.rowCount(); ++r)
            logons.insert(model.personAt(r).logonName);
        QCOMPARE(logons.size(), model.rowCount()); // no page twice
        // Typing quickly: only the last query's answer is shown.
        model.setQuery(QStringLiteral("a"));
        model.setQuery(QStringLiteral("zzzz-nobody"));
        QVERIFY(loaded.wait(30000));
        QCOMPARE(model.query(), QStringLiteral("zzzz-nobody"));
        QCOMPARE(model.rowCount(), 0);
        model.searchNow(QStringLiteral("group:Finance"));
        QVERIFY(loaded.wait(30000));
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.data(model.index(r, PersonSearchModel::GroupColumn), Qt::DisplayRole).toString(), QStringLiteral("Finance"));
        QCOMPARE(model.headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Name"));
    }

    void recordModels()
    {
        const qint64 device = m_fx.firstDeviceId();
        const qint64 owner = m_fx.scalar(QStringLiteral("SELECT owner_id FROM devices WHERE id = ?"), { device }).toLongLong();
        Engine& engine = m_fx.engine();
        const OperatorSession op = m_op;

        std::unique_ptr<DeviceListModel> devices(RecordModels::devices(nullptr));
        QAbstractItemModelTester t1(devices.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy d(devices.get(), &AsyncListModel::loaded);
        devices->setLoader([&engine, op, owner] { return engine.devicesOf(op, owner); });
        QVERIFY(d.wait(30000));
        QCOMPARE(devices->rowCount(), 1);
        QCOMPARE(devices->data(devices->index(0, 2), Qt::DisplayRole).toString(), QStringLiteral("Active"));
        devices->clear();
        QCOMPARE(devices->rowCount(), 0);

        std::unique_ptr<CertificateListModel> certs(RecordModels::certificates(nullptr));
        QAbstractItemModelTester t2(certs.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy c(certs.get(), &AsyncListModel::loaded);
        certs->setLoader([&engine, op, device] { return engine.certificatesOf(op, device); });
        QVERIFY(c.wait(30000));
        QCOMPARE(certs->rowCount(), 2);

        std::unique_ptr<JobListModel> jobs(RecordModels::jobs(nullptr));
        QAbstractItemModelTester t3(jobs.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy j(jobs.get(), &AsyncListModel::loaded);
        jobs->setLoader([&engine, op] { return engine.findJobs(op, JobQuery()); });
        QVERIFY(j.wait(30000));
        QVERIFY(jobs->rowCount() >= 6);

        std::unique_ptr<AuditEventModel> audit(RecordModels::auditEvents(nullptr));
        QAbstractItemModelTester t4(audit.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy a(audit.get(), &AsyncListModel::loaded);
        audit->setLoader([&engine, op] { return engine.audit(op, AuditQuery()); });
        QVERIFY(a.wait(30000));
        QVERIFY(audit->rowCount() > 10);
        // A refused load reports the engine's error and keeps the rows.
        QSignalSpy failed(audit.get(), &AsyncListModel::failed);
        audit->setLoader([&engine] { return engine.audit(OperatorSession(), AuditQuery()); });
        QVERIFY(failed.wait(30000));
        QCOMPARE(failed.first().first().value<Error>().code, ErrorCode::NotAuthenticated);
        QVERIFY(audit->rowCount() > 10);
    }

    void configurationModels()
    {
        Engine& engine = m_fx.engine();
        const OperatorSession op = m_op;
        std::unique_ptr<ProfileListModel> profiles(RecordModels::profiles(nullptr));
        QAbstractItemModelTester t1(profiles.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy p(profiles.get(), &AsyncListModel::loaded);
        profiles->setLoader([&engine, op] { return engine.credentialProfiles(op); });
        QVERIFY(p.wait(30000));
        QCOMPARE(profiles->rowCount(), 4);
        const CredentialProfile mobile = profiles->at(0).name == QStringLiteral("Derived PIV Credential") ? profiles->at(1) : profiles->at(0);

        std::unique_ptr<ProfileListModel> versions(RecordModels::profileVersions(nullptr));
        QAbstractItemModelTester t2(versions.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy v(versions.get(), &AsyncListModel::loaded);
        versions->setLoader([&engine, op, lineage = mobile.lineage] { return engine.profileVersions(op, lineage); });
        QVERIFY(v.wait(30000));
        QCOMPARE(versions->rowCount(), 1);
        QVERIFY(versions->data(versions->index(0, 0), Qt::DisplayRole).toString().contains(QStringLiteral("current")));

        std::unique_ptr<RoleListModel> roles(RecordModels::roles(nullptr));
        QAbstractItemModelTester t3(roles.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy r(roles.get(), &AsyncListModel::loaded);
        roles->setLoader([&engine, op] { return engine.roles(op); });
        QVERIFY(r.wait(30000));
        QCOMPARE(roles->rowCount(), 5);

        // A request's messages: the demo's open requests queued theirs.
        const qint64 job = m_fx.scalar(QStringLiteral("SELECT job_id FROM notifications WHERE job_id IS NOT NULL ORDER BY id LIMIT 1")).toLongLong();
        QVERIFY(job > 0);
        std::unique_ptr<NotificationListModel> messages(RecordModels::notifications(nullptr));
        QAbstractItemModelTester tMessages(messages.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy n(messages.get(), &AsyncListModel::loaded);
        messages->setLoader([&engine, op, job] { return engine.notificationsOf(op, job); });
        QVERIFY(n.wait(30000));
        QVERIFY(messages->rowCount() >= 1);
        QCOMPARE(messages->data(messages->index(0, 3), Qt::DisplayRole).toString(), QStringLiteral("Queued"));

        ProfileRightsModel rights;
        QAbstractItemModelTester t4(&rights, QAbstractItemModelTester::FailureReportingMode::QtTest);
        rights.setRights(roles->rows(), mobile.roleRights);
        QCOMPARE(rights.rowCount(), 5);
        QCOMPARE(rights.rights().size(), mobile.roleRights.size());
        // Tick Can Unlock for a role with no rights: it joins the matrix.
        int empty = -1;
        for (int row = 0; row < rights.rowCount(); ++row) {
            bool any = false;
            for (int col = ProfileRightsModel::CanRequest; col < ProfileRightsModel::ColumnCount; ++col)
                any = any || rights.index(row, col).data(Qt::CheckStateRole).toInt() == Qt::Checked;
            if (!any)
                empty = row;
        }
        QVERIFY(empty >= 0);
        QVERIFY(!rights.setData(rights.index(empty, ProfileRightsModel::RoleName), Qt::Checked, Qt::CheckStateRole));
        QVERIFY(rights.setData(rights.index(empty, ProfileRightsModel::CanUnlock), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(rights.rights().size(), mobile.roleRights.size() + 1);

        auto all = await(engine.certificatePolicies(op));
        ProfilePoliciesModel policies;
        QAbstractItemModelTester t5(&policies, QAbstractItemModelTester::FailureReportingMode::QtTest);
        policies.setPolicies(*all, mobile.policies);
        QCOMPARE(policies.rowCount(), 4);
        QCOMPARE(policies.chosen().size(), 2);
        const QModelIndex recovery = policies.index(0, ProfilePoliciesModel::Recovery);
        QCOMPARE(recovery.data(ProfilePoliciesModel::ChoicesRole).toStringList().size(), 3);
        QVERIFY(policies.setData(recovery, 1, Qt::EditRole));
        QCOMPARE(recovery.data(Qt::DisplayRole).toString(), DomainText::keyRecovery(KeyRecovery::UseExisting));
        QVERIFY(!policies.setData(recovery, 7, Qt::EditRole));

        ChecklistModel workflows;
        QAbstractItemModelTester t6(&workflows, QAbstractItemModelTester::FailureReportingMode::QtTest);
        workflows.setItems({ { 1, QStringLiteral("one"), false }, { 2, QStringLiteral("two"), true } });
        QCOMPARE(workflows.checkedIds(), QList<qint64>({ 2 }));
        QVERIFY(workflows.setData(workflows.index(0), Qt::Checked, Qt::CheckStateRole));
        workflows.setChecked({ 1 });
        QCOMPARE(workflows.checkedIds(), QList<qint64>({ 1 }));
    }

    void actionsAnswerWithTypedSignals()
    {
        OperatorActions actions(m_fx.engine(), m_op);
        QSignalSpy busy(&actions, &OperatorActions::busyChanged);
        QSignalSpy changed(&actions, &OperatorActions::deviceChanged);
        QSignalSpy failed(&actions, &OperatorActions::failed);
        const qint64 device = m_fx.firstDeviceId();
        actions.changeDevice(device, DeviceAction { DeviceOperation::Disable, RevocationReason::CessationOfOperation, QStringLiteral("r"), {} });
        QVERIFY(actions.isBusy());
        QVERIFY(changed.wait(30000));
        QCOMPARE(changed.first().first().value<DeviceChange>().device.state, DeviceState::Disabled);
        actions.changeDevice(device, DeviceAction { DeviceOperation::Disable, RevocationReason::CessationOfOperation, QStringLiteral("r"), {} });
        QVERIFY(failed.wait(30000));
        QCOMPARE(failed.first().first().value<Error>().code, ErrorCode::InvalidTransition);
        QVERIFY(!actions.isBusy());
        QCOMPARE(busy.count(), 4);
    }
};

QTEST_GUILESS_MAIN(TestItemModels)
#include "tst_ItemModels.moc"
