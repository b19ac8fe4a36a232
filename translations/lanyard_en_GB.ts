<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>DomainText</name>
    <message>
        <location filename="../models/DomainText.cpp" line="11"/>
        <location filename="../models/DomainText.cpp" line="108"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="13"/>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="15"/>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="17"/>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="26"/>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="28"/>
        <source>Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="30"/>
        <source>Replace (forgotten)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="32"/>
        <source>Reinstate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="34"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="36"/>
        <source>Replace (lost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="38"/>
        <source>Replace (stolen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="40"/>
        <source>Replace (damaged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="49"/>
        <source>Awaiting validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="51"/>
        <source>Awaiting issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="53"/>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="55"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="57"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="59"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="61"/>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="63"/>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="72"/>
        <source>Issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="74"/>
        <source>Replacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="76"/>
        <source>Temporary replacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="78"/>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="80"/>
        <source>Renewal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="82"/>
        <source>PIN lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="84"/>
        <source>Temporary unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="93"/>
        <source>Mobile identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="95"/>
        <source>Virtual smart card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="97"/>
        <source>Derived credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="99"/>
        <source>PIV card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="110"/>
        <source>On hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="112"/>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="112"/>
        <source>Revoked (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../ui/ErrorText.cpp" line="10"/>
        <source>The request was not accepted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="12"/>
        <source>The %1 could not be found. It may have been removed, or it is outside your scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="13"/>
        <source>record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="16"/>
        <source>You requested this yourself, so another operator must validate it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="17"/>
        <source>Your roles do not allow this (%1). Ask an administrator to grant it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="19"/>
        <source>This person is outside the scope of your roles (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="21"/>
        <source>This cannot be done now: &apos;%1&apos; is not allowed while the item is &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="23"/>
        <source>You are not logged on, or your session has ended. Log on again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="25"/>
        <source>The logon name or password is wrong. Check both and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="27"/>
        <source>This account is disabled. Ask an administrator to enable it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ErrorText.cpp" line="29"/>
        <source>The code is wrong. %n attempt(s) left.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="31"/>
        <source>The code has expired. Ask the helpdesk for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="33"/>
        <source>The code has already been used. Ask the helpdesk for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="35"/>
        <source>Too many wrong codes: the request is locked. The helpdesk can issue a new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="37"/>
        <source>The code complexity &apos;%1&apos; is not valid. Use mm-nn followed by classes, e.g. 04-08N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="39"/>
        <source>The subject name template is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="41"/>
        <source>The certificate request could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="43"/>
        <source>The certificate request&apos;s signature does not verify; it may have been altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="45"/>
        <source>The key type %1 is not allowed by the certificate policy (allowed: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="47"/>
        <source>A cryptographic operation failed. Details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="49"/>
        <source>The database could not complete the operation. Details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="51"/>
        <source>The database is busy. Nothing was changed; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="53"/>
        <source>The database is read-only. Check the file&apos;s permissions and free disk space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="55"/>
        <source>This database was created by a newer Lanyard (schema %1; this version reads up to %2). Update Lanyard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="58"/>
        <source>The setting &apos;%1&apos; is not valid: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="60"/>
        <source>The credential profile &apos;%1&apos; cannot be requested for this person by you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="62"/>
        <source>The audit trail does not verify: it has been altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="64"/>
        <source>The master key could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="66"/>
        <source>The master key does not belong to this database. Use the key file or keychain entry created with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="68"/>
        <source>This request must be validated by a second operator first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="70"/>
        <source>This person has no mobile number, so the code cannot be sent by SMS. Show the code on screen instead, or add a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="71"/>
        <source>This person has no email address, so nothing can be sent. Show the code on screen instead, or add an address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="73"/>
        <source>The change conflicts with existing data: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notification</name>
    <message>
        <location filename="../services/engine/RequestService.cpp" line="211"/>
        <source>Your mobile identity is ready to collect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../services/engine/RequestService.cpp" line="212"/>
        <source>Hello %1,

open this address on your phone, or scan it in the Lanyard app, to collect your mobile identity:
%2

The authentication code comes in a separate message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../services/engine/RequestService.cpp" line="215"/>
        <source>Your authentication code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../services/engine/RequestService.cpp" line="216"/>
        <source>Your Lanyard authentication code is %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordModels</name>
    <message>
        <location filename="../models/RecordModels.cpp" line="11"/>
        <location filename="../models/RecordModels.cpp" line="26"/>
        <source>Serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="12"/>
        <location filename="../models/RecordModels.cpp" line="40"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="13"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="14"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="15"/>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="16"/>
        <location filename="../models/RecordModels.cpp" line="43"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="16"/>
        <source>%1 (v%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="17"/>
        <source>DNS name / phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="27"/>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="28"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="29"/>
        <location filename="../models/RecordModels.cpp" line="41"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="30"/>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="39"/>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="42"/>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="44"/>
        <source>Requested by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="45"/>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="46"/>
        <source>Code expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="55"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="56"/>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="57"/>
        <source>Workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="58"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="59"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="60"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::AuditPage</name>
    <message>
        <location filename="../ui/AuditPage.cpp" line="29"/>
        <source>Person, operator, serial or DNS name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AuditPage.cpp" line="33"/>
        <source>Any workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AuditPage.cpp" line="45"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AuditPage.cpp" line="47"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AuditPage.cpp" line="49"/>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AuditPage.cpp" line="64"/>
        <source>&amp;Verify chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/AuditPage.cpp" line="74"/>
        <source>✔ The audit trail verifies: %n event(s), hash chain intact.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/AuditPage.cpp" line="75"/>
        <source>✘ The audit trail does NOT verify: event %1 (%2). It has been altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AuditPage.cpp" line="97"/>
        <source>Verifying…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::DeviceActionDialog</name>
    <message>
        <location filename="../ui/DeviceActionDialog.cpp" line="22"/>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceActionDialog.cpp" line="27"/>
        <source>The device&apos;s certificates will be put on hold until it is enabled again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceActionDialog.cpp" line="30"/>
        <source>The device&apos;s certificates will be released from hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceActionDialog.cpp" line="33"/>
        <source>The device will be suspended (certificates on hold) and a short-lived temporary replacement requested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceActionDialog.cpp" line="36"/>
        <source>The device becomes active again; the temporary replacement is cancelled and its certificates revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceActionDialog.cpp" line="39"/>
        <source>The device will be cancelled for good and its certificates REVOKED. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceActionDialog.cpp" line="43"/>
        <source>The device will be cancelled, its certificates REVOKED as compromised, and a replacement requested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceActionDialog.cpp" line="46"/>
        <source>The device will be cancelled, its certificates REVOKED, and a replacement requested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceActionDialog.cpp" line="49"/>
        <source>%1 (%2) of %3.
%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceActionDialog.cpp" line="57"/>
        <source>No longer needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceActionDialog.cpp" line="58"/>
        <source>Left the organisation / role changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceActionDialog.cpp" line="59"/>
        <source>Replaced by another device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceActionDialog.cpp" line="60"/>
        <source>Key compromised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceActionDialog.cpp" line="61"/>
        <source>Revocation &amp;reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceActionDialog.cpp" line="65"/>
        <source>Rea&amp;son:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceActionDialog.cpp" line="69"/>
        <source>&amp;Details:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceActionDialog.cpp" line="87"/>
        <source>Enter a reason: it is kept in the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::DeviceViewPage</name>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="47"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="68"/>
        <source>&amp;Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="69"/>
        <source>&amp;Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="73"/>
        <source>De&amp;tails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="78"/>
        <source>Done: the device is now %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="102"/>
        <source>&lt;h2&gt;%1 %2&lt;/h2&gt;Owner: %3 · State: &lt;b&gt;%4&lt;/b&gt; · Expires %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="109"/>
        <source>Serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="110"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="110"/>
        <source>%1 (version %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="111"/>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="112"/>
        <source>Phone serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="113"/>
        <source>DNS name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="145"/>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::EngineLauncher</name>
    <message>
        <location filename="../app/EngineLauncher.cpp" line="31"/>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/EngineLauncher.cpp" line="75"/>
        <source>Creating demo data (%n people)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/EngineLauncher.cpp" line="87"/>
        <source>%1 of %2 people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/EngineLauncher.cpp" line="102"/>
        <source>Demo data ready in %1 s: %2 people, %3 issued devices, %4 pending requests.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::FindDevicePage</name>
    <message>
        <location filename="../ui/FindDevicePage.cpp" line="23"/>
        <source>Serial number or DNS name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/FindDevicePage.cpp" line="49"/>
        <source>No device found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/FindDevicePage.cpp" line="49"/>
        <source>%n device(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanyard::FindPersonPage</name>
    <message>
        <location filename="../ui/FindPersonPage.cpp" line="24"/>
        <source>Name, logon name or email — or group:NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/FindPersonPage.cpp" line="52"/>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/FindPersonPage.cpp" line="56"/>
        <source>Nobody found. Check the spelling, or search by logon name or email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/FindPersonPage.cpp" line="57"/>
        <source>%n people shown; scroll for more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/FindPersonPage.cpp" line="57"/>
        <source>%n people</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanyard::LogonDialog</name>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="19"/>
        <source>Log on to Lanyard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="33"/>
        <source>&amp;Logon name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="34"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="41"/>
        <source>Log &amp;on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="49"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="58"/>
        <source>Enter your logon name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="37"/>
        <source>Search people by name, logon name or email (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="60"/>
        <source>Find Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="63"/>
        <source>Find Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="66"/>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="68"/>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="70"/>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="70"/>
        <source>Operation settings, credential profiles, roles and timezones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="77"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="78"/>
        <source>&amp;Log off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="79"/>
        <source>Ctrl+Shift+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="80"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="182"/>
        <source>Server %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="182"/>
        <source>Embedded engine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="183"/>
        <source>Lanyard — %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="184"/>
        <source>Logged on as %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="185"/>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="187"/>
        <source>⚠ Master key in a key file (no system keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="188"/>
        <source>The master key protecting the CA key is stored in %1. Keep that file private and backed up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="190"/>
        <source>Master key in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::PersonSearchModel</name>
    <message>
        <location filename="../models/PersonSearchModel.cpp" line="72"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/PersonSearchModel.cpp" line="74"/>
        <source>Logon name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/PersonSearchModel.cpp" line="76"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/PersonSearchModel.cpp" line="78"/>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::PersonViewPage</name>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="40"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="45"/>
        <source>Request &amp;Mobile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="47"/>
        <source>Request Mobile (&amp;View Auth Code)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="63"/>
        <source>&amp;Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="64"/>
        <source>Re&amp;quests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="69"/>
        <source>De&amp;tails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="97"/>
        <source>no email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="97"/>
        <source>no mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="100"/>
        <source>Logon name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="101"/>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="102"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="103"/>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="104"/>
        <source>User principal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="105"/>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="106"/>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="107"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="107"/>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="107"/>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::QrCodeWidget</name>
    <message>
        <location filename="../ui/QrCodeWidget.cpp" line="19"/>
        <source>QR code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::RequestCredentialDialog</name>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="28"/>
        <source>Request Mobile (View Auth Code) — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="28"/>
        <source>Request Mobile — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="36"/>
        <source>Credential &amp;profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="40"/>
        <source>Loading the profiles you may request for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="46"/>
        <source>&amp;Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="68"/>
        <source>Authentication code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="77"/>
        <source>Collection address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="83"/>
        <source>&amp;Copy code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="85"/>
        <source>Copy &amp;QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="87"/>
        <source>&amp;Save QR code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="89"/>
        <source>Save QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="89"/>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="94"/>
        <source>The QR code could not be saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="128"/>
        <source>%1 (needs validation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="131"/>
        <source>There is no mobile profile that you may request and that %1 may receive. An administrator decides this in the profile&apos;s role matrix (Can Request, Can Receive).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="137"/>
        <source>The code will be shown on this screen for you to read out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="138"/>
        <source>The collection link and the code are sent to %1 by the profile&apos;s notification scheme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="150"/>
        <source>Requesting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="159"/>
        <source>collection link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="159"/>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="160"/>
        <source>SMS to %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="160"/>
        <source>email to %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="162"/>
        <source>No message is sent for this request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="162"/>
        <source>Queued for delivery: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="164"/>
        <source>Request %1 was created and awaits validation by a second operator. No code is issued until it is approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="171"/>
        <source>Request %1 was created. The collection link and the code travel to the user in separate messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="176"/>
        <source>Request %1 is ready. Read the code out to %2 and let them scan the QR code with the Lanyard app. The code expires at %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::RequestsPage</name>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="30"/>
        <source>Open requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="31"/>
        <source>Awaiting validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="32"/>
        <source>Awaiting issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="33"/>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="34"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="35"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="36"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="37"/>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="41"/>
        <source>Person&apos;s name or logon name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="54"/>
        <source>&amp;Cancel request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="56"/>
        <source>&amp;New code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="58"/>
        <source>&amp;Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="60"/>
        <source>&amp;Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="84"/>
        <source>Request %1 was cancelled; its code no longer works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="90"/>
        <source>Request %1 was rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="93"/>
        <source>Request %1: a new code was issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="104"/>
        <source>Cancel request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="104"/>
        <source>Reason (kept in the audit trail):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
