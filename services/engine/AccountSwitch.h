#pragma once

#include "EngineContext.h"
#include "core/Result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace lanyard {

// What disabling and enabling an account does to everything the person holds, the same
// whoever decides it (an operator, or the directory). No permission checks and no audit:
// the caller has decided and records it; the caller's transaction holds it all.
class AccountSwitch {
public:
    AccountSwitch(const EngineContext& context, QSqlDatabase db);

    // Ends the person's sessions, disables their active devices with certificates on hold
    // (marked as disabled with the account), cancels devices still being collected, open
    // requests and collections. Returns what it did, for the audit.
    Result<QStringList> disable(qint64 personId, const QString& reason);
    // Enables the account and, when `devicesToo`, the devices the disabling disabled, and
    // only those; either way that offer is made once.
    Result<QStringList> enable(qint64 personId, const QString& reason, bool devicesToo);
    // Cancels the person's open requests and the collections under way; returns how many.
    Result<int> cancelOpenWork(qint64 personId, const QString& reason);

private:
    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
