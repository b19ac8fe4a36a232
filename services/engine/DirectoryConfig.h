#pragma once

#include "core/Result.h"

#include <QList>
#include <QMap>
#include <QString>

namespace lanyard {

// Members of a directory group hold a Lanyard role while they are members.
struct DirectoryGroupRole {
    QString groupDn;
    qint64 roleId = 0;

    bool operator==(const DirectoryGroupRole&) const = default;
};

// How Lanyard reads its people from an LDAP directory: where it is, who binds, which entries
// are people, which attribute holds each person field, how a disabled account is recognised,
// and which groups give which roles.
struct DirectoryConfig {
    enum class Kind { ActiveDirectory, OpenLdap };
    enum class DisabledBy { Nothing, AccountControl, Attribute };

    bool enabled = false; // the scheduled sync runs, and Sync now is offered
    Kind kind = Kind::OpenLdap;
    QString url; // ldap://host:port or ldaps://host:port
    bool startTls = false;
    QString caFile;
    QString bindDn;
    QString bindPassword; // stored wrapped; an operator reads the placeholder
    QString baseDn;
    QString filter;
    int pageSize = 500;
    QMap<QString, QString> attributes; // person field (wire name) -> attribute; absent: not synced
    QString idAttribute; // entryUUID, objectGUID: stays the same through a rename
    DisabledBy disabledBy = DisabledBy::Nothing;
    QString disabledAttribute; // DisabledBy::Attribute: this attribute …
    QString disabledValue; // … holding this value (any value when empty)
    QString changeAttribute; // one of changeAttributes(): syncs read only what changed; empty: all
    int intervalMinutes = 60; // 0: only when asked
    QList<DirectoryGroupRole> groupRoles;

    bool operator==(const DirectoryConfig&) const = default;

    // Sensible values for a kind of directory (filter, mapping, id, disabled, changes).
    static DirectoryConfig defaultsFor(Kind kind);
    // The person fields a directory can fill.
    static QStringList mappableFields();
    // What orders changes: entryCSN, modifyTimestamp (OpenLDAP), uSNChanged (AD).
    static QStringList changeAttributes();
    // Each value on its own and together; invalid-argument with args problem and field.
    static Result<void> validate(const DirectoryConfig& config);
    // Whether `text` is an LDAP distinguished name (RFC 4514), as far as can be told here.
    static bool isDistinguishedName(const QString& text);
    static bool isAttributeName(const QString& text);
};

QString directoryKindId(DirectoryConfig::Kind kind);
bool directoryKindFromId(const QString& id, DirectoryConfig::Kind* kind);
QString disabledById(DirectoryConfig::DisabledBy by);
bool disabledByFromId(const QString& id, DirectoryConfig::DisabledBy* by);

// An entry the sync could not take, and why.
struct DirectorySyncError {
    QString dn;
    QString problem;
    QString field;
    QString detail;

    bool operator==(const DirectorySyncError&) const = default;
};

// What one sync did.
struct DirectorySyncReport {
    qint64 id = 0;
    qint64 startedAt = 0; // ms since the epoch
    qint64 finishedAt = 0;
    bool full = false; // read every entry (else only those changed since the last sync)
    bool failed = false; // nothing of a failed sync is kept
    int entries = 0; // entries read
    int added = 0;
    int updated = 0;
    int disabled = 0;
    int enabled = 0;
    int roleChanges = 0; // roles given or taken by group membership
    int errorCount = 0; // may exceed errors.size(): at most kKeptErrors are kept
    QString problem; // why it failed
    QString detail;
    QList<DirectorySyncError> errors;

    static constexpr int kKeptErrors = 1000;
    bool operator==(const DirectorySyncReport&) const = default;
};

// What a Test connection found.
struct DirectoryProbe {
    int matching = 0; // entries the filter matches
    QList<DirectorySyncError> errors; // of the first entries
    QList<QMap<QString, QString>> firstPeople; // the first few, mapped: field -> value

    bool operator==(const DirectoryProbe&) const = default;
};

} // namespace lanyard
