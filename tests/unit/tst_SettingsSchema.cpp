#include "engine/SettingsSchema.h"

#include <QTest>

using namespace lanyard;

class TestSettingsSchema : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultsAreValid()
    {
        const Settings s = SettingsSchema::defaults();
        auto r = SettingsSchema::validate(s);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail));
        QCOMPARE(s.value(SettingKey::CodeComplexity), QStringLiteral("04-08N"));
        QCOMPARE(s.integer(SettingKey::MaxSessionCount), -1);
        QCOMPARE(s.integer(SettingKey::AgentRetryAttempts), 5);
        QCOMPARE(s.integer(SettingKey::AgentRetryDelaySeconds), 10);
        QVERIFY(!s.boolean(SettingKey::BiometricOnUpdate));
    }

    void refusesBadValues_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("problem");
        QTest::newRow("complexity") << SettingKey::CodeComplexity << "4-8N" << "complexity";
        QTest::newRow("complexity class") << SettingKey::CodeComplexity << "04-08X" << "complexity";
        QTest::newRow("session count low") << SettingKey::MaxSessionCount << "-2" << "out-of-range";
        QTest::newRow("failures zero") << SettingKey::CodeMaxFailures << "0" << "out-of-range";
        QTest::newRow("not a number") << SettingKey::AgentRetryAttempts << "five" << "not-integer";
        QTest::newRow("boolean") << SettingKey::SendEmail << "yes" << "not-boolean";
        QTest::newRow("url scheme") << SettingKey::CollectionBaseUrl << "ftp://x.test/c" << "not-url";
        QTest::newRow("url empty") << SettingKey::CollectionBaseUrl << "" << "not-url";
        QTest::newRow("log level") << SettingKey::AgentLogLevel << "loud" << "not-a-choice";
        QTest::newRow("default dn") << SettingKey::DefaultDn << "O=a+b" << "dn";
        QTest::newRow("unknown key") << "no.such.setting" << "1" << "unknown";
    }
    void refusesBadValues()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, problem);
        Settings s = SettingsSchema::defaults();
        s.set(key, value);
        auto r = SettingsSchema::validate(s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::SettingInvalid);
        QCOMPARE(r.error().args.value(QStringLiteral("key")).toString(), key);
        QCOMPARE(r.error().args.value(QStringLiteral("problem")).toString(), problem);
    }

    void rulesBetweenSettings()
    {
        Settings s = SettingsSchema::defaults();
        s.set(SettingKey::MobileOtpViaSms, QStringLiteral("true"));
        s.set(SettingKey::MobileProvisionViaEmail, QStringLiteral("false"));
        QCOMPARE(SettingsSchema::validate(s).error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("otp-sms-needs-email"));
        s = SettingsSchema::defaults();
        s.set(SettingKey::SmsEmail, QStringLiteral("true"));
        QCOMPARE(SettingsSchema::validate(s).error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("gateway-missing"));
        s.set(SettingKey::SmsGateway, QStringLiteral("sms.example.test"));
        QVERIFY(SettingsSchema::validate(s).ok());
    }

    void timezoneList()
    {
        // "-7" and "-7.0" are different entries; the same text twice is not allowed.
        QVERIFY(SettingsSchema::validateTimezones({ { QStringLiteral("Mountain"), QStringLiteral("-7") }, { QStringLiteral("Arizona"), QStringLiteral("-7.0") } }).ok());
        auto dup = SettingsSchema::validateTimezones({ { QStringLiteral("A"), QStringLiteral("-7") }, { QStringLiteral("B"), QStringLiteral("-7") } });
        QCOMPARE(dup.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("timezone-duplicate"));
        for (const char* bad : { "-13", "+15", "abc", "5.", "", "1e1" }) {
            auto r = SettingsSchema::validateTimezones({ { QStringLiteral("X"), QString::fromLatin1(bad) } });
            QVERIFY2(!r.ok(), bad);
            QCOMPARE(r.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("timezone-offset"));
        }
        QCOMPARE(SettingsSchema::validateTimezones({ { QStringLiteral(""), QStringLiteral("1") } }).error().args.value(QStringLiteral("problem")).toString(),
            QStringLiteral("timezone-name"));
        int minutes = 0;
        QVERIFY((Timezone { QStringLiteral("India"), QStringLiteral("+5.5") }).offsetMinutes(&minutes));
        QCOMPARE(minutes, 330);
        QVERIFY((Timezone { QStringLiteral("Arizona"), QStringLiteral("-7.0") }).offsetMinutes(&minutes));
        QCOMPARE(minutes, -420);
    }
};

QTEST_GUILESS_MAIN(TestSettingsSchema)
#include "tst_SettingsSchema.moc"
