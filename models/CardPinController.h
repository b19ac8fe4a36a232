#pragma once

#include "cards/CardAccess.h"
#include "cards/ReaderMonitor.h"

#include <QObject>
#include <QThreadPool>

namespace lanyard {

// Change PIN and Unblock PIN for the card in the reader, off the GUI thread, with the tries
// left read from the card after every attempt so the screen can always show them.
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

public Q_SLOTS:
    void changePin(const QString& current, const QString& replacement);
    void unblockPin(const QString& puk, const QString& replacement);

Q_SIGNALS:
    void cardChanged(); // inserted, removed, or the service came or went
    void statusChanged(const lanyard::PinStatus& status);
    void succeeded(const QString& what);
    void failed(const lanyard::Error& error);

private:
    void onReaders(const QList<ReaderState>& readers);
    void refresh();
    void runOnCard(std::function<Result<void>(PivClient&)> work, const QString& what);

    QThreadPool m_cardThread;
    CardAccess m_cards;
    ReaderMonitor m_monitor;
    QString m_reader;
    bool m_serviceAvailable = true;
    bool m_busy = false;
    PinStatus m_status;
    quint64 m_generation = 0;
};

} // namespace lanyard
