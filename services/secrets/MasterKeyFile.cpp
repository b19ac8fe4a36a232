#include "MasterKeyFile.h"

#include <QFile>
#include <QFileInfo>

namespace lanyard {

MasterKeyFile::MasterKeyFile(QString path)
    : m_path(std::move(path))
{
}

bool MasterKeyFile::exists() const
{
    return QFileInfo::exists(m_path);
}

Result<QByteArray> MasterKeyFile::read() const
{
    QFile f(m_path);
    if (!f.exists())
        return Error(ErrorCode::NotFound, QStringLiteral("no key file at %1").arg(m_path), { { QStringLiteral("path"), m_path } });
    const auto perms = f.permissions();
    if (perms & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther))
        return Error(ErrorCode::SecretStoreUnavailable,
            QStringLiteral("%1 is readable by other users; restrict it with chmod 600").arg(m_path), { { QStringLiteral("path"), m_path } });
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::SecretStoreUnavailable, QStringLiteral("cannot read %1: %2").arg(m_path, f.errorString()),
            { { QStringLiteral("path"), m_path } });
    const QByteArray key = QByteArray::fromBase64(f.readAll().trimmed());
    if (key.size() != 32)
        return Error(ErrorCode::SecretStoreUnavailable, QStringLiteral("%1 does not hold a 256-bit key").arg(m_path),
            { { QStringLiteral("path"), m_path } });
    return key;
}

Result<void> MasterKeyFile::write(const QByteArray& key) const
{
    // Created with 0600 from the start: there is no moment when others could read it.
    QFile f(m_path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return Error(ErrorCode::SecretStoreUnavailable, QStringLiteral("cannot create %1: %2").arg(m_path, f.errorString()),
            { { QStringLiteral("path"), m_path } });
    if (f.write(key.toBase64() + '\n') < 0 || !f.flush())
        return Error(ErrorCode::SecretStoreUnavailable, QStringLiteral("cannot write %1: %2").arg(m_path, f.errorString()),
            { { QStringLiteral("path"), m_path } });
    return {};
}

} // namespace lanyard
