#include "CardPinController.h"

#include "core/WhenFinished.h"

namespace lanyard {

CardPinController::CardPinController(QObject* parent)
    : QObject(parent)
    , m_cards(&m_cardThread)
{
    m_cardThread.setMaxThreadCount(1);
    connect(&m_monitor, &ReaderMonitor::readersChanged, this, &CardPinController::onReaders);
    connect(&m_monitor, &ReaderMonitor::serviceAvailableChanged, this, [this](bool available) {
        m_serviceAvailable = available;
        Q_EMIT cardChanged();
    });
}

CardPinController::~CardPinController()
{
    m_monitor.stop();
    m_cardThread.waitForDone();
}

void CardPinController::start()
{
    m_monitor.start();
}

void CardPinController::onReaders(const QList<ReaderState>& readers)
{
    QString reader;
    for (const ReaderState& r : readers) {
        if (r.cardPresent) {
            reader = r.name;
            break;
        }
    }
    if (reader == m_reader)
        return;
    ++m_generation;
    m_reader = reader;
    m_status = {};
    m_busy = false;
    Q_EMIT cardChanged();
    if (!m_reader.isEmpty())
        refresh();
}

void CardPinController::refresh()
{
    const quint64 generation = m_generation;
    whenFinished(m_cards.run<PinStatus>(m_reader, [](PivClient& piv) { return piv.pinStatus(); }), this,
        [this, generation](const Result<PinStatus>& status) {
            if (generation != m_generation)
                return;
            if (!status)
                return Q_EMIT failed(status.error());
            m_status = *status;
            Q_EMIT statusChanged(m_status);
        });
}

void CardPinController::runOnCard(std::function<Result<void>(PivClient&)> work, const QString& what)
{
    if (m_reader.isEmpty() || m_busy)
        return;
    m_busy = true;
    const quint64 generation = m_generation;
    // Reset afterwards: a PIN verified by changing it stays no longer than this operation.
    whenFinished(m_cards.run<void>(m_reader, std::move(work), true), this, [this, generation, what](const Result<void>& done) {
        if (generation != m_generation)
            return;
        m_busy = false;
        if (done)
            Q_EMIT succeeded(what);
        else
            Q_EMIT failed(done.error());
        refresh();
    });
}

void CardPinController::changePin(const QString& current, const QString& replacement)
{
    runOnCard([current, replacement](PivClient& piv) { return piv.changeReference(PinReference::Pin, current, replacement); }, QStringLiteral("change-pin"));
}

void CardPinController::unblockPin(const QString& puk, const QString& replacement)
{
    runOnCard([puk, replacement](PivClient& piv) { return piv.resetRetryCounter(puk, replacement); }, QStringLiteral("unblock-pin"));
}

} // namespace lanyard
