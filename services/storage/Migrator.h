#pragma once

#include "DatabaseConfig.h"
#include "core/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace lanyard {

struct Migration {
    int version = 0;
    QString name;
    QString sql;
};

// Applies the ordered schema migrations (resources/migrations/NNN_name.sql) that a database
// lacks, all in one transaction, and records the version. A database newer than this build is
// refused rather than touched.
class Migrator {
public:
    explicit Migrator(SqlDialect dialect);

    static QList<Migration> bundledMigrations();
    static int latestVersion();

    Result<int> currentVersion(const QSqlDatabase& db) const;
    // Returns the schema version after migrating.
    Result<int> migrate(const QSqlDatabase& db, const QList<Migration>& migrations = bundledMigrations()) const;

    // Expands the portable placeholders for this dialect and splits into statements.
    QStringList statements(const QString& sql) const;

private:
    SqlDialect m_dialect;
};

} // namespace lanyard
