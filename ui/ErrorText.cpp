#include "ErrorText.h"

#include "DomainText.h"
#include "SettingLabels.h"

#include <QDateTime>
#include <QLocale>

namespace lanyard {

namespace {
QString argOf(const Error& e, const char* key)
{
    return e.args.value(QLatin1String(key)).toString();
}
} // namespace

// Every problem id an engine, agent or card error may carry, each with its sentence, in one
// place; tst_errortext finds every id the services can send and asks for its line here.
std::span<const ErrorText::ProblemText> ErrorText::problemTexts()
{
    // A PIN policy's class of characters, named as the profile editor names it.
    static const auto pinClass = [](const QString& id) {
        if (id == QLatin1String("upper"))
            return tr("an upper-case letter");
        if (id == QLatin1String("lower"))
            return tr("a lower-case letter");
        if (id == QLatin1String("digits"))
            return tr("a digit");
        return tr("a sign such as ! or #");
    };
    static const ProblemText table[] = {
        { "profile-name", [](const Error& e) { return tr("Give the credential profile a name."); } },
        { "profile-lifetime", [](const Error&) { return tr("The lifetime must be between 1 and 3650 days."); } },
        { "profile-policies", [](const Error& e) { return tr("Tick at least one certificate for the profile to issue."); } },
        { "pin-length", [](const Error& e) { return tr("The PIN length must lie between %1 and %2 characters for this card encoding, and the minimum may not exceed the maximum.")
            .arg(argOf(e, "minimum"), argOf(e, "maximum")); } },
        { "pin-no-class", [](const Error&) { return tr("Allow at least one class of characters in the PIN."); } },
        { "renewal-window", [](const Error& e) {
             const QDateTime opens = QDateTime::fromString(argOf(e, "opensAt"), Qt::ISODate);
             return opens.isValid() ? tr("You can renew this credential yourself from %1. Until then the helpdesk can renew it.").arg(QLocale().toString(opens.toLocalTime().date(), QLocale::LongFormat))
                                    : tr("Renewals are made by the helpdesk here: ask them to renew this credential."); } },
        { "renewal-other-device", [](const Error& e) { return tr("This code renews another device than the one stored here: %1").arg(e.detail); } },
        { "batch-too-large", [](const Error& e) { return tr("At most %1 people go in one call; the window sends a longer list in several.").arg(argOf(e, "maximum")); } },
        { "batch-duplicate", [](const Error&) { return tr("Chosen twice: requested once."); } },
        { "details-too-long", [](const Error& e) { return tr("Write at most %1 characters.").arg(argOf(e, "maximum")); } },
        { "incident-kind", [](const Error&) { return tr("Say whether the device is lost, stolen, damaged or forgotten."); } },
        { "incident-open", [](const Error& e) { return tr("This device was reported already (request %1). Cancel that request on My requests first if it was wrong, or ask the helpdesk.").arg(argOf(e, "job")); } },
        { "security-question-count", [](const Error& e) { return tr("Set between %1 and %2 security questions.").arg(argOf(e, "minimum"), argOf(e, "maximum")); } },
        { "security-question-text", [](const Error& e) { return tr("Question %1 is empty or too long (at most %2 characters). Write it as a plain sentence.").arg(argOf(e, "position"), argOf(e, "maximum")); } },
        { "security-question-repeated", [](const Error& e) { return tr("Question %1 is the same as an earlier one. Each question must be different.").arg(argOf(e, "position")); } },
        { "security-answer-length", [](const Error& e) { return tr("The answer to question %1 must have %2 to %3 characters.").arg(argOf(e, "position"), argOf(e, "minimum"), argOf(e, "maximum")); } },
        { "security-answers-missing", [](const Error&) { return tr("Answer every security question."); } },
        { "security-questions-unset", [](const Error&) { return tr("The holder has set no security questions, and this organisation asks for them before an unlock. They set them in Self-Service (Security questions); until then an administrator can switch the check off in the Operation Settings."); } },
        { "security-answers-wrong", [](const Error& e) {
             const int left = e.args.value(QStringLiteral("triesLeft")).toInt();
             return left > 0 ? tr("The answers do not match the holder's. %n more wrong attempt(s) stop unlocks for this holder for an hour.", nullptr, left)
                             : tr("The answers do not match the holder's. Unlocks for this holder are stopped for %n minute(s).", nullptr, e.args.value(QStringLiteral("lockMinutes")).toInt()); } },
        { "security-answers-locked", [](const Error& e) {
             const QDateTime until = QDateTime::fromString(argOf(e, "until"), Qt::ISODate);
             return tr("Too many wrong answers for this holder. Their answers are checked again from %1.").arg(QLocale().toString(until.toLocalTime(), QLocale::ShortFormat)); } },
        { "renewal-open", [](const Error& e) { return tr("Request %1 already renews or updates this device: collect it, or cancel it on the Requests page first.").arg(argOf(e, "job")); } },
        { "pin-too-short", [](const Error& e) { return tr("The PIN is too short: the profile asks for %1 to %2 characters.").arg(argOf(e, "minimum"), argOf(e, "maximum")); } },
        { "pin-too-long", [](const Error& e) { return tr("The PIN is too long: the profile asks for %1 to %2 characters.").arg(argOf(e, "minimum"), argOf(e, "maximum")); } },
        { "pin-class-missing", [](const Error& e) { return tr("The PIN needs %1, as the profile says.").arg(pinClass(argOf(e, "class"))); } },
        { "pin-class-not-allowed", [](const Error& e) { return tr("The profile allows no PIN with %1.").arg(pinClass(argOf(e, "class"))); } },
        { "pin-character", [](const Error&) { return tr("The PIN holds a character no PIN may use: use only letters A to Z, digits and the signs on a keyboard, without spaces."); } },
        { "parent-child-off", [](const Error&) { return tr("Parent and child profiles are switched off in the Operation Settings. Switch them on first, or clear the parent settings."); } },
        { "child-not-vsc", [](const Error& e) { return tr("Only a virtual smart card profile can be the child of another profile."); } },
        { "profile-stale", [](const Error& e) { return tr("Someone saved version %1 of '%2' while you were editing. Select the profile again to see their change, then make yours.")
            .arg(argOf(e, "version"), argOf(e, "name")); } },
        { "role-name", [](const Error& e) { return tr("Give the role a name."); } },
        { "role-name-length", [](const Error&) { return tr("A role name may have at most 100 characters."); } },
        { "role-name-taken", [](const Error& e) { return tr("A role named '%1' already exists. Choose another name, or edit that role.").arg(argOf(e, "name")); } },
        { "fascn-format", [](const Error& e) { return tr("'%1' is not a FASC-N. Type its 32 digits (spaces and dashes may stay), or the 25 bytes of the card's FASC-N as 50 hex digits.").arg(argOf(e, "value")); } },
        { "uuid-format", [](const Error& e) { return tr("'%1' is not a card UUID. Type it as 8-4-4-4-12 hex digits, with or without braces.").arg(argOf(e, "value")); } },
        { "identifier-rights", [](const Error& e) { return tr("%1 holds rights you do not (%2). A card linked to them acts as them at the kiosk, so only an operator who holds those rights may set their card identifiers.").arg(argOf(e, "person"), argOf(e, "workflow")); } },
        { "code-rights", [](const Error& e) { return tr("%1 holds rights you do not (%2), so you may not see a code that collects their credential. Send the code to them instead, or ask an operator who holds those rights.").arg(argOf(e, "person"), argOf(e, "workflow")); } },
        { "recovery-without-archive", [](const Error& e) { return tr("'%1' does not archive its keys, so there is nothing to recover. Choose 'Issue new' for it, or a policy that archives keys (an encryption certificate).").arg(argOf(e, "policy")); } },
        { "logon-name-format", [](const Error&) { return tr("A logon name has no spaces and none of the characters \" / \\ [ ] : ; | = , + * ? < >."); } },
        { "full-name-missing", [](const Error&) { return tr("Type the person's full name."); } },
        { "email-format", [](const Error& e) { return tr("'%1' is not an e-mail address. Type it as name@example.org, or leave it empty.").arg(argOf(e, "value")); } },
        { "mobile-format", [](const Error& e) { return tr("'%1' is not an international mobile number. Type + and the country code, then the number (e.g. +44 7700 900123), or leave it empty.").arg(argOf(e, "value")); } },
        { "upn-format", [](const Error& e) { return tr("'%1' is not a user principal name. Type it as name@domain, or leave it empty.").arg(argOf(e, "value")); } },
        { "field-too-long", [](const Error& e) { return tr("The %1 may have at most %2 characters.").arg(DomainText::personField(argOf(e, "field")), argOf(e, "maximum")); } },
        { "field-control-character", [](const Error& e) { return tr("The %1 holds a line break or another control character. Remove it.").arg(DomainText::personField(argOf(e, "field"))); } },
        { "person-field-taken", [](const Error& e) {
            if (e.args.value(QStringLiteral("removed")).toBool())
                return tr("The %1 '%2' belonged to a person who was removed; it is not given to anyone else, so that the records stay clear. Choose another.")
                    .arg(DomainText::personField(argOf(e, "field")), argOf(e, "value"));
            return tr("Another person has the %1 '%2'. Find them first: they may be the person you mean.").arg(DomainText::personField(argOf(e, "field")), argOf(e, "value")); } },
        { "group-out-of-scope", [](const Error& e) { return tr("Your role reaches only your own group, and '%1' is not it.").arg(argOf(e, "group")); } },
        { "person-rights", [](const Error& e) { return tr("%1 holds rights you do not (%2). Whoever changes their account can act as them, so only an operator who holds those rights may.").arg(argOf(e, "person"), argOf(e, "workflow")); } },
        { "own-account", [](const Error&) { return tr("You cannot disable, enable or remove your own account. Ask another administrator."); } },
        { "last-administrator", [](const Error&) { return tr("This would leave nobody who may give roles to everyone. Give another enabled person that right first."); } },
        { "role-rights", [](const Error& e) { return tr("The role '%1' carries rights you do not hold (%2), so you may neither give nor take it.").arg(argOf(e, "role"), argOf(e, "workflow")); } },
        { "person-has-devices", [](const Error& e) { return tr("This person holds %n device(s) not cancelled. Cancel them first; their history stays in the records.", nullptr, argOf(e, "count").toInt()); } },
        { "import-two-people", [](const Error& e) { return tr("The employee id %1 belongs to one person and the logon name %2 to another. Correct the row, or the two records.").arg(argOf(e, "employeeId"), argOf(e, "logonName")); } },
        { "import-field-unknown", [](const Error& e) { return tr("There is no person field '%1'.").arg(argOf(e, "field")); } },
        { "import-key-missing", [](const Error&) { return tr("Choose the column that holds the logon name or the employee id: each row's person is found by it."); } },
        { "import-batch-size", [](const Error& e) { return tr("At most %1 rows are sent at a time.").arg(argOf(e, "maximum")); } },
        { "csv-encoding", [](const Error& e) { return tr("Line %1 of the file is not UTF-8 text. Save the file as 'CSV UTF-8' and choose it again.").arg(argOf(e, "line")); } },
        { "csv-quote", [](const Error& e) { return tr("Line %1 of the file has a quoted field that is not closed, or text after a closing quote. Correct the quotes and choose the file again.").arg(argOf(e, "line")); } },
        { "csv-columns", [](const Error& e) { return tr("This line has %1 field(s) where the header has %2; it is left out. A field holding the separator must be in quotes.").arg(argOf(e, "found"), argOf(e, "expected")); } },
        { "file-unreadable", [](const Error& e) { return tr("Cannot read %1: %2.").arg(argOf(e, "path"), argOf(e, "reason")); } },
        { "switched-off", [](const Error& e) { return tr("'%1' is off in the Operation Settings, so this cannot be done. An administrator can switch it on under Configuration.").arg(SettingLabels::label(argOf(e, "setting"))); } },
        { "csv-empty", [](const Error&) { return tr("The file is empty: it needs a header line naming its columns."); } },
        { "biometric-unlock", [](const Error& e) { return tr("'%1' is on in the Operation Settings: an unlock needs the holder's biometrics checked, which a mobile credential and this desk cannot do. "
                                                            "Nothing was unlocked; an administrator can switch the setting off under Configuration.").arg(SettingLabels::label(argOf(e, "setting"))); } },
        { "directory-unreachable", [](const Error& e) { return tr("The directory at %1 cannot be reached. Check the address and port, and that this server may connect to it.").arg(argOf(e, "url")); } },
        { "directory-timeout", [](const Error& e) { return tr("The directory at %1 did not answer in time. Try again; if it keeps happening, check the network between this server and the directory.").arg(argOf(e, "url")); } },
        { "directory-tls-untrusted", [](const Error& e) { return tr("The directory's certificate at %1 is not trusted, or is not made out for that address. Choose the CA file of the CA that signs the directory's certificate, and use the name the certificate carries.").arg(argOf(e, "url")); } },
        { "directory-tls-failed", [](const Error& e) { return tr("The directory at %1 refused StartTLS. Use ldaps:// if it offers that, or ask its administrator to enable TLS.").arg(argOf(e, "url")); } },
        { "directory-bind-refused", [](const Error& e) { return tr("The directory refused the bind as %1. Check the bind DN and type its password again.").arg(argOf(e, "bindDn").isEmpty() ? tr("(anonymous)") : argOf(e, "bindDn")); } },
        { "directory-base-missing", [](const Error& e) { return tr("The directory has no entry %1. Check the base DN (it is case-insensitive but must name an existing entry).").arg(argOf(e, "base")); } },
        { "directory-filter-syntax", [](const Error& e) { return tr("The directory cannot read the filter %1. Write it as in RFC 4515, e.g. (&(objectClass=person)(mail=*)).").arg(argOf(e, "filter")); } },
        { "directory-size-limit", [](const Error&) { return tr("The directory stopped after its size limit. Ask its administrator to lift the limit for the bind account, or use a smaller page size."); } },
        { "directory-refused", [](const Error& e) { return tr("The directory refused: %1.").arg(argOf(e, "reason")); } },
        { "directory-url", [](const Error&) { return tr("Type the directory's address as ldap://host:port or ldaps://host:port."); } },
        { "directory-starttls-ldaps", [](const Error&) { return tr("StartTLS is for ldap:// addresses; an ldaps:// address is encrypted already. Untick StartTLS or use ldap://."); } },
        { "directory-dn", [](const Error&) { return tr("This is not a distinguished name. Write it as attribute=value pairs separated by commas, e.g. ou=people,dc=example,dc=org."); } },
        { "directory-filter", [](const Error&) { return tr("Write the filter in parentheses, e.g. (objectClass=inetOrgPerson), with every parenthesis closed."); } },
        { "directory-field-unknown", [](const Error& e) { return tr("'%1' is not a person field the directory can fill.").arg(argOf(e, "field")); } },
        { "directory-attribute", [](const Error&) { return tr("An attribute name has letters, digits and hyphens only (or is an OID)."); } },
        { "directory-logon-unmapped", [](const Error&) { return tr("Name the attribute that holds the logon name: every person needs one."); } },
        { "directory-change-attribute", [](const Error&) { return tr("Changes are read by entryCSN or modifyTimestamp (OpenLDAP) or uSNChanged (Active Directory); leave it empty to read everything each time."); } },
        { "directory-group-twice", [](const Error&) { return tr("A group is listed twice for the same role. Remove one of the lines."); } },
        { "directory-ca-file", [](const Error& e) { return tr("Cannot read a certificate from %1. Choose a PEM file holding the CA certificate.").arg(argOf(e, "path")); } },
        { "directory-password-needed", [](const Error&) { return tr("The stored bind password was typed for another server, account or TLS setting, and is not sent anywhere new. Type the password again."); } },
        { "directory-empty", [](const Error&) { return tr("The directory matched nobody, although people were synced from it. Nobody was disabled: check the base DN, the filter and the bind account's rights."); } },
        { "directory-not-set-up", [](const Error&) { return tr("The directory is not set up yet. Fill in its settings and save them first."); } },
        { "directory-field", [](const Error& e) { return tr("The %1 comes from the directory (%2) and is changed there; here it would be overwritten at the next sync.").arg(DomainText::personField(argOf(e, "field")), argOf(e, "dn")); } },
        { "directory-id-missing", [](const Error& e) { return tr("The entry has no %1, so it cannot be followed through a rename. It was left out.").arg(argOf(e, "field")); } },
        { "directory-encoding", [](const Error& e) { return tr("The entry's %1 is not UTF-8 text. It was left out.").arg(DomainText::personField(argOf(e, "field"))); } },
        { "directory-account-control", [](const Error&) { return tr("The entry's userAccountControl is not a number. It was left out."); } },
        { "directory-group-missing", [](const Error&) { return tr("The group is not in the directory, so its role was neither given nor taken. Check its DN in the group mapping."); } },
        { "group-held", [](const Error& e) { return tr("This person holds %1 of the credential group '%2' already, and '%3' does not replace it. Cancel that device first, or request a profile that cancels the previous one.")
            .arg(argOf(e, "device"), argOf(e, "group"), argOf(e, "profile")); } },
        { "profile-right", [](const Error& e) {
            const QString right = argOf(e, "right");
            if (right == QLatin1String("validate"))
                return tr("None of your roles may validate '%1' requests: the profile's role matrix does not say Can Validate for them. Ask an operator whose role does.")
                    .arg(argOf(e, "profile"));
            return tr("None of this person's roles may collect '%1': the profile's role matrix does not say Can Collect for them. Give them a role that may, or choose another profile.")
                .arg(argOf(e, "profile"));
        } },
        { "setup-organisation", [](const Error&) { return tr("Give your organisation's name."); } },
        { "setup-default-dn", [](const Error& e) { return tr("The default DN must be a distinguished name such as O=Example Ltd,C=GB: attributes such as O, OU, C and L, each with a value, separated by commas. %1")
            .arg(argOf(e, "reason")); } },
        { "setup-ca-name", [](const Error&) { return tr("Give the certificate authority a name, such as 'Example Ltd Root CA'."); } },
        { "setup-ca-validity", [](const Error&) { return tr("A CA lives 5 to 30 years."); } },
        { "setup-collection-url", [](const Error& e) { return tr("'%1' is not an https address. Phones collect keys and codes from it, so it must start with https:// and name a host, such as https://id.example.org.")
            .arg(argOf(e, "value")); } },
        { "setup-mail-host", [](const Error&) { return tr("Enter the mail server first."); } },
        { "setup-test-recipient", [](const Error&) { return tr("Enter the e-mail address the test mail goes to."); } },
        { "setup-admin-logon", [](const Error&) { return tr("Give the administrator a logon name, without spaces."); } },
        { "setup-admin-password", [](const Error& e) { return tr("The administrator's password needs at least %1 characters.").arg(argOf(e, "minimum")); } },
        { "policy-outlives-ca", [](const Error& e) { return tr("'%1' would issue certificates that outlive the issuing CA, which ends on %2. Give it at most %3 days, or renew the CA first.")
            .arg(argOf(e, "policy"), DomainText::dateTime(QDateTime::fromString(argOf(e, "caEnd"), Qt::ISODate)), argOf(e, "maximum")); } },
        { "policy-name-taken", [](const Error& e) { return tr("A certificate policy named '%1' already exists. Choose another name, or edit that policy.").arg(argOf(e, "name")); } },
        { "policy-stale", [](const Error& e) { return tr("Someone saved version %1 of '%2' while you were editing. Select the policy again to see their change, then make yours.")
            .arg(argOf(e, "version"), argOf(e, "name")); } },
        { "algorithm-not-made", [](const Error& e) { return tr("The profile '%1' issues '%2' on a card that can only make %3 keys, and the policy allows none of them. Allow one of them in the policy.")
            .arg(argOf(e, "profile"), argOf(e, "policy"), argOf(e, "algorithms")); } },
        { "archive-on-card", [](const Error& e) { return tr("'%1' archives keys, which the engine makes; the card of the profile '%2' makes its own keys and takes none in. Issue that policy from a mobile identity profile, or stop archiving keys.")
            .arg(argOf(e, "policy"), argOf(e, "profile")); } },
        { "san-value-missing", [](const Error& e) { return tr("'%1' binds its certificates to the holder's card by its %2, and %3 has none on record. Enter the card's identifiers on their page (PIV Card Identifiers), or take it out of the policy.")
            .arg(argOf(e, "policy"), DomainText::alternativeName(argOf(e, "value")), argOf(e, "person")); } },
        { "archive-not-encipherment", [](const Error& e) { return tr("'%1' archives its keys, so it may only encrypt: the engine keeps a copy of the key, and a key someone else holds must never sign or authenticate (%2). Remove that key usage, or stop archiving keys.").arg(argOf(e, "policy"), argOf(e, "value")); } },
        { "key-reused", [](const Error& e) { return tr("This key already has a certificate. Every certificate needs a new key: let the app or card make a new one and collect again."); } },
        { "rsa-exponent", [](const Error&) { return tr("The RSA key uses a public exponent other than 65537, which Lanyard does not certify. Make a new key with the standard exponent."); } },
        { "logon-too-long", [](const Error&) { return tr("That logon name or password is far longer than any Lanyard accepts. Check what was pasted."); } },
        { "role-escalation", [](const Error& e) { return tr("This would grant more than your own roles hold (a workflow you lack, a wider scope, or more for a role you hold yourself). Ask an administrator who holds it, and does not hold this role, to make the change."); } },
        { "self-lockout", [](const Error& e) { return tr("This would take 'Edit roles' away from you: no other role of yours grants it. Ask another administrator to make this change."); } },
        { "template-empty", [](const Error&) { return tr("The message text is empty. Write the message, or reset the template to its default."); } },
        { "template-subject", [](const Error&) { return tr("An email needs a subject."); } },
        { "template-required", [](const Error& e) { return tr("The message must contain {{%1}}: without it the person cannot collect.").arg(argOf(e, "field")); } },
        { "template-both-halves", [](const Error& e) { return tr("{{%1}} belongs in the other message. The collection link and the code travel separately, so that one intercepted message is not enough.").arg(argOf(e, "field")); } },
        { "template-field", [](const Error& e) { return tr("{{%1}} is not a field this message can use. Use the buttons under the text to insert one that is.").arg(argOf(e, "field")); } },
        { "template-unknown", [](const Error& e) { return tr("There is no message template named '%1'.").arg(argOf(e, "template")); } },
        { "dns-name", [](const Error& e) { return tr("Enter the computer's full DNS name, such as pc01.example.org."); } },
        { "identifier-missing", [](const Error& e) { return tr("Enter the phone's serial number or the computer's DNS name."); } },
        { "pin-format", [](const Error&) { return tr("A PIN has 6 to 8 digits. Nothing was sent to the card, so no attempt was used."); } },
        { "puk-format", [](const Error&) { return tr("The unblock code (PUK) has 8 characters. Nothing was sent to the card, so no attempt was used."); } },
        { "not-derived", [](const Error&) { return tr("This device was not issued from a PIV card, so it has no parent card."); } },
        { "reason-required", [](const Error&) { return tr("Enter a reason: it is kept in the audit trail."); } },
        { "vsc-challenge", [](const Error& e) { return tr("The challenge is 16 hexadecimal characters (0–9, A–F) as Windows shows it; spaces and lower case are fine. Ask the user to read it again."); } },
        { "unlock-duration", [](const Error&) { return tr("Choose one of the offered durations."); } },
        { "lock-exists", [](const Error&) { return tr("This card already has a pending PIN lock. Update or cancel that one instead."); } },
        { "lock-when", [](const Error&) { return tr("Choose the date and time of the lock, or lock at the next Self-Service run."); } },
        { "lock-timezone", [](const Error&) { return tr("The chosen timezone is no longer in the list. Pick one from the list again."); } },
        { "timezone-offset", [](const Error&) { return tr("A timezone in the list has an offset that is not a number of hours. Correct it in Configuration."); } },
        { "target-not-vsc", [](const Error& e) { return tr("Only a virtual smart card is made for one computer. Clear the computer, or choose a virtual smart card profile."); } },
        { "target-unknown", [](const Error& e) { return tr("%1 is not a registered computer. Check the full DNS name, or register the computer under Registered hardware first.").arg(argOf(e, "computer")); } },
        { "unlock-response", [](const Error& e) { return tr("The unlock code from the helpdesk has 16 hexadecimal characters (0–9, A–F); spaces and lower case are fine."); } },
        { "unlock-response-wrong", [](const Error&) { return tr("This unlock code does not answer the challenge shown. Read the challenge to the helpdesk again and type the code they give you."); } },
        { "management-key", [](const Error&) { return tr("The card does not accept the management key, so Lanyard cannot write to it. Use a blank card, or one Lanyard issued."); } },
        { "card-server-key", [](const Error&) { return tr("This profile has the engine make and archive a key, which a PIV card cannot take in. Collect it on a phone, or change the profile's key recovery."); } },
        { "card-key-algorithm", [](const Error&) { return tr("The profile allows no key a PIV card can make (RSA-2048 or P-256). Add one of them to its certificate policy."); } },
        { "card-slots", [](const Error& e) { return tr("A PIV card holds at most three certificates from a profile. Issue the others separately."); } },
        { "card-unknown", [](const Error&) { return tr("Lanyard did not issue the certificate on this card, so it cannot log you on. Log on with your password, or use the card Lanyard issued to you."); } },
        { "certificate-fascn-unreadable", [](const Error& e) { return tr("The card's certificate carries a FASC-N that cannot be read, so the card cannot be linked to anyone. Trying again will not help: take the card to the helpdesk."); } },
        { "certificate-compressed-damaged", [](const Error&) { return tr("The certificate on this card is stored compressed, and its compressed data is damaged. Trying again will not help: the card needs to be re-issued by its issuer."); } },
        { "not-a-card", [](const Error&) { return tr("Only a smart card Lanyard issued can log you on; a phone identity or a derived credential cannot. Log on with your password, or use your card."); } },
        { "card-not-usable", [](const Error&) { return tr("This card is not in use any more (revoked, suspended, expired or replaced), so it cannot log you on. Log on with your password, or ask the helpdesk."); } },
        { "server-url", [](const Error& e) { return tr("'%1' is not a server address Lanyard can use. Write it as https://host:port; plain http is only accepted for this computer (localhost).").arg(argOf(e, "url")); } },
        { "ca-file", [](const Error& e) { return tr("The CA file %1 cannot be used: it is missing, unreadable or holds no PEM certificate. Choose the PEM file of the CA that signs the server's certificate, or leave the field empty to trust the system's CAs.").arg(argOf(e, "path")); } },
        { "own-request", [](const Error&) { return tr("You requested this yourself, so another operator must validate it."); } },
        { "not-piv", [](const Error&) { return tr("This card is not a PIV card. Use your PIV smart card."); } },
        { "no-authentication-certificate", [](const Error& e) { return tr("This card holds no PIV Authentication certificate, so it cannot be used here. Ask the helpdesk."); } },
        { "certificate-unreadable", [](const Error&) { return tr("The certificate on this card cannot be read. The card may be damaged; ask the helpdesk."); } },
        { "card-in-use", [](const Error&) { return tr("Another program is using the card. Close it, or remove the card and insert it again."); } },
        { "parent-expired", [](const Error& e) { return tr("The PIV card this credential is derived from expired on %1, so it can no longer be collected. Derive a new one from a valid card.")
            .arg(QLocale().toString(e.args.value(QStringLiteral("notAfter")).toDateTime().toLocalTime(), QLocale::ShortFormat)); } },
        { "no-anchors", [](const Error&) { return tr("No trusted issuers of PIV cards are configured, so no card can be accepted. An administrator sets them in the Operation Settings."); } },
        { "crl-missing", [](const Error&) { return tr("Whether this card has been revoked cannot be checked: there is no revocation list for its issuer. An administrator adds it in the Operation Settings."); } },
        { "crl-stale", [](const Error& e) { return tr("Whether this card has been revoked cannot be checked: the revocation list is out of date. An administrator must update it."); } },
        { "challenge-expired", [](const Error&) { return tr("This took too long. Remove your card and start again."); } },
        { "upn-match-off", [](const Error& e) { return tr("This card's certificate carries no FASC-N or card UUID, so it cannot be linked to anyone. Ask the helpdesk: they can allow finding the holder by the certificate's UPN."); } },
        { "logon-throttled", [](const Error& e) { return tr("Too many wrong passwords for this logon name from this computer. Wait %n second(s), then try again; other computers are not affected.", nullptr, qMax(1, e.args.value(QStringLiteral("retryAfter")).toInt())); } },
        { "public-queue-full", [](const Error& e) { return tr("The server is busy with logons and collections. Nothing was lost; try again in %n second(s).", nullptr, qMax(1, e.args.value(QStringLiteral("retryAfter")).toInt())); } },
        { "session-cap", [](const Error& e) { return tr("Your session has reached its longest allowed life. Log on again."); } },
        { "auth-pin-required", [](const Error&) { return tr("The PIN is always one of the authentication types. Leave it ticked."); } },
        { "auth-type-unknown", [](const Error&) { return tr("The profile names an authentication type Lanyard does not know. Choose from the offered types."); } },
        { "policy-name", [](const Error& e) { return tr("Give the certificate policy a name."); } },
        { "policy-algorithms", [](const Error&) { return tr("Allow at least one key algorithm in the certificate policy."); } },
        { "policy-validity", [](const Error&) { return tr("A certificate's validity must be between 1 and 3650 days."); } },
        { "profile-role", [](const Error& e) { return tr("A row of the role rights names no role. Choose a role for it, or remove the row."); } },
        { "challenge-format", [](const Error&) { return tr("The challenge holds a character that is not a digit. Ask the user to read it again."); } },
        { "challenge-length", [](const Error& e) { return tr("The challenge has %1 digits; it needs %2. Ask the user to read all of it again.").arg(argOf(e, "digits"), argOf(e, "needed")); } },
        { "operator-fields", [](const Error&) { return tr("The administrator needs a logon name and a password of at least 8 characters."); } },
        { "request-count", [](const Error& e) { return tr("The phone sent a different number of certificate requests than the profile asks for. Update the app and collect again with the same code."); } },
        { "transport-key", [](const Error& e) { return tr("The phone's transport key is missing or unusable, so the archived key cannot be sent to it safely. Update the app and collect again with the same code."); } },
        { "validity-ended", [](const Error&) { return tr("The certificate would end before it begins: the issuing CA's validity, or the PIV card's it is derived from, has run out. Renew the CA, or derive from a valid card."); } },
        { "listen", [](const Error& e) { return tr("The server cannot listen on that address and port: %1. Choose a free port, or stop what is using it.").arg(e.detail); } },
        { "unknown", [](const Error& e) { return tr("'%1' is not a setting Lanyard knows.").arg(argOf(e, "key")); } },
        { "empty", [](const Error& e) { return tr("%1 may not be empty.").arg(SettingLabels::label(argOf(e, "key"))); } },
        { "not-boolean", [](const Error& e) { return tr("%1 is either on or off.").arg(SettingLabels::label(argOf(e, "key"))); } },
        { "not-integer", [](const Error& e) { return tr("%1 must be a whole number.").arg(SettingLabels::label(argOf(e, "key"))); } },
        { "out-of-range", [](const Error& e) { return tr("%1 is out of its range: %2").arg(SettingLabels::label(argOf(e, "key")), e.detail.section(QStringLiteral(": "), 1)); } },
        { "not-url", [](const Error& e) { return tr("%1 must be an http or https address.").arg(SettingLabels::label(argOf(e, "key"))); } },
        { "not-email", [](const Error& e) { return tr("%1 must be an e-mail address (name@example.org).").arg(SettingLabels::label(argOf(e, "key"))); } },
        { "not-a-choice", [](const Error& e) { return tr("%1 must be one of the offered choices: %2").arg(SettingLabels::label(argOf(e, "key")), e.detail.section(QStringLiteral(": "), 1)); } },
        { "complexity", [](const Error& e) { return tr("%1 is not a code complexity: %2. Write it as mm-nn followed by classes, e.g. 08-08N.").arg(SettingLabels::label(argOf(e, "key")), e.detail.section(QStringLiteral(": "), 1)); } },
        { "file", [](const Error& e) { return tr("%1 names a file Lanyard cannot use: %2. Choose a readable PEM file.").arg(SettingLabels::label(argOf(e, "key")), e.detail.section(QStringLiteral(": "), 1)); } },
        { "dn", [](const Error& e) { return tr("%1 is not a valid name template: %2").arg(SettingLabels::label(argOf(e, "key")), e.detail.section(QStringLiteral(": "), 1)); } },
        { "gateway-missing", [](const Error&) { return tr("Sending SMS by email needs the SMS gateway's address. Enter it, or choose another way to send SMS."); } },
        { "otp-sms-needs-email", [](const Error&) { return tr("Sending the code by SMS needs the collection link to go by email. Switch email notifications on, or send the code by email."); } },
        { "timezone-name", [](const Error& e) { return tr("A timezone in the list has no name. Name it, or remove it."); } },
        { "timezone-duplicate", [](const Error& e) { return tr("The offset %1 is listed twice in the timezones. Give each entry an offset of its own.").arg(argOf(e, "value")); } },
        { "format", [](const Error& e) { return tr("'%1' is not a code complexity. Write the shortest and longest length as two digits each and then the classes, e.g. 08-08N.").arg(argOf(e, "text")); } },
        { "min-length", [](const Error& e) { return tr("A code needs at least one character: the minimum length must be 1 or more."); } },
        { "max-length", [](const Error&) { return tr("The maximum code length is longer than Lanyard allows (64 characters)."); } },
        { "max-below-min", [](const Error&) { return tr("The maximum code length is below the minimum. Swap them."); } },
        { "no-classes", [](const Error&) { return tr("Name at least one class of characters for the code: U (upper case), L (lower case), N (digits), S (symbols)."); } },
        { "unknown-class", [](const Error& e) { return tr("Character classes are U, L, N and S; '%1' is none of them.").arg(argOf(e, "text")); } },
        { "duplicate-class", [](const Error& e) { return tr("A character class is named twice in '%1'. Name each once.").arg(argOf(e, "text")); } },
        { "too-many-mandatory", [](const Error&) { return tr("More character classes are required than the code has characters. Lengthen the code or require fewer classes."); } },
        { "unterminated", [](const Error&) { return tr("A [[field]] in the name template is not closed. Add the missing ]]."); } },
        { "stray-close", [](const Error&) { return tr("The name template has ]] without a [[ before it. Remove it, or open the field."); } },
        { "unknown-field", [](const Error& e) { return tr("[[%1]] is not a field the name template can use.").arg(argOf(e, "field")); } },
        { "missing-equals", [](const Error& e) { return tr("'%1' in the name template needs = and a value, as in OU=Helpdesk.").arg(argOf(e, "attribute")); } },
        { "unknown-attribute", [](const Error& e) { return tr("'%1' is not a name attribute Lanyard can write. Use one such as CN, OU, O, L, ST or C.").arg(argOf(e, "attribute")); } },
        { "dangling-escape", [](const Error&) { return tr("The name template ends with a lone backslash. Remove it, or escape the character that should follow."); } },
        { "unescaped-character", [](const Error& e) { return tr("'%1' must be escaped with a backslash in the name template.").arg(argOf(e, "character")); } },
        { "country-code", [](const Error&) { return tr("C= takes a two-letter country code, such as DE or US."); } },
        { "transfer", [](const Error& e) { return tr("The message could not be handed to the mail or SMS server: %1. Check the server settings, then re-send.").arg(argOf(e, "reason")); } },
        { "unreachable", [](const Error& e) { return tr("The mail or SMS server cannot be reached: %1. Check its address and port, then re-send.").arg(argOf(e, "reason")); } },
        { "tls", [](const Error& e) { return tr("The mail or SMS server's encryption failed: %1. Check its certificate and the TLS setting, then re-send.").arg(argOf(e, "reason")); } },
        { "authentication", [](const Error&) { return tr("The mail or SMS server refused the user name or password. Correct them in the settings, then re-send."); } },
        { "connection-lost", [](const Error& e) { return tr("The connection to the mail or SMS server broke off: %1. Re-send the message.").arg(argOf(e, "reason")); } },
        { "refused", [](const Error& e) { return tr("The SMS gateway refused the message (%1). Check the gateway settings, then re-send.").arg(argOf(e, "reason")); } },
        { "pin-required", [](const Error&) { return tr("The card needs its PIN for this. Enter the PIN and try again."); } },
        { "qr-image", [](const Error& e) { return tr("No collection QR code could be read from the picture: %1. Take a sharper picture of the whole code.").arg(e.detail); } },
        { "qr-payload", [](const Error& e) { return tr("This is not a Lanyard collection QR code. Scan the code the helpdesk gave you."); } },
        { "signature-invalid", [](const Error&) { return tr("The signature over what the server sent does not verify, so it was not used. Collect again; if it happens again, tell the helpdesk."); } },
        { "signer-not-pinned", [](const Error&) { return tr("What the server sent is signed by a certificate this app does not trust. Collect only from your organisation's server."); } },
        { "trust-material", [](const Error& e) { return tr("The server's trust material cannot be read: %1. Ask the administrator.").arg(e.detail); } },
        { "no-wallet", [](const Error& e) { return tr("No collected credential is stored here. Collect one first."); } },
        { "wallet-damaged", [](const Error& e) { return tr("The stored credential is damaged and cannot be read. Ask the helpdesk for a new one."); } },
        { "wrong-pin", [](const Error& e) { return tr("The PIN is wrong. %n attempt(s) left before the credential locks.", nullptr, e.args.value(QStringLiteral("triesLeft")).toInt()); } },
        { "pin-locked", [](const Error& e) { return tr("The credential is locked after too many wrong PINs. Ask the helpdesk for an unlock code."); } },
        { "not-locked", [](const Error&) { return tr("The credential is not locked, so there is nothing to unlock."); } },
        { "no-challenge", [](const Error&) { return tr("There is no unlock challenge yet. Ask for one first, and read it to the helpdesk."); } },
        { "wrong-unlock-code", [](const Error& e) { return tr("This unlock code does not answer the challenge. Read the challenge to the helpdesk again and type the code they give you."); } },
        { "path", [](const Error& e) { return tr("This card was not issued by a trusted issuer (%1). Use a card from your organisation.").arg(argOf(e, "reason")); } },
    };
    return table;
}

QString ErrorText::problem(const Error& e)
{
    const QString id = e.args.value(QStringLiteral("problem")).toString();
    if (id.isEmpty())
        return {};
    for (const ProblemText& p : problemTexts()) {
        if (id == QLatin1String(p.id))
            return p.text(e);
    }
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
        if (arg("restriction") == QLatin1String("same-device"))
            return tr("%1 is renewed on the phone that holds it; this is another phone.").arg(arg("device"));
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
        return tr("The certificate on this card is not valid now (valid from %1 until %2). Ask the helpdesk for a new card.")
            .arg(QLocale().toString(e.args.value(QStringLiteral("notBefore")).toDateTime().toLocalTime(), QLocale::ShortFormat),
                QLocale().toString(e.args.value(QStringLiteral("notAfter")).toDateTime().toLocalTime(), QLocale::ShortFormat));
    case ErrorCode::CertificateUntrusted:
        return tr("This card was not issued by a trusted issuer (%1). Use a card from your organisation.").arg(e.detail);
    case ErrorCode::CertificateRevoked:
        return tr("This card has been revoked by its issuer and cannot be used. Ask the helpdesk.");
    case ErrorCode::PossessionFailed:
        return tr("The card could not prove that it holds the certificate's key. Remove it and start again; if it happens again, ask the helpdesk.");
    case ErrorCode::NoMatchingPerson:
        return tr("This card does not belong to anyone Lanyard knows. Ask the helpdesk to link the card to your record.");
    case ErrorCode::CardIdentityMismatch:
        return tr("This card's signed identity (%1 %2) does not match its certificate (%3), so it may have been altered. Do not use it; take it to the helpdesk.")
            .arg(arg("what"), arg("chuid"), arg("certificate"));
    case ErrorCode::CardIdentifierTaken:
        return tr("Another person already holds this %1 (%2). A card belongs to one person: remove it from the other record first.")
            .arg(arg("which") == QLatin1String("fascn") ? tr("FASC-N") : tr("card UUID"), arg("value"));
    case ErrorCode::DirectoryFailure:
        return tr("The directory could not be read: %1").arg(e.detail);
    case ErrorCode::ChannelDisabled:
        return arg("channel") == QLatin1String("sms")
            ? tr("The profile's notification scheme sends the code by SMS, but SMS notifications are switched off in the Operation Settings. Switch them on, or show the code on screen.")
            : tr("The profile's notification scheme sends email, but email notifications are switched off in the Operation Settings. Switch them on, or show the code on screen.");
    }
    return e.toLogString();
}

} // namespace lanyard
