#pragma once

#include "Certificate.h"
#include "PrivateKey.h"
#include "core/Result.h"

#include <QList>

namespace lanyard {

// PKCS#12 files: PBES2 with AES-256-CBC and PBKDF2-HMAC-SHA256, and an HMAC-SHA256 MAC, each
// with kIterations rounds.
class Pkcs12 {
public:
    static constexpr int kIterations = 100000;

    static Result<QByteArray> create(const PrivateKey& key, const Certificate& certificate, const QList<Certificate>& chain, const QByteArray& password);
    // True when the password opens the file (its MAC verifies); an error when it is no PKCS#12.
    static Result<bool> passwordOpens(const QByteArray& der, const QByteArray& password);
};

} // namespace lanyard
