#pragma once

#include "core/Result.h"

#include <QString>

namespace lanyard {

enum class SqlDialect { Sqlite, Postgres };

// Where the engine's data lives: a SQLite file (embedded) or a PostgreSQL database (server).
struct DatabaseConfig {
    SqlDialect dialect = SqlDialect::Sqlite;
    QString path; // SQLite file
    QString host;
    int port = 5432;
    QString databaseName;
    QString user;
    QString password;

    static DatabaseConfig sqlite(const QString& path);
    // Accepts "sqlite:PATH" and "postgresql://user:password@host:port/dbname".
    static Result<DatabaseConfig> fromUrl(const QString& url);
    // A description for logs and the status bar; never contains the password.
    QString displayName() const;
};

} // namespace lanyard
