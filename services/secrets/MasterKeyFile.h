#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace lanyard {

// The fallback home of the master key when no keychain is available: a file readable only by
// its owner (0600). Refuses to read a file that others can read.
class MasterKeyFile {
public:
    explicit MasterKeyFile(QString path);

    QString path() const { return m_path; }
    bool exists() const;
    Result<QByteArray> read() const;
    Result<void> write(const QByteArray& key) const;

private:
    QString m_path;
};

} // namespace lanyard
