#include "CodeComplexity.h"

namespace lanyard {

namespace {
constexpr int kLongest = 64;

Error complexityError(const QString& problem, const QString& detail, const QString& text)
{
    return Error(ErrorCode::ComplexityInvalid, QStringLiteral("'%1': %2").arg(text, detail),
        { { QStringLiteral("problem"), problem }, { QStringLiteral("text"), text } });
}
} // namespace

QString CodeComplexity::symbolSet()
{
    // No space (codes are grouped with spaces) and nothing easily misread aloud.
    return QStringLiteral("!#$%&*+-=?@");
}

Result<CodeComplexity> CodeComplexity::parse(const QString& input)
{
    const QString text = input.trimmed();
    if (text.size() < 6 || text.at(2) != QLatin1Char('-'))
        return complexityError(QStringLiteral("format"), QStringLiteral("expected mm-nn followed by classes, e.g. 04-08N"), text);
    auto twoDigits = [&](qsizetype at, int* out) {
        if (!text.at(at).isDigit() || !text.at(at + 1).isDigit() || text.at(at).unicode() > '9' || text.at(at + 1).unicode() > '9')
            return false;
        *out = (text.at(at).unicode() - '0') * 10 + (text.at(at + 1).unicode() - '0');
        return true;
    };
    CodeComplexity c;
    if (!twoDigits(0, &c.m_min) || !twoDigits(3, &c.m_max))
        return complexityError(QStringLiteral("format"), QStringLiteral("lengths must be two digits each"), text);
    if (c.m_min < 1)
        return complexityError(QStringLiteral("min-length"), QStringLiteral("minimum length must be at least 1"), text);
    if (c.m_max < c.m_min)
        return complexityError(QStringLiteral("max-below-min"), QStringLiteral("maximum length is below the minimum"), text);
    if (c.m_max > kLongest)
        return complexityError(QStringLiteral("max-length"), QStringLiteral("maximum length is above %1").arg(kLongest), text);
    c.m_digits = Need::No;
    const QString classes = text.mid(5);
    if (classes.isEmpty())
        return complexityError(QStringLiteral("no-classes"), QStringLiteral("no character class given"), text);
    int mandatory = 0;
    for (const QChar ch : classes) {
        Need* slot = nullptr;
        switch (ch.toUpper().unicode()) {
        case 'U':
            slot = &c.m_upper;
            break;
        case 'L':
            slot = &c.m_lower;
            break;
        case 'S':
            slot = &c.m_symbols;
            break;
        case 'N':
            slot = &c.m_digits;
            break;
        default:
            return complexityError(QStringLiteral("unknown-class"), QStringLiteral("unknown class '%1' (use U, L, S, N)").arg(ch), text);
        }
        if (*slot != Need::No)
            return complexityError(QStringLiteral("duplicate-class"), QStringLiteral("class '%1' given twice").arg(ch), text);
        *slot = ch.isUpper() ? Need::Must : Need::May;
        if (ch.isUpper())
            ++mandatory;
    }
    if (mandatory > c.m_max)
        return complexityError(QStringLiteral("too-many-mandatory"), QStringLiteral("more mandatory classes than the maximum length"), text);
    return c;
}

QString CodeComplexity::alphabet() const
{
    QString a;
    if (m_upper != Need::No)
        a += QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZ"); // no I or O: read aloud, they pass for 1 and 0
    if (m_lower != Need::No)
        a += QStringLiteral("abcdefghijkmnpqrstuvwxyz"); // no l or o
    if (m_symbols != Need::No)
        a += symbolSet();
    if (m_digits != Need::No)
        a += QStringLiteral("0123456789");
    return a;
}

bool CodeComplexity::accepts(const QString& code) const
{
    if (code.size() < m_min || code.size() > m_max)
        return false;
    bool hasUpper = false, hasLower = false, hasSymbol = false, hasDigit = false;
    const QString symbols = symbolSet();
    for (const QChar ch : code) {
        if (ch.unicode() >= 'A' && ch.unicode() <= 'Z')
            hasUpper = true;
        else if (ch.unicode() >= 'a' && ch.unicode() <= 'z')
            hasLower = true;
        else if (ch.unicode() >= '0' && ch.unicode() <= '9')
            hasDigit = true;
        else if (symbols.contains(ch))
            hasSymbol = true;
        else
            return false;
    }
    auto fits = [](Need need, bool has) { return need == Need::Must ? has : (need == Need::No ? !has : true); };
    return fits(m_upper, hasUpper) && fits(m_lower, hasLower) && fits(m_symbols, hasSymbol) && fits(m_digits, hasDigit);
}

QString CodeComplexity::toString() const
{
    QString s = QStringLiteral("%1-%2").arg(m_min, 2, 10, QLatin1Char('0')).arg(m_max, 2, 10, QLatin1Char('0'));
    auto add = [&s](Need n, char upper) {
        if (n == Need::Must)
            s += QLatin1Char(upper);
        else if (n == Need::May)
            s += QLatin1Char(char(upper + ('a' - 'A')));
    };
    add(m_upper, 'U');
    add(m_lower, 'L');
    add(m_symbols, 'S');
    add(m_digits, 'N');
    return s;
}

} // namespace lanyard
