#pragma once

#include "Certificate.h"
#include "PrivateKey.h"
#include "core/Result.h"

#include <QList>

namespace lanyard {

// PKCS#12 files (OpenSSL 3 defaults: PBES2, AES-256-CBC, PBKDF2-SHA256).
class Pkcs12 {
public:
    static Result<QByteArray> create(const PrivateKey& key, const Certificate& certificate, const QList<Certificate>& chain, const QByteArray& password);
    // True when the password opens the file (its MAC verifies); an error when it is no PKCS#12.
    static Result<bool> passwordOpens(const QByteArray& der, const QByteArray& password);
};

} // namespace lanyard
