#pragma once

#include "core/Error.h"

#include <QDialog>

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

private:
    void submit();
    void showError(const Error& error);

    OperatorSessionController& m_session;
    QLineEdit* m_logon = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_submit = nullptr;
};

} // namespace lanyard
