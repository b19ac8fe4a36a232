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
    auto r = exec(m_db, sql);
    if (!r)
        return r.error();
    m_open = true;
    return {};
}

Result<void> Transaction::commit()
{
    auto r = exec(m_db, QStringLiteral("COMMIT"));
    if (!r)
        return r.error();
    m_open = false;
    return {};
}

} // namespace lanyard
