#pragma once

#include <QObject>

namespace lanyard {

class CardPinController;
class OperatorSessionController;

// Logs the holder on with the card in the reader: the engine's challenge, signed on the card
// after the PIN, then checked by the engine against the certificate it issued to them. The
// outcome arrives through the session controller (loggedOn or logonFailed), like a password
// logon, and the tries left through the card controller.
class CardLogon : public QObject {
    Q_OBJECT
public:
    CardLogon(OperatorSessionController& session, CardPinController& cards, QObject* parent = nullptr);

public Q_SLOTS:
    void logon(const QString& pin);

private:
    OperatorSessionController& m_session;
    CardPinController& m_cards;
};

} // namespace lanyard
