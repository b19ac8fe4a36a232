#pragma once

#include "Person.h"
#include "core/Result.h"

#include <QSqlDatabase>

namespace lanyard {

// What a person's details may be, said once for the operator's form, a file import and the
// directory. Refusals are invalid-argument (or conflict for a value another person holds)
// with args `problem` and `field`, the field named as on the wire (logonName, email, …).
class PersonRules {
public:
    static constexpr int kMaxLogonName = 256;
    static constexpr int kMaxFullName = 200;
    static constexpr int kMaxEmail = 254;
    static constexpr int kMaxUpn = 256;
    static constexpr int kMaxGroup = 100;
    static constexpr int kMaxEmployeeId = 64;

    // The details in their stored form (trimmed, e-mail in lower case, mobile number without
    // spaces, card identifiers normalised), or the first field that is wrong.
    static Result<PersonDetails> normalise(const PersonDetails& details);
    // name@domain.tld, without spaces: the form every address Lanyard mails to must have.
    static bool isEmailAddress(const QString& address);
    // Refused when a person other than `except` holds the logon name (in any case, removed
    // people included: a logon name is never given to someone else), the user principal
    // name, the employee id or a card identifier.
    static Result<void> requireUnique(const QSqlDatabase& db, const PersonDetails& details, qint64 except);
    // Which fields differ, by wire name.
    static QStringList fieldNames(); // every field, by wire name
    static QStringList changedFields(const PersonDetails& before, const PersonDetails& after);
    static PersonDetails detailsOf(const Person& person);
    static QString valueOf(const PersonDetails& details, const QString& field);
    static void setValue(PersonDetails& details, const QString& field, const QString& value);
};

} // namespace lanyard
