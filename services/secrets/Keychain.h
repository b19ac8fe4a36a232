#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QFuture>
#include <QString>

namespace lanyard {

// The system keychain (Secret Service, KWallet, macOS Keychain, Windows Credential Manager)
// through QtKeychain. Calls finish on the calling thread's event loop; that thread must run
// one (the GUI or the server's main thread).
class Keychain {
public:
    explicit Keychain(QString service);

    QFuture<Result<QByteArray>> read(const QString& key) const;
    QFuture<Result<void>> write(const QString& key, const QByteArray& secret) const;
    QFuture<Result<void>> remove(const QString& key) const;

private:
    QString m_service;
};

} // namespace lanyard
