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
    m_certificate.clear();
    m_busy = false;
    Q_EMIT cardChanged();
    if (!m_reader.isEmpty())
        readCard();
}

void CardPinController::readCard()
{
    struct Read {
        PinStatus status;
        QByteArray certificate;
    };
    const quint64 generation = m_generation;
    auto read = m_cards.run<Read>(m_reader, [](PivClient& piv) -> Result<Read> {
        auto status = piv.pinStatus();
        if (!status)
            return status.error();
        // A card without a certificate still has a PIN to change.
        auto certificate = piv.readCertificate(PivSlot::Authentication);
        return Read { *status, certificate ? *certificate : QByteArray() };
    });
    whenFinished(read, this, [this, generation](const Result<Read>& read) {
        if (generation != m_generation)
            return;
        if (!read)
            return Q_EMIT failed(read.error());
        m_status = read->status;
        m_certificate = read->certificate;
        Q_EMIT statusChanged(m_status);
    });
}

void CardPinController::refresh()
{
    if (m_reader.isEmpty())
        return;
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

QFuture<Result<PivSigner::HolderProof>> CardPinController::prove(const QString& pin, const QByteArray& challenge)
{
    using Proof = Result<PivSigner::HolderProof>;
    if (m_reader.isEmpty())
        return QtFuture::makeReadyFuture(Proof(ErrorCode::NoCard, QStringLiteral("no card in the reader")));
    if (m_busy)
        return QtFuture::makeReadyFuture(Proof(ErrorCode::CardError, QStringLiteral("the card is busy with another operation")));
    if (auto format = PivClient::checkPinFormat(PinReference::Pin, pin); !format)
        return QtFuture::makeReadyFuture(Proof(format.error())); // a slip of the finger costs no try
    m_busy = true;
    Q_EMIT cardChanged();
    const quint64 generation = m_generation;
    auto proof = m_cards.run<PivSigner::HolderProof>(
        m_reader, [pin, challenge](PivClient& piv) { return PivSigner::proveHolder(piv, pin, challenge); }, true);
    whenFinished(proof, this, [this, generation](const Proof&) {
        if (generation != m_generation)
            return;
        m_busy = false;
        refresh();
    });
    return proof;
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
