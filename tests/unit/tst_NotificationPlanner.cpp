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
    // The link by email only, as the settings have it by default.
    static NotificationPlanner::Channels channels(bool sms, bool email) { return { email, sms, true, false }; }
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
        QCOMPARE(describe(*NotificationPlanner::plan(S::Default, person(true, true), false, channels(true, true), CardEncoding::IdentityAgent)),
            QStringList({ QStringLiteral("email:collection-link"), QStringLiteral("email:auth-code"), QStringLiteral("sms:auth-code") }));
        QCOMPARE(describe(*NotificationPlanner::plan(S::Default, person(true, true), false, channels(false, true), CardEncoding::IdentityAgent)), both);
        QCOMPARE(describe(*NotificationPlanner::plan(S::MobileAuthCodeEmail, person(true, true), false, channels(true, true), CardEncoding::IdentityAgent)), both);
        QCOMPARE(describe(*NotificationPlanner::plan(S::MobileAuthCodeSms, person(true, true), false, channels(true, true), CardEncoding::IdentityAgent)),
            QStringList({ QStringLiteral("email:collection-link"), QStringLiteral("sms:auth-code") }));
        QVERIFY(NotificationPlanner::plan(S::None, person(true, true), true, channels(true, true), CardEncoding::IdentityAgent)->isEmpty());
    }

    // "Send the code by SMS": the code goes by SMS alone under every scheme that sends it, so
    // link and code never share a way; someone without a mobile number cannot be sent it.
    void theCodeBySmsSettingSendsItBySmsAlone()
    {
        using S = NotificationScheme;
        NotificationPlanner::Channels otpSms { true, true, true, false, true };
        const QStringList apart { QStringLiteral("email:collection-link"), QStringLiteral("sms:auth-code") };
        for (S scheme : { S::Default, S::MobileAuthCodeEmail, S::MobileAuthCodeSms })
            QCOMPARE(describe(*NotificationPlanner::plan(scheme, person(true, true), false, otpSms, CardEncoding::IdentityAgent)), apart);
        QCOMPARE(NotificationPlanner::plan(S::MobileAuthCodeEmail, person(true, false), false, otpSms, CardEncoding::IdentityAgent).error().code, ErrorCode::NoContactDetails);
        NotificationPlanner::Channels smsOff { true, false, true, false, true };
        QCOMPARE(NotificationPlanner::plan(S::Default, person(true, true), false, smsOff, CardEncoding::IdentityAgent).error().code, ErrorCode::ChannelDisabled);
        // Shown on screen: nothing by email with the code either.
        QCOMPARE(describe(*NotificationPlanner::plan(S::Default, person(true, true), true, otpSms, CardEncoding::IdentityAgent)), apart);
    }

    // Provision via SMS adds the link by SMS for a phone's credential, never for a virtual
    // smart card, whose link has its own wording; a link by SMS alone still reaches the user.
    void theLinkFollowsTheProvisionSettingsAndTheEncoding()
    {
        using S = NotificationScheme;
        NotificationPlanner::Channels both { true, true, true, true };
        QCOMPARE(describe(*NotificationPlanner::plan(S::MobileAuthCodeEmail, person(true, true), false, both, CardEncoding::IdentityAgent)),
            QStringList({ QStringLiteral("email:collection-link"), QStringLiteral("sms:collection-link"), QStringLiteral("email:auth-code") }));
        QCOMPARE(describe(*NotificationPlanner::plan(S::MobileAuthCodeEmail, person(true, true), false, both, CardEncoding::VirtualSmartCard)),
            QStringList({ QStringLiteral("email:vsc-ready"), QStringLiteral("email:auth-code") }));
        NotificationPlanner::Channels smsLinkOnly { true, true, false, true };
        QCOMPARE(describe(*NotificationPlanner::plan(S::MobileAuthCodeEmail, person(true, true), false, smsLinkOnly, CardEncoding::IdentityAgent)),
            QStringList({ QStringLiteral("sms:collection-link"), QStringLiteral("email:auth-code") }));
        // Neither way open for a virtual smart card's link: refused, not sent half.
        auto vsc = NotificationPlanner::plan(S::MobileAuthCodeEmail, person(true, true), false, smsLinkOnly, CardEncoding::VirtualSmartCard);
        QCOMPARE(vsc.error().code, ErrorCode::NoContactDetails);
        // Email off, the link by SMS and the code by SMS: both halves still arrive, apart.
        NotificationPlanner::Channels noEmail { false, true, true, true };
        QCOMPARE(describe(*NotificationPlanner::plan(S::MobileAuthCodeSms, person(true, true), false, noEmail, CardEncoding::IdentityAgent)),
            QStringList({ QStringLiteral("sms:collection-link"), QStringLiteral("sms:auth-code") }));
    }

    void refusals()
    {
        using S = NotificationScheme;
        QCOMPARE(NotificationPlanner::plan(S::None, person(true, true), false, channels(true, true), CardEncoding::IdentityAgent).error().args.value(QStringLiteral("channel")).toString(), QStringLiteral("none"));
        QCOMPARE(NotificationPlanner::plan(S::Default, person(false, true), false, channels(true, true), CardEncoding::IdentityAgent).error().args.value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
        // SMS switched off or no number: the SMS scheme cannot deliver the code.
        QCOMPARE(NotificationPlanner::plan(S::MobileAuthCodeSms, person(true, true), false, channels(false, true), CardEncoding::IdentityAgent).error().args.value(QStringLiteral("channel")).toString(), QStringLiteral("sms"));
        QCOMPARE(NotificationPlanner::plan(S::MobileAuthCodeSms, person(true, false), false, channels(true, true), CardEncoding::IdentityAgent).error().code, ErrorCode::NoContactDetails);
        QCOMPARE(NotificationPlanner::plan(S::MobileAuthCodeSms, person(true, true), false, channels(false, true), CardEncoding::IdentityAgent).error().code, ErrorCode::ChannelDisabled);
        // Email switched off altogether.
        QCOMPARE(NotificationPlanner::plan(S::MobileAuthCodeEmail, person(true, true), false, channels(true, false), CardEncoding::IdentityAgent).error().code, ErrorCode::ChannelDisabled);
        // On screen: whatever can be sent is, nothing is refused.
        QVERIFY(NotificationPlanner::plan(S::Default, person(false, false), true, channels(true, true), CardEncoding::IdentityAgent)->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestNotificationPlanner)
#include "tst_NotificationPlanner.moc"
