#include "TestSupport.h"
#include "engine/AccessControl.h"
#include "engine/HardwareService.h"

#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

class TestEngineHardware : public QObject {
    Q_OBJECT

    EngineFixture m_fx;

    template <typename T>
    Result<T> as(const QString& logon, std::function<Result<T>(HardwareService&, const AccessControl&)> f)
    {
        const qint64 id = m_fx.personIdByLogon(logon);
        return await(m_fx.engine().runTask<T>([id, f](const EngineContext& ctx, QSqlDatabase db) -> Result<T> {
            auto ac = AccessControl::load(db, id);
            if (!ac)
                return ac.error();
            HardwareService hw(ctx, db);
            return f(hw, *ac);
        }));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx.open();
        m_fx.seedDemo(10, 0);
        m_fx.createOperator(QStringLiteral("viewer"), QStringLiteral("Sales"), Scope::All, { Workflow::FindPerson });
    }

    void registerLookUpDeactivate()
    {
        const qint64 owner = m_fx.personIdByLogon(QStringLiteral("validator"));
        auto phone = as<qint64>(QStringLiteral("demo"), [owner](HardwareService& hw, const AccessControl& ac) {
            return hw.add(ac, RegisteredHardware { 0, HardwareKind::Phone, QStringLiteral("SN-12345"), owner, QStringLiteral("work phone"), true });
        });
        QVERIFY(phone.ok());
        auto pc = as<qint64>(QStringLiteral("demo"), [](HardwareService& hw, const AccessControl& ac) {
            return hw.add(ac, RegisteredHardware { 0, HardwareKind::Computer, QStringLiteral("PC-042.Corp.Example.Test"), 0, {}, true });
        });
        QVERIFY(pc.ok());
        auto known = as<bool>(QStringLiteral("demo"), [owner](HardwareService& hw, const AccessControl&) { return hw.isKnown(HardwareKind::Phone, QStringLiteral("SN-12345"), owner); });
        QVERIFY(*known);
        auto notMine = as<bool>(QStringLiteral("demo"), [](HardwareService& hw, const AccessControl&) { return hw.isKnown(HardwareKind::Phone, QStringLiteral("SN-12345"), 1); });
        QVERIFY(!*notMine);
        auto dnsCase = as<bool>(QStringLiteral("demo"), [](HardwareService& hw, const AccessControl&) { return hw.isKnown(HardwareKind::Computer, QStringLiteral("pc-042.corp.example.test")); });
        QVERIFY(*dnsCase);
        auto dup = as<qint64>(QStringLiteral("demo"), [](HardwareService& hw, const AccessControl& ac) {
            return hw.add(ac, RegisteredHardware { 0, HardwareKind::Phone, QStringLiteral("SN-12345"), 0, {}, true });
        });
        QCOMPARE(dup.error().code, ErrorCode::Conflict);
        auto off = as<bool>(QStringLiteral("demo"), [&](HardwareService& hw, const AccessControl& ac) -> Result<bool> {
            if (auto r = hw.deactivate(ac, *phone); !r)
                return r.error();
            return hw.isKnown(HardwareKind::Phone, QStringLiteral("SN-12345"));
        });
        QVERIFY(off.ok());
        QVERIFY(!*off);
    }

    void refusals()
    {
        auto badDns = as<qint64>(QStringLiteral("demo"), [](HardwareService& hw, const AccessControl& ac) {
            return hw.add(ac, RegisteredHardware { 0, HardwareKind::Computer, QStringLiteral("just-a-host"), 0, {}, true });
        });
        QCOMPARE(badDns.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("dns-name"));
        auto denied = as<qint64>(QStringLiteral("viewer"), [](HardwareService& hw, const AccessControl& ac) {
            return hw.add(ac, RegisteredHardware { 0, HardwareKind::Phone, QStringLiteral("SN-9"), 0, {}, true });
        });
        QCOMPARE(denied.error().code, ErrorCode::PermissionDenied);
    }
};

QTEST_GUILESS_MAIN(TestEngineHardware)
#include "tst_EngineHardware.moc"
