#pragma once

#include "core/Result.h"

#include <QString>

namespace lanyard {

// The SQLite database holds live collection sessions and wrapped keys: only its owner may
// read it. Folders Lanyard makes for it are 0700, the database is created 0600 (SQLite gives
// its -wal and -shm files the database's mode), and existing files readable by others are
// made private at start, with a warning.
class PrivateFiles {
public:
    // Makes the missing folders of `folder`, each 0700; an existing folder is left as it is.
    static Result<void> ensureFolder(const QString& folder);
    // For the database at `path`: its folder, the file itself (created 0600 if missing), and
    // the mode of it and its -wal and -shm files.
    static Result<void> prepareDatabase(const QString& path);
};

} // namespace lanyard
