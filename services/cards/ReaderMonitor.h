#pragma once

#include "ReaderState.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <mutex>

class QThread;

namespace lanyard {

class PcscContext;

// Watches the PC/SC readers on its own thread and reports every change as a full picture.
// It outlives the smart card service: when pcscd stops, it reports the service as gone, and
// it keeps trying to establish a new context until pcscd is back.
class ReaderMonitor : public QObject {
    Q_OBJECT
public:
    explicit ReaderMonitor(QObject* parent = nullptr);
    ~ReaderMonitor() override; // stops the thread

    void start();
    void stop();

    // How often a missing service is looked for again.
    static constexpr int kServiceRetryMs = 500;

signals:
    // Emitted from the monitor thread; connect with the default (queued) connection.
    void readersChanged(const QList<lanyard::ReaderState>& readers);
    void serviceAvailableChanged(bool available);

private:
    void run();
    void publish(bool available, const QList<ReaderState>& readers);
    bool sleepUnlessStopping(int ms);

    QThread* m_thread = nullptr;
    std::atomic_bool m_stopping { false };
    std::mutex m_mutex; // guards m_current, which stop() cancels from another thread
    const PcscContext* m_current = nullptr;
    int m_lastAvailable = -1;
    QList<ReaderState> m_lastReaders;
};

} // namespace lanyard
