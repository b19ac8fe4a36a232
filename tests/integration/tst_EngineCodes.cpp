#include "TestSupport.h"
#include "engine/SettingsSchema.h"

#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

// Authentication codes through the engine: single use, expiry, failure limit, replacement.
class TestEngineCodes : public QObject {
    Q_OBJECT

    EngineFixture m_fx;
    OperatorSession m_op;
    qint64 m_person = 0;
    qint64 m_profile = 0;

    IssuedRequest request(bool show = true)
    {
        auto r = await(m_fx.engine().requestCredential(m_op, m_person, m_profile, show));
        if (!r)
            qFatal("request failed: %s", qPrintable(r.error().toLogString()));
        return *r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx.open();
        m_fx.seedDemo(60, 0);
        m_op = m_fx.demoOperator();
        m_person = m_fx.scalar(QStringLiteral("SELECT MAX(id) FROM people WHERE email <> ''")).toLongLong();
        m_profile = m_fx.profileIdByName(QStringLiteral("Mobile Identity"));
    }

    void codeFollowsComplexityAndIsNotStored()
    {
        const IssuedRequest r = request();
        QCOMPARE(r.code.size(), 9); // "1234 5678": eight digits, grouped
        QVERIFY(r.collectionUrl.startsWith(QStringLiteral("https://lanyard.example.test/collect/c/")));
        QCOMPARE(r.collectionUrl.section(QLatin1Char('/'), -1), r.job.collectionToken);
        QCOMPARE(r.job.collectionToken.size(), 22); // 128 bits, base64url
        const QString stored = m_fx.scalar(QStringLiteral("SELECT code_hash FROM jobs WHERE id = ?"), { r.job.id }).toString();
        QVERIFY(stored.startsWith(QStringLiteral("pbkdf2-sha256$")));
        QVERIFY(!stored.contains(QString(r.code).remove(QLatin1Char(0x20))));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE details LIKE ?"), { QLatin1Char('%') + r.code + QLatin1Char('%') }).toInt(), 0);
    }

    void sentCodeIsNotReturned()
    {
        const IssuedRequest r = request(false);
        QVERIFY(r.code.isEmpty());
        // Default scheme, SMS switched off: the link and the code by two separate emails.
        QCOMPARE(r.notifications.size(), 2);
        QCOMPARE(r.notifications.at(0).templateName, QStringLiteral("collection-link"));
        QCOMPARE(r.notifications.at(1).templateName, QStringLiteral("auth-code"));
        for (const Notification& n : r.notifications) {
            QCOMPARE(n.channel, QStringLiteral("email"));
            QCOMPARE(n.state, QStringLiteral("queued"));
        }
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM notifications WHERE job_id = ? AND state = 'queued'"), { r.job.id }).toInt(), 2);
        const QByteArray body = m_fx.scalar(QStringLiteral("SELECT body_wrapped FROM notifications WHERE job_id = ? AND template = 'collection-link'"), { r.job.id }).toByteArray();
        QVERIFY(!body.contains("collect/c/")); // wrapped at rest
        // A new code supersedes the messages still waiting with the old one.
        auto fresh = await(m_fx.engine().regenerateCode(m_op, r.job.id, false));
        QVERIFY(fresh.ok());
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM notifications WHERE job_id = ? AND state = 'superseded'"), { r.job.id }).toInt(), 2);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM notifications WHERE job_id = ? AND state = 'queued'"), { r.job.id }).toInt(), 2);
        QCOMPARE(r.job.status, JobStatus::AwaitingIssue);
        QVERIFY(r.job.codeExpiresAt > m_fx.now().addDays(13)); // long-life lifetime
    }

    void singleUseSpacesOptional()
    {
        const IssuedRequest r = request();
        auto ok = await(m_fx.engine().startCollection(CollectionStart { r.job.collectionToken, r.code.toLower(), {} }));
        QVERIFY(ok.ok());
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT status FROM jobs WHERE id = ?"), { r.job.id }).toString(), jobStatusId(JobStatus::InProgress));
        QCOMPARE(await(m_fx.engine().startCollection(CollectionStart { r.job.collectionToken, r.code, {} })).error().code, ErrorCode::CodeUsed);
        QCOMPARE(await(m_fx.engine().startCollection(CollectionStart { QStringLiteral("no-such-token"), r.code, {} })).error().code, ErrorCode::NotFound);
    }

    void wrongCodesLockAtTheLimit()
    {
        const IssuedRequest r = request();
        const int limit = SettingsSchema::defaults().integer(SettingKey::CodeMaxFailures);
        for (int i = 1; i < limit; ++i) {
            auto wrong = await(m_fx.engine().startCollection(CollectionStart { r.job.collectionToken, QStringLiteral("00000000"), {} }));
            QCOMPARE(wrong.error().code, ErrorCode::CodeInvalid);
            QCOMPARE(wrong.error().args.value(QStringLiteral("triesLeft")).toInt(), limit - i);
        }
        QCOMPARE(await(m_fx.engine().startCollection(CollectionStart { r.job.collectionToken, QStringLiteral("00000000"), {} })).error().code, ErrorCode::CodeLocked);
        // Locked: even the right code is refused now.
        QCOMPARE(await(m_fx.engine().startCollection(CollectionStart { r.job.collectionToken, r.code, {} })).error().code, ErrorCode::CodeLocked);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT status FROM jobs WHERE id = ?"), { r.job.id }).toString(), QStringLiteral("locked"));
        // A new code unlocks the job and replaces the old code.
        auto fresh = await(m_fx.engine().regenerateCode(m_op, r.job.id, true));
        QVERIFY(fresh.ok());
        QCOMPARE(fresh->job.collectionToken, r.job.collectionToken);
        if (fresh->code != r.code)
            QCOMPARE(await(m_fx.engine().startCollection(CollectionStart { r.job.collectionToken, r.code, {} })).error().code, ErrorCode::CodeInvalid);
        QVERIFY(await(m_fx.engine().startCollection(CollectionStart { r.job.collectionToken, fresh->code, {} })).ok());
    }

    void codesExpire()
    {
        const IssuedRequest r = request();
        m_fx.advanceClock(61 * 60); // immediate-use lifetime is 60 minutes
        QCOMPARE(await(m_fx.engine().startCollection(CollectionStart { r.job.collectionToken, r.code, {} })).error().code, ErrorCode::CodeExpired);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT status FROM jobs WHERE id = ?"), { r.job.id }).toString(), QStringLiteral("expired"));
        QCOMPARE(await(m_fx.engine().startCollection(CollectionStart { r.job.collectionToken, r.code, {} })).error().code, ErrorCode::CodeExpired);
    }

    void validationNeedsASecondOperator()
    {
        const qint64 validated = m_fx.profileIdByName(QStringLiteral("Mobile Identity (validated)"));
        auto r = await(m_fx.engine().requestCredential(m_op, m_person, validated, true));
        QVERIFY(r.ok());
        QCOMPARE(r->job.status, JobStatus::AwaitingValidation);
        QVERIFY(r->code.isEmpty());
        // The demo operator has no Validate Request; the validator has, but not for their own request.
        QCOMPARE(await(m_fx.engine().validateRequest(m_op, r->job.id, true, true)).error().code, ErrorCode::PermissionDenied);
        const OperatorSession validator = m_fx.logon(QStringLiteral("validator"), QString::fromLatin1(DemoDataGenerator::kOperatorPassword));
        auto approved = await(m_fx.engine().validateRequest(validator, r->job.id, true, true));
        QVERIFY(approved.ok());
        QCOMPARE(approved->job.status, JobStatus::AwaitingIssue);
        QVERIFY(!approved->code.isEmpty());
        QCOMPARE(await(m_fx.engine().validateRequest(validator, r->job.id, true, true)).error().code, ErrorCode::InvalidTransition);
        auto collected = m_fx.collect(*approved);
        QCOMPARE(collected.state, DeviceState::Active);
    }

    void missingContactDetailsAreRefused()
    {
        const qint64 noEmail = m_fx.scalar(QStringLiteral("SELECT MIN(id) FROM people WHERE email = '' AND logon_name NOT IN ('demo','validator','kiosk')")).toLongLong();
        QVERIFY(noEmail > 0);
        auto refused = await(m_fx.engine().requestCredential(m_op, noEmail, m_profile, false));
        QCOMPARE(refused.error().code, ErrorCode::NoContactDetails);
        QCOMPARE(refused.error().args.value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
        QVERIFY(await(m_fx.engine().requestCredential(m_op, noEmail, m_profile, true)).ok()); // on screen works
    }
};

QTEST_GUILESS_MAIN(TestEngineCodes)
#include "tst_EngineCodes.moc"
