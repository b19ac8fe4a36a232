#include "SqlRow.h"

#include <QLoggingCategory>
#include <QSqlRecord>

namespace lanyard {

namespace {
Q_LOGGING_CATEGORY(lcSqlRow, "lanyard.storage")

QStringList namesOf(const QSqlQuery& query)
{
    const QSqlRecord record = query.record();
    QStringList names;
    names.reserve(record.count());
    for (int i = 0; i < record.count(); ++i)
        names.append(record.fieldName(i));
    return names;
}
} // namespace

SqlRow::SqlRow(const QSqlQuery& query)
    : m_query(&query)
    , m_names(namesOf(query))
{
}

SqlRow SqlRow::copyOf(const QSqlQuery& query)
{
    SqlRow row;
    row.m_names = namesOf(query);
    row.m_values.reserve(row.m_names.size());
    for (int i = 0; i < row.m_names.size(); ++i)
        row.m_values.append(query.value(i));
    return row;
}

int SqlRow::indexOf(const char* column) const
{
    const QLatin1StringView wanted(column);
    for (int i = 0; i < m_names.size(); ++i)
        if (m_names.at(i).compare(wanted, Qt::CaseInsensitive) == 0)
            return i;
    qCCritical(lcSqlRow).noquote() << "the statement selects no column" << wanted << "; it selects" << m_names.join(QLatin1String(", "));
    Q_ASSERT_X(false, "SqlRow::value", column);
    return -1;
}

QVariant SqlRow::value(const char* column) const
{
    const int i = indexOf(column);
    if (i < 0)
        return {};
    return m_query != nullptr ? m_query->value(i) : m_values.value(i);
}

} // namespace lanyard
