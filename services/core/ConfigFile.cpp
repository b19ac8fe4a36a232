#include "ConfigFile.h"

#include <QFile>
#include <QStringDecoder>

#include <algorithm>

namespace lanyard {

namespace {

Error refusal(const QString& source, int line, const QString& why)
{
    const QString where = line > 0 ? QStringLiteral("%1, line %2").arg(source).arg(line) : source;
    return Error(ErrorCode::SettingInvalid, QStringLiteral("%1: %2").arg(where, why), { { QStringLiteral("file"), source }, { QStringLiteral("line"), line } });
}

bool isKeyCharacter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-');
}

} // namespace

Result<ConfigFile> ConfigFile::parse(const QByteArray& text, const QStringList& knownKeys, const QString& source)
{
    if (text.size() > kMaxBytes)
        return refusal(source, 0, QStringLiteral("the file is larger than %1 KiB; is it the right file?").arg(kMaxBytes / 1024));
    if (text.contains('\0'))
        return refusal(source, 0, QStringLiteral("the file holds a NUL byte; it is not a text file"));
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = utf8(text);
    if (utf8.hasError())
        return refusal(source, 0, QStringLiteral("the file is not valid UTF-8"));

    ConfigFile file;
    file.m_source = source;
    const QStringList lines = decoded.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int number = int(i + 1);
        QString line = lines.at(i);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')) || trimmed.startsWith(QLatin1Char(';')))
            continue;
        const qsizetype equals = trimmed.indexOf(QLatin1Char('='));
        if (equals < 0)
            return refusal(source, number, QStringLiteral("expected 'key = value', found '%1'").arg(trimmed.left(80)));
        const QString key = trimmed.left(equals).trimmed();
        const QString value = trimmed.mid(equals + 1).trimmed();
        if (key.isEmpty())
            return refusal(source, number, QStringLiteral("the line has a value but no key before '='"));
        if (!std::all_of(key.begin(), key.end(), isKeyCharacter) || !knownKeys.contains(key)) {
            return refusal(source, number,
                QStringLiteral("unknown key '%1'; the keys are: %2").arg(key.left(80), knownKeys.join(QStringLiteral(", "))));
        }
        if (file.m_values.contains(key))
            return refusal(source, number, QStringLiteral("'%1' is already set on line %2; keep one of them").arg(key).arg(file.m_lines.value(key)));
        if (value.isEmpty())
            return refusal(source, number, QStringLiteral("'%1' has no value; give one or remove the line").arg(key));
        file.m_values.insert(key, value);
        file.m_lines.insert(key, number);
        file.m_order.append(key);
    }
    return file;
}

Result<ConfigFile> ConfigFile::read(const QString& path, const QStringList& knownKeys)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return refusal(path, 0, QStringLiteral("cannot read it: %1").arg(in.errorString()));
    // One byte past the limit is enough to tell that the file is too large.
    return parse(in.read(kMaxBytes + 1), knownKeys, path);
}

} // namespace lanyard
