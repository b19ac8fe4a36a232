#include "engine/NotificationPlanner.h"

#include <QTest>

using namespace lanyard;

class TestNotificationPlanner : public QObject {
    Q_OBJECT

    static Person person(bool email, bool mobile)
    {
        Person p;
        p.logonName = QStringLiteral("p");
        p.email = email ? QStringLiteral("p@example.test") : QString();
        p.mobile = mobile ? QStringLiteral("+44 7700 900123") : QString();
        return p;
    }
    static QStringList describe(const QList<NotificationPlanner::Planned>& plan)
    {
        QStringList out;
        for (const auto& p : plan)
            out << p.channel + QLatin1Char(':') + p.templateName;
        return out;
    }

private Q_SLOTS:
    void schemes()
    {
        using S = NotificationScheme;
        const QStringList both { QStringLiteral("email:collection-link"), QStringLiteral("email:auth-code") };
        QCOMPARE(describe(*NotificationPlanner::plan(S::Default, person(true, true), false, true, true)),
            QStringList({ QStringLiteral("email:collection-link"), QStringLiteral("email:auth-code"), QStringLiteral("sms:auth-code") }));
        QCOMPARE(describe(*NotificationPlanner::plan(S::Default, person(true, true), false, false, true)), both);
        QCOMPARE(describe(*NotificationPlanner::plan(S::MobileAuthCodeEmail, person(true, true), false, true, true)), both);
        QCOMPARE(describe(*NotificationPlanner::plan(S::MobileAuthCodeSms, person(true, true), false, true, true)),
            QStringList({ QStringLiteral("email:collection-link"), QStringLiteral("sms:auth-code") }));
        QVERIFY(NotificationPlanner::plan(S::None, person(true, true), true, true, true)->isEmpty());
    }

    void refusals()
    {
        using S = NotificationScheme;
        QCOMPARE(NotificationPlanner::plan(S::None, person(true, true), false, true, true).error().args.value(QStringLiteral("channel")).toString(), QStringLiteral("none"));
        QCOMPARE(NotificationPlanner::plan(S::Default, person(false, true), false, true, true).error().args.value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
        // SMS switched off or no number: the SMS scheme cannot deliver the code.
        QCOMPARE(NotificationPlanner::plan(S::MobileAuthCodeSms, person(true, true), false, false, true).error().args.value(QStringLiteral("channel")).toString(), QStringLiteral("sms"));
        QCOMPARE(NotificationPlanner::plan(S::MobileAuthCodeSms, person(true, false), false, true, true).error().code, ErrorCode::NoContactDetails);
        QCOMPARE(NotificationPlanner::plan(S::MobileAuthCodeSms, person(true, true), false, false, true).error().code, ErrorCode::ChannelDisabled);
        // Email switched off altogether.
        QCOMPARE(NotificationPlanner::plan(S::MobileAuthCodeEmail, person(true, true), false, true, false).error().code, ErrorCode::ChannelDisabled);
        // On screen: whatever can be sent is, nothing is refused.
        QVERIFY(NotificationPlanner::plan(S::Default, person(false, false), true, true, true)->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestNotificationPlanner)
#include "tst_NotificationPlanner.moc"
