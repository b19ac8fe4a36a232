#pragma once

#include "DatabaseConfig.h"
#include "SqlRow.h"
#include "core/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace lanyard {

// Hands out one connection per thread for a database (SQLite connections must not cross
// threads; PostgreSQL gets one pooled connection per worker thread the same way). The
// connection is closed and unregistered when its thread ends.
class Database {
public:
    explicit Database(DatabaseConfig config);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const DatabaseConfig& config() const { return m_config; }
    SqlDialect dialect() const { return m_config.dialect; }

    // The calling thread's connection, opened and configured on first use.
    Result<QSqlDatabase> connection();
    // Closes every connection the calling thread holds (to any database). Worker threads call
    // it before they end, so files are closed before their owner returns.
    static void releaseThreadConnections();

private:
    DatabaseConfig m_config;
    QString m_id;
};

// Turns a failed QSqlQuery or connection into an Error with a stable code: busy/locked,
// read-only, or a generic storage failure. The detail carries the driver text for the log.
Error sqlError(const QSqlError& error, const QString& what);

// Prepares and executes; binds positional values in order. The statement stays active while
// the query lives: read single rows with fetchOne() so no statement outlives its use (SQLite
// cannot commit while one is pending).
Result<QSqlQuery> exec(const QSqlDatabase& db, const QString& sql, const QVariantList& values = {});

// Runs a statement without preparing it: transaction control and DDL, which PostgreSQL does
// not accept as prepared statements. Never pass values in the text.
Result<void> execDirect(const QSqlDatabase& db, const QString& sql);

// Runs a statement that yields at most one row (SELECT of one row, INSERT ... RETURNING) and
// returns that row, read by column name; an empty row when there is none. The statement is
// finished.
Result<SqlRow> fetchOne(const QSqlDatabase& db, const QString& sql, const QVariantList& values = {});

// Runs a statement that yields one value (a COUNT, one column of one row) and returns it, or
// a null QVariant when there is no row. The statement is finished.
Result<QVariant> fetchValue(const QSqlDatabase& db, const QString& sql, const QVariantList& values = {});

// One statement prepared once and run for many rows (a bulk write): preparing costs as much as
// running a small insert. Values are bound as exec() binds them.
class PreparedStatement {
public:
    PreparedStatement(const QSqlDatabase& db, const QString& sql);

    Result<void> run(const QVariantList& values);
    // The one row it yields (INSERT ... RETURNING), or an empty row.
    Result<SqlRow> fetchOne(const QVariantList& values);
    // Every row it yields (a many-row INSERT ... RETURNING), detached.
    Result<QList<SqlRow>> fetchAll(const QVariantList& values);

private:
    QSqlQuery m_query;
    QString m_sql;
    bool m_prepared = false;
};

// Runs a statement and returns the `id` column of every row it gives.
Result<QList<qint64>> fetchIds(const QSqlDatabase& db, const QString& sql, const QVariantList& values = {});

} // namespace lanyard
