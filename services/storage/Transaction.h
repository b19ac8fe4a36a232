#pragma once

#include "DatabaseConfig.h"
#include "core/Result.h"

#include <QSqlDatabase>

namespace lanyard {

// One unit of work, nestable, so every service can open its own whether or not its caller
// already has one. The outermost on a connection is a transaction: on SQLite it takes the
// write lock up front (BEGIN IMMEDIATE) so two writers never deadlock upgrading a read lock.
// One opened inside it is a savepoint: its commit() keeps its work for the outer one to
// commit, and if it is left without commit() only its own work is undone. Anything not
// committed rolls back when the object goes.
class Transaction {
public:
    Transaction(QSqlDatabase db, SqlDialect dialect);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    Result<void> begin();
    Result<void> commit();

    // How many are open on this thread's connection `db` (0: none).
    static int depth(const QSqlDatabase& db);

private:
    QString savepoint() const;
    void undo();

    QSqlDatabase m_db;
    SqlDialect m_dialect;
    int m_level = 0; // 1 for the outermost; 0 until begun and after it ended
};

} // namespace lanyard
