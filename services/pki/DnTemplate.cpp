#include "DnTemplate.h"

namespace lanyard {

QStringList DnTemplate::knownFields()
{
    return { QStringLiteral("People.FullName"), QStringLiteral("People.FirstName"), QStringLiteral("People.LastName"),
        QStringLiteral("People.LogonName"), QStringLiteral("People.Email"), QStringLiteral("People.Group"),
        QStringLiteral("People.UserPrincipalName"), QStringLiteral("People.Mobile"), QStringLiteral("People.Id") };
}

QStringList DnTemplate::knownAttributes()
{
    return { QStringLiteral("CN"), QStringLiteral("OU"), QStringLiteral("O"), QStringLiteral("L"), QStringLiteral("ST"),
        QStringLiteral("C"), QStringLiteral("DC"), QStringLiteral("UID"), QStringLiteral("emailAddress"),
        QStringLiteral("serialNumber"), QStringLiteral("title"), QStringLiteral("GN"), QStringLiteral("SN") };
}

Result<DnTemplate> DnTemplate::parse(const QString& text)
{
    DnTemplate t;
    t.m_text = text;
    const QStringList known = knownFields();
    qsizetype i = 0;
    QString literal;
    auto flush = [&] {
        if (!literal.isEmpty())
            t.m_segments.append({ Segment::Literal, literal });
        literal.clear();
    };
    while (i < text.size()) {
        const bool raw = text.mid(i, 3) == QLatin1String("[[[");
        if (raw || text.mid(i, 2) == QLatin1String("[[")) {
            const QString open = raw ? QStringLiteral("[[[") : QStringLiteral("[[");
            const QString close = raw ? QStringLiteral("]]]") : QStringLiteral("]]");
            const qsizetype end = text.indexOf(close, i + open.size());
            if (end < 0)
                return Error(ErrorCode::DnTemplateInvalid, QStringLiteral("unterminated %1 at %2").arg(open).arg(i),
                    { { QStringLiteral("position"), int(i) }, { QStringLiteral("problem"), QStringLiteral("unterminated") } });
            const QString field = text.mid(i + open.size(), end - i - open.size()).trimmed();
            if (!known.contains(field))
                return Error(ErrorCode::DnTemplateInvalid, QStringLiteral("unknown field '%1'").arg(field),
                    { { QStringLiteral("field"), field }, { QStringLiteral("problem"), QStringLiteral("unknown-field") } });
            flush();
            t.m_segments.append({ raw ? Segment::Raw : Segment::Escaped, field });
            i = end + close.size();
            continue;
        }
        if (text.mid(i, 2) == QLatin1String("]]"))
            return Error(ErrorCode::DnTemplateInvalid, QStringLiteral("stray ]] at %1").arg(i),
                { { QStringLiteral("position"), int(i) }, { QStringLiteral("problem"), QStringLiteral("stray-close") } });
        literal += text.at(i);
        ++i;
    }
    flush();
    // The template must make a valid DN from ordinary values; a raw field stands for a whole
    // attribute, as it will when used as intended.
    QHash<QString, QString> sample;
    for (const QString& f : known)
        sample.insert(f, QStringLiteral("x"));
    if (auto r = parseDn(t.substitute(sample, QStringLiteral("OU=x"))); !r)
        return r.error();
    else if (r->isEmpty())
        return Error(ErrorCode::DnTemplateInvalid, QStringLiteral("the template makes an empty name"),
            { { QStringLiteral("problem"), QStringLiteral("empty") } });
    return t;
}

QString DnTemplate::escapeValue(const QString& value)
{
    QString out;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        const bool special = QStringLiteral(",+\"\\<>;=").contains(c);
        const bool edgeSpace = c == QLatin1Char(' ') && (i == 0 || i == value.size() - 1);
        const bool leadingHash = c == QLatin1Char('#') && i == 0;
        if (special || edgeSpace || leadingHash)
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

Result<DistinguishedName> DnTemplate::parseDn(const QString& dn)
{
    DistinguishedName out;
    const QStringList attrs = knownAttributes();
    qsizetype i = 0;
    const qsizetype n = dn.size();
    while (i < n) {
        // attribute type
        QString type;
        while (i < n && dn.at(i) != QLatin1Char('='))
            type += dn.at(i++);
        type = type.trimmed();
        if (i >= n)
            return Error(ErrorCode::DnTemplateInvalid, QStringLiteral("'%1' has no '='").arg(type),
                { { QStringLiteral("problem"), QStringLiteral("missing-equals") }, { QStringLiteral("attribute"), type } });
        ++i; // '='
        QString canonical;
        for (const QString& a : attrs) {
            if (a.compare(type, Qt::CaseInsensitive) == 0)
                canonical = a;
        }
        if (type.compare(QLatin1String("E"), Qt::CaseInsensitive) == 0)
            canonical = QStringLiteral("emailAddress");
        if (canonical.isEmpty())
            return Error(ErrorCode::DnTemplateInvalid, QStringLiteral("unknown attribute '%1'").arg(type),
                { { QStringLiteral("problem"), QStringLiteral("unknown-attribute") }, { QStringLiteral("attribute"), type } });
        while (i < n && dn.at(i) == QLatin1Char(' '))
            ++i; // unescaped leading spaces are not part of the value
        QString value;
        qsizetype keep = 0; // value length up to and including the last escaped character
        while (i < n) {
            const QChar c = dn.at(i);
            if (c == QLatin1Char('\\')) {
                if (i + 1 >= n)
                    return Error(ErrorCode::DnTemplateInvalid, QStringLiteral("dangling backslash"),
                        { { QStringLiteral("problem"), QStringLiteral("dangling-escape") } });
                value += dn.at(i + 1);
                keep = value.size();
                i += 2;
                continue;
            }
            if (c == QLatin1Char(','))
                break;
            if (c == QLatin1Char('+') || c == QLatin1Char('"') || c == QLatin1Char(';') || c == QLatin1Char('<')
                || c == QLatin1Char('>') || c == QLatin1Char('='))
                return Error(ErrorCode::DnTemplateInvalid, QStringLiteral("unescaped '%1' in %2").arg(c).arg(canonical),
                    { { QStringLiteral("problem"), QStringLiteral("unescaped-character") }, { QStringLiteral("character"), QString(c) } });
            value += c;
            ++i;
        }
        while (value.size() > keep && value.endsWith(QLatin1Char(' ')))
            value.chop(1);
        if (canonical == QLatin1String("C") && !value.isEmpty() && value.size() != 2)
            return Error(ErrorCode::DnTemplateInvalid, QStringLiteral("C must be a two-letter country code"),
                { { QStringLiteral("problem"), QStringLiteral("country-code") } });
        if (!value.isEmpty())
            out.append({ canonical, value });
        if (i < n)
            ++i; // ','
    }
    return out;
}

Result<DistinguishedName> DnTemplate::render(const QHash<QString, QString>& fields) const
{
    return parseDn(substitute(fields, {}));
}

QString DnTemplate::substitute(const QHash<QString, QString>& fields, const QString& rawSample) const
{
    QString dn;
    for (const Segment& s : m_segments) {
        switch (s.kind) {
        case Segment::Literal:
            dn += s.text;
            break;
        case Segment::Escaped:
            dn += escapeValue(fields.value(s.text));
            break;
        case Segment::Raw:
            dn += rawSample.isNull() ? fields.value(s.text) : rawSample;
            break;
        }
    }
    return dn;
}

QStringList DnTemplate::fields() const
{
    QStringList out;
    for (const Segment& s : m_segments) {
        if (s.kind != Segment::Literal && !out.contains(s.text))
            out.append(s.text);
    }
    return out;
}

} // namespace lanyard
