#include "PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

namespace lanyard {

Q_LOGGING_CATEGORY(lcFiles, "lanyard.storage.files")

namespace {
constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kOthers = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
    | QFileDevice::WriteOther | QFileDevice::ExeOther;

Error cannot(const QString& what, const QString& path)
{
    return Error(ErrorCode::StorageReadOnly, QStringLiteral("cannot %1 %2").arg(what, path), { { QStringLiteral("path"), path } });
}
} // namespace

Result<void> PrivateFiles::ensureFolder(const QString& folder)
{
    const QString absolute = QFileInfo(folder).absoluteFilePath();
    QStringList missing;
    for (QString level = absolute; !QFileInfo::exists(level); level = QFileInfo(level).absolutePath()) {
        missing.prepend(level);
        if (level == QFileInfo(level).absolutePath())
            break;
    }
    for (const QString& level : std::as_const(missing)) {
        if (!QDir().mkdir(level, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner) && !QFileInfo(level).isDir())
            return cannot(QStringLiteral("create the folder"), level);
    }
    return {};
}

Result<void> PrivateFiles::prepareDatabase(const QString& path)
{
    if (path.isEmpty() || path == QLatin1String(":memory:"))
        return {};
    if (auto r = ensureFolder(QFileInfo(path).absolutePath()); !r)
        return r;
    if (!QFileInfo::exists(path)) {
        QFile file(path);
        // Created with its mode, not chmod-ed after: there is no moment it is readable by others.
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerOnly) && !QFileInfo::exists(path))
            return cannot(QStringLiteral("create the database"), path);
        return {};
    }
    for (const QString& p : { path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm") }) {
        QFile file(p);
        if (!file.exists() || !(file.permissions() & kOthers))
            continue;
        if (!file.setPermissions(kOwnerOnly))
            return cannot(QStringLiteral("make private (mode 0600)"), p);
        qCWarning(lcFiles).noquote() << QStringLiteral("%1 was readable by other users; it is now private to its owner (mode 0600). "
                                                       "Anyone who read it meanwhile may have seen open collections.")
                                            .arg(p);
    }
    return {};
}

} // namespace lanyard
