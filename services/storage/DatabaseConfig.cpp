#include "DatabaseConfig.h"

#include <QDir>
#include <QUrl>

namespace lanyard {

DatabaseConfig DatabaseConfig::sqlite(const QString& path)
{
    DatabaseConfig c;
    c.dialect = SqlDialect::Sqlite;
    c.path = path;
    return c;
}

Result<DatabaseConfig> DatabaseConfig::fromUrl(const QString& url)
{
    if (url.startsWith(QLatin1String("sqlite:"))) {
        const QString path = url.mid(7);
        if (path.isEmpty())
            return Error(ErrorCode::InvalidArgument, QStringLiteral("sqlite: needs a file path"));
        return sqlite(path);
    }
    const QUrl u(url);
    if (u.isValid() && (u.scheme() == QLatin1String("postgresql") || u.scheme() == QLatin1String("postgres"))) {
        DatabaseConfig c;
        c.dialect = SqlDialect::Postgres;
        c.host = u.host().isEmpty() ? QStringLiteral("127.0.0.1") : u.host();
        c.port = u.port(5432);
        c.databaseName = u.path().mid(1);
        c.user = u.userName();
        c.password = u.password();
        if (c.databaseName.isEmpty())
            return Error(ErrorCode::InvalidArgument, QStringLiteral("the PostgreSQL URL names no database"));
        return c;
    }
    return Error(ErrorCode::InvalidArgument,
        QStringLiteral("unknown database '%1': use sqlite:PATH or postgresql://user@host:port/db").arg(url));
}

QString DatabaseConfig::displayName() const
{
    if (dialect == SqlDialect::Sqlite)
        return QDir::toNativeSeparators(path);
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(databaseName);
}

} // namespace lanyard
