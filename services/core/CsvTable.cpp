#include "CsvTable.h"

#include <QStringDecoder>

namespace lanyard {

namespace {
Error csvError(const QString& problem, const QString& detail, int line = 0)
{
    QVariantMap args { { QStringLiteral("problem"), problem } };
    if (line > 0)
        args.insert(QStringLiteral("line"), line);
    return Error(ErrorCode::InvalidArgument, detail, args);
}

// The delimiter the header line uses more, outside quotes; ',' when neither or both alike.
QChar guessDelimiter(const QString& text)
{
    int commas = 0, semicolons = 0;
    bool quoted = false;
    for (QChar c : text) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (!quoted && (c == QLatin1Char('\n') || c == QLatin1Char('\r')))
            break;
        else if (!quoted && c == QLatin1Char(','))
            ++commas;
        else if (!quoted && c == QLatin1Char(';'))
            ++semicolons;
    }
    return semicolons > commas ? QLatin1Char(';') : QLatin1Char(',');
}
} // namespace

Result<CsvTable> CsvTable::parse(const QByteArray& bytes)
{
    QByteArrayView view(bytes);
    if (view.startsWith("\xEF\xBB\xBF"))
        view = view.sliced(3);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(view);
    if (decoder.hasError()) {
        // Name the line of the first byte that is not UTF-8, found by decoding line by line.
        int line = 1;
        for (QByteArrayView rest = view; !rest.isEmpty(); ++line) {
            const qsizetype end = rest.indexOf('\n');
            QStringDecoder one(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QString decoded = one(end < 0 ? rest : rest.first(end));
            if (one.hasError())
                break;
            rest = end < 0 ? QByteArrayView() : rest.sliced(end + 1);
        }
        return csvError(QStringLiteral("csv-encoding"), QStringLiteral("line %1 is not UTF-8 text").arg(line), line);
    }
    CsvTable table;
    table.delimiter = guessDelimiter(text);
    QList<QStringList> records;
    QList<int> starts;
    QStringList record;
    QString field;
    int line = 1;
    int recordLine = 1;
    bool quoted = false;
    bool afterQuote = false; // a quoted field just closed: only a delimiter or line end may follow
    bool fieldStarted = false;
    const auto endRecord = [&] {
        record << field;
        // A line with nothing on it is no record (files often end with one, or several).
        if (!(record.size() == 1 && record.first().isEmpty() && !fieldStarted)) {
            records << record;
            starts << recordLine;
        }
        record.clear();
        field.clear();
        afterQuote = false;
        fieldStarted = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                    afterQuote = true;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == table.delimiter) {
            record << field;
            field.clear();
            afterQuote = false;
            fieldStarted = true;
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            continue; // the LF ends the record
        } else if (c == QLatin1Char('\n')) {
            endRecord();
            ++line;
            recordLine = line;
        } else if (afterQuote) {
            return csvError(QStringLiteral("csv-quote"), QStringLiteral("line %1: text after a closing quote").arg(line), line);
        } else if (c == QLatin1Char('"') && field.isEmpty()) {
            quoted = true;
            fieldStarted = true;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted)
        return csvError(QStringLiteral("csv-quote"), QStringLiteral("line %1: a quoted field is never closed").arg(recordLine), recordLine);
    if (fieldStarted || !field.isEmpty() || !record.isEmpty())
        endRecord();
    if (records.isEmpty())
        return csvError(QStringLiteral("csv-empty"), QStringLiteral("the file has no header line"));
    table.header = records.takeFirst();
    starts.removeFirst();
    for (QString& h : table.header)
        h = h.trimmed();
    table.rows = std::move(records);
    table.lines = std::move(starts);
    return table;
}

QString CsvTable::record(const QStringList& fields, QChar delimiter)
{
    // A record of one empty field is written "" so that it is not read as a blank line.
    if (fields.size() == 1 && fields.first().isEmpty())
        return QStringLiteral("\"\"");
    QStringList out;
    for (const QString& f : fields) {
        const bool needsQuotes = f.contains(delimiter) || f.contains(QLatin1Char('"')) || f.contains(QLatin1Char('\n')) || f.contains(QLatin1Char('\r'));
        if (!needsQuotes) {
            out << f;
            continue;
        }
        QString escaped = f;
        escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        out << QLatin1Char('"') + escaped + QLatin1Char('"');
    }
    return out.join(delimiter);
}

} // namespace lanyard
