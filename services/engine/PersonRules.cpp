#include "PersonRules.h"

#include "CardIdentifiers.h"
#include "storage/Database.h"

#include <QRegularExpression>

#include <array>

namespace lanyard {

namespace {
using Field = QString PersonDetails::*;
struct FieldName {
    const char* name;
    Field field;
};
constexpr std::array<FieldName, 9> kFields { {
    { "logonName", &PersonDetails::logonName },
    { "fullName", &PersonDetails::fullName },
    { "email", &PersonDetails::email },
    { "mobile", &PersonDetails::mobile },
    { "userPrincipalName", &PersonDetails::userPrincipalName },
    { "group", &PersonDetails::group },
    { "employeeId", &PersonDetails::employeeId },
    { "fascn", &PersonDetails::fascn },
    { "cardUuid", &PersonDetails::cardUuid },
} };

Error refused(const char* field, const QString& problem, const QString& detail, QVariantMap extra = {})
{
    extra.insert(QStringLiteral("problem"), problem);
    extra.insert(QStringLiteral("field"), QLatin1String(field));
    return Error(ErrorCode::InvalidArgument, QStringLiteral("%1: %2").arg(QLatin1String(field), detail), extra);
}

Error withField(Error e, const char* field)
{
    e.args.insert(QStringLiteral("field"), QLatin1String(field));
    return e;
}

bool hasControlCharacter(const QString& text)
{
    for (QChar c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            return true;
    }
    return false;
}

// Control characters would let a value forge lines in the audit, a mail or a CSV export.
Result<void> plainText(const char* field, const QString& value, int maxLength)
{
    if (value.size() > maxLength)
        return refused(field, QStringLiteral("field-too-long"), QStringLiteral("longer than %1 characters").arg(maxLength),
            { { QStringLiteral("maximum"), maxLength } });
    if (hasControlCharacter(value))
        return refused(field, QStringLiteral("field-control-character"), QStringLiteral("holds a control character"));
    return {};
}
} // namespace

bool PersonRules::isEmailAddress(const QString& address)
{
    static const QRegularExpression emailForm(QStringLiteral(R"(^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$)"));
    return emailForm.match(address).hasMatch();
}

Result<PersonDetails> PersonRules::normalise(const PersonDetails& in)
{
    PersonDetails d;
    d.logonName = in.logonName.trimmed();
    d.fullName = in.fullName.simplified();
    d.email = in.email.trimmed().toLower();
    d.userPrincipalName = in.userPrincipalName.trimmed();
    d.group = in.group.simplified();
    d.employeeId = in.employeeId.trimmed();
    for (const auto& [field, value, max] : { std::tuple { "logonName", &d.logonName, kMaxLogonName }, std::tuple { "fullName", &d.fullName, kMaxFullName },
             std::tuple { "email", &d.email, kMaxEmail }, std::tuple { "userPrincipalName", &d.userPrincipalName, kMaxUpn },
             std::tuple { "group", &d.group, kMaxGroup }, std::tuple { "employeeId", &d.employeeId, kMaxEmployeeId } }) {
        if (auto r = plainText(field, *value, max); !r)
            return r.error();
    }
    // The characters Active Directory refuses in a logon name, and white space: a name must
    // be typed at a logon prompt and match exactly one account.
    static const QRegularExpression logonForm(QStringLiteral(R"(^[^\s"/\\\[\]:;|=,+*?<>]+$)"));
    if (d.logonName.isEmpty() || !logonForm.match(d.logonName).hasMatch())
        return refused("logonName", QStringLiteral("logon-name-format"), QStringLiteral("'%1' is not a logon name").arg(d.logonName.left(60)));
    if (d.fullName.isEmpty())
        return refused("fullName", QStringLiteral("full-name-missing"), QStringLiteral("a person needs a full name"));
    if (!d.email.isEmpty() && !isEmailAddress(d.email))
        return refused("email", QStringLiteral("email-format"), QStringLiteral("'%1' is not an e-mail address").arg(d.email.left(60)), { { QStringLiteral("value"), d.email.left(60) } });
    static const QRegularExpression upnForm(QStringLiteral(R"(^[^@\s]+@[^@\s]+$)"));
    if (!d.userPrincipalName.isEmpty() && !upnForm.match(d.userPrincipalName).hasMatch())
        return refused("userPrincipalName", QStringLiteral("upn-format"), QStringLiteral("'%1' is not name@domain").arg(d.userPrincipalName.left(60)),
            { { QStringLiteral("value"), d.userPrincipalName.left(60) } });
    // Numbers are written many ways; what is stored is E.164, the form an SMS gateway takes.
    QString mobile = in.mobile.trimmed();
    static const QRegularExpression separators(QStringLiteral(R"([\s\-.()/])"));
    mobile.remove(separators);
    static const QRegularExpression e164(QStringLiteral(R"(^\+[1-9][0-9]{6,14}$)"));
    if (!mobile.isEmpty() && !e164.match(mobile).hasMatch())
        return refused("mobile", QStringLiteral("mobile-format"), QStringLiteral("'%1' is not an international number (+ country code, number)").arg(in.mobile.trimmed().left(40)),
            { { QStringLiteral("value"), in.mobile.trimmed().left(40) } });
    d.mobile = mobile;
    auto fascn = CardIdentifiers::normaliseFascn(in.fascn);
    if (!fascn)
        return withField(fascn.error(), "fascn");
    auto uuid = CardIdentifiers::normaliseUuid(in.cardUuid);
    if (!uuid)
        return withField(uuid.error(), "cardUuid");
    d.fascn = *fascn;
    d.cardUuid = *uuid;
    return d;
}

Result<void> PersonRules::requireUnique(const QSqlDatabase& db, const PersonDetails& d, qint64 except)
{
    struct Check {
        const char* field;
        const char* condition;
        QString value;
    };
    const Check checks[] = {
        { "logonName", "lower(logon_name) = lower(?)", d.logonName },
        { "userPrincipalName", "lower(upn) = lower(?)", d.userPrincipalName },
        { "employeeId", "employee_id = ?", d.employeeId },
        { "fascn", "fascn = ?", d.fascn },
        { "cardUuid", "card_uuid = ?", d.cardUuid },
    };
    for (const Check& c : checks) {
        if (c.value.isEmpty())
            continue;
        auto row = fetchOne(db, QStringLiteral("SELECT id, removed_at FROM people WHERE %1 AND id <> ? LIMIT 1").arg(QLatin1String(c.condition)), { c.value, except });
        if (!row)
            return row.error();
        if (row->isEmpty())
            continue;
        const QString field = QLatin1String(c.field);
        // One card belongs to one person: the kiosk would otherwise have to guess whose it is.
        if (field == QLatin1String("fascn") || field == QLatin1String("cardUuid"))
            return Error(ErrorCode::CardIdentifierTaken, QStringLiteral("another person already holds %1 %2").arg(field, c.value),
                { { QStringLiteral("which"), field }, { QStringLiteral("value"), c.value }, { QStringLiteral("field"), field } });
        const bool removed = !row->value("removed_at").isNull();
        return Error(ErrorCode::Conflict, QStringLiteral("%1 '%2' belongs to another person%3").arg(field, c.value, removed ? QStringLiteral(" (removed)") : QString()),
            { { QStringLiteral("problem"), QStringLiteral("person-field-taken") }, { QStringLiteral("field"), field }, { QStringLiteral("value"), c.value },
                { QStringLiteral("removed"), removed } });
    }
    return {};
}

QStringList PersonRules::fieldNames()
{
    QStringList out;
    for (const FieldName& f : kFields)
        out << QLatin1String(f.name);
    return out;
}

QStringList PersonRules::changedFields(const PersonDetails& before, const PersonDetails& after)
{
    QStringList out;
    for (const FieldName& f : kFields) {
        if (before.*(f.field) != after.*(f.field))
            out << QLatin1String(f.name);
    }
    return out;
}

QString PersonRules::valueOf(const PersonDetails& details, const QString& field)
{
    for (const FieldName& f : kFields) {
        if (field == QLatin1String(f.name))
            return details.*(f.field);
    }
    return {};
}

void PersonRules::setValue(PersonDetails& details, const QString& field, const QString& value)
{
    for (const FieldName& f : kFields) {
        if (field == QLatin1String(f.name))
            details.*(f.field) = value;
    }
}

PersonDetails PersonRules::detailsOf(const Person& p)
{
    return { p.logonName, p.fullName, p.email, p.mobile, p.userPrincipalName, p.group, p.employeeId, p.fascn, p.cardUuid };
}

} // namespace lanyard
