#include "DirectoryEntryReader.h"

#include <QStringDecoder>

namespace lanyard {

namespace {
Error unreadable(const QString& problem, const QString& field, const QString& detail)
{
    return Error(ErrorCode::InvalidArgument, detail, { { QStringLiteral("problem"), problem }, { QStringLiteral("field"), field } });
}

bool decodeUtf8(const QByteArray& bytes, QString* out)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    *out = decoder.decode(bytes);
    return !decoder.hasError();
}

// objectGUID as Windows writes it: the first three groups little-endian.
QString guidText(const QByteArray& b)
{
    const auto hex = [&b](std::initializer_list<int> order) {
        QByteArray out;
        for (int i : order)
            out.append(b.sliced(i, 1).toHex());
        return QString::fromLatin1(out);
    };
    return QStringLiteral("%1-%2-%3-%4-%5")
        .arg(hex({ 3, 2, 1, 0 }), hex({ 5, 4 }), hex({ 7, 6 }), hex({ 8, 9 }), hex({ 10, 11, 12, 13, 14, 15 }));
}

bool printable(const QString& s)
{
    return std::none_of(s.cbegin(), s.cend(), [](QChar c) { return c.category() == QChar::Other_Control; });
}

// RFC 4515: the characters a filter value cannot hold as they are.
QString escapeFilterValue(const QString& value)
{
    QString out;
    for (const QChar c : value) {
        if (c == QLatin1Char('*') || c == QLatin1Char('(') || c == QLatin1Char(')') || c == QLatin1Char('\\') || c.unicode() == 0)
            out += QStringLiteral("\\%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}
} // namespace

DirectoryEntryReader::DirectoryEntryReader(const DirectoryConfig& config)
    : m_config(config)
{
}

QStringList DirectoryEntryReader::attributes() const
{
    QStringList out { m_config.idAttribute };
    for (const QString& a : m_config.attributes)
        out << a;
    if (m_config.disabledBy == DirectoryConfig::DisabledBy::AccountControl)
        out << QStringLiteral("userAccountControl");
    else if (m_config.disabledBy == DirectoryConfig::DisabledBy::Attribute)
        out << m_config.disabledAttribute;
    if (!m_config.changeAttribute.isEmpty())
        out << m_config.changeAttribute;
    out.removeDuplicates();
    return out;
}

QStringList DirectoryEntryReader::presenceAttributes() const
{
    QStringList out { m_config.idAttribute };
    if (m_config.disabledBy == DirectoryConfig::DisabledBy::AccountControl)
        out << QStringLiteral("userAccountControl");
    else if (m_config.disabledBy == DirectoryConfig::DisabledBy::Attribute)
        out << m_config.disabledAttribute;
    out.removeDuplicates();
    return out;
}

QString DirectoryEntryReader::idOf(const LdapEntry& entry) const
{
    const QByteArray raw = entry.first(m_config.idAttribute);
    if (raw.isEmpty())
        return {};
    if (m_config.idAttribute.compare(QLatin1String("objectGUID"), Qt::CaseInsensitive) == 0 && raw.size() == 16)
        return guidText(raw);
    QString text;
    if (decodeUtf8(raw, &text) && printable(text) && !text.trimmed().isEmpty())
        return text.trimmed();
    return QString::fromLatin1(raw.toHex()); // a binary id of another kind
}

Result<DirectoryPerson> DirectoryEntryReader::read(const LdapEntry& entry) const
{
    DirectoryPerson p;
    p.dn = entry.dn;
    p.directoryId = idOf(entry);
    if (p.directoryId.isEmpty())
        return unreadable(QStringLiteral("directory-id-missing"), m_config.idAttribute,
            QStringLiteral("%1 has no %2, so it cannot be followed through a rename").arg(entry.dn, m_config.idAttribute));
    for (auto it = m_config.attributes.cbegin(); it != m_config.attributes.cend(); ++it) {
        QString value;
        if (!decodeUtf8(entry.first(it.value()), &value))
            return unreadable(QStringLiteral("directory-encoding"), it.key(), QStringLiteral("%1 of %2 is not UTF-8 text").arg(it.value(), entry.dn));
        p.fields.insert(it.key(), value);
    }
    switch (m_config.disabledBy) {
    case DirectoryConfig::DisabledBy::Nothing:
        break;
    case DirectoryConfig::DisabledBy::AccountControl: {
        const QByteArray raw = entry.first(QStringLiteral("userAccountControl"));
        if (!raw.isEmpty()) {
            bool ok = false;
            const qint64 flags = raw.trimmed().toLongLong(&ok);
            if (!ok)
                return unreadable(QStringLiteral("directory-account-control"), QStringLiteral("userAccountControl"),
                    QStringLiteral("userAccountControl of %1 is not a number").arg(entry.dn));
            p.disabled = (flags & 0x2) != 0; // ACCOUNTDISABLE
        }
        break;
    }
    case DirectoryConfig::DisabledBy::Attribute: {
        const QList<QByteArray> values = entry.all(m_config.disabledAttribute);
        if (m_config.disabledValue.isEmpty()) {
            p.disabled = !values.isEmpty();
        } else {
            for (const QByteArray& v : values) {
                QString text;
                if (decodeUtf8(v, &text) && text.trimmed().compare(m_config.disabledValue.trimmed(), Qt::CaseInsensitive) == 0)
                    p.disabled = true;
            }
        }
        break;
    }
    }
    if (!m_config.changeAttribute.isEmpty()) {
        QString mark;
        if (decodeUtf8(entry.first(m_config.changeAttribute), &mark) && printable(mark))
            p.changeMark = mark.trimmed();
    }
    return p;
}

bool DirectoryEntryReader::isLater(const QString& mark, const QString& than) const
{
    if (than.isEmpty())
        return !mark.isEmpty();
    if (m_config.changeAttribute == QLatin1String("uSNChanged")) {
        bool a = false, b = false;
        const qint64 m = mark.toLongLong(&a), t = than.toLongLong(&b);
        return a && (!b || m > t);
    }
    // Generalized time (YYYYMMDDHHMMSS[.f]Z) and a CSN (time.usZ#count#sid#mod) sort as text.
    return mark > than;
}

QString DirectoryEntryReader::changedSince(const QString& mark) const
{
    const QString base = m_config.filter.trimmed();
    if (m_config.changeAttribute.isEmpty() || mark.isEmpty())
        return base;
    return QStringLiteral("(&%1(%2>=%3))").arg(base, m_config.changeAttribute, escapeFilterValue(mark));
}

QString DirectoryEntryReader::dnKey(const QString& dn)
{
    // Case and the spaces around separators do not make another DN (RFC 4514 allows both).
    QString out;
    out.reserve(dn.size());
    bool escaped = false;
    for (qsizetype i = 0; i < dn.size(); ++i) {
        const QChar c = dn.at(i);
        if (!escaped && (c == QLatin1Char(',') || c == QLatin1Char('=') || c == QLatin1Char('+'))) {
            while (out.endsWith(QLatin1Char(' ')))
                out.chop(1);
            out += c;
            while (i + 1 < dn.size() && dn.at(i + 1) == QLatin1Char(' '))
                ++i;
            continue;
        }
        escaped = !escaped && c == QLatin1Char('\\');
        out += c.toLower();
    }
    return out.trimmed();
}

} // namespace lanyard
