#include "SettingLabels.h"

#include "engine/SettingsSchema.h"

namespace lanyard {

QString SettingLabels::label(const QString& key)
{
    using namespace SettingKey;
    if (key == CollectionBaseUrl) return tr("Collection service address");
    if (key == ExternalWebAddress) return tr("External web address");
    if (key == CodeComplexity) return tr("Authentication code complexity");
    if (key == CodeImmediateLifetimeMinutes) return tr("Code lifetime when shown on screen (minutes)");
    if (key == CodeLongLifetimeDays) return tr("Code lifetime when sent (days)");
    if (key == CodeMaxFailures) return tr("Wrong codes before a request locks");
    if (key == MaxSessionCount) return tr("Maximum collection sessions (0 none, -1 no limit)");
    if (key == SendEmail) return tr("Send email notifications");
    if (key == SmsEmail) return tr("SMS notifications");
    if (key == SmsGateway) return tr("SMS gateway for notifications");
    if (key == MobileProvisionViaEmail) return tr("Send the collection link by email");
    if (key == MobileProvisionViaSms) return tr("Send the collection link by SMS");
    if (key == MobileOtpViaSms) return tr("Send the code by SMS");
    if (key == AndroidAppUrl) return tr("Android app download address");
    if (key == IosAppUrl) return tr("iOS app download address");
    if (key == DeviceManagement) return tr("Device management");
    if (key == TemporaryReplacementDays) return tr("Temporary replacement lifetime (days)");
    if (key == VscEnabled) return tr("Virtual smart cards");
    if (key == VscTemporaryUnlock) return tr("Temporary VSC unlock");
    if (key == ParentChildProfiles) return tr("Allow parent and child credential profiles");
    if (key == BiometricOnUpdate) return tr("Verify fingerprints during card update");
    if (key == BiometricOnUnlock) return tr("Verify fingerprints during card unlock");
    if (key == AgentLogLevel) return tr("Agent log level");
    if (key == AgentRetryAttempts) return tr("Agent retry attempts");
    if (key == AgentRetryDelaySeconds) return tr("Agent retry delay (seconds)");
    if (key == DefaultDn) return tr("Default distinguished name");
    if (key == CrlValidityHours) return tr("CRL validity (hours)");
    if (key == MailFormat) return tr("Mail format");
    if (key == SmtpHost) return tr("SMTP server");
    if (key == SmtpPort) return tr("SMTP port");
    if (key == SmtpSecurity) return tr("SMTP security");
    if (key == SmtpUsername) return tr("SMTP user name");
    if (key == SmtpPassword) return tr("SMTP password");
    if (key == SmtpSender) return tr("Sender address");
    if (key == SmtpCaFile) return tr("SMTP server CA file");
    if (key == SmsMethod) return tr("SMS delivery");
    if (key == SmsHttpUrl) return tr("HTTP SMS gateway address");
    if (key == SmsHttpMethod) return tr("HTTP SMS gateway method");
    if (key == SmsHttpBody) return tr("HTTP SMS gateway body");
    if (key == SmsHttpContentType) return tr("HTTP SMS gateway content type");
    if (key == SmsHttpUsername) return tr("HTTP SMS gateway user name");
    if (key == SmsHttpPassword) return tr("HTTP SMS gateway password");
    if (key == NotifyMaxAttempts) return tr("Delivery attempts per message");
    if (key == NotifyRetryDelaySeconds) return tr("First retry delay (seconds, doubles each time)");
    if (key == RenewalReminderDays) return tr("Renewal reminder (days before expiry, 0 off)");
    if (key == RenewalWindowDays) return tr("Holders renew in Self-Service (days before expiry, 0: helpdesk only)");
    if (key == IncidentHoldHours) return tr("Credentials reported lost or stolen are revoked after (hours, 0 at once)");
    if (key == IncidentHelpdeskEmail) return tr("Helpdesk address for incident reports");
    if (key == UnlockChecksSecurityQuestions) return tr("Unlock Credential checks the holder's security questions");
    if (key == DerivedTrustAnchorFiles) return tr("PIV card trust anchors (files)");
    if (key == DerivedIntermediateFiles) return tr("PIV card intermediate CAs (files)");
    if (key == DerivedCrlFiles) return tr("PIV card revocation lists (files)");
    if (key == DerivedMatchUpn) return tr("Find the PIV card holder by the UPN in the certificate");
    if (key == DerivedProfile) return tr("Derived credential profile");
    if (key == KioskIdleSeconds) return tr("Kiosk idle timeout (seconds)");
    if (key == SessionMaxDays) return tr("Longest operator session, renewals included (days)");
    if (key == QLatin1String("timezones")) return tr("Timezone list");
    return key;
}

QString SettingLabels::help(const QString& key)
{
    using namespace SettingKey;
    if (key == DerivedTrustAnchorFiles) return tr("PEM files with the CA certificates that PIV cards must chain to, separated by ';'. Paths on the engine's machine.");
    if (key == DerivedIntermediateFiles) return tr("PEM files with CA certificates between the anchors and the cards, separated by ';'. Not trusted themselves: they only complete the path to an anchor.");
    if (key == DerivedCrlFiles) return tr("CRL files (PEM or DER) of the anchors and the intermediates, separated by ';'. A card whose revocation cannot be checked at every level is refused.");
    if (key == DerivedMatchUpn) return tr("Only for cards whose certificate carries no FASC-N and no card UUID. The UPN is then the only link to a person, so trust it only if the card issuer vouches for it.");
    if (key == SessionMaxDays) return tr("A session that is renewed (the kiosk's) still ends this many days after its logon.");
    if (key == DerivedProfile) return tr("The derived-credential profile the kiosk issues. Empty: the first current one.");
    if (key == CodeComplexity) return tr("mm-nn then classes: U upper case, L lower case, S symbols, N digits; capital = must contain, small = may. Example: 04-08N.");
    if (key == BiometricOnUpdate || key == BiometricOnUnlock) return tr("Phones cannot do this: must be off to issue mobile identities.");
    if (key == DefaultDn) return tr("Appended to every certificate policy's subject, e.g. O=Example Ltd,C=GB.");
    if (key == MobileOtpViaSms) return tr("The code goes by SMS alone, whatever the profile's notification scheme, so link and code never travel the same way. Needs the collection link to go by email.");
    if (key == SmtpHost) return tr("Leave empty until a server is known: messages wait in the outbox and go once it is set.");
    if (key == SmsGateway) return tr("Email-to-SMS gateway domain: messages go to <mobile number>@<gateway>.");
    if (key == SmsMethod) return tr("email-gateway: through the SMTP server to the gateway; http: the HTTP gateway below.");
    if (key == SmsHttpUrl || key == SmsHttpBody) return tr("{{Number}} and {{Message}} are filled in (encoded for the address or the body).");
    if (key == SmtpCaFile) return tr("PEM file of the CA that signed the SMTP server's certificate; empty: the system's CAs.");
    if (key == IncidentHoldHours) return tr("A holder who reports a credential lost, stolen or damaged in Self-Service has it suspended at once; it is revoked this many hours later unless the helpdesk reinstates it first.");
    if (key == IncidentHelpdeskEmail) return tr("Each report made in Self-Service is mailed here. Empty: reports wait on the Requests page as replacements to validate.");
    if (key == UnlockChecksSecurityQuestions) return tr("The operator asks the caller the questions the holder set in Self-Service and types the answers; three wrong answers in a row stop unlocks for that holder for an hour.");
    if (key == SmtpPassword || key == SmsHttpPassword) return tr("Stored encrypted; shown as dots. Leave the dots to keep it.");
    return {};
}

} // namespace lanyard
