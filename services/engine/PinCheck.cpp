#include "PinCheck.h"

#include <QStringList>

#include <array>

namespace lanyard {

namespace {
struct CharClass {
    const char* id;
    CharRule PinPolicy::*rule;
    bool (*contains)(char16_t);
};
const std::array<CharClass, 4> kClasses { {
    { "upper", &PinPolicy::upper, [](char16_t c) { return c >= u'A' && c <= u'Z'; } },
    { "lower", &PinPolicy::lower, [](char16_t c) { return c >= u'a' && c <= u'z'; } },
    { "digits", &PinPolicy::digits, [](char16_t c) { return c >= u'0' && c <= u'9'; } },
    { "special", &PinPolicy::special,
        [](char16_t c) { return c >= u'!' && c <= u'~' && !(c >= u'A' && c <= u'Z') && !(c >= u'a' && c <= u'z') && !(c >= u'0' && c <= u'9'); } },
} };

Error refused(const QString& problem, const QString& detail, QVariantMap args = {})
{
    args.insert(QStringLiteral("problem"), problem);
    return Error(ErrorCode::InvalidArgument, detail, args);
}
} // namespace

Result<void> PinCheck::check(const PinPolicy& policy, const QString& pin)
{
    const QVariantMap lengths { { QStringLiteral("minimum"), policy.minLength }, { QStringLiteral("maximum"), policy.maxLength } };
    if (pin.size() < policy.minLength)
        return refused(QStringLiteral("pin-too-short"), QStringLiteral("the PIN has %1 characters; the policy asks for at least %2").arg(pin.size()).arg(policy.minLength), lengths);
    if (pin.size() > policy.maxLength)
        return refused(QStringLiteral("pin-too-long"), QStringLiteral("the PIN has %1 characters; the policy allows at most %2").arg(pin.size()).arg(policy.maxLength), lengths);
    std::array<bool, kClasses.size()> used {};
    for (const QChar c : pin) {
        bool known = false;
        for (size_t i = 0; i < kClasses.size(); ++i) {
            if (kClasses[i].contains(c.unicode())) {
                used[i] = true;
                known = true;
            }
        }
        // The character itself is not repeated: it is part of a secret.
        if (!known)
            return refused(QStringLiteral("pin-character"), QStringLiteral("the PIN holds a character outside the letters, digits and signs a PIN may use"));
    }
    for (size_t i = 0; i < kClasses.size(); ++i) {
        const CharRule rule = policy.*(kClasses[i].rule);
        const QString id = QLatin1String(kClasses[i].id);
        if (used[i] && rule == CharRule::NotAllowed)
            return refused(QStringLiteral("pin-class-not-allowed"), QStringLiteral("the policy allows no %1 in the PIN").arg(id), { { QStringLiteral("class"), id } });
        if (!used[i] && rule == CharRule::Mandatory)
            return refused(QStringLiteral("pin-class-missing"), QStringLiteral("the policy needs %1 in the PIN").arg(id), { { QStringLiteral("class"), id } });
    }
    return {};
}

QJsonObject PinCheck::toJson(const PinPolicy& policy)
{
    QJsonObject o { { QStringLiteral("minLength"), policy.minLength }, { QStringLiteral("maxLength"), policy.maxLength } };
    for (const CharClass& c : kClasses)
        o.insert(QLatin1String(c.id), charRuleId(policy.*(c.rule)));
    return o;
}

Result<PinPolicy> PinCheck::fromJson(const QJsonObject& o)
{
    const auto bad = [](const QString& field) {
        return Error(ErrorCode::InvalidArgument, QStringLiteral("the PIN policy's %1 is missing or wrong").arg(field),
            { { QStringLiteral("field"), QStringLiteral("pinPolicy.") + field } });
    };
    PinPolicy p;
    for (auto [name, length] : { std::pair { "minLength", &p.minLength }, std::pair { "maxLength", &p.maxLength } }) {
        const QJsonValue v = o.value(QLatin1String(name));
        if (!v.isDouble() || v.toDouble() != double(v.toInt()) || v.toInt() < 1 || v.toInt() > 1000)
            return bad(QLatin1String(name));
        *length = v.toInt();
    }
    if (p.minLength > p.maxLength)
        return bad(QStringLiteral("maxLength"));
    for (const CharClass& c : kClasses) {
        if (!charRuleFromId(o.value(QLatin1String(c.id)).toString(), &(p.*(c.rule))))
            return bad(QLatin1String(c.id));
    }
    return p;
}

QString PinCheck::describe(const PinPolicy& policy)
{
    QStringList needs, may;
    for (const CharClass& c : kClasses) {
        const CharRule rule = policy.*(c.rule);
        if (rule == CharRule::Mandatory)
            needs << QLatin1String(c.id);
        else if (rule == CharRule::Optional)
            may << QLatin1String(c.id);
    }
    QString text = QStringLiteral("%1 to %2 characters").arg(policy.minLength).arg(policy.maxLength);
    if (!needs.isEmpty())
        text += QStringLiteral("; must have: ") + needs.join(QStringLiteral(", "));
    if (!may.isEmpty())
        text += QStringLiteral("; may have: ") + may.join(QStringLiteral(", "));
    return text;
}

} // namespace lanyard
