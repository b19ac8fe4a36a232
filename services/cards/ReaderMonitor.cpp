#include "ReaderMonitor.h"

#include "PcscContext.h"

#include <QLoggingCategory>
#include <QThread>

namespace lanyard {

Q_LOGGING_CATEGORY(lcReaders, "lanyard.cards.readers")

namespace {
constexpr int kWaitMs = 2000; // bounded so a lost wake-up never hangs the thread
} // namespace

ReaderMonitor::ReaderMonitor(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<QList<ReaderState>>();
}

ReaderMonitor::~ReaderMonitor()
{
    stop();
}

void ReaderMonitor::start()
{
    if (m_thread)
        return;
    m_stopping = false;
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(QStringLiteral("ReaderMonitor"));
    m_thread->start();
}

void ReaderMonitor::stop()
{
    if (!m_thread)
        return;
    m_stopping = true;
    {
        std::lock_guard lock(m_mutex);
        if (m_current)
            m_current->cancel();
    }
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

bool ReaderMonitor::sleepUnlessStopping(int ms)
{
    for (int slept = 0; slept < ms && !m_stopping; slept += 50)
        QThread::msleep(50);
    return !m_stopping;
}

void ReaderMonitor::publish(bool available, const QList<ReaderState>& readers)
{
    const bool first = m_lastAvailable == -1;
    if (int(available) != m_lastAvailable) {
        m_lastAvailable = int(available);
        qCInfo(lcReaders) << "smart card service" << (available ? "available" : "not available");
        emit serviceAvailableChanged(available);
    }
    if (first || readers != m_lastReaders) {
        m_lastReaders = readers;
        emit readersChanged(readers);
    }
}

void ReaderMonitor::run()
{
    while (!m_stopping) {
        auto context = PcscContext::establish();
        if (!context) {
            publish(false, {});
            sleepUnlessStopping(kServiceRetryMs);
            continue;
        }
        {
            std::lock_guard lock(m_mutex);
            m_current = &*context;
        }
        QList<ReaderState> states;
        bool serviceGone = false;
        while (!m_stopping && !serviceGone) {
            auto names = context->readers();
            if (!names) {
                serviceGone = names.error().code == ErrorCode::PcscUnavailable;
                if (!serviceGone)
                    sleepUnlessStopping(kServiceRetryMs);
                continue;
            }
            // Keep what is known about readers that are still there; new ones start empty
            // so the first wait reports their real state at once.
            QList<ReaderState> next;
            for (const QString& name : *names) {
                ReaderState s;
                s.name = name;
                for (const ReaderState& old : std::as_const(states)) {
                    if (old.name == name)
                        s = old;
                }
                next.append(s);
            }
            states = next;
            // Settle the card states before publishing: a zero-timeout wait fills them in.
            auto settled = context->waitForChange(states, 0);
            if (!settled && settled.error().code == ErrorCode::PcscUnavailable) {
                serviceGone = true;
                continue;
            }
            publish(true, states);
            auto changed = context->waitForChange(states, kWaitMs);
            if (!changed) {
                serviceGone = changed.error().code == ErrorCode::PcscUnavailable;
                if (!serviceGone) {
                    qCWarning(lcReaders) << changed.error().toLogString();
                    sleepUnlessStopping(kServiceRetryMs);
                }
            }
        }
        {
            std::lock_guard lock(m_mutex);
            m_current = nullptr;
        }
        if (serviceGone) {
            publish(false, {});
            sleepUnlessStopping(kServiceRetryMs);
        }
    }
}

} // namespace lanyard
