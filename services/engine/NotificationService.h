#pragma once

#include "AccessControl.h"
#include "EngineContext.h"
#include "Notification.h"

#include <QSqlDatabase>

namespace lanyard {

// What an operator may do with a request's messages: see them (for a request they can see)
// and send one again while its code is still live. The outbox below keeps them; the planner
// decides which a request sends; delivery sends them.
class NotificationService {
public:
    NotificationService(const EngineContext& context, QSqlDatabase db);

    Result<QList<Notification>> forJob(const AccessControl& ac, qint64 jobId);
    // Queues the message again, audited; refused once the request no longer waits for
    // collection, and for a message that is still on its way or was replaced.
    Result<Notification> resend(const AccessControl& ac, qint64 notificationId);

private:
    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
