#include "Transaction.h"

#include "Database.h"

#include <QHash>

namespace lanyard {

namespace {
// Connections belong to one thread (Database hands out one per thread), so the nesting depth
// of each is kept per thread, by connection name.
QHash<QString, int>& depths()
{
    thread_local QHash<QString, int> open;
    return open;
}
} // namespace

Transaction::Transaction(QSqlDatabase db, SqlDialect dialect)
    : m_db(std::move(db))
    , m_dialect(dialect)
{
}

Transaction::~Transaction()
{
    if (m_level > 0)
        undo();
}

int Transaction::depth(const QSqlDatabase& db)
{
    return depths().value(db.connectionName());
}

QString Transaction::savepoint() const
{
    return QStringLiteral("lanyard_%1").arg(m_level);
}

Result<void> Transaction::begin()
{
    Q_ASSERT_X(m_level == 0, "Transaction::begin", "begun twice");
    int& open = depths()[m_db.connectionName()];
    const int level = open + 1;
    QString sql;
    if (level > 1)
        sql = QStringLiteral("SAVEPOINT lanyard_%1").arg(level);
    else
        sql = m_dialect == SqlDialect::Sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
    if (auto r = execDirect(m_db, sql); !r)
        return r;
    open = level;
    m_level = level;
    return {};
}

Result<void> Transaction::commit()
{
    Q_ASSERT_X(m_level > 0, "Transaction::commit", "not begun");
    Q_ASSERT_X(depth(m_db) == m_level, "Transaction::commit", "an inner transaction is still open");
    const QString sql = m_level > 1 ? QStringLiteral("RELEASE SAVEPOINT %1").arg(savepoint()) : QStringLiteral("COMMIT");
    if (auto r = execDirect(m_db, sql); !r)
        return r;
    depths()[m_db.connectionName()] = m_level - 1;
    m_level = 0;
    return {};
}

void Transaction::undo()
{
    // A savepoint is rolled back to and then released, so it no longer counts as open; the
    // outer transaction goes on.
    if (m_level > 1) {
        (void)execDirect(m_db, QStringLiteral("ROLLBACK TO SAVEPOINT %1").arg(savepoint()));
        (void)execDirect(m_db, QStringLiteral("RELEASE SAVEPOINT %1").arg(savepoint()));
    } else {
        (void)execDirect(m_db, QStringLiteral("ROLLBACK"));
    }
    depths()[m_db.connectionName()] = m_level - 1;
    m_level = 0;
}

} // namespace lanyard
