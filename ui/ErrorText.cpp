#include "ErrorText.h"

#include "SettingLabels.h"

#include <QDateTime>
#include <QLocale>

namespace lanyard {

QString ErrorText::problem(const Error& e)
{
    const auto arg = [&e](const char* key) { return e.args.value(QLatin1String(key)).toString(); };
    const QString id = arg("problem");
    if (id == QLatin1String("profile-name"))
        return tr("Give the credential profile a name.");
    if (id == QLatin1String("profile-lifetime"))
        return tr("The lifetime must be between 1 and 3650 days.");
    if (id == QLatin1String("profile-policies"))
        return tr("Tick at least one certificate for the profile to issue.");
    if (id == QLatin1String("pin-length"))
        return tr("The PIN length must lie between %1 and %2 characters for this card encoding, and the minimum may not exceed the maximum.")
            .arg(arg("minimum"), arg("maximum"));
    if (id == QLatin1String("pin-no-class"))
        return tr("Allow at least one class of characters in the PIN.");
    if (id == QLatin1String("parent-child-off"))
        return tr("Parent and child profiles are switched off in the Operation Settings. Switch them on first, or clear the parent settings.");
    if (id == QLatin1String("child-not-vsc"))
        return tr("Only a virtual smart card profile can be the child of another profile.");
    if (id == QLatin1String("profile-stale"))
        return tr("Someone saved version %1 of '%2' while you were editing. Select the profile again to see their change, then make yours.")
            .arg(arg("version"), arg("name"));
    if (id == QLatin1String("role-name"))
        return tr("Give the role a name.");
    if (id == QLatin1String("role-name-length"))
        return tr("A role name may have at most 100 characters.");
    if (id == QLatin1String("role-name-taken"))
        return tr("A role named '%1' already exists. Choose another name, or edit that role.").arg(arg("name"));
    if (id == QLatin1String("fascn-format"))
        return tr("'%1' is not a FASC-N. Type its 32 digits (spaces and dashes may stay), or the 25 bytes of the card's FASC-N as 50 hex digits.").arg(arg("value"));
    if (id == QLatin1String("uuid-format"))
        return tr("'%1' is not a card UUID. Type it as 8-4-4-4-12 hex digits, with or without braces.").arg(arg("value"));
    if (id == QLatin1String("identifier-rights"))
        return tr("%1 holds rights you do not (%2). A card linked to them acts as them at the kiosk, so only an operator who holds those rights may set their card identifiers.").arg(arg("person"), arg("workflow"));
    if (id == QLatin1String("code-rights"))
        return tr("%1 holds rights you do not (%2), so you may not see a code that collects their credential. Send the code to them instead, or ask an operator who holds those rights.").arg(arg("person"), arg("workflow"));
    if (id == QLatin1String("recovery-without-archive"))
        return tr("'%1' does not archive its keys, so there is nothing to recover. Choose 'Issue new' for it, or a policy that archives keys (an encryption certificate).").arg(arg("policy"));
    if (id == QLatin1String("key-reused"))
        return tr("This key already has a certificate. Every certificate needs a new key: let the app or card make a new one and collect again.");
    if (id == QLatin1String("rsa-exponent"))
        return tr("The RSA key uses a public exponent other than 65537, which Lanyard does not certify. Make a new key with the standard exponent.");
    if (id == QLatin1String("logon-too-long"))
        return tr("That logon name or password is far longer than any Lanyard accepts. Check what was pasted.");
    if (id == QLatin1String("role-escalation"))
        return tr("This would grant more than your own roles hold (a workflow you lack, a wider scope, or more for a role you hold yourself). Ask an administrator who holds it, and does not hold this role, to make the change.");
    if (id == QLatin1String("self-lockout"))
        return tr("This would take 'Edit roles' away from you: no other role of yours grants it. Ask another administrator to make this change.");
    if (id == QLatin1String("template-empty"))
        return tr("The message text is empty. Write the message, or reset the template to its default.");
    if (id == QLatin1String("template-subject"))
        return tr("An email needs a subject.");
    if (id == QLatin1String("template-required"))
        return tr("The message must contain {{%1}}: without it the person cannot collect.").arg(arg("field"));
    if (id == QLatin1String("template-both-halves"))
        return tr("{{%1}} belongs in the other message. The collection link and the code travel separately, so that one intercepted message is not enough.").arg(arg("field"));
    if (id == QLatin1String("template-field"))
        return tr("{{%1}} is not a field this message can use. Use the buttons under the text to insert one that is.").arg(arg("field"));
    if (id == QLatin1String("template-unknown"))
        return tr("There is no message template named '%1'.").arg(arg("template"));
    if (id == QLatin1String("dns-name"))
        return tr("Enter the computer's full DNS name, such as pc01.example.org.");
    if (id == QLatin1String("identifier-missing"))
        return tr("Enter the phone's serial number or the computer's DNS name.");
    if (id == QLatin1String("pin-format"))
        return tr("A PIN has 6 to 8 digits. Nothing was sent to the card, so no attempt was used.");
    if (id == QLatin1String("puk-format"))
        return tr("The unblock code (PUK) has 8 characters. Nothing was sent to the card, so no attempt was used.");
    if (id == QLatin1String("not-derived"))
        return tr("This device was not issued from a PIV card, so it has no parent card.");
    if (id == QLatin1String("reason-required"))
        return tr("Enter a reason: it is kept in the audit trail.");
    if (id == QLatin1String("vsc-challenge"))
        return tr("The challenge is 16 hexadecimal characters (0–9, A–F) as Windows shows it; spaces and lower case are fine. Ask the user to read it again.");
    if (id == QLatin1String("unlock-duration"))
        return tr("Choose one of the offered durations.");
    if (id == QLatin1String("lock-exists"))
        return tr("This card already has a pending PIN lock. Update or cancel that one instead.");
    if (id == QLatin1String("lock-when"))
        return tr("Choose the date and time of the lock, or lock at the next Self-Service run.");
    if (id == QLatin1String("lock-timezone"))
        return tr("The chosen timezone is no longer in the list. Pick one from the list again.");
    if (id == QLatin1String("timezone-offset"))
        return tr("A timezone in the list has an offset that is not a number of hours. Correct it in Configuration.");
    if (id == QLatin1String("target-not-vsc"))
        return tr("Only a virtual smart card is made for one computer. Clear the computer, or choose a virtual smart card profile.");
    if (id == QLatin1String("target-unknown"))
        return tr("%1 is not a registered computer. Check the full DNS name, or register the computer under Registered hardware first.").arg(arg("computer"));
    if (id == QLatin1String("unlock-response"))
        return tr("The unlock code from the helpdesk has 16 hexadecimal characters (0–9, A–F); spaces and lower case are fine.");
    if (id == QLatin1String("unlock-response-wrong"))
        return tr("This unlock code does not answer the challenge shown. Read the challenge to the helpdesk again and type the code they give you.");
    if (id == QLatin1String("management-key"))
        return tr("The card does not accept the management key, so Lanyard cannot write to it. Use a blank card, or one Lanyard issued.");
    if (id == QLatin1String("card-server-key"))
        return tr("This profile has the engine make and archive a key, which a PIV card cannot take in. Collect it on a phone, or change the profile's key recovery.");
    if (id == QLatin1String("card-key-algorithm"))
        return tr("The profile allows no key a PIV card can make (RSA-2048 or P-256). Add one of them to its certificate policy.");
    if (id == QLatin1String("card-slots"))
        return tr("A PIV card holds at most three certificates from a profile. Issue the others separately.");
    if (id == QLatin1String("card-unknown"))
        return tr("Lanyard did not issue the certificate on this card, so it cannot log you on. Log on with your password, or use the card Lanyard issued to you.");
    if (id == QLatin1String("certificate-fascn-unreadable"))
        return tr("The card's certificate carries a FASC-N that cannot be read, so the card cannot be linked to anyone. Trying again will not help: take the card to the helpdesk.");
    if (id == QLatin1String("certificate-compressed-damaged"))
        return tr("The certificate on this card is stored compressed, and its compressed data is damaged. Trying again will not help: the card needs to be re-issued by its issuer.");
    if (id == QLatin1String("not-a-card"))
        return tr("Only a smart card Lanyard issued can log you on; a phone identity or a derived credential cannot. Log on with your password, or use your card.");
    if (id == QLatin1String("card-not-usable"))
        return tr("This card is not in use any more (revoked, suspended, expired or replaced), so it cannot log you on. Log on with your password, or ask the helpdesk.");
    if (id == QLatin1String("server-url"))
        return tr("'%1' is not a server address Lanyard can use. Write it as https://host:port; plain http is only accepted for this computer (localhost).").arg(arg("url"));
    if (id == QLatin1String("ca-file"))
        return tr("The CA file %1 cannot be used: it is missing, unreadable or holds no PEM certificate. Choose the PEM file of the CA that signs the server's certificate, or leave the field empty to trust the system's CAs.").arg(arg("path"));
    return {};
}

QString ErrorText::describe(const Error& e)
{
    const auto arg = [&e](const char* key) { return e.args.value(QLatin1String(key)).toString(); };
    if (const QString text = problem(e); !text.isEmpty())
        return text;
    switch (e.code) {
    case ErrorCode::InvalidArgument:
        return tr("The request was not accepted: %1").arg(e.detail);
    case ErrorCode::NotFound:
        return tr("The %1 could not be found. It may have been removed, or it is outside your scope.")
            .arg(arg("what").isEmpty() ? tr("record") : arg("what"));
    case ErrorCode::PermissionDenied:
        if (arg("problem") == QLatin1String("own-request"))
            return tr("You requested this yourself, so another operator must validate it.");
        return tr("Your roles do not allow this (%1). Ask an administrator to grant it.").arg(arg("workflow"));
    case ErrorCode::OutOfScope:
        return tr("This person is outside the scope of your roles (%1).").arg(arg("scope"));
    case ErrorCode::InvalidTransition:
        return tr("This cannot be done now: '%1' is not allowed while the item is '%2'.").arg(arg("operation"), arg("state"));
    case ErrorCode::NotAuthenticated:
        return tr("You are not logged on, or your session has ended. Log on again.");
    case ErrorCode::LogonFailed:
        return tr("The logon name or password is wrong. Check both and try again.");
    case ErrorCode::AccountDisabled:
        return tr("This account is disabled. Ask an administrator to enable it.");
    case ErrorCode::CodeInvalid:
        return tr("The code is wrong. %n attempt(s) left.", nullptr, e.args.value(QStringLiteral("triesLeft")).toInt());
    case ErrorCode::CodeExpired:
        return tr("The code has expired. Ask the helpdesk for a new one.");
    case ErrorCode::CodeUsed:
        return tr("The code has already been used. Ask the helpdesk for a new one.");
    case ErrorCode::CodeLocked:
        return tr("Too many wrong codes: the request is locked. The helpdesk can issue a new code.");
    case ErrorCode::ComplexityInvalid:
        return tr("The code complexity '%1' is not valid. Use mm-nn followed by classes, e.g. 04-08N.").arg(arg("text"));
    case ErrorCode::DnTemplateInvalid:
        return tr("The subject name template is not valid: %1").arg(e.detail);
    case ErrorCode::CsrInvalid:
        return tr("The certificate request could not be read.");
    case ErrorCode::CsrSignatureInvalid:
        return tr("The certificate request's signature does not verify; it may have been altered.");
    case ErrorCode::KeyAlgorithmNotAllowed:
        return tr("The key type %1 is not allowed by the certificate policy (allowed: %2).").arg(arg("algorithm"), arg("allowed"));
    case ErrorCode::CryptoFailure:
        return tr("A cryptographic operation failed. Details are in the log.");
    case ErrorCode::StorageFailure:
        return tr("The database could not complete the operation. Details are in the log.");
    case ErrorCode::StorageBusy:
        return tr("The database is busy. Nothing was changed; try again in a moment.");
    case ErrorCode::StorageReadOnly:
        return tr("The database is read-only. Check the file's permissions and free disk space.");
    case ErrorCode::SchemaTooNew:
        return tr("This database was created by a newer Lanyard (schema %1; this version reads up to %2). Update Lanyard.")
            .arg(arg("databaseVersion"), arg("supportedVersion"));
    case ErrorCode::SettingInvalid:
        return tr("The setting '%1' is not valid: %2").arg(SettingLabels::label(arg("key")), e.detail.section(QStringLiteral(": "), 1));
    case ErrorCode::ProfileNotAvailable:
        return tr("The credential profile '%1' cannot be requested for this person by you.").arg(arg("profile"));
    case ErrorCode::AuditChainBroken:
        return tr("The audit trail does not verify: it has been altered.");
    case ErrorCode::SecretStoreUnavailable:
        return tr("The master key could not be read: %1").arg(e.detail);
    case ErrorCode::MasterKeyMismatch:
        return tr("The master key does not belong to this database. Use the key file or keychain entry created with it.");
    case ErrorCode::ValidationRequired:
        return tr("This request must be validated by a second operator first.");
    case ErrorCode::NoContactDetails:
        return arg("channel") == QLatin1String("sms") ? tr("This person has no mobile number, so the code cannot be sent by SMS. Show the code on screen instead, or add a number.")
                                                      : tr("This person has no email address, so nothing can be sent. Show the code on screen instead, or add an address.");
    case ErrorCode::Conflict:
        return tr("The change conflicts with existing data: %1").arg(e.detail);
    case ErrorCode::DeliveryFailed:
        return tr("The message could not be delivered: %1. Check the email and SMS settings, then re-send.").arg(arg("reason"));
    case ErrorCode::ServiceBusy:
        return tr("The server is busy. Nothing was lost; try again in %n second(s).", nullptr, qMax(1, e.args.value(QStringLiteral("retryAfter")).toInt()));
    case ErrorCode::DeviceNotAllowed:
        if (arg("restriction") == QLatin1String("target-computer"))
            return tr("This card was requested for %1 and can only be made there.").arg(arg("computer"));
        return arg("restriction") == QLatin1String("my-mobiles-only")
            ? tr("This phone is not registered to this person, and the credential profile only allows the person's own registered phones.")
            : tr("This phone is not registered, and the credential profile only allows registered phones. Register it under Registered hardware first.");
    case ErrorCode::BiometricsIncompatible:
        return tr("Biometric checks on update or unlock are switched on, and mobile identities cannot perform them. Switch both off in the Operation Settings to issue to phones.");
    case ErrorCode::MobileIssuanceDisabled:
        return tr("Mobile issuance is switched off (the maximum session count is 0). Raise it in the Operation Settings.");
    case ErrorCode::SessionExpired:
        return tr("The collection took too long and was stopped. Nothing was issued; start the collection again with the same code.");
    case ErrorCode::TrustFailure:
        return tr("The server's certificate is not trusted: %1. Check the CA file in the connection settings, or ask the administrator which CA signs the server.").arg(e.detail);
    case ErrorCode::NetworkFailure:
        return tr("The server could not be reached: %1. Check the address and your network, then try again; nothing you typed was lost.").arg(e.detail);
    case ErrorCode::PcscUnavailable:
        return tr("The smart card service is not running, so no card can be read. Start it (pcscd) or ask IT; Lanyard notices by itself when it is back.");
    case ErrorCode::NoCard:
        return tr("The card was removed or cannot be reached. Insert it again and keep it in the reader until you are done.");
    case ErrorCode::CardError:
        if (arg("problem") == QLatin1String("not-piv"))
            return tr("This card is not a PIV card. Use your PIV smart card.");
        if (arg("problem") == QLatin1String("no-authentication-certificate"))
            return tr("This card holds no PIV Authentication certificate, so it cannot be used here. Ask the helpdesk.");
        if (arg("problem") == QLatin1String("certificate-unreadable"))
            return tr("The certificate on this card cannot be read. The card may be damaged; ask the helpdesk.");
        if (arg("problem") == QLatin1String("card-in-use"))
            return tr("Another program is using the card. Close it, or remove the card and insert it again.");
        return tr("The card did not answer as expected. Remove it, insert it again and retry; if it happens again, ask the helpdesk.");
    case ErrorCode::WrongPin:
        if (arg("reference") == QLatin1String("puk"))
            return tr("The unblock code (PUK) is wrong. %n attempt(s) left before it is blocked too.", nullptr, e.args.value(QStringLiteral("triesLeft")).toInt());
        return tr("The PIN is wrong. %n attempt(s) left before the card is blocked.", nullptr, e.args.value(QStringLiteral("triesLeft")).toInt());
    case ErrorCode::PinBlocked:
        if (arg("reference") == QLatin1String("puk"))
            return tr("The card's unblock code (PUK) is blocked: the card cannot be unblocked any more. Ask the helpdesk for a new card.");
        return tr("The card's PIN is blocked after too many wrong attempts. The helpdesk can unblock it (Self-Service: Unblock PIN).");
    case ErrorCode::CertificateExpired:
        if (arg("problem") == QLatin1String("parent-expired"))
            return tr("The PIV card this credential is derived from expired on %1, so it can no longer be collected. Derive a new one from a valid card.")
                .arg(QLocale().toString(e.args.value(QStringLiteral("notAfter")).toDateTime().toLocalTime(), QLocale::ShortFormat));
        return tr("The certificate on this card is not valid now (valid from %1 until %2). Ask the helpdesk for a new card.")
            .arg(QLocale().toString(e.args.value(QStringLiteral("notBefore")).toDateTime().toLocalTime(), QLocale::ShortFormat),
                QLocale().toString(e.args.value(QStringLiteral("notAfter")).toDateTime().toLocalTime(), QLocale::ShortFormat));
    case ErrorCode::CertificateUntrusted:
        if (arg("problem") == QLatin1String("no-anchors"))
            return tr("No trusted issuers of PIV cards are configured, so no card can be accepted. An administrator sets them in the Operation Settings.");
        if (arg("problem") == QLatin1String("crl-missing"))
            return tr("Whether this card has been revoked cannot be checked: there is no revocation list for its issuer. An administrator adds it in the Operation Settings.");
        if (arg("problem") == QLatin1String("crl-stale"))
            return tr("Whether this card has been revoked cannot be checked: the revocation list is out of date. An administrator must update it.");
        return tr("This card was not issued by a trusted issuer (%1). Use a card from your organisation.").arg(e.detail);
    case ErrorCode::CertificateRevoked:
        return tr("This card has been revoked by its issuer and cannot be used. Ask the helpdesk.");
    case ErrorCode::PossessionFailed:
        if (arg("problem") == QLatin1String("challenge-expired"))
            return tr("This took too long. Remove your card and start again.");
        return tr("The card could not prove that it holds the certificate's key. Remove it and start again; if it happens again, ask the helpdesk.");
    case ErrorCode::NoMatchingPerson:
        if (arg("problem") == QLatin1String("upn-match-off"))
            return tr("This card's certificate carries no FASC-N or card UUID, so it cannot be linked to anyone. Ask the helpdesk: they can allow finding the holder by the certificate's UPN.");
        return tr("This card does not belong to anyone Lanyard knows. Ask the helpdesk to link the card to your record.");
    case ErrorCode::CardIdentityMismatch:
        return tr("This card's signed identity (%1 %2) does not match its certificate (%3), so it may have been altered. Do not use it; take it to the helpdesk.")
            .arg(arg("what"), arg("chuid"), arg("certificate"));
    case ErrorCode::CardIdentifierTaken:
        return tr("Another person already holds this %1 (%2). A card belongs to one person: remove it from the other record first.")
            .arg(arg("which") == QLatin1String("fascn") ? tr("FASC-N") : tr("card UUID"), arg("value"));
    case ErrorCode::ChannelDisabled:
        return arg("channel") == QLatin1String("sms")
            ? tr("The profile's notification scheme sends the code by SMS, but SMS notifications are switched off in the Operation Settings. Switch them on, or show the code on screen.")
            : tr("The profile's notification scheme sends email, but email notifications are switched off in the Operation Settings. Switch them on, or show the code on screen.");
    }
    return e.toLogString();
}

} // namespace lanyard
