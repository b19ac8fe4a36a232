#pragma once

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>
#include <QVariantList>

namespace lanyard {

// A result row read by column name, so a statement's columns can be reordered or added to
// without shifting what the code reads. Names are looked up once per statement, not per row:
// a SqlRow made from a live query follows that query's current row (make it once, before the
// loop over the rows); one from fetchOne() holds a copy of its row. A column name is the one
// the statement gives it: the bare column name, or its alias (every expression needs one).
// Asking for a column the statement does not select is a programming error: it asserts, and
// in a release build it is logged and reads as null.
class SqlRow {
public:
    explicit SqlRow(const QSqlQuery& query);
    static SqlRow copyOf(const QSqlQuery& query); // the query's current row, detached
    SqlRow() = default; // no row: the statement gave none

    bool isEmpty() const { return m_query == nullptr && m_values.isEmpty(); }
    QVariant value(const char* column) const;
    QVariant value(int position) const = delete; // by name only

private:
    int indexOf(const char* column) const;

    const QSqlQuery* m_query = nullptr;
    QStringList m_names;
    QVariantList m_values; // only for a detached row
};

} // namespace lanyard
