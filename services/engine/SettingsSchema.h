#pragma once

#include "Settings.h"
#include "core/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace lanyard {

namespace SettingKey {
inline const QString CollectionBaseUrl = QStringLiteral("collection.baseUrl");
inline const QString ExternalWebAddress = QStringLiteral("web.externalAddress");
inline const QString CodeComplexity = QStringLiteral("codes.complexity");
inline const QString CodeImmediateLifetimeMinutes = QStringLiteral("codes.immediateLifetimeMinutes");
inline const QString CodeLongLifetimeDays = QStringLiteral("codes.longLifetimeDays");
inline const QString CodeMaxFailures = QStringLiteral("codes.maxFailures");
inline const QString MaxSessionCount = QStringLiteral("mobile.maxSessionCount");
inline const QString SendEmail = QStringLiteral("notify.sendEmail");
inline const QString SmsEmail = QStringLiteral("notify.smsEmail");
inline const QString SmsGateway = QStringLiteral("notify.smsGateway");
inline const QString MobileProvisionViaEmail = QStringLiteral("notify.mobileProvisionViaEmail");
inline const QString MobileProvisionViaSms = QStringLiteral("notify.mobileProvisionViaSms");
inline const QString MobileOtpViaSms = QStringLiteral("notify.mobileOtpViaSms");
inline const QString AndroidAppUrl = QStringLiteral("apps.androidUrl");
inline const QString IosAppUrl = QStringLiteral("apps.iosUrl");
inline const QString DeviceManagement = QStringLiteral("devices.managementEnabled");
inline const QString TemporaryReplacementDays = QStringLiteral("devices.temporaryReplacementDays");
inline const QString VscEnabled = QStringLiteral("vsc.enabled");
inline const QString VscTemporaryUnlock = QStringLiteral("vsc.temporaryUnlock");
inline const QString ParentChildProfiles = QStringLiteral("profiles.allowParentChild");
inline const QString BiometricOnUpdate = QStringLiteral("biometrics.verifyOnUpdate");
inline const QString BiometricOnUnlock = QStringLiteral("biometrics.verifyOnUnlock");
inline const QString AgentLogLevel = QStringLiteral("agent.logLevel");
inline const QString AgentRetryAttempts = QStringLiteral("agent.retryAttempts");
inline const QString AgentRetryDelaySeconds = QStringLiteral("agent.retryDelaySeconds");
inline const QString DefaultDn = QStringLiteral("dn.default");
inline const QString CrlValidityHours = QStringLiteral("crl.validityHours");
inline const QString MailFormat = QStringLiteral("mail.format");
inline const QString SmtpHost = QStringLiteral("smtp.host");
inline const QString SmtpPort = QStringLiteral("smtp.port");
inline const QString SmtpSecurity = QStringLiteral("smtp.security");
inline const QString SmtpUsername = QStringLiteral("smtp.username");
inline const QString SmtpPassword = QStringLiteral("smtp.password");
inline const QString SmtpSender = QStringLiteral("smtp.sender");
inline const QString SmtpCaFile = QStringLiteral("smtp.caFile");
inline const QString SmsMethod = QStringLiteral("sms.method");
inline const QString SmsHttpUrl = QStringLiteral("sms.httpUrl");
inline const QString SmsHttpMethod = QStringLiteral("sms.httpMethod");
inline const QString SmsHttpBody = QStringLiteral("sms.httpBody");
inline const QString SmsHttpContentType = QStringLiteral("sms.httpContentType");
inline const QString SmsHttpUsername = QStringLiteral("sms.httpUsername");
inline const QString SmsHttpPassword = QStringLiteral("sms.httpPassword");
inline const QString NotifyMaxAttempts = QStringLiteral("notify.maxAttempts");
inline const QString NotifyRetryDelaySeconds = QStringLiteral("notify.retryDelaySeconds");
inline const QString RenewalReminderDays = QStringLiteral("notify.renewalReminderDays");
// Days before expiry from which holders renew their own mobile identity in Self-Service (Renew
// my ID) without the helpdesk; 0: only an operator with Request Renewal renews.
inline const QString RenewalWindowDays = QStringLiteral("renewal.windowDays");
// Hours a credential its holder reports lost, stolen or damaged stays suspended before it is
// revoked (the helpdesk may reinstate it meanwhile); 0 revokes it at once.
inline const QString IncidentHoldHours = QStringLiteral("incidents.holdHours");
// Where a holder's incident report is sent (an email address); empty: it waits on the
// Requests page only.
inline const QString IncidentHelpdeskEmail = QStringLiteral("incidents.helpdeskEmail");
// Unlock Credential first has the operator check the holder's answers to their security questions.
inline const QString UnlockChecksSecurityQuestions = QStringLiteral("unlock.checkSecurityQuestions");
inline const QString DerivedTrustAnchorFiles = QStringLiteral("derived.trustAnchorFiles");
inline const QString DerivedIntermediateFiles = QStringLiteral("derived.intermediateFiles");
inline const QString DerivedCrlFiles = QStringLiteral("derived.crlFiles");
inline const QString DerivedMatchUpn = QStringLiteral("derived.matchUpn");
inline const QString DerivedProfile = QStringLiteral("derived.profile");
inline const QString KioskIdleSeconds = QStringLiteral("kiosk.idleSeconds");
inline const QString SessionMaxDays = QStringLiteral("session.maxDays");
} // namespace SettingKey

// Every setting: its type, default, bounds, and validation. Validation happens when settings
// are saved, so a bad value is refused at the desk, not discovered when a user collects.
class SettingsSchema {
public:
        // CertificateFiles / CrlFiles: paths on the engine's machine, separated by ';', each read
    // when the settings are saved.
    enum class Type { Boolean, Integer, Text, Url, Email, Choice, Complexity, DistinguishedName, Secret, CertificateFiles, CrlFiles };
    static QStringList fileList(const QString& value);
    // What an operator reads in place of a stored secret; saving it back keeps the secret.
    static QString secretPlaceholder() { return QStringLiteral("\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022"); }
    static bool isSecret(const QString& key);
    struct Entry {
        Entry(QString k, Type t, QString d, int lo = 0, int hi = 0, QStringList c = {}, bool opt = false)
            : key(std::move(k))
            , type(t)
            , defaultValue(std::move(d))
            , minimum(lo)
            , maximum(hi)
            , choices(std::move(c))
            , optional(opt)
        {
        }
        QString key;
        Type type;
        QString defaultValue;
        int minimum = 0;
        int maximum = 0;
        QStringList choices;
        bool optional = false; // may be empty (Url, Text)
    };

    static const QList<Entry>& entries();
    static QString defaultValue(const QString& key);
    static Settings defaults();
    // Checks each value and the rules between them; the error names the setting (args "key").
    static Result<void> validate(const Settings& settings);
    static Result<void> validateTimezones(const QList<Timezone>& zones);
};

} // namespace lanyard
