<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>DomainText</name>
    <message>
        <location filename="../models/DomainText.cpp" line="11"/>
        <location filename="../models/DomainText.cpp" line="213"/>
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
        <location filename="../models/DomainText.cpp" line="19"/>
        <source>Being collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="28"/>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="30"/>
        <source>Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="32"/>
        <source>Replace (forgotten)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="34"/>
        <source>Reinstate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="36"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="38"/>
        <source>Replace (lost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="40"/>
        <source>Replace (stolen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="42"/>
        <source>Replace (damaged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="51"/>
        <source>Awaiting validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="53"/>
        <source>Awaiting issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="55"/>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="57"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="59"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="61"/>
        <location filename="../models/DomainText.cpp" line="240"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="63"/>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="65"/>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="74"/>
        <source>Issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="76"/>
        <source>Replacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="78"/>
        <source>Temporary replacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="80"/>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="82"/>
        <source>Renewal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="84"/>
        <source>PIN lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="86"/>
        <source>Temporary unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="95"/>
        <source>Mobile identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="97"/>
        <source>Virtual smart card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="99"/>
        <source>Derived credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="101"/>
        <source>PIV card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="110"/>
        <source>Email the link and the code together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="112"/>
        <source>No notification (code on screen only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="114"/>
        <source>Link by email, code by separate email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="116"/>
        <source>Link by email, code by SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="125"/>
        <source>Any mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="127"/>
        <source>Known mobiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="129"/>
        <source>My mobiles only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="138"/>
        <source>Issue a new key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="140"/>
        <source>Recover the current key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="142"/>
        <source>Recover historic keys only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="151"/>
        <source>Find and view people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="153"/>
        <source>Request mobile identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="155"/>
        <source>Request card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="157"/>
        <source>Request my own identity (self-service)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="159"/>
        <source>Cancel device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="161"/>
        <source>Enable and disable devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="163"/>
        <source>Request replacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="165"/>
        <source>Request update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="167"/>
        <source>Request renewal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="169"/>
        <source>Unlock credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="171"/>
        <source>Validate requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="173"/>
        <source>Manage virtual smart card access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="175"/>
        <source>Grant temporary virtual smart card access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="177"/>
        <source>View the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="179"/>
        <source>Edit operation settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="181"/>
        <source>Edit roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="183"/>
        <source>Edit credential profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="185"/>
        <source>Register hardware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="187"/>
        <source>Manage requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="189"/>
        <source>Derived credential kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="191"/>
        <source>Edit people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="200"/>
        <source>Only themself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="202"/>
        <source>Their group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="204"/>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="215"/>
        <source>On hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="217"/>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="217"/>
        <source>Revoked (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="225"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="227"/>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="234"/>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="236"/>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="238"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="242"/>
        <source>Replaced by a newer code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="249"/>
        <source>Collection link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="251"/>
        <source>Authentication code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="253"/>
        <source>Renewal reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="260"/>
        <source>Collection link (email)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="262"/>
        <source>Authentication code (email)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="264"/>
        <source>Authentication code (SMS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="266"/>
        <source>Renewal reminder (email)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/DomainText.cpp" line="268"/>
        <source>Renewal reminder (SMS)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message numerus="yes">
        <source>Too many wrong passwords for this logon name from this computer. Wait %n second(s), then try again; other computers are not affected.</source>
        <translation>
            <numerusform>Too many wrong passwords for this logon name from this computer. Wait %n second, then try again; other computers are not affected.</numerusform>
            <numerusform>Too many wrong passwords for this logon name from this computer. Wait %n seconds, then try again; other computers are not affected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server is busy with logons and collections. Nothing was lost; try again in %n second(s).</source>
        <translation>
            <numerusform>The server is busy with logons and collections. Nothing was lost; try again in %n second.</numerusform>
            <numerusform>The server is busy with logons and collections. Nothing was lost; try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The PIN is wrong. %n attempt(s) left before the credential locks.</source>
        <translation>
            <numerusform>The PIN is wrong. %n attempt left before the credential locks.</numerusform>
            <numerusform>The PIN is wrong. %n attempts left before the credential locks.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="15"/>
        <source>Give the credential profile a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="17"/>
        <source>The lifetime must be between 1 and 3650 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="19"/>
        <source>Tick at least one certificate for the profile to issue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="21"/>
        <source>The PIN length must lie between %1 and %2 characters for this card encoding, and the minimum may not exceed the maximum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="24"/>
        <source>Allow at least one class of characters in the PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="26"/>
        <source>Parent and child profiles are switched off in the Operation Settings. Switch them on first, or clear the parent settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="28"/>
        <source>Only a virtual smart card profile can be the child of another profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="30"/>
        <source>Someone saved version %1 of &apos;%2&apos; while you were editing. Select the profile again to see their change, then make yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="33"/>
        <source>Give the role a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="35"/>
        <source>A role name may have at most 100 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="37"/>
        <source>A role named &apos;%1&apos; already exists. Choose another name, or edit that role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="39"/>
        <source>&apos;%1&apos; is not a FASC-N. Type its 32 digits (spaces and dashes may stay), or the 25 bytes of the card&apos;s FASC-N as 50 hex digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="41"/>
        <source>&apos;%1&apos; is not a card UUID. Type it as 8-4-4-4-12 hex digits, with or without braces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="43"/>
        <source>%1 holds rights you do not (%2). A card linked to them acts as them at the kiosk, so only an operator who holds those rights may set their card identifiers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="45"/>
        <source>%1 holds rights you do not (%2), so you may not see a code that collects their credential. Send the code to them instead, or ask an operator who holds those rights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="47"/>
        <source>&apos;%1&apos; does not archive its keys, so there is nothing to recover. Choose &apos;Issue new&apos; for it, or a policy that archives keys (an encryption certificate).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="49"/>
        <source>This key already has a certificate. Every certificate needs a new key: let the app or card make a new one and collect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="51"/>
        <source>The RSA key uses a public exponent other than 65537, which Lanyard does not certify. Make a new key with the standard exponent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="53"/>
        <source>That logon name or password is far longer than any Lanyard accepts. Check what was pasted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="55"/>
        <source>This would grant more than your own roles hold (a workflow you lack, a wider scope, or more for a role you hold yourself). Ask an administrator who holds it, and does not hold this role, to make the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="57"/>
        <source>This would take &apos;Edit roles&apos; away from you: no other role of yours grants it. Ask another administrator to make this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="59"/>
        <source>The message text is empty. Write the message, or reset the template to its default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="61"/>
        <source>An email needs a subject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="63"/>
        <source>The message must contain {{%1}}: without it the person cannot collect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="65"/>
        <source>{{%1}} belongs in the other message. The collection link and the code travel separately, so that one intercepted message is not enough.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="67"/>
        <source>{{%1}} is not a field this message can use. Use the buttons under the text to insert one that is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="69"/>
        <source>There is no message template named &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="71"/>
        <source>Enter the computer&apos;s full DNS name, such as pc01.example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="73"/>
        <source>Enter the phone&apos;s serial number or the computer&apos;s DNS name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="75"/>
        <source>A PIN has 6 to 8 digits. Nothing was sent to the card, so no attempt was used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="77"/>
        <source>The unblock code (PUK) has 8 characters. Nothing was sent to the card, so no attempt was used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="79"/>
        <source>This device was not issued from a PIV card, so it has no parent card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="81"/>
        <source>Enter a reason: it is kept in the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="83"/>
        <source>The challenge is 16 hexadecimal characters (0–9, A–F) as Windows shows it; spaces and lower case are fine. Ask the user to read it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="85"/>
        <source>Choose one of the offered durations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="87"/>
        <source>This card already has a pending PIN lock. Update or cancel that one instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="89"/>
        <source>Choose the date and time of the lock, or lock at the next Self-Service run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="91"/>
        <source>The chosen timezone is no longer in the list. Pick one from the list again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="93"/>
        <source>A timezone in the list has an offset that is not a number of hours. Correct it in Configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="95"/>
        <source>Only a virtual smart card is made for one computer. Clear the computer, or choose a virtual smart card profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="97"/>
        <source>%1 is not a registered computer. Check the full DNS name, or register the computer under Registered hardware first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="99"/>
        <source>The unlock code from the helpdesk has 16 hexadecimal characters (0–9, A–F); spaces and lower case are fine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="101"/>
        <source>This unlock code does not answer the challenge shown. Read the challenge to the helpdesk again and type the code they give you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="103"/>
        <source>The card does not accept the management key, so Lanyard cannot write to it. Use a blank card, or one Lanyard issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="105"/>
        <source>This profile has the engine make and archive a key, which a PIV card cannot take in. Collect it on a phone, or change the profile&apos;s key recovery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="107"/>
        <source>The profile allows no key a PIV card can make (RSA-2048 or P-256). Add one of them to its certificate policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="109"/>
        <source>A PIV card holds at most three certificates from a profile. Issue the others separately.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="111"/>
        <source>Lanyard did not issue the certificate on this card, so it cannot log you on. Log on with your password, or use the card Lanyard issued to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="113"/>
        <source>The card&apos;s certificate carries a FASC-N that cannot be read, so the card cannot be linked to anyone. Trying again will not help: take the card to the helpdesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="115"/>
        <source>The certificate on this card is stored compressed, and its compressed data is damaged. Trying again will not help: the card needs to be re-issued by its issuer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="117"/>
        <source>Only a smart card Lanyard issued can log you on; a phone identity or a derived credential cannot. Log on with your password, or use your card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="119"/>
        <source>This card is not in use any more (revoked, suspended, expired or replaced), so it cannot log you on. Log on with your password, or ask the helpdesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="121"/>
        <source>&apos;%1&apos; is not a server address Lanyard can use. Write it as https://host:port; plain http is only accepted for this computer (localhost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="123"/>
        <source>The CA file %1 cannot be used: it is missing, unreadable or holds no PEM certificate. Choose the PEM file of the CA that signs the server&apos;s certificate, or leave the field empty to trust the system&apos;s CAs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="134"/>
        <source>The request was not accepted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="136"/>
        <source>The %1 could not be found. It may have been removed, or it is outside your scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="137"/>
        <source>record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="140"/>
        <source>You requested this yourself, so another operator must validate it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="141"/>
        <source>Your roles do not allow this (%1). Ask an administrator to grant it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="143"/>
        <source>This person is outside the scope of your roles (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="145"/>
        <source>This cannot be done now: &apos;%1&apos; is not allowed while the item is &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="147"/>
        <source>You are not logged on, or your session has ended. Log on again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="149"/>
        <source>The logon name or password is wrong. Check both and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="151"/>
        <source>This account is disabled. Ask an administrator to enable it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ErrorText.cpp" line="153"/>
        <source>The code is wrong. %n attempt(s) left.</source>
        <translation>
            <numerusform>The code is wrong. %n attempt left.</numerusform>
            <numerusform>The code is wrong. %n attempts left.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="155"/>
        <source>The code has expired. Ask the helpdesk for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="157"/>
        <source>The code has already been used. Ask the helpdesk for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="159"/>
        <source>Too many wrong codes: the request is locked. The helpdesk can issue a new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="161"/>
        <source>The code complexity &apos;%1&apos; is not valid. Use mm-nn followed by classes, e.g. 04-08N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="163"/>
        <source>The subject name template is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="165"/>
        <source>The certificate request could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="167"/>
        <source>The certificate request&apos;s signature does not verify; it may have been altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="169"/>
        <source>The key type %1 is not allowed by the certificate policy (allowed: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="171"/>
        <source>A cryptographic operation failed. Details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="173"/>
        <source>The database could not complete the operation. Details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="175"/>
        <source>The database is busy. Nothing was changed; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="177"/>
        <source>The database is read-only. Check the file&apos;s permissions and free disk space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="179"/>
        <source>This database was created by a newer Lanyard (schema %1; this version reads up to %2). Update Lanyard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="182"/>
        <source>The setting &apos;%1&apos; is not valid: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="184"/>
        <source>The credential profile &apos;%1&apos; cannot be requested for this person by you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="186"/>
        <source>The audit trail does not verify: it has been altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="188"/>
        <source>The master key could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="190"/>
        <source>The master key does not belong to this database. Use the key file or keychain entry created with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="192"/>
        <source>This request must be validated by a second operator first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="194"/>
        <source>This person has no mobile number, so the code cannot be sent by SMS. Show the code on screen instead, or add a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="195"/>
        <source>This person has no email address, so nothing can be sent. Show the code on screen instead, or add an address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="197"/>
        <source>The change conflicts with existing data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="199"/>
        <source>The message could not be delivered: %1. Check the email and SMS settings, then re-send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ErrorText.cpp" line="201"/>
        <source>The server is busy. Nothing was lost; try again in %n second(s).</source>
        <translation>
            <numerusform>The server is busy. Nothing was lost; try again in %n second.</numerusform>
            <numerusform>The server is busy. Nothing was lost; try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="204"/>
        <source>This card was requested for %1 and can only be made there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="206"/>
        <source>This phone is not registered to this person, and the credential profile only allows the person&apos;s own registered phones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="207"/>
        <source>This phone is not registered, and the credential profile only allows registered phones. Register it under Registered hardware first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="209"/>
        <source>Biometric checks on update or unlock are switched on, and mobile identities cannot perform them. Switch both off in the Operation Settings to issue to phones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="211"/>
        <source>Mobile issuance is switched off (the maximum session count is 0). Raise it in the Operation Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="213"/>
        <source>The collection took too long and was stopped. Nothing was issued; start the collection again with the same code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="215"/>
        <source>The server&apos;s certificate is not trusted: %1. Check the CA file in the connection settings, or ask the administrator which CA signs the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="217"/>
        <source>The server could not be reached: %1. Check the address and your network, then try again; nothing you typed was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="219"/>
        <source>The smart card service is not running, so no card can be read. Start it (pcscd) or ask IT; Lanyard notices by itself when it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="221"/>
        <source>The card was removed or cannot be reached. Insert it again and keep it in the reader until you are done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="224"/>
        <source>This card is not a PIV card. Use your PIV smart card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="226"/>
        <source>This card holds no PIV Authentication certificate, so it cannot be used here. Ask the helpdesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="228"/>
        <source>The certificate on this card cannot be read. The card may be damaged; ask the helpdesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="230"/>
        <source>Another program is using the card. Close it, or remove the card and insert it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="231"/>
        <source>The card did not answer as expected. Remove it, insert it again and retry; if it happens again, ask the helpdesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ErrorText.cpp" line="234"/>
        <source>The unblock code (PUK) is wrong. %n attempt(s) left before it is blocked too.</source>
        <translation>
            <numerusform>The unblock code (PUK) is wrong. %n attempt left before it is blocked too.</numerusform>
            <numerusform>The unblock code (PUK) is wrong. %n attempts left before it is blocked too.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ErrorText.cpp" line="235"/>
        <source>The PIN is wrong. %n attempt(s) left before the card is blocked.</source>
        <translation>
            <numerusform>The PIN is wrong. %n attempt left before the card is blocked.</numerusform>
            <numerusform>The PIN is wrong. %n attempts left before the card is blocked.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="238"/>
        <source>The card&apos;s unblock code (PUK) is blocked: the card cannot be unblocked any more. Ask the helpdesk for a new card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="239"/>
        <source>The card&apos;s PIN is blocked after too many wrong attempts. The helpdesk can unblock it (Self-Service: Unblock PIN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="242"/>
        <source>The PIV card this credential is derived from expired on %1, so it can no longer be collected. Derive a new one from a valid card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="244"/>
        <source>The certificate on this card is not valid now (valid from %1 until %2). Ask the helpdesk for a new card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="249"/>
        <source>No trusted issuers of PIV cards are configured, so no card can be accepted. An administrator sets them in the Operation Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="251"/>
        <source>Whether this card has been revoked cannot be checked: there is no revocation list for its issuer. An administrator adds it in the Operation Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="253"/>
        <source>Whether this card has been revoked cannot be checked: the revocation list is out of date. An administrator must update it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="254"/>
        <source>This card was not issued by a trusted issuer (%1). Use a card from your organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="256"/>
        <source>This card has been revoked by its issuer and cannot be used. Ask the helpdesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="259"/>
        <source>This took too long. Remove your card and start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="260"/>
        <source>The card could not prove that it holds the certificate&apos;s key. Remove it and start again; if it happens again, ask the helpdesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="263"/>
        <source>This card&apos;s certificate carries no FASC-N or card UUID, so it cannot be linked to anyone. Ask the helpdesk: they can allow finding the holder by the certificate&apos;s UPN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="264"/>
        <source>This card does not belong to anyone Lanyard knows. Ask the helpdesk to link the card to your record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="266"/>
        <source>This card&apos;s signed identity (%1 %2) does not match its certificate (%3), so it may have been altered. Do not use it; take it to the helpdesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="269"/>
        <source>Another person already holds this %1 (%2). A card belongs to one person: remove it from the other record first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="270"/>
        <source>FASC-N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="270"/>
        <source>card UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="273"/>
        <source>The profile&apos;s notification scheme sends the code by SMS, but SMS notifications are switched off in the Operation Settings. Switch them on, or show the code on screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="274"/>
        <source>The profile&apos;s notification scheme sends email, but email notifications are switched off in the Operation Settings. Switch them on, or show the code on screen.</source>
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
        <location filename="../models/RecordModels.cpp" line="84"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="13"/>
        <location filename="../models/RecordModels.cpp" line="120"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="14"/>
        <location filename="../models/RecordModels.cpp" line="71"/>
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
        <location filename="../models/RecordModels.cpp" line="82"/>
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
        <location filename="../models/RecordModels.cpp" line="73"/>
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
    <message>
        <location filename="../models/RecordModels.cpp" line="69"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="69"/>
        <source>Computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="69"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="70"/>
        <source>Serial / DNS name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="72"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="73"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="73"/>
        <source>Deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="83"/>
        <location filename="../models/RecordModels.cpp" line="94"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="85"/>
        <source>Validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="85"/>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="94"/>
        <source>%1 (current)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="95"/>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="96"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="97"/>
        <source>Lifetime (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="106"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="107"/>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="108"/>
        <source>Workflows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="117"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="118"/>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="119"/>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="121"/>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="122"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/RecordModels.cpp" line="123"/>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingLabels</name>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="10"/>
        <source>Collection service address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="11"/>
        <source>External web address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="12"/>
        <source>Authentication code complexity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="13"/>
        <source>Code lifetime when shown on screen (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="14"/>
        <source>Code lifetime when sent (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="15"/>
        <source>Wrong codes before a request locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="16"/>
        <source>Maximum collection sessions (0 none, -1 no limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="17"/>
        <source>Send email notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="18"/>
        <source>SMS notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="19"/>
        <source>SMS gateway for notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="20"/>
        <source>Send the collection link by email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="21"/>
        <source>Send the collection link by SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="22"/>
        <source>Send the code by SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="23"/>
        <source>Android app download address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="24"/>
        <source>iOS app download address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="25"/>
        <source>Device management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="26"/>
        <source>Temporary replacement lifetime (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="27"/>
        <source>Virtual smart cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="28"/>
        <source>Temporary VSC unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="29"/>
        <source>Allow parent and child credential profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="30"/>
        <source>Verify fingerprints during card update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="31"/>
        <source>Verify fingerprints during card unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="32"/>
        <source>Agent log level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="33"/>
        <source>Agent retry attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="34"/>
        <source>Agent retry delay (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="35"/>
        <source>Default distinguished name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="36"/>
        <source>CRL validity (hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="37"/>
        <source>Mail format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="38"/>
        <source>SMTP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="39"/>
        <source>SMTP port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="40"/>
        <source>SMTP security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="41"/>
        <source>SMTP user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="42"/>
        <source>SMTP password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="43"/>
        <source>Sender address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="44"/>
        <source>SMTP server CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="45"/>
        <source>SMS delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="46"/>
        <source>HTTP SMS gateway address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="47"/>
        <source>HTTP SMS gateway method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="48"/>
        <source>HTTP SMS gateway body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="49"/>
        <source>HTTP SMS gateway content type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="50"/>
        <source>HTTP SMS gateway user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="51"/>
        <source>HTTP SMS gateway password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="52"/>
        <source>Delivery attempts per message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="53"/>
        <source>First retry delay (seconds, doubles each time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="54"/>
        <source>Renewal reminder (days before expiry, 0 off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="55"/>
        <source>PIV card trust anchors (files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="56"/>
        <source>PIV card intermediate CAs (files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="57"/>
        <source>PIV card revocation lists (files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="58"/>
        <source>Find the PIV card holder by the UPN in the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="59"/>
        <source>Derived credential profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="60"/>
        <source>Kiosk idle timeout (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="61"/>
        <source>Longest operator session, renewals included (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="62"/>
        <source>Timezone list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="69"/>
        <source>PEM files with the CA certificates that PIV cards must chain to, separated by &apos;;&apos;. Paths on the engine&apos;s machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="70"/>
        <source>PEM files with CA certificates between the anchors and the cards, separated by &apos;;&apos;. Not trusted themselves: they only complete the path to an anchor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="71"/>
        <source>CRL files (PEM or DER) of the anchors and the intermediates, separated by &apos;;&apos;. A card whose revocation cannot be checked at every level is refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="72"/>
        <source>Only for cards whose certificate carries no FASC-N and no card UUID. The UPN is then the only link to a person, so trust it only if the card issuer vouches for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="73"/>
        <source>A session that is renewed (the kiosk&apos;s) still ends this many days after its logon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="74"/>
        <source>The derived-credential profile the kiosk issues. Empty: the first current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="75"/>
        <source>mm-nn then classes: U upper case, L lower case, S symbols, N digits; capital = must contain, small = may. Example: 04-08N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="76"/>
        <source>Phones cannot do this: must be off to issue mobile identities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="77"/>
        <source>Appended to every certificate policy&apos;s subject, e.g. O=Example Ltd,C=GB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="78"/>
        <source>Needs the collection link to go by email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="79"/>
        <source>Leave empty until a server is known: messages wait in the outbox and go once it is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="80"/>
        <source>Email-to-SMS gateway domain: messages go to &lt;mobile number&gt;@&lt;gateway&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="81"/>
        <source>email-gateway: through the SMTP server to the gateway; http: the HTTP gateway below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="82"/>
        <source>{{Number}} and {{Message}} are filled in (encoded for the address or the body).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="83"/>
        <source>PEM file of the CA that signed the SMTP server&apos;s certificate; empty: the system&apos;s CAs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingLabels.cpp" line="84"/>
        <source>Stored encrypted; shown as dots. Leave the dots to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::AuditPage</name>
    <message>
        <location filename="../ui/AuditPage.cpp" line="30"/>
        <source>Person, operator, serial or DNS name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AuditPage.cpp" line="34"/>
        <source>Any workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AuditPage.cpp" line="46"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AuditPage.cpp" line="48"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AuditPage.cpp" line="50"/>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AuditPage.cpp" line="59"/>
        <source>&amp;Verify chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/AuditPage.cpp" line="69"/>
        <source>✔ The audit trail verifies: %n event(s), hash chain intact.</source>
        <translation>
            <numerusform>✔ The audit trail verifies: %n event, hash chain intact.</numerusform>
            <numerusform>✔ The audit trail verifies: %n events, hash chain intact.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/AuditPage.cpp" line="70"/>
        <source>✘ The audit trail does NOT verify: event %1 (%2). It has been altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/AuditPage.cpp" line="92"/>
        <source>Verifying…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::AutomationRun</name>
    <message>
        <location filename="../app/AutomationRun.cpp" line="84"/>
        <source>Automation needs to log on: set LANYARD_LOGON and LANYARD_PASSWORD for the embedded engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/AutomationRun.cpp" line="89"/>
        <source>No remembered Self-Service session: open Self-Service once and log on, or set LANYARD_LOGON and LANYARD_PASSWORD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/AutomationRun.cpp" line="98"/>
        <source>Looking for PIN locks due on %1 (%2)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/AutomationRun.cpp" line="111"/>
        <source>No PIN lock is due on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/AutomationRun.cpp" line="115"/>
        <source>Lock job %1 on %2: completed; the card is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/AutomationRun.cpp" line="118"/>
        <source>Lock job %1 on %2: failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/AutomationRun.cpp" line="121"/>
        <source>Lock job %1 on %2: waiting for the next run (%3).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::CardIdentifiersDialog</name>
    <message>
        <location filename="../ui/CardIdentifiersDialog.cpp" line="21"/>
        <source>PIV card of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CardIdentifiersDialog.cpp" line="23"/>
        <source>The derived-credential kiosk recognises %1 by these identifiers in their PIV card&apos;s certificate. Leave a field empty if the card does not carry it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CardIdentifiersDialog.cpp" line="32"/>
        <source>32 digits, or the 25 bytes as 50 hex digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CardIdentifiersDialog.cpp" line="36"/>
        <source>e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CardIdentifiersDialog.cpp" line="38"/>
        <source>&amp;FASC-N:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CardIdentifiersDialog.cpp" line="39"/>
        <source>Card &amp;UUID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/CardIdentifiersDialog.cpp" line="64"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::CollectionAgent</name>
    <message>
        <location filename="../services/agent/CollectionAgent.cpp" line="94"/>
        <source>Starting the collection (attempt %1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../services/agent/CollectionAgent.cpp" line="100"/>
        <source>The server is busy; trying again in %n second(s).</source>
        <translation>
            <numerusform>The server is busy; trying again in %n second.</numerusform>
            <numerusform>The server is busy; trying again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../services/agent/CollectionAgent.cpp" line="115"/>
        <source>Making %n key(s)…</source>
        <translation>
            <numerusform>Making %n key…</numerusform>
            <numerusform>Making %n keys…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../services/agent/CollectionAgent.cpp" line="120"/>
        <source>Making the keys on the card (%1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../services/agent/CollectionAgent.cpp" line="229"/>
        <source>Writing the certificates to the card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../services/agent/CollectionAgent.cpp" line="244"/>
        <source>Stored; confirming…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ConnectionDialog</name>
    <message>
        <location filename="../ui/ConnectionDialog.cpp" line="22"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ConnectionDialog.cpp" line="25"/>
        <source>&amp;This computer (embedded engine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ConnectionDialog.cpp" line="29"/>
        <source>Default database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ConnectionDialog.cpp" line="30"/>
        <source>A Lanyard &amp;server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ConnectionDialog.cpp" line="37"/>
        <source>System CAs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ConnectionDialog.cpp" line="38"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ConnectionDialog.cpp" line="43"/>
        <source>&amp;Database file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ConnectionDialog.cpp" line="47"/>
        <source>Server &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ConnectionDialog.cpp" line="51"/>
        <source>Trusted &amp;CA file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ConnectionDialog.cpp" line="58"/>
        <source>C&amp;onnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ConnectionDialog.cpp" line="79"/>
        <source>Trusted CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ConnectionDialog.cpp" line="79"/>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
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
        <location filename="../ui/DeviceViewPage.cpp" line="41"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="70"/>
        <source>&amp;Unlock Credential…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="72"/>
        <source>Manage VSC &amp;Access…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="74"/>
        <source>Unlock VSC &amp;Temporary Access…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="77"/>
        <source>Parent card &amp;no longer trusted…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="80"/>
        <source>Parent card no longer trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="81"/>
        <source>Every credential derived from the PIV card this one was issued on is cancelled and its certificates revoked; open requests on that card are cancelled too. Reason (kept in the audit trail):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="83"/>
        <source>End trust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="96"/>
        <source>&amp;Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="97"/>
        <source>&amp;Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="101"/>
        <source>De&amp;tails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="106"/>
        <source>Done: the device is now %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DeviceViewPage.cpp" line="111"/>
        <source>Done: %n derived credential(s) cancelled</source>
        <translation>
            <numerusform>Done: %n derived credential cancelled</numerusform>
            <numerusform>Done: %n derived credentials cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DeviceViewPage.cpp" line="112"/>
        <source>, %n open request(s) cancelled.</source>
        <translation>
            <numerusform>, %n open request cancelled.</numerusform>
            <numerusform>, %n open requests cancelled.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="136"/>
        <source>&lt;h2&gt;%1 %2&lt;/h2&gt;Owner: %3 · State: &lt;b&gt;%4&lt;/b&gt; · Expires %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="148"/>
        <source>Serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="149"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="149"/>
        <source>%1 (version %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="150"/>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="151"/>
        <source>Phone serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="152"/>
        <source>DNS name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/DeviceViewPage.cpp" line="85"/>
        <location filename="../ui/DeviceViewPage.cpp" line="184"/>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::EngineLauncher</name>
    <message>
        <location filename="../app/EngineLauncher.cpp" line="32"/>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/EngineLauncher.cpp" line="76"/>
        <source>Creating demo data (%n people)…</source>
        <translation>
            <numerusform>Creating demo data (%n person)…</numerusform>
            <numerusform>Creating demo data (%n people)…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/EngineLauncher.cpp" line="88"/>
        <source>%1 of %2 people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/EngineLauncher.cpp" line="103"/>
        <source>Demo data ready in %1 s: %2 people, %3 issued devices, %4 pending requests.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::FindDevicePage</name>
    <message>
        <location filename="../ui/FindDevicePage.cpp" line="24"/>
        <source>Serial number or DNS name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/FindDevicePage.cpp" line="44"/>
        <source>No device found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/FindDevicePage.cpp" line="44"/>
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n device</numerusform>
            <numerusform>%n devices</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanyard::FindPersonPage</name>
    <message>
        <location filename="../ui/FindPersonPage.cpp" line="25"/>
        <source>Name, logon name or email — or group:NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/FindPersonPage.cpp" line="46"/>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/FindPersonPage.cpp" line="50"/>
        <source>Nobody found. Check the spelling, or search by logon name or email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/FindPersonPage.cpp" line="51"/>
        <source>%n people shown; scroll for more</source>
        <translation>
            <numerusform>%n person shown; scroll for more</numerusform>
            <numerusform>%n people shown; scroll for more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/FindPersonPage.cpp" line="51"/>
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanyard::HardwarePage</name>
    <message>
        <location filename="../ui/HardwarePage.cpp" line="25"/>
        <source>Registered hardware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/HardwarePage.cpp" line="29"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/HardwarePage.cpp" line="30"/>
        <source>Computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/HardwarePage.cpp" line="33"/>
        <source>Phone serial or computer&apos;s full DNS name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/HardwarePage.cpp" line="36"/>
        <source>Owner&apos;s logon name (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/HardwarePage.cpp" line="38"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/HardwarePage.cpp" line="39"/>
        <source>&amp;Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/HardwarePage.cpp" line="52"/>
        <source>&amp;Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/HardwarePage.cpp" line="65"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::KioskWindow</name>
    <message>
        <location filename="../ui/KioskWindow.cpp" line="46"/>
        <source>Lanyard: derived credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KioskWindow.cpp" line="70"/>
        <source>&amp;Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KioskWindow.cpp" line="98"/>
        <source>2. In the app, scan this code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KioskWindow.cpp" line="99"/>
        <source>1. Get the app: Android</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KioskWindow.cpp" line="100"/>
        <source>1. Get the app: iPhone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KioskWindow.cpp" line="115"/>
        <source>3. Type this code in the app when it asks. Then remove your card: the screen clears.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KioskWindow.cpp" line="174"/>
        <source>Out of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KioskWindow.cpp" line="177"/>
        <source>Please remove your card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KioskWindow.cpp" line="178"/>
        <source>Then insert it again to start over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KioskWindow.cpp" line="180"/>
        <source>Insert your PIV card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KioskWindow.cpp" line="181"/>
        <source>Get a derived credential on your phone: insert your card, enter its PIN, and scan a code with the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KioskWindow.cpp" line="190"/>
        <source>1 Insert card  ·  2 PIN  ·  3 Phone   (step %1 of 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KioskWindow.cpp" line="200"/>
        <source>Reading your card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KioskWindow.cpp" line="204"/>
        <source>Checking your PIN and card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KioskWindow.cpp" line="208"/>
        <source>Hello %1. Enter your card&apos;s PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KioskWindow.cpp" line="210"/>
        <source>Your derived credential (%1) will be linked to this card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/KioskWindow.cpp" line="212"/>
        <source>%n attempt(s) left</source>
        <translation>
            <numerusform>%n attempt left</numerusform>
            <numerusform>%n attempts left</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/KioskWindow.cpp" line="212"/>
        <source>Attempts left: unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KioskWindow.cpp" line="217"/>
        <source>This card cannot be used here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KioskWindow.cpp" line="218"/>
        <source>Remove your card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/KioskWindow.cpp" line="223"/>
        <source>Your derived credential is ready to collect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::LogonDialog</name>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="24"/>
        <source>Log on to Lanyard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="46"/>
        <source>&amp;Logon name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="47"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="50"/>
        <source>&amp;Remember me on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="52"/>
        <source>Keeps your session in the system keychain, so the next start skips this dialog until the session expires or you log off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="60"/>
        <location filename="../ui/LogonDialog.cpp" line="150"/>
        <source>Use my ca&amp;rd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="65"/>
        <source>&amp;Connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="68"/>
        <source>Log &amp;on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="77"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="130"/>
        <source>Card &amp;PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="150"/>
        <source>Use my pass&amp;word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="169"/>
        <source>Insert your card into the reader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="171"/>
        <source>Reading your card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="173"/>
        <source>Card found. Type its PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="175"/>
        <source>PIN attempts left: unknown (this card does not tell).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="179"/>
        <source>The card&apos;s PIN is blocked. Log on with your password and unblock it, or ask the helpdesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="181"/>
        <source>PIN attempts left: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="188"/>
        <source>Insert your card into the reader first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/LogonDialog.cpp" line="195"/>
        <source>Enter your logon name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="47"/>
        <source>Search people by name, logon name or email (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="70"/>
        <source>Find Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="73"/>
        <source>Find Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="76"/>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="78"/>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="81"/>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="82"/>
        <source>Message templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="85"/>
        <source>Credential Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="87"/>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="89"/>
        <source>Registered hardware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="96"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="97"/>
        <source>&amp;Log off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="98"/>
        <source>Ctrl+Shift+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="99"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="102"/>
        <source>&amp;Cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="109"/>
        <source>&amp;Manage VSC Access…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="110"/>
        <source>Unlock VSC &amp;Temporary Access…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="125"/>
        <source>&amp;Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="216"/>
        <location filename="../ui/MainWindow.cpp" line="233"/>
        <source>Server %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="216"/>
        <location filename="../ui/MainWindow.cpp" line="233"/>
        <source>Embedded engine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="217"/>
        <source>Lanyard — %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="218"/>
        <source>Logged on as %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="219"/>
        <location filename="../ui/MainWindow.cpp" line="234"/>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="221"/>
        <source>Keys and CA on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="223"/>
        <source>⚠ Master key in a key file (no system keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="224"/>
        <source>The master key protecting the CA key is stored in %1. Keep that file private and backed up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="226"/>
        <source>Master key in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="234"/>
        <source>unreachable, trying again every few seconds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ManageVscAccessDialog</name>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="29"/>
        <source>Manage VSC Access — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="38"/>
        <source>Owner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="39"/>
        <source>Expires:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="40"/>
        <source>(any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="40"/>
        <source>Computer (DNS name):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="41"/>
        <source>Credential profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="42"/>
        <source>Associated profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="43"/>
        <source>No associated profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="50"/>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="50"/>
        <source>Requested by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="50"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="50"/>
        <source>Lock at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="50"/>
        <source>Processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="57"/>
        <source>At the &amp;next Self-Service run on the computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="60"/>
        <source>At a &amp;date and time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="74"/>
        <source>Lock:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="78"/>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="86"/>
        <source>Request PIN &amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="88"/>
        <source>&amp;Update PIN Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="90"/>
        <source>&amp;Cancel PIN Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="97"/>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="171"/>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="116"/>
        <source>The PIN lock is cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="116"/>
        <source>The PIN lock is scheduled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="143"/>
        <source>next Self-Service run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="145"/>
        <source>%1 (chosen in %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="148"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="156"/>
        <source>No PIN lock is pending for this card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ManageVscAccessDialog.cpp" line="156"/>
        <source>A PIN lock is pending: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::MessageTemplatesPage</name>
    <message>
        <location filename="../ui/MessageTemplatesPage.cpp" line="29"/>
        <source>Alex Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageTemplatesPage.cpp" line="57"/>
        <source>Message templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageTemplatesPage.cpp" line="77"/>
        <source>S&amp;ubject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageTemplatesPage.cpp" line="82"/>
        <source>&amp;Text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageTemplatesPage.cpp" line="87"/>
        <source>Optional. Used when the mail format is HTML; the text above goes along as the plain alternative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageTemplatesPage.cpp" line="88"/>
        <source>&amp;HTML:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageTemplatesPage.cpp" line="95"/>
        <source>Insert field:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageTemplatesPage.cpp" line="101"/>
        <source>&amp;Save template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageTemplatesPage.cpp" line="103"/>
        <source>Reset to &amp;default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageTemplatesPage.cpp" line="117"/>
        <source>Preview with sample values:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageTemplatesPage.cpp" line="149"/>
        <source>Saved. Messages queued from now on use this wording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageTemplatesPage.cpp" line="200"/>
        <source>%1 (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageTemplatesPage.cpp" line="201"/>
        <source>Insert {{%1}} where the cursor is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageTemplatesPage.cpp" line="248"/>
        <source>Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageTemplatesPage.cpp" line="251"/>
        <source>HTML version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageTemplatesPage.cpp" line="259"/>
        <source>Customised wording, saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageTemplatesPage.cpp" line="259"/>
        <source>Built-in wording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageTemplatesPage.cpp" line="260"/>
        <source>Changed; not saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MessageTemplatesPage.cpp" line="263"/>
        <source>With the sample values: %n character(s)</source>
        <translation>
            <numerusform>With the sample values: %n character</numerusform>
            <numerusform>With the sample values: %n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MessageTemplatesPage.cpp" line="264"/>
        <source>(%n SMS part(s)).</source>
        <translation>
            <numerusform>(%n SMS part).</numerusform>
            <numerusform>(%n SMS parts).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanyard::OperatorClient</name>
    <message>
        <location filename="../app/OperatorClient.cpp" line="76"/>
        <source>Lanyard could not open its engine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/OperatorClient.cpp" line="81"/>
        <source>Connection — the engine could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/OperatorClient.cpp" line="87"/>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/OperatorClient.cpp" line="88"/>
        <source>Master key: %1 (no system keychain available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/OperatorClient.cpp" line="89"/>
        <source>Master key: system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/OperatorClient.cpp" line="110"/>
        <source>The server %1 answers again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/OperatorClient.cpp" line="124"/>
        <location filename="../app/OperatorClient.cpp" line="165"/>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/OperatorClient.cpp" line="133"/>
        <source>Your saved session has ended. Log on again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/OperatorClient.cpp" line="150"/>
        <source>Log on as &apos;%1&apos; with the password &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/OperatorClient.cpp" line="165"/>
        <source>This computer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/OperatorClient.cpp" line="171"/>
        <source>Demo: log on as &apos;%1&apos; with the password &apos;%2&apos; (or &apos;%3&apos; to validate requests).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/OperatorClient.cpp" line="225"/>
        <source>Logged on as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/OperatorClient.cpp" line="232"/>
        <source>Your session could not be remembered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/OperatorClient.cpp" line="281"/>
        <source>Your session on the server has ended. Log on again to carry on; everything you typed stays as it is.</source>
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
        <location filename="../ui/PersonViewPage.cpp" line="28"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="33"/>
        <source>Request &amp;Mobile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="35"/>
        <source>Request Mobile (&amp;View Auth Code)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="42"/>
        <source>Request &amp;Card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="56"/>
        <source>&amp;Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="57"/>
        <source>Re&amp;quests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="65"/>
        <source>&amp;PIV Card Identifiers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="74"/>
        <source>De&amp;tails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="102"/>
        <source>no email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="102"/>
        <source>no mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="105"/>
        <source>Logon name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="106"/>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="107"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="108"/>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="109"/>
        <source>User principal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="110"/>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="111"/>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="112"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="112"/>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="112"/>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="113"/>
        <source>PIV card FASC-N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="113"/>
        <location filename="../ui/PersonViewPage.cpp" line="114"/>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/PersonViewPage.cpp" line="114"/>
        <source>PIV card UUID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ProfilePoliciesModel</name>
    <message>
        <location filename="../models/ProfilePoliciesModel.cpp" line="119"/>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/ProfilePoliciesModel.cpp" line="121"/>
        <source>Key types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/ProfilePoliciesModel.cpp" line="123"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ProfileRightsModel</name>
    <message>
        <location filename="../models/ProfileRightsModel.cpp" line="100"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/ProfileRightsModel.cpp" line="102"/>
        <source>Can Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/ProfileRightsModel.cpp" line="104"/>
        <source>Can Receive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/ProfileRightsModel.cpp" line="106"/>
        <source>Can Collect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/ProfileRightsModel.cpp" line="108"/>
        <source>Can Validate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/ProfileRightsModel.cpp" line="110"/>
        <source>Can Unlock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ProfilesPage</name>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="61"/>
        <source>Credential Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="74"/>
        <source>&amp;New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="77"/>
        <source>Versions of the selected profile (select one to start from it):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="87"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="92"/>
        <source>Card &amp;encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="97"/>
        <source>N&amp;otification scheme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="101"/>
        <source>&amp;Mobile devices:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="102"/>
        <source>A second operator must &amp;validate each request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="108"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="109"/>
        <source>&amp;Lifetime:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="111"/>
        <source>PIN policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="121"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="124"/>
        <source>Length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="131"/>
        <source>Upper-case letters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="131"/>
        <source>Lower-case letters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="131"/>
        <source>Digits:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="131"/>
        <source>Special characters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="136"/>
        <source>Not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="137"/>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="138"/>
        <source>Mandatory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="145"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="148"/>
        <source>The PIN is always required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="149"/>
        <source>Face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="151"/>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="157"/>
        <source>Authentication:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="159"/>
        <source>&amp;Parent profile (issuing it locks the child virtual smart cards)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="164"/>
        <source>Child of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="167"/>
        <source>Profiles in one group replace each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="168"/>
        <source>Credential &amp;group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="169"/>
        <source>&amp;Cancel the previously issued device of the same group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="174"/>
        <source>&amp;Badge layout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="178"/>
        <source>Certificates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="180"/>
        <source>Role matrix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="233"/>
        <source>Saved as a new version. Devices already issued keep the version they were issued with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="254"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="277"/>
        <source>&lt;b&gt;New profile&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="278"/>
        <source>&amp;Create profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="283"/>
        <source>&lt;b&gt;%1&lt;/b&gt;, version %2 (current), saved %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="285"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: version %2 of %3, saved %4. Saving makes version %5 from what is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="291"/>
        <source>&amp;Save as version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="304"/>
        <source>A virtual smart card&apos;s PIN has %1 to %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ProfilesPage.cpp" line="308"/>
        <source>A PIV PIN has %1 to %2 characters.</source>
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
        <location filename="../ui/RequestCredentialDialog.cpp" line="33"/>
        <source>Request Card — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="35"/>
        <source>Request Mobile (View Auth Code) — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="35"/>
        <source>Request Mobile — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="43"/>
        <source>Credential &amp;profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="47"/>
        <source>C&amp;omputer (full DNS name; empty: any computer):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="53"/>
        <source>any computer, or pick or type e.g. pc01.example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="75"/>
        <source>Loading the profiles you may request for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="81"/>
        <source>&amp;Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="103"/>
        <source>Authentication code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="112"/>
        <source>Collection address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="118"/>
        <source>&amp;Copy code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="120"/>
        <source>Copy &amp;QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="122"/>
        <source>&amp;Save QR code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="125"/>
        <source>Save QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="125"/>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="131"/>
        <source>The QR code could not be saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="169"/>
        <source>%1 (needs validation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="172"/>
        <source>There is no card profile that you may request and that %1 may receive. An administrator decides this in the profile&apos;s role matrix (Can Request, Can Receive).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="174"/>
        <source>There is no mobile profile that you may request and that %1 may receive. An administrator decides this in the profile&apos;s role matrix (Can Request, Can Receive).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="180"/>
        <source>The code will be shown on this screen for you to read out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="181"/>
        <source>The collection link and the code are sent to %1 by the profile&apos;s notification scheme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="193"/>
        <source>Requesting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="203"/>
        <source>collection link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="203"/>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="204"/>
        <source>SMS to %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="204"/>
        <source>email to %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="206"/>
        <source>No message is sent for this request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="206"/>
        <source>Queued for delivery: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="211"/>
        <source>Request %1 was created, but %2 holds rights that you do not, so the code is not shown to you. It awaits validation by an operator who holds those rights, or its code can be sent to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="219"/>
        <source>Request %1 was created and awaits validation by a second operator. No code is issued until it is approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="226"/>
        <source>Request %1 was created. The collection link and the code travel to the user in separate messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestCredentialDialog.cpp" line="231"/>
        <source>Request %1 is ready. Read the code out to %2 and let them scan the QR code with the Lanyard app. The code expires at %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::RequestsPage</name>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="37"/>
        <source>Open requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="38"/>
        <source>Awaiting validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="39"/>
        <source>Awaiting issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="40"/>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="41"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="42"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="43"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="44"/>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="48"/>
        <source>Person&apos;s name or logon name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="58"/>
        <source>Messages sent for this request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="63"/>
        <source>Re-&amp;send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="65"/>
        <source>Send this message again. Only possible while the request&apos;s code still works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="78"/>
        <source>&amp;Cancel request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="80"/>
        <source>&amp;New code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="82"/>
        <source>&amp;Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="84"/>
        <source>&amp;Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="126"/>
        <source>The message to %1 will be sent again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="132"/>
        <source>Request %1 was cancelled; its code no longer works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="138"/>
        <source>Request %1 was rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="141"/>
        <source>Request %1: a new code was issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="156"/>
        <source>Cancel request %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RequestsPage.cpp" line="157"/>
        <source>Reason (kept in the audit trail):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::RolesPage</name>
    <message>
        <location filename="../ui/RolesPage.cpp" line="30"/>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RolesPage.cpp" line="39"/>
        <source>&amp;New role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RolesPage.cpp" line="50"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RolesPage.cpp" line="55"/>
        <source>&amp;Scope:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RolesPage.cpp" line="63"/>
        <source>&amp;Workflows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RolesPage.cpp" line="68"/>
        <source>&amp;Save role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RolesPage.cpp" line="91"/>
        <source>Saved. Operators holding this role have the new rights from their next action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RolesPage.cpp" line="118"/>
        <source>&lt;b&gt;Role: %1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/RolesPage.cpp" line="118"/>
        <source>&lt;b&gt;New role&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::SelfServiceWindow</name>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="65"/>
        <source>Lanyard Self-Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="73"/>
        <source>Hello %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="79"/>
        <source>&amp;Request My ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="80"/>
        <source>&amp;My requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="81"/>
        <source>&amp;Change PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="82"/>
        <source>&amp;Unblock PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="83"/>
        <source>&amp;Log off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="113"/>
        <source>Your PIN is unblocked and set to the new PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="113"/>
        <source>Your PIN has been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="129"/>
        <source>Request an identity for yourself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="134"/>
        <source>&amp;Identity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="138"/>
        <source>&amp;Show QR code here instead of sending the code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="141"/>
        <source>Re&amp;quest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="196"/>
        <source>There is no identity you can request for yourself. Ask the helpdesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="216"/>
        <source>The helpdesk must approve this identity first and then sends you the code, but you have no email address or mobile number on record. Ask the helpdesk to add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="221"/>
        <source>The helpdesk must approve this identity first. You will get the code once it is approved, so no QR code can be shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="225"/>
        <source>You have no email address or mobile number on record, so the code is shown here. Have your phone ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="229"/>
        <source>The code will be shown here and nothing is sent. Have your phone ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="231"/>
        <source>The code will be sent to your mobile number %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="232"/>
        <source>The code will be sent to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="244"/>
        <source>Requesting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="260"/>
        <source>Your request is waiting for the helpdesk&apos;s approval. You will be told when you can collect it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="264"/>
        <source>Open the app on your phone, scan the QR code, and type this code when it asks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SelfServiceWindow.cpp" line="272"/>
        <source>Done: %n message(s) with the link and the code are on their way to you.</source>
        <translation>
            <numerusform>Done: %n message with the link and the code is on its way to you.</numerusform>
            <numerusform>Done: %n messages with the link and the code are on their way to you.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="324"/>
        <source>Waiting for the helpdesk&apos;s approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="327"/>
        <source>The code has expired. Ask the helpdesk for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="328"/>
        <source>Waiting for your phone. The code works until %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="329"/>
        <source>Waiting for your phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="331"/>
        <source>Your phone is collecting it now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="336"/>
        <source>Collected on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="337"/>
        <source>Collected on %1 as %2 %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="338"/>
        <source>Collected on %1 as %2 %3 (%4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="341"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="341"/>
        <source>Cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="343"/>
        <source>Collection failed. Ask the helpdesk to request it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="344"/>
        <source>Collection failed: %1 Ask the helpdesk to request it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="346"/>
        <source>The code expired before it was used. Ask the helpdesk for a new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="348"/>
        <source>The code was typed wrongly too often. Ask the helpdesk for a new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="360"/>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="360"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="360"/>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="360"/>
        <source>Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="420"/>
        <source>&amp;New PIN (6–8 digits):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="421"/>
        <source>Con&amp;firm new PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="461"/>
        <source>Lanyard does not hold an unblock code for this card. Use the unblock code (PUK) you received with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="463"/>
        <source>Lanyard could not check whether it can unblock this card: %1 You can still use the unblock code (PUK) you received with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="478"/>
        <source>Unblock your card&apos;s PIN through the helpdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="479"/>
        <source>The helpdesk&apos;s unlock code was accepted. Choose your new PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="480"/>
        <source>Lanyard keeps the unblock code of this card (%1). Call the helpdesk, read them this challenge, and type the unlock code they give you. The challenge is valid until %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="484"/>
        <source>Helpdesk&apos;s &amp;unlock code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="491"/>
        <source>Unblock your card&apos;s PIN with the unblock code (PUK)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="491"/>
        <source>Change your card&apos;s PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="492"/>
        <source>Checking whether Lanyard can unblock this card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="494"/>
        <source>&amp;Unblock code (PUK):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="494"/>
        <source>C&amp;urrent PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="506"/>
        <source>Insert your card into the reader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="508"/>
        <source>Card found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="511"/>
        <source>PIN attempts left: unknown (this card does not tell).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="515"/>
        <source>The PIN is blocked: unblock it below with the helpdesk&apos;s unlock code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="517"/>
        <source>The PIN is blocked: unblock it with your unblock code (PUK).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="519"/>
        <source>PIN attempts left: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="520"/>
        <source>Un&amp;block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="520"/>
        <source>C&amp;hange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="527"/>
        <source>The new PIN and its confirmation differ. Type them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SelfServiceWindow.cpp" line="530"/>
        <source>Working with your card…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::SettingsPage</name>
    <message>
        <location filename="../ui/SettingsPage.cpp" line="29"/>
        <source>Operation Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsPage.cpp" line="74"/>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsPage.cpp" line="74"/>
        <source>UTC offset (hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsPage.cpp" line="78"/>
        <source>&amp;Add timezone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsPage.cpp" line="79"/>
        <source>&amp;Remove timezone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsPage.cpp" line="94"/>
        <source>Re&amp;vert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsPage.cpp" line="95"/>
        <source>&amp;Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsPage.cpp" line="116"/>
        <source>Saved. New requests use these settings at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsPage.cpp" line="133"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsPage.cpp" line="184"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::UnlockCredentialDialog</name>
    <message>
        <location filename="../ui/UnlockCredentialDialog.cpp" line="22"/>
        <source>Unlock Credential — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UnlockCredentialDialog.cpp" line="24"/>
        <source>Ask %1 to read out the challenge their locked Lanyard app shows, type it here and read back the unlock code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UnlockCredentialDialog.cpp" line="32"/>
        <source>e.g. 1234 5678</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UnlockCredentialDialog.cpp" line="33"/>
        <source>&amp;Challenge:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UnlockCredentialDialog.cpp" line="41"/>
        <source>Unlock code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UnlockCredentialDialog.cpp" line="48"/>
        <source>&amp;Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UnlockCredentialDialog.cpp" line="55"/>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/UnlockCredentialDialog.cpp" line="62"/>
        <source>Read the code out to the user. It works for this challenge only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::VscCardPicker</name>
    <message>
        <location filename="../ui/VscCardPicker.cpp" line="22"/>
        <source>Manage VSC Access — find the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/VscCardPicker.cpp" line="22"/>
        <source>Unlock VSC Temporary Access — find the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/VscCardPicker.cpp" line="24"/>
        <source>Type the owner&apos;s name or logon, the card&apos;s serial number or its computer&apos;s DNS name, then open the card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/VscCardPicker.cpp" line="44"/>
        <source>Opening the card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/VscCardPicker.cpp" line="49"/>
        <source>%1 is not a virtual smart card; choose one of type VSC.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::VscUnlockDialog</name>
    <message>
        <location filename="../ui/VscUnlockDialog.cpp" line="25"/>
        <source>Unlock VSC Temporary Access — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/VscUnlockDialog.cpp" line="27"/>
        <source>Ask %1 to read out the challenge Windows shows for the locked card on %2, type it here and read back the response.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/VscUnlockDialog.cpp" line="28"/>
        <source>their computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/VscUnlockDialog.cpp" line="36"/>
        <source>Unrestricted access</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/VscUnlockDialog.cpp" line="36"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/VscUnlockDialog.cpp" line="36"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/VscUnlockDialog.cpp" line="39"/>
        <source>&amp;Unlocked for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/VscUnlockDialog.cpp" line="42"/>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/VscUnlockDialog.cpp" line="45"/>
        <source>e.g. A892 D756 0161 7C5D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/VscUnlockDialog.cpp" line="46"/>
        <source>&amp;Challenge:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/VscUnlockDialog.cpp" line="54"/>
        <source>Response:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/VscUnlockDialog.cpp" line="61"/>
        <source>Yes, it &amp;unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/VscUnlockDialog.cpp" line="63"/>
        <source>&amp;No, try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/VscUnlockDialog.cpp" line="65"/>
        <source>Did the card unlock?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/VscUnlockDialog.cpp" line="74"/>
        <source>&amp;Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/VscUnlockDialog.cpp" line="88"/>
        <source>Ask for the challenge Windows shows now (it changes with each attempt) and generate again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/VscUnlockDialog.cpp" line="92"/>
        <source>Read the response out. The card locks again at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/VscUnlockDialog.cpp" line="93"/>
        <source>Read the response out. The card stays unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/VscUnlockDialog.cpp" line="104"/>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
