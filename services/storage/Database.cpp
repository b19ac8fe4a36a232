#include "Database.h"

#include "PrivateFiles.h"

#include <QSqlError>
#include <QSqlRecord>
#include <QThread>
#include <QUuid>

#include <map>
#include <memory>

namespace lanyard {

namespace {

// Removes a thread's connection when that thread exits (thread_local destructors run then).
struct ThreadConnections {
    std::map<QString, QString> names; // database id -> connection name
    void closeAll()
    {
        for (const auto& [id, name] : names) {
            {
                QSqlDatabase db = QSqlDatabase::database(name, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
        names.clear();
    }
    ~ThreadConnections() { closeAll(); }
};

thread_local ThreadConnections t_connections;

Result<void> configure(QSqlDatabase& db, SqlDialect dialect)
{
    if (dialect != SqlDialect::Sqlite)
        return {};
    for (const char* pragma : { "PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
             "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=10000" }) {
        QSqlQuery q(db);
        if (!q.exec(QString::fromLatin1(pragma)))
            return sqlError(q.lastError(), QString::fromLatin1(pragma));
    }
    return {};
}

} // namespace

Database::Database(DatabaseConfig config)
    : m_config(std::move(config))
    , m_id(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

Database::~Database()
{
    // Only the destroying thread's own connection can be released here; worker threads
    // release theirs when they finish (the engine joins its pool before destroying us).
    auto it = t_connections.names.find(m_id);
    if (it != t_connections.names.end()) {
        const QString name = it->second;
        t_connections.names.erase(it);
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

void Database::releaseThreadConnections()
{
    t_connections.closeAll();
}

Result<QSqlDatabase> Database::connection()
{
    auto it = t_connections.names.find(m_id);
    if (it != t_connections.names.end()) {
        QSqlDatabase db = QSqlDatabase::database(it->second, false);
        if (db.isOpen())
            return db;
    }
    const QString name = QStringLiteral("lanyard-%1-%2")
                             .arg(m_id)
                             .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()));
    QSqlDatabase db;
    if (m_config.dialect == SqlDialect::Sqlite) {
        // Before SQLite makes the file, or any of its companions, with the umask's mode.
        if (auto r = PrivateFiles::prepareDatabase(m_config.path); !r)
            return r.error();
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_config.path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(m_config.host);
        db.setPort(m_config.port);
        db.setDatabaseName(m_config.databaseName);
        db.setUserName(m_config.user);
        db.setPassword(m_config.password);
    }
    t_connections.names[m_id] = name;
    if (!db.open())
        return sqlError(db.lastError(), QStringLiteral("opening %1").arg(m_config.displayName()));
    if (auto r = configure(db, m_config.dialect); !r)
        return r.error();
    return db;
}

Error sqlError(const QSqlError& error, const QString& what)
{
    const QString text = error.text();
    const QString native = error.nativeErrorCode();
    const QString detail = QStringLiteral("%1: %2").arg(what, text);
    // SQLite: 5 = SQLITE_BUSY, 6 = SQLITE_LOCKED, 8 = SQLITE_READONLY. PostgreSQL: 40001/40P01
    // are serialization failures and deadlocks, 25006 read-only transaction.
    if (native == QLatin1String("5") || native == QLatin1String("6") || native == QLatin1String("40001")
        || native == QLatin1String("40P01") || text.contains(QLatin1String("database is locked")))
        return Error(ErrorCode::StorageBusy, detail);
    if (native == QLatin1String("8") || native == QLatin1String("25006")
        || text.contains(QLatin1String("readonly")) || text.contains(QLatin1String("read-only")))
        return Error(ErrorCode::StorageReadOnly, detail);
    return Error(ErrorCode::StorageFailure, detail);
}

namespace {
void bindAll(QSqlQuery& q, const QVariantList& values)
{
    for (const QVariant& v : values) {
        // Qt binds a null QString as SQL NULL; an empty text is still text.
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            q.addBindValue(QStringLiteral(""));
        else
            q.addBindValue(v);
    }
}
} // namespace

Result<QSqlQuery> exec(const QSqlDatabase& db, const QString& sql, const QVariantList& values)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return sqlError(q.lastError(), sql.left(80));
    bindAll(q, values);
    if (!q.exec())
        return sqlError(q.lastError(), sql.left(80));
    return q;
}


PreparedStatement::PreparedStatement(const QSqlDatabase& db, const QString& sql)
    : m_query(db)
    , m_sql(sql)
{
    m_query.setForwardOnly(true);
    m_prepared = m_query.prepare(sql);
}

Result<void> PreparedStatement::run(const QVariantList& values)
{
    if (!m_prepared)
        return sqlError(m_query.lastError(), m_sql.left(80));
    bindAll(m_query, values);
    const bool done = m_query.exec();
    if (!done)
        return sqlError(m_query.lastError(), m_sql.left(80));
    m_query.finish();
    return {};
}

Result<SqlRow> PreparedStatement::fetchOne(const QVariantList& values)
{
    if (!m_prepared)
        return sqlError(m_query.lastError(), m_sql.left(80));
    bindAll(m_query, values);
    if (!m_query.exec())
        return sqlError(m_query.lastError(), m_sql.left(80));
    SqlRow row = m_query.next() ? SqlRow::copyOf(m_query) : SqlRow();
    m_query.finish();
    return row;
}

Result<QList<SqlRow>> PreparedStatement::fetchAll(const QVariantList& values)
{
    if (!m_prepared)
        return sqlError(m_query.lastError(), m_sql.left(80));
    bindAll(m_query, values);
    if (!m_query.exec())
        return sqlError(m_query.lastError(), m_sql.left(80));
    QList<SqlRow> rows;
    while (m_query.next())
        rows.append(SqlRow::copyOf(m_query));
    m_query.finish();
    return rows;
}

Result<void> execDirect(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        return sqlError(q.lastError(), sql.left(80));
    return {};
}

Result<SqlRow> fetchOne(const QSqlDatabase& db, const QString& sql, const QVariantList& values)
{
    auto q = exec(db, sql, values);
    if (!q)
        return q.error();
    SqlRow row = q->next() ? SqlRow::copyOf(*q) : SqlRow();
    q->finish();
    return row;
}

Result<QVariant> fetchValue(const QSqlDatabase& db, const QString& sql, const QVariantList& values)
{
    auto q = exec(db, sql, values);
    if (!q)
        return q.error();
    Q_ASSERT_X(q->record().count() == 1, "fetchValue", qPrintable(sql));
    QVariant value = q->next() ? q->value(0) : QVariant();
    q->finish();
    return value;
}

Result<QList<qint64>> fetchIds(const QSqlDatabase& db, const QString& sql, const QVariantList& values)
{
    auto q = exec(db, sql, values);
    if (!q)
        return q.error();
    QList<qint64> out;
    const SqlRow row(*q);
    while (q->next())
        out << row.value("id").toLongLong();
    return out;
}

} // namespace lanyard
