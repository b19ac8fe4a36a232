#pragma once

#include "AccessControl.h"
#include "AuditEvent.h"
#include "storage/DatabaseConfig.h"
#include "core/Result.h"

#include <QSqlDatabase>

namespace lanyard {

// The append-only, hash-chained audit trail. Each row stores the hash of the previous row and
// its own hash over its fields, so an edited, removed or reordered row breaks the chain.
class AuditLog {
public:
    AuditLog(QSqlDatabase db, SqlDialect dialect);

    // Appends inside the caller's transaction; fills seq, prevHash and hash.
    Result<AuditEvent> append(AuditEvent event);
    Result<QList<AuditEvent>> find(const AuditQuery& query, const QList<qint64>& personScope = {}, bool scoped = false);
    Result<AuditVerification> verify();

    static QString computeHash(const AuditEvent& e);
    // A successful event by the operator, or by the system when ac is null.
    static AuditEvent event(const QDateTime& at, const AccessControl* ac, const QString& workflow, const QString& targetType,
        const QString& targetId, const QString& targetLabel, const QString& details = {});

private:
    QSqlDatabase m_db;
    SqlDialect m_dialect;
};

} // namespace lanyard
