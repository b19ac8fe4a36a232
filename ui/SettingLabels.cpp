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
    if (key == QLatin1String("timezones")) return tr("Timezone list");
    return key;
}

QString SettingLabels::help(const QString& key)
{
    using namespace SettingKey;
    if (key == CodeComplexity) return tr("mm-nn then classes: U upper case, L lower case, S symbols, N digits; capital = must contain, small = may. Example: 04-08N.");
    if (key == BiometricOnUpdate || key == BiometricOnUnlock) return tr("Phones cannot do this: must be off to issue mobile identities.");
    if (key == DefaultDn) return tr("Appended to every certificate policy's subject, e.g. O=Example Ltd,C=GB.");
    if (key == MobileOtpViaSms) return tr("Needs the collection link to go by email.");
    return {};
}

} // namespace lanyard
