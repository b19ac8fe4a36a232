#pragma once

#include "core/Result.h"

#include <QByteArray>

namespace lanyard {

// Wraps secrets at rest (CA key, archived keys, VSC admin keys, unlock keys) with
// AES-256-GCM under the engine's master key. The purpose label is authenticated, so a blob
// wrapped as one kind of key cannot be unwrapped as another.
class KeyWrapper {
public:
    explicit KeyWrapper(QByteArray masterKey);

    bool isValid() const { return m_key.size() == 32; }
    Result<QByteArray> wrap(const QByteArray& plain, const QByteArray& purpose) const;
    Result<QByteArray> unwrap(const QByteArray& wrapped, const QByteArray& purpose) const;
    // A non-secret fingerprint of the master key, stored with the data to detect a wrong key.
    QByteArray checkValue() const;
    // A 32-byte key for one purpose (e.g. "audit-chain"), derived from the master key with
    // HMAC-SHA256, so no purpose ever uses the master key itself.
    QByteArray derive(const QByteArray& purpose) const;

private:
    QByteArray m_key;
};

} // namespace lanyard
