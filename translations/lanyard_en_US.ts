<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
    <name>lanyard::EngineLauncher</name>
    <message>
        <location filename="../app/EngineLauncher.cpp" line="28"/>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/EngineLauncher.cpp" line="72"/>
        <source>Creating demo data (%n people)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/EngineLauncher.cpp" line="81"/>
        <source>%1 of %2 people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/EngineLauncher.cpp" line="93"/>
        <source>Demo data ready in %1 s: %2 people, %3 issued devices, %4 pending requests.</source>
        <translation type="unfinished"></translation>
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
        <location filename="../ui/MainWindow.cpp" line="29"/>
        <source>Search people by name, logon name or email (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="45"/>
        <source>Find Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="45"/>
        <source>Search for people and act on their credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="46"/>
        <source>Find Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="46"/>
        <source>Find a device by serial number or DNS name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="49"/>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="49"/>
        <source>Pending and completed requests, codes and validation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="51"/>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="51"/>
        <source>The audit trail of every operation, and whether it verifies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="53"/>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="53"/>
        <source>Operation settings, credential profiles, roles and timezones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="57"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="58"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="113"/>
        <source>Server %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="113"/>
        <source>Embedded engine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="114"/>
        <source>Lanyard — %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="115"/>
        <source>Logged on as %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="116"/>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="118"/>
        <source>⚠ Master key in a key file (no system keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="119"/>
        <source>The master key protecting the CA key is stored in %1. Keep that file private and backed up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="121"/>
        <source>Master key in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
