#pragma once

#include <QString>

namespace lanyard {

enum class SecretStoreKind { None, Keychain, KeyFile };

// What the status bar and the log say about the engine.
struct EngineInfo {
    bool remote = false;
    QString location; // database file, PostgreSQL URL without password, or server URL
    SecretStoreKind secretStore = SecretStoreKind::None;
    QString secretStoreLocation; // key file path when KeyFile
    QString caSubject;
    QString engineId; // embedded only
    int schemaVersion = 0;
};

} // namespace lanyard
