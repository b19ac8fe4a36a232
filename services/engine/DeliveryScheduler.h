#pragma once

#include "Notification.h"
#include "core/Result.h"

#include <QFuture>
#include <QObject>
#include <QTimer>

#include <functional>

namespace lanyard {

// When the outbox is worked through: on a beat, and soon after a request queued messages,
// never two passes at once and at most one waiting (one asked for while a pass runs follows
// it, so nothing queued meanwhile waits a whole beat). The same beat does the housekeeping
// (collections whose phone went away, incident holds that ran out). Lives on the thread of its parent.
class DeliveryScheduler : public QObject {
    Q_OBJECT
public:
    using Pass = std::function<QFuture<Result<DeliveryReport>>()>;
    using Sweep = std::function<QFuture<Result<int>>()>;

    DeliveryScheduler(int intervalMs, Pass deliver, Sweep housekeeping, QObject* parent);

    // Starts the beat with a first pass.
    void start();
    // A pass in a moment.
    void soon();

private:
    void runPass();
    void sweep();

    Pass m_deliver;
    Sweep m_housekeeping;
    QTimer m_beat;
    bool m_scheduled = false;
    bool m_running = false;
};

} // namespace lanyard
