#pragma once

#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace lanyard {

// A CSV file as RFC 4180 reads it, in UTF-8 with or without a byte order mark, its fields
// separated by ',' or ';' (whichever the header line uses more), lines ended by CRLF or LF.
// The first record is the header. Records need not have the header's field count: that is
// a fault of the row, for whoever reads it to report, not of the file.
struct CsvTable {
    QChar delimiter;
    QStringList header;
    QList<QStringList> rows;
    QList<int> lines; // the line each row starts on, counting the header as line 1

    // Refused with problem `csv-encoding` (not UTF-8; args line), `csv-quote` (a quoted field
    // never closed, or text after its closing quote; args line) or `csv-empty`.
    static Result<CsvTable> parse(const QByteArray& bytes);
    // A record written back as RFC 4180 wants it (quoted where needed), for tests and exports.
    static QString record(const QStringList& fields, QChar delimiter = QLatin1Char(','));
};

} // namespace lanyard
