#include "CardIdentifiers.h"

#include "cards/Fascn.h"

#include <QRegularExpression>
#include <QUuid>

namespace lanyard {

namespace {
Error badFormat(const QString& problem, const QString& detail, const QString& value)
{
    // The value is shown back shortened: it is whatever was typed or pasted.
    return Error(ErrorCode::InvalidArgument, detail, { { QStringLiteral("problem"), problem }, { QStringLiteral("value"), value.left(80) } });
}
} // namespace

Result<QString> CardIdentifiers::normaliseFascn(const QString& text)
{
    if (text.isEmpty())
        return QString();
    static const QRegularExpression separators(QStringLiteral("[\\s-]"));
    QString compact = text;
    compact.remove(separators);
    if (compact.isEmpty())
        return QString();
    static const QRegularExpression digits(QStringLiteral("^[0-9]{32}$"));
    static const QRegularExpression hex(QStringLiteral("^[0-9A-Fa-f]{50}$"));
    if (digits.match(compact).hasMatch()) {
        if (auto f = Fascn::fromDigits(compact); !f)
            return badFormat(QStringLiteral("fascn-format"), f.error().detail, text);
        return compact;
    }
    if (hex.match(compact).hasMatch()) {
        auto f = Fascn::decode(QByteArray::fromHex(compact.toLatin1()));
        if (!f)
            return badFormat(QStringLiteral("fascn-format"), QStringLiteral("the 25 bytes are not an encoded FASC-N: %1").arg(f.error().detail), text);
        return f->digits();
    }
    return badFormat(QStringLiteral("fascn-format"), QStringLiteral("a FASC-N is 32 digits, or its 25 encoded bytes as 50 hex digits"), text);
}

Result<QString> CardIdentifiers::normaliseUuid(const QString& text)
{
    QString t = text.trimmed();
    if (t.isEmpty())
        return QString();
    if (t.startsWith(QLatin1String("urn:uuid:"), Qt::CaseInsensitive))
        t = t.mid(9);
    static const QRegularExpression shape(QStringLiteral("^\\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\}?$"));
    const bool braced = t.startsWith(QLatin1Char('{'));
    if (!shape.match(t).hasMatch() || braced != t.endsWith(QLatin1Char('}')))
        return badFormat(QStringLiteral("uuid-format"), QStringLiteral("a card UUID is written like 3f2504e0-4f89-11d3-9a0c-0305e82c3301"), text);
    return QUuid(t).toString(QUuid::WithoutBraces).toLower();
}

QString CardIdentifiers::fascnDigits(const QByteArray& encoded)
{
    auto f = Fascn::decode(encoded);
    return f ? f->digits() : QString();
}

} // namespace lanyard
