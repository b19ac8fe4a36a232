#include "Migrator.h"

#include "Database.h"
#include "Transaction.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>

namespace lanyard {

Migrator::Migrator(SqlDialect dialect)
    : m_dialect(dialect)
{
}

QList<Migration> Migrator::bundledMigrations()
{
    QList<Migration> list;
    static const QRegularExpression re(QStringLiteral("^(\\d+)_(.+)\\.sql$"));
    const QDir dir(QStringLiteral(":/lanyard/migrations"));
    for (const QString& file : dir.entryList({ QStringLiteral("*.sql") }, QDir::Files, QDir::Name)) {
        const auto m = re.match(file);
        if (!m.hasMatch())
            continue;
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        list.append({ m.captured(1).toInt(), m.captured(2), QString::fromUtf8(f.readAll()) });
    }
    std::sort(list.begin(), list.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
    return list;
}

int Migrator::latestVersion()
{
    const auto list = bundledMigrations();
    return list.isEmpty() ? 0 : list.last().version;
}

QStringList Migrator::statements(const QString& sql) const
{
    QString expanded = sql;
    const bool lite = m_dialect == SqlDialect::Sqlite;
    expanded.replace(QLatin1String("{{ID}}"), lite ? QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT") : QLatin1String("BIGSERIAL PRIMARY KEY"));
    expanded.replace(QLatin1String("{{INT64}}"), lite ? QLatin1String("INTEGER") : QLatin1String("BIGINT"));
    expanded.replace(QLatin1String("{{BLOB}}"), lite ? QLatin1String("BLOB") : QLatin1String("BYTEA"));
    QStringList out;
    QString current;
    // A line marked {{SQLITE}} or {{POSTGRES}} is for that dialect only (a trigger, whose
    // syntax the two do not share); such a statement is written on one line.
    static const QLatin1String kSqliteOnly("{{SQLITE}}"), kPostgresOnly("{{POSTGRES}}");
    for (QString line : expanded.split(QLatin1Char('\n'))) {
        if (line.startsWith(kSqliteOnly) || line.startsWith(kPostgresOnly)) {
            if (line.startsWith(kSqliteOnly) != lite)
                continue;
            line = line.mid(line.startsWith(kSqliteOnly) ? kSqliteOnly.size() : kPostgresOnly.size());
        }
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("--")) || trimmed.isEmpty())
            continue;
        current += line + QLatin1Char('\n');
        if (trimmed.endsWith(QLatin1Char(';'))) {
            out.append(current.trimmed());
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        out.append(current.trimmed());
    return out;
}

Result<int> Migrator::currentVersion(const QSqlDatabase& db) const
{
    if (!db.tables().contains(QStringLiteral("schema_migrations")))
        return 0;
    auto version = fetchValue(db, QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    if (!version)
        return version.error();
    return version->toInt();
}

Result<int> Migrator::migrate(const QSqlDatabase& db, const QList<Migration>& migrations) const
{
    Transaction tx(db, m_dialect);
    if (auto r = tx.begin(); !r)
        return r.error();
    // The table is created inside the transaction so that two processes starting at once
    // serialise here and the loser sees the winner's version.
    if (auto r = execDirect(db, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)")); !r)
        return r.error();
    if (m_dialect == SqlDialect::Postgres) {
        if (auto r = execDirect(db, QStringLiteral("LOCK TABLE schema_migrations IN EXCLUSIVE MODE")); !r)
            return r.error();
    }
    auto newest = fetchValue(db, QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    if (!newest)
        return newest.error();
    const int current = newest->toInt();
    const int latest = migrations.isEmpty() ? 0 : migrations.last().version;
    if (current > latest)
        return Error(ErrorCode::SchemaTooNew,
            QStringLiteral("database schema %1 is newer than this build (%2)").arg(current).arg(latest),
            { { QStringLiteral("databaseVersion"), current }, { QStringLiteral("supportedVersion"), latest } });
    int version = current;
    for (const Migration& m : migrations) {
        if (m.version <= current)
            continue;
        for (const QString& statement : statements(m.sql)) {
            if (auto r = execDirect(db, statement); !r)
                return Error(r.error().code, QStringLiteral("migration %1 (%2): %3").arg(m.version).arg(m.name, r.error().detail));
        }
        if (auto r = exec(db, QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
                { m.version, m.name, QDateTime::currentMSecsSinceEpoch() });
            !r)
            return r.error();
        version = m.version;
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return version;
}

} // namespace lanyard
