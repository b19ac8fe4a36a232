#pragma once

#include "DatabaseConfig.h"
#include "core/Result.h"

#include <QSqlDatabase>

namespace lanyard {

// One unit of work. On SQLite it takes the write lock up front (BEGIN IMMEDIATE) so two
// writers never deadlock upgrading a read lock; rolls back unless commit() succeeded.
class Transaction {
public:
    Transaction(QSqlDatabase db, SqlDialect dialect);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    Result<void> begin();
    Result<void> commit();

private:
    QSqlDatabase m_db;
    SqlDialect m_dialect;
    bool m_open = false;
};

} // namespace lanyard
