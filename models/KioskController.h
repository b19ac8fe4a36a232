#pragma once

#include "cards/CardAccess.h"
#include "cards/ReaderMonitor.h"
#include "engine/Engine.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

namespace lanyard {

// The derived-credential kiosk as a state machine, without widgets: insert card → the card's
// certificate and CHUID are read and checked by the engine → PIN (tries left shown) → the
// card signs the engine's challenge → the request is made → QR codes and code. Pulling the
// card out at any step, or leaving the kiosk idle, clears everything and starts again.
class KioskController : public QObject {
    Q_OBJECT
public:
    enum class Step { InsertCard, Reading, EnterPin, Working, Problem, Collect };
    Q_ENUM(Step)

    KioskController(Engine& engine, OperatorSession session, QObject* parent = nullptr);
    ~KioskController() override;

    void start();

    Step step() const { return m_step; }
    bool serviceAvailable() const { return m_serviceAvailable; }
    // A card is in, but its turn is over (timed out or refused): it must come out first.
    bool waitingForRemoval() const { return m_step == Step::InsertCard && !m_reader.isEmpty(); }
    const Error& problem() const { return m_problem; }
    int triesLeft() const { return m_triesLeft; }
    const ParentCardCheck& holder() const { return m_check; }
    const IssuedRequest& request() const { return m_request; }
    int idleSeconds() const { return m_idle.interval() / 1000; }

public Q_SLOTS:
    void submitPin(const QString& pin);
    void touch(); // the user did something: the idle timeout starts again
    void startOver(); // back to "insert card", forgetting everything

Q_SIGNALS:
    void stepChanged(lanyard::KioskController::Step step);
    void pinRejected(const lanyard::Error& error); // stays on EnterPin; tries left updated
    void serviceAvailableChanged(bool available);

private:
    struct CardRead {
        QByteArray certificate;
        ParentCard parent;
        int triesLeft = -1;
        bool blocked = false;
    };
    void onReaders(const QList<ReaderState>& readers);
    void begin(const QString& reader);
    void setStep(Step step);
    void fail(const Error& error);
    void onCardRead(const Result<CardRead>& read);

    Engine& m_engine;
    OperatorSession m_session;
    QThreadPool m_cardThread; // one card operation at a time
    CardAccess m_cards;
    ReaderMonitor m_monitor;
    QTimer m_idle;
    Step m_step = Step::InsertCard;
    bool m_serviceAvailable = true;
    quint64 m_generation = 0; // answers for an earlier card are dropped
    QString m_reader;
    ParentCard m_card;
    ParentCardCheck m_check;
    IssuedRequest m_request;
    Error m_problem;
    int m_triesLeft = -1;
};

} // namespace lanyard
