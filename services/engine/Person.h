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
