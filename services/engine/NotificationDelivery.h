#pragma once

#include "EngineContext.h"
#include "Notification.h"
#include "Settings.h"
#include "notify/CurlTransport.h"

#include <QSqlDatabase>

namespace lanyard {

// One delivery pass, run on an engine worker thread: queue renewal reminders that are due,
// then send what the outbox holds, by SMTP or the SMS gateway, recording every outcome.
class NotificationDelivery {
public:
    NotificationDelivery(const EngineContext& context, QSqlDatabase db);

    Result<DeliveryReport> run(int batch = 50);
    Result<int> queueRenewalReminders(const Settings& settings);

    // "+44 (0)7700 900-123" -> "00447700900123": what email-to-SMS gateways expect.
    static QString gatewayNumber(const QString& mobile);
    // The mail server the settings name.
    static SmtpServer smtpServer(const Settings& settings);

private:
    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
