#include "DeliveryScheduler.h"

#include "core/WhenFinished.h"

#include <QLoggingCategory>

namespace lanyard {

namespace {
Q_LOGGING_CATEGORY(lcDelivery, "lanyard.engine")
constexpr int kSoonMs = 100;
} // namespace

DeliveryScheduler::DeliveryScheduler(int intervalMs, Pass deliver, Sweep housekeeping, QObject* parent)
    : QObject(parent)
    , m_deliver(std::move(deliver))
    , m_housekeeping(std::move(housekeeping))
{
    m_beat.setInterval(intervalMs);
    connect(&m_beat, &QTimer::timeout, this, &DeliveryScheduler::soon);
    connect(&m_beat, &QTimer::timeout, this, &DeliveryScheduler::sweep);
}

void DeliveryScheduler::start()
{
    m_beat.start();
    soon();
}

void DeliveryScheduler::soon()
{
    if (m_scheduled)
        return;
    m_scheduled = true;
    QTimer::singleShot(kSoonMs, this, [this] {
        m_scheduled = false;
        if (m_running) {
            soon();
            return;
        }
        runPass();
    });
}

void DeliveryScheduler::runPass()
{
    m_running = true;
    whenFinished(m_deliver(), this, [this](Result<DeliveryReport> report) {
        m_running = false;
        if (!report)
            qCWarning(lcDelivery).noquote() << "Notification delivery:" << report.error().toLogString();
        else if (report->sent + report->failed + report->retrying > 0)
            qCInfo(lcDelivery) << "Notifications sent" << report->sent << "retrying" << report->retrying << "failed" << report->failed;
    });
}

void DeliveryScheduler::sweep()
{
    whenFinished(m_housekeeping(), this, [](Result<int> n) {
        if (!n)
            qCWarning(lcDelivery).noquote() << "Housekeeping:" << n.error().toLogString();
        else if (*n > 0)
            qCInfo(lcDelivery) << "Interrupted collections rolled back and held devices revoked:" << *n;
    });
}

} // namespace lanyard
