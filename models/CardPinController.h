#pragma once

#include "cards/CardAccess.h"
#include "cards/PivSigner.h"
#include "cards/ReaderMonitor.h"

#include <QObject>
#include <QThreadPool>

namespace lanyard {

// The holder's PIN work on the card in the reader, off the GUI thread: Change PIN, Unblock
// PIN, and proving they hold the card (for a logon). The tries left are read from the card
// after every attempt so the screen can always show them, and the card's PIV Authentication
// certificate is read when it is inserted, so Self-Service can ask the engine about it.
class CardPinController : public QObject {
    Q_OBJECT
public:
    explicit CardPinController(QObject* parent = nullptr);
    ~CardPinController() override;

    void start();
    bool hasCard() const { return !m_reader.isEmpty(); }
    bool serviceAvailable() const { return m_serviceAvailable; }
    bool busy() const { return m_busy; }
    const PinStatus& pinStatus() const { return m_status; }
    // DER; empty until read, and for a card without one.
    const QByteArray& certificate() const { return m_certificate; }

    // VERIFY with `pin`, then the card signs `challenge` with its PIV Authentication key. The
    // card is reset afterwards, so the verified PIN does not stay usable.
    QFuture<Result<PivSigner::HolderProof>> prove(const QString& pin, const QByteArray& challenge);

public Q_SLOTS:
    // Reads the tries left again: another program may have used the card meanwhile.
    void refresh();
    void changePin(const QString& current, const QString& replacement);
    void unblockPin(const QString& puk, const QString& replacement);

Q_SIGNALS:
    void cardChanged(); // inserted, removed, or the service came or went
    void statusChanged(const lanyard::PinStatus& status);
    void succeeded(const QString& what);
    void failed(const lanyard::Error& error);

private:
    void onReaders(const QList<ReaderState>& readers);
    void readCard();
    void runOnCard(std::function<Result<void>(PivClient&)> work, const QString& what);

    QThreadPool m_cardThread;
    CardAccess m_cards;
    ReaderMonitor m_monitor;
    QString m_reader;
    bool m_serviceAvailable = true;
    bool m_busy = false;
    PinStatus m_status;
    QByteArray m_certificate;
    quint64 m_generation = 0;
};

} // namespace lanyard
