#include "NotificationPlanner.h"

#include "SettingsSchema.h"

namespace lanyard {

NotificationPlanner::Channels NotificationPlanner::channelsOf(const Settings& settings)
{
    return { settings.boolean(SettingKey::SendEmail), settings.boolean(SettingKey::SmsEmail), settings.boolean(SettingKey::MobileProvisionViaEmail),
        settings.boolean(SettingKey::MobileProvisionViaSms), settings.boolean(SettingKey::MobileOtpViaSms) };
}

Result<QList<NotificationPlanner::Planned>> NotificationPlanner::plan(NotificationScheme scheme, const Person& person, bool showCode, const Channels& channels,
    CardEncoding encoding)
{
    const bool vsc = encoding == CardEncoding::VirtualSmartCard;
    const QString link = vsc ? QStringLiteral("vsc-ready") : QStringLiteral("collection-link");
    const QString code = QStringLiteral("auth-code");
    const bool email = channels.email && !person.email.isEmpty();
    const bool sms = channels.sms && !person.mobile.isEmpty();
    // A link by SMS is for a credential the phone that reads it collects.
    const bool linkBySms = channels.linkBySms && !vsc;
    bool codeBySms = false, codeByEmail = false;
    switch (scheme) {
    case NotificationScheme::None:
        break;
    case NotificationScheme::Default:
        codeByEmail = true;
        codeBySms = true;
        break;
    case NotificationScheme::MobileAuthCodeEmail:
        codeByEmail = true;
        break;
    case NotificationScheme::MobileAuthCodeSms:
        codeBySms = true;
        break;
    }
    if (channels.codeBySmsOnly && (codeByEmail || codeBySms)) {
        codeByEmail = false;
        codeBySms = true;
    }
    QList<Planned> out;
    if (scheme != NotificationScheme::None && channels.linkByEmail && email)
        out.append({ QStringLiteral("email"), person.email, link });
    if (scheme != NotificationScheme::None && linkBySms && sms)
        out.append({ QStringLiteral("sms"), person.mobile, link });
    if (codeByEmail && email)
        out.append({ QStringLiteral("email"), person.email, code });
    if (codeBySms && sms)
        out.append({ QStringLiteral("sms"), person.mobile, code });
    if (showCode)
        return out;
    // Sent, not shown: the user must get both halves.
    if (scheme == NotificationScheme::None)
        return Error(ErrorCode::NoContactDetails, QStringLiteral("the profile's notification scheme sends nothing"),
            { { QStringLiteral("channel"), QStringLiteral("none") } });
    // A switched-off channel is refused by name, not dropped in silence.
    const bool linkCanGoBySms = linkBySms && channels.sms;
    if (!channels.email && !linkCanGoBySms)
        return Error(ErrorCode::ChannelDisabled, QStringLiteral("email notifications are switched off"), { { QStringLiteral("channel"), QStringLiteral("email") } });
    if ((scheme == NotificationScheme::MobileAuthCodeSms || channels.codeBySmsOnly) && !channels.sms)
        return Error(ErrorCode::ChannelDisabled, QStringLiteral("SMS notifications are switched off"), { { QStringLiteral("channel"), QStringLiteral("sms") } });
    const bool linkSent = std::any_of(out.cbegin(), out.cend(), [&](const Planned& p) { return p.templateName == link; });
    const bool codeSent = std::any_of(out.cbegin(), out.cend(), [&](const Planned& p) { return p.templateName == code; });
    if (!linkSent)
        return Error(ErrorCode::NoContactDetails, QStringLiteral("%1 has no address the collection link can go to").arg(person.logonName),
            { { QStringLiteral("channel"), channels.linkByEmail || !linkCanGoBySms ? QStringLiteral("email") : QStringLiteral("sms") } });
    if (!codeSent)
        return Error(ErrorCode::NoContactDetails, QStringLiteral("%1 cannot receive the code by %2").arg(person.logonName, codeBySms ? QStringLiteral("SMS") : QStringLiteral("email")),
            { { QStringLiteral("channel"), codeBySms && !codeByEmail ? QStringLiteral("sms") : QStringLiteral("email") } });
    return out;
}

} // namespace lanyard
