#include "NotificationPlanner.h"

namespace lanyard {

Result<QList<NotificationPlanner::Planned>> NotificationPlanner::plan(NotificationScheme scheme, const Person& person, bool showCode,
    bool smsEnabled, bool emailEnabled)
{
    const QString link = QStringLiteral("collection-link");
    const QString code = QStringLiteral("auth-code");
    const bool email = emailEnabled && !person.email.isEmpty();
    const bool sms = smsEnabled && !person.mobile.isEmpty();
    QList<Planned> wanted;
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
    QList<Planned> out;
    if (scheme != NotificationScheme::None && email)
        out.append({ QStringLiteral("email"), person.email, link });
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
    if (!emailEnabled)
        return Error(ErrorCode::ChannelDisabled, QStringLiteral("email notifications are switched off"), { { QStringLiteral("channel"), QStringLiteral("email") } });
    if (scheme == NotificationScheme::MobileAuthCodeSms && !smsEnabled)
        return Error(ErrorCode::ChannelDisabled, QStringLiteral("SMS notifications are switched off"), { { QStringLiteral("channel"), QStringLiteral("sms") } });
    const bool linkSent = std::any_of(out.cbegin(), out.cend(), [&](const Planned& p) { return p.templateName == link; });
    const bool codeSent = std::any_of(out.cbegin(), out.cend(), [&](const Planned& p) { return p.templateName == code; });
    if (!linkSent)
        return Error(ErrorCode::NoContactDetails, QStringLiteral("%1 has no email address for the collection link").arg(person.logonName),
            { { QStringLiteral("channel"), QStringLiteral("email") } });
    if (!codeSent)
        return Error(ErrorCode::NoContactDetails, QStringLiteral("%1 cannot receive the code by %2").arg(person.logonName, codeBySms ? QStringLiteral("SMS") : QStringLiteral("email")),
            { { QStringLiteral("channel"), codeBySms && !codeByEmail ? QStringLiteral("sms") : QStringLiteral("email") } });
    return out;
}

} // namespace lanyard
