#pragma once

#include "DatabaseConfig.h"
#include "core/Result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace lanyard {

// Sets a table's own indexes aside while many rows are added, and makes them afresh after:
// one sort per index instead of a B-tree step per row and index. On SQLite a first directory
// sync that adds 100,000 people writes them about four times faster this way.
//
// Only inside the caller's transaction, which must not commit before rebuild() has succeeded:
// a rollback brings the indexes back as they were, and a unique index that the new rows break
// fails rebuild(). SQLite only: PostgreSQL would hold a lock against every reader of the table
// for the whole time, so there the indexes stay and this does nothing. The constraint indexes
// of the table definition (PRIMARY KEY, UNIQUE columns) always stay.
class IndexRebuild {
public:
    IndexRebuild() = default;
    IndexRebuild(const IndexRebuild&) = delete;
    IndexRebuild& operator=(const IndexRebuild&) = delete;
    IndexRebuild(IndexRebuild&& other) noexcept;
    IndexRebuild& operator=(IndexRebuild&&) = delete;
    // Makes the indexes again if rebuild() was not called: a caller that returns early then
    // rolls back, and a caller that commits by mistake still finds every index there.
    ~IndexRebuild();

    static Result<IndexRebuild> setAside(const QSqlDatabase& db, SqlDialect dialect, const QString& table);

    Result<void> rebuild();
    // How many indexes are set aside now.
    int pending() const { return int(m_definitions.size()); }

private:
    QSqlDatabase m_db;
    QStringList m_definitions; // CREATE INDEX statements as stored by SQLite
};

} // namespace lanyard
