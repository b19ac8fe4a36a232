#include "Transaction.h"

#include "Database.h"

#include <QSqlQuery>

namespace lanyard {

Transaction::Transaction(QSqlDatabase db, SqlDialect dialect)
    : m_db(std::move(db))
    , m_dialect(dialect)
{
}

Transaction::~Transaction()
{
    if (m_open) {
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("ROLLBACK"));
    }
}

Result<void> Transaction::begin()
{
    const QString sql = m_dialect == SqlDialect::Sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
    if (auto r = execDirect(m_db, sql); !r)
        return r;
    m_open = true;
    return {};
}

Result<void> Transaction::commit()
{
    if (auto r = execDirect(m_db, QStringLiteral("COMMIT")); !r)
        return r;
    m_open = false;
    return {};
}

} // namespace lanyard
