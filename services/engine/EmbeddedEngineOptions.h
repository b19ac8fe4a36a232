#pragma once

#include "pki/KeyAlgorithm.h"
#include "storage/DatabaseConfig.h"

#include <QDateTime>
#include <QString>

#include <functional>

namespace lanyard {

struct EmbeddedEngineOptions {
    enum class KeyStore { Auto, KeychainOnly, FileOnly };

    DatabaseConfig database;
    KeyStore keyStore = KeyStore::Auto;
    QString keyFilePath; // default: the database file + ".key"
    QString keychainService = QStringLiteral("Lanyard");
    KeyAlgorithm caKeyAlgorithm = KeyAlgorithm::EcP256;
    QString caCommonName = QStringLiteral("Lanyard Root CA");
    std::function<QDateTime()> clock;
    int workerThreads = 4;
    // Work anyone may cause without logging on (logon, collection, CRL, CA) runs on threads
    // of its own, with at most this many calls waiting, so it cannot starve operators.
    int publicWorkerThreads = 2;
    int publicQueueLimit = 64;
    // How often the notification outbox is worked through; 0: only when asked.
    int deliveryIntervalMs = 30000;
};

} // namespace lanyard
