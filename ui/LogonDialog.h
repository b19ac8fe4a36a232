#pragma once

#include "core/Error.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace lanyard {

class OperatorSessionController;

// Logon name and password; stays responsive while the engine checks them and shows the
// engine's answer in place. In demo mode it shows the demo operator's credentials.
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

Q_SIGNALS:
    // The operator wants to choose another engine.
    void connectionRequested();

private:
    void submit();
    void showError(const Error& error);

    OperatorSessionController& m_session;
    QLineEdit* m_logon = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_engine = nullptr;
    QCheckBox* m_remember = nullptr;
    QPushButton* m_submit = nullptr;
};

} // namespace lanyard
