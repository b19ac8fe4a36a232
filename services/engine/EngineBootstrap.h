#pragma once

#include "EmbeddedEngineOptions.h"
#include "EngineContext.h"
#include "EngineInfo.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>

#include <memory>

namespace lanyard {

// What a start of the engine found and made.
struct OpenedEngine {
    std::shared_ptr<const EngineContext> context;
    SecretStoreKind secretStore = SecretStoreKind::None;
    QString secretStoreLocation;
    int schemaVersion = 0;
};

// Starting an engine, in three steps: the schema is migrated (on a worker), the master key is
// found where this database says it lives or made (the keychain answers on `context`'s
// thread), and the CA and content-signing identity are loaded or, on a first start, created
// (on a worker). Any step's error ends the start with it.
class EngineBootstrap {
public:
    static QFuture<Result<OpenedEngine>> start(const EmbeddedEngineOptions& options, QThreadPool* workers, QObject* context);
    // The name of an engine's master key in the system keychain.
    static QString keychainEntry(const QString& engineId);
};

} // namespace lanyard
