#pragma once

#include "AccessControl.h"
#include "AuditEvent.h"
#include "EngineContext.h"
#include "core/Result.h"

#include <QSqlDatabase>

#include <functional>

namespace lanyard {

// The append-only, hash-chained audit trail. Each row stores the hash of the previous row and
// its own HMAC-SHA256 over its fields under a key derived from the master key, which is never
// in the database: an edited, removed or reordered row breaks the chain, and whoever can write
// the database still cannot compute a hash that verifies.
class AuditLog {
public:
    AuditLog(QSqlDatabase db, const EngineContext& ctx);

    // Appends inside the caller's transaction; fills seq, prevHash and hash.
    Result<AuditEvent> append(AuditEvent event);
    Result<QList<AuditEvent>> find(const AuditQuery& query, const QList<qint64>& personScope = {}, bool scoped = false);
    Result<AuditVerification> verify();
    // For an operator with View Audit: the events about the people in their scope (all of
    // them for scope All), and the check of the whole chain.
    Result<QList<AuditEvent>> find(const AccessControl& ac, const AuditQuery& query);
    Result<AuditVerification> verify(const AccessControl& ac);

    static QString computeHash(const AuditEvent& e, const QByteArray& key);
    // The unkeyed SHA-256 of trails written before schema version 11.
    static QString legacyHash(const AuditEvent& e);
    // Once, on the start that applies migration 11: checks the unkeyed chain, then re-chains
    // every row under the key, and records both (a break found before keying stays on
    // record). Returns what the unkeyed chain's check found; `checked` is the rows re-chained.
    Result<AuditVerification> rekeyLegacyChain(const QDateTime& now);
    // A successful event by the operator, or by the system when ac is null.
    static AuditEvent event(const QDateTime& at, const AccessControl* ac, const QString& workflow, const QString& targetType,
        const QString& targetId, const QString& targetLabel, const QString& details = {});

private:
    Result<AuditVerification> verifyWith(const std::function<QString(const AuditEvent&)>& hash);

    QSqlDatabase m_db;
    SqlDialect m_dialect;
    QByteArray m_key;
};

} // namespace lanyard
