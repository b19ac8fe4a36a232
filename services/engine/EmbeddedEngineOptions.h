#pragma once

#include "pki/KeyAlgorithm.h"
#include "storage/DatabaseConfig.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>

namespace lanyard {

struct EmbeddedEngineOptions {
    enum class KeyStore { Auto, KeychainOnly, FileOnly };

    DatabaseConfig database;
    KeyStore keyStore = KeyStore::Auto;
    QString keyFilePath; // default: the database file + ".key"
    QString keychainService = QStringLiteral("Lanyard");
    // The CA a new database gets. Without a subject: "CN=<caCommonName> <engine id>,O=Lanyard".
    KeyAlgorithm caKeyAlgorithm = KeyAlgorithm::EcP256;
    QString caCommonName = QStringLiteral("Lanyard Root CA");
    QList<QPair<QString, QString>> caSubject;
    int caValidityDays = 20 * 365;
    std::function<QDateTime()> clock;
    int workerThreads = 4;
    // Work anyone may cause without logging on (logon, collection, CRL, CA) runs on threads
    // of its own, with at most this many calls waiting, so it cannot starve operators.
    int publicWorkerThreads = 2;
    int publicQueueLimit = 64;
    // How often the notification outbox is worked through; 0: only when asked.
    int deliveryIntervalMs = 30000;
    // How often the engine looks whether a directory sync is due; 0: only when asked.
    int directoryCheckIntervalMs = 60000;
};

} // namespace lanyard
