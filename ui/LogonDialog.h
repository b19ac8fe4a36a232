#pragma once

#include "core/Error.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace lanyard {

class CardLogon;
class CardPinController;
class OperatorSessionController;

// Logon name and password, or (where offered) the card Lanyard issued and its PIN; stays
// responsive while the engine checks them and shows the engine's answer in place. In demo
// mode it shows the demo operator's credentials.
class LogonDialog : public QDialog {
    Q_OBJECT
public:
    LogonDialog(OperatorSessionController& session, const QString& demoHint, QWidget* parent = nullptr);

    // Which engine the operator logs on to, shown above the form.
    void setEngineDescription(const QString& text);
    // "Remember me" only makes sense for a server: the token goes to the system keychain.
    void setRememberMeAvailable(bool available);
    bool rememberMe() const;
    void setMessage(const QString& text);
    void setLogonName(const QString& logonName);
    // Adds "Use my card": the card in the reader, its PIN and tries left (Self-Service).
    void offerCardLogon();
    CardPinController* cards() const { return m_cards; }

Q_SIGNALS:
    // The operator wants to choose another engine.
    void connectionRequested();

private:
    void submit();
    void showError(const Error& error);
    void showCardPage(bool card);
    void updateCardState();

    OperatorSessionController& m_session;
    QLineEdit* m_logon = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_engine = nullptr;
    QCheckBox* m_remember = nullptr;
    QPushButton* m_submit = nullptr;
    QStackedWidget* m_pages = nullptr;
    QPushButton* m_mode = nullptr;
    // Card logon, when offered.
    CardPinController* m_cards = nullptr;
    CardLogon* m_cardLogon = nullptr;
    QLabel* m_cardState = nullptr;
    QLabel* m_cardTries = nullptr;
    QLineEdit* m_pin = nullptr;
};

} // namespace lanyard
