#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace lanyard {

struct Person {
    qint64 id = 0;
    QString logonName;
    QString fullName;
    QString email;
    QString mobile;
    QString userPrincipalName;
    QString group;
    bool enabled = true;
    QStringList roles; // role names
    QString fascn;
    QString cardUuid;
    QString employeeId;
    bool removed = false; // kept for the records of their devices, found by nobody
    // A person synced from the directory: their entry, and the fields it fills (read-only
    // here; the directory is where they change). Empty for everyone else.
    QString directoryDn;
    QStringList directoryFields;
};

// What an operator, a file import or the directory writes about a person. Checked and put in
// the stored form by PersonRules.
struct PersonDetails {
    QString logonName;
    QString fullName;
    QString email;
    QString mobile; // E.164
    QString userPrincipalName;
    QString group;
    QString employeeId;
    QString fascn;
    QString cardUuid;

    bool operator==(const PersonDetails&) const = default;
};

struct PersonQuery {
    QString text; // prefix of name, logon name or email; "group:NAME" for a group
    int offset = 0;
    int limit = 50;

    bool operator==(const PersonQuery&) const = default;
};

struct PersonPage {
    QList<Person> people;
    bool more = false;
};

} // namespace lanyard
