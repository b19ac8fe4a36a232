// Fuzzes the CSV reader: never crash; every row it reads, written back as a record, reads
// back as the same fields.
#include "core/CsvTable.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    auto table = lanyard::CsvTable::parse(QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)));
    if (!table)
        return 0;
    if (table->rows.size() != table->lines.size())
        std::abort();
    for (const QStringList& row : table->rows) {
        const QString text = QStringLiteral("h\r\n") + lanyard::CsvTable::record(row) + QStringLiteral("\r\n");
        auto again = lanyard::CsvTable::parse(text.toUtf8());
        if (!again || again->rows.size() != 1 || again->rows.first() != row)
            std::abort();
    }
    return 0;
}
