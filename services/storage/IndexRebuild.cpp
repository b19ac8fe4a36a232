#include "IndexRebuild.h"

#include "Database.h"
#include "SqlRow.h"

#include <QLoggingCategory>

namespace lanyard {

Q_LOGGING_CATEGORY(lcIndexRebuild, "lanyard.storage.indexes")

IndexRebuild::IndexRebuild(IndexRebuild&& other) noexcept
    : m_db(other.m_db)
    , m_definitions(std::exchange(other.m_definitions, {}))
{
}

IndexRebuild::~IndexRebuild()
{
    if (m_definitions.isEmpty())
        return;
    if (auto r = rebuild(); !r)
        qCWarning(lcIndexRebuild) << "indexes set aside were not made again:" << r.error().toLogString();
}

Result<IndexRebuild> IndexRebuild::setAside(const QSqlDatabase& db, SqlDialect dialect, const QString& table)
{
    IndexRebuild result;
    result.m_db = db;
    if (dialect != SqlDialect::Sqlite)
        return result;
    // Indexes SQLite made for constraints have no SQL text and cannot be dropped.
    auto q = exec(db, QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name"), { table });
    if (!q)
        return q.error();
    QList<std::pair<QString, QString>> indexes;
    const SqlRow row(*q);
    while (q->next())
        indexes.append({ row.value("name").toString(), row.value("sql").toString() });
    q->finish();
    for (const auto& [name, sql] : indexes) {
        // The name comes from the schema, not from a caller; quoted all the same.
        if (auto r = execDirect(db, QStringLiteral("DROP INDEX \"%1\"").arg(QString(name).replace(QLatin1Char('"'), QLatin1String("\"\"")))); !r)
            return r.error();
        result.m_definitions.append(sql);
    }
    return result;
}

Result<void> IndexRebuild::rebuild()
{
    while (!m_definitions.isEmpty()) {
        if (auto r = execDirect(m_db, m_definitions.first()); !r)
            return r.error();
        m_definitions.removeFirst();
    }
    return {};
}

} // namespace lanyard
