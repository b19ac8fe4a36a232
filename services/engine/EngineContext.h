#pragma once

#include "pki/Certificate.h"
#include "pki/CertificateAuthority.h"
#include "pki/KeyWrapper.h"
#include "pki/PrivateKey.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QSemaphore>

#include <functional>
#include <memory>

namespace lanyard {

// What every engine operation shares: the database, the CA, the content-signing identity and
// the master key. Built once when the engine opens and read-only afterwards, so worker threads
// may use it without locks.
struct EngineContext {
    std::shared_ptr<Database> database;
    CertificateAuthority authority;
    Certificate contentSigningCertificate;
    PrivateKey contentSigningKey;
    // The delegated OCSP responder (id-kp-OCSPSigning, issued by the CA).
    Certificate ocspSigningCertificate;
    PrivateKey ocspSigningKey;
    std::shared_ptr<KeyWrapper> keyWrapper;
    QByteArray auditKey; // keys the audit chain; derived from the master key, never stored
    // How many passwords this process checks at once for callers not yet logged on (slow
    // hashes): the rest are told to retry, and operators' calls keep their workers.
    std::shared_ptr<QSemaphore> passwordChecks;
    QString engineId;
    std::function<QDateTime()> clock = [] { return QDateTime::currentDateTimeUtc(); };

    QDateTime now() const { return clock(); }
    SqlDialect dialect() const { return database->dialect(); }
};

} // namespace lanyard
