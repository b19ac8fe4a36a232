#include "TestSupport.h"
#include "engine/ProfileService.h"
#include "engine/SettingsSchema.h"

#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

class TestEngineSettings : public QObject {
    Q_OBJECT

    EngineFixture m_fx;
    OperatorSession m_admin;

private Q_SLOTS:
    void initTestCase()
    {
        m_fx.open();
        m_fx.seedDemo(10, 0);
        m_admin = m_fx.demoOperator();
    }

    void defaultsAndTimezonesAreThere()
    {
        auto s = await(m_fx.engine().settings(m_admin));
        QVERIFY(s.ok());
        QCOMPARE(s->value(SettingKey::CodeComplexity), QStringLiteral("04-08N"));
        QVERIFY(std::any_of(s->timezones.cbegin(), s->timezones.cend(), [](const Timezone& z) { return z.utcOffset == QLatin1String("-7"); }));
        QVERIFY(std::any_of(s->timezones.cbegin(), s->timezones.cend(), [](const Timezone& z) { return z.utcOffset == QLatin1String("-7.0"); }));
    }

    void invalidSaveChangesNothing()
    {
        Settings s = *await(m_fx.engine().settings(m_admin));
        s.set(SettingKey::CodeMaxFailures, QStringLiteral("3"));
        s.set(SettingKey::CodeComplexity, QStringLiteral("04-08Q"));
        auto r = await(m_fx.engine().saveSettings(m_admin, s));
        QCOMPARE(r.error().code, ErrorCode::SettingInvalid);
        QCOMPARE(r.error().args.value(QStringLiteral("key")).toString(), SettingKey::CodeComplexity);
        QCOMPARE(await(m_fx.engine().settings(m_admin))->value(SettingKey::CodeMaxFailures), QStringLiteral("5"));
    }

    void validSaveIsUsedAndAudited()
    {
        Settings s = *await(m_fx.engine().settings(m_admin));
        s.set(SettingKey::CodeComplexity, QStringLiteral("06-06U"));
        s.timezones.append({ QStringLiteral("(UTC+09:00) Tokyo"), QStringLiteral("+9") });
        QVERIFY(await(m_fx.engine().saveSettings(m_admin, s)).ok());
        auto back = await(m_fx.engine().settings(m_admin));
        QCOMPARE(back->value(SettingKey::CodeComplexity), QStringLiteral("06-06U"));
        QCOMPARE(back->timezones.last().utcOffset, QStringLiteral("+9"));
        // New codes follow the new complexity at once.
        const qint64 person = m_fx.scalar(QStringLiteral("SELECT MAX(id) FROM people")).toLongLong();
        auto req = await(m_fx.engine().requestCredential(m_admin, person, m_fx.profileIdByName(QStringLiteral("Mobile Identity")), true));
        QVERIFY(req.ok());
        QCOMPARE(req->code.size(), 7); // "ABCD EF"
        QVERIFY(req->code.remove(QLatin1Char(' ')).toUpper() == req->code);
        auto audit = await(m_fx.engine().audit(m_admin, AuditQuery { 0, 0, 0, QStringLiteral("edit-configuration"), {}, {}, {}, 0, 10 }));
        QCOMPARE(audit->size(), 1);
        QVERIFY(audit->first().details.contains(SettingKey::CodeComplexity));
        QVERIFY(audit->first().details.contains(QStringLiteral("timezones")));
    }

    void profilesAreVersioned()
    {
        const qint64 v1 = m_fx.profileIdByName(QStringLiteral("Virtual Smart Card"));
        auto saved = await(m_fx.engine().runTask<qint64>([v1](const EngineContext& ctx, QSqlDatabase db) -> Result<qint64> {
            ProfileService profiles(ctx, db);
            auto p = profiles.profile(v1);
            if (!p)
                return p.error();
            CredentialProfile edited = *p;
            edited.lifetimeDays = 200;
            return profiles.saveProfile(nullptr, edited);
        }));
        QVERIFY(saved.ok());
        QVERIFY(*saved != v1);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT version FROM profiles WHERE id = ?"), { *saved }).toInt(), 2);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT is_current FROM profiles WHERE id = ?"), { v1 }).toInt(), 0);
        QCOMPARE(m_fx.profileIdByName(QStringLiteral("Virtual Smart Card")), *saved);
    }

    void profileRulesAreChecked()
    {
        auto r = await(m_fx.engine().runTask<qint64>([](const EngineContext& ctx, QSqlDatabase db) -> Result<qint64> {
            ProfileService profiles(ctx, db);
            CredentialProfile vsc;
            vsc.name = QStringLiteral("Short PIN VSC");
            vsc.encoding = CardEncoding::VirtualSmartCard;
            vsc.pinPolicy = { 4, 8 };
            vsc.policies = { { 1, {}, KeyRecovery::IssueNew } };
            return profiles.saveProfile(nullptr, vsc);
        }));
        QCOMPARE(r.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("pin-length"));
        QCOMPARE(r.error().args.value(QStringLiteral("minimum")).toInt(), 8);
        auto policy = await(m_fx.engine().runTask<qint64>([](const EngineContext& ctx, QSqlDatabase db) {
            CertificatePolicy p;
            p.name = QStringLiteral("Broken");
            p.dnTemplate = QStringLiteral("CN=[[People.Nope]]");
            return ProfileService(ctx, db).savePolicy(nullptr, p);
        }));
        QCOMPARE(policy.error().code, ErrorCode::DnTemplateInvalid);

        // A key the engine keeps a copy of never signs or authenticates.
        for (const char* usage : { "digitalSignature", "keyEncipherment,digitalSignature", "nonRepudiation" }) {
            auto archived = await(m_fx.engine().runTask<qint64>([usage](const EngineContext& ctx, QSqlDatabase db) {
                CertificatePolicy p;
                p.name = QStringLiteral("Archiving signer");
                p.keyAlgorithms = { KeyAlgorithm::Rsa2048 };
                p.keyUsage = QLatin1String(usage);
                p.archiveKeys = true;
                return ProfileService(ctx, db).savePolicy(nullptr, p);
            }));
            QVERIFY2(!archived, usage);
            QCOMPARE(archived.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("archive-not-encipherment"));
        }
        auto encryption = await(m_fx.engine().runTask<qint64>([](const EngineContext& ctx, QSqlDatabase db) {
            CertificatePolicy p;
            p.name = QStringLiteral("Archived encryption");
            p.keyAlgorithms = { KeyAlgorithm::Rsa2048 };
            p.keyUsage = QStringLiteral("keyEncipherment,dataEncipherment");
            p.extendedKeyUsage = QStringLiteral("emailProtection");
            p.archiveKeys = true;
            return ProfileService(ctx, db).savePolicy(nullptr, p);
        }));
        QVERIFY2(encryption, qPrintable(encryption ? QString() : encryption.error().detail));
    }
};

QTEST_GUILESS_MAIN(TestEngineSettings)
#include "tst_EngineSettings.moc"
