#pragma once

#include "AccessControl.h"
#include "DirectoryConfig.h"
#include "DirectoryEntryReader.h"
#include "EngineContext.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>

namespace lanyard {

// What a sync read from the directory, before anything is written.
struct DirectorySnapshot {
    bool full = false;
    int entries = 0;
    QList<DirectoryPerson> people; // the entries read in full (all, or those changed)
    QSet<QString> presentIds; // every entry the filter matches now, by stable id
    QSet<QString> disabledIds; // of those, the ones disabled in the directory
    QHash<QString, QSet<QString>> groupMembers; // group DN key -> member DN keys, for groups found
    QList<DirectorySyncError> errors;
    QString highWater; // the latest change mark seen
};

// One sync in two steps: read everything from the directory (nothing changes if that fails),
// then write it in the caller's transaction. People are matched by their stable id, else
// (once, to adopt people added before the directory) by employee id, else by logon name.
// The directory's fields replace Lanyard's, an account disabled there is disabled here with
// everything it holds, one that left is disabled, and one it disabled comes back when the
// entry does; an account an operator disabled stays disabled.
class DirectorySync {
public:
    DirectorySync(const EngineContext& context, QSqlDatabase db);

    // From this many people added at once (and more than there were), people's indexes are made
    // afresh after them rather than kept up one by one.
    static constexpr qsizetype kManyNewcomers = 5000;
    // Newcomers written by one statement (12 values each: well under SQLite's and
    // PostgreSQL's limits on a statement's parameters).
    static constexpr qsizetype kInsertBatch = 100;

    static Result<DirectorySnapshot> read(const DirectoryConfig& config, const QString& highWater, bool full);
    // Applies `snapshot` and counts it in `report`. Refused (and to be rolled back by the
    // caller) when the directory matched nobody although people were synced from it
    // (directory-empty), or when no administrator would be left (last-administrator).
    Result<void> apply(const DirectoryConfig& config, const DirectorySnapshot& snapshot, const AccessControl* ac, DirectorySyncReport* report);

private:
    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
