#include "LogonDialog.h"

#include "ErrorText.h"
#include "OperatorSessionController.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lanyard {

LogonDialog::LogonDialog(OperatorSessionController& session, const QString& demoHint, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("logonDialog"));
    setWindowTitle(tr("Log on to Lanyard"));
    auto* layout = new QVBoxLayout(this);
    m_engine = new QLabel(this);
    m_engine->setObjectName(QStringLiteral("logonEngine"));
    m_engine->setWordWrap(true);
    m_engine->hide();
    layout->addWidget(m_engine);
    if (!demoHint.isEmpty()) {
        auto* hint = new QLabel(demoHint, this);
        hint->setObjectName(QStringLiteral("demoHint"));
        hint->setWordWrap(true);
        layout->addWidget(hint);
    }
    auto* form = new QFormLayout;
    m_logon = new QLineEdit(this);
    m_logon->setObjectName(QStringLiteral("logonName"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Logon name:"), m_logon);
    form->addRow(tr("&Password:"), m_password);
    m_remember = new QCheckBox(tr("&Remember me on this computer"), this);
    m_remember->setObjectName(QStringLiteral("rememberMe"));
    m_remember->setToolTip(tr("Keeps your session in the system keychain, so the next start skips this dialog until the session expires or you log off."));
    m_remember->hide();
    form->addRow(QString(), m_remember);
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("logonMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto* connection = buttons->addButton(tr("&Connection…"), QDialogButtonBox::ResetRole);
    connection->setObjectName(QStringLiteral("connectionButton"));
    connect(connection, &QPushButton::clicked, this, &LogonDialog::connectionRequested);
    m_submit = buttons->addButton(tr("Log &on"), QDialogButtonBox::AcceptRole);
    m_submit->setObjectName(QStringLiteral("logonButton"));
    m_submit->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_submit, &QPushButton::clicked, this, &LogonDialog::submit);
    connect(&m_session, &OperatorSessionController::busyChanged, this, [this](bool busy) {
        m_submit->setEnabled(!busy);
        if (busy)
            m_message->setText(tr("Checking…"));
    });
    connect(&m_session, &OperatorSessionController::logonFailed, this, &LogonDialog::showError);
    connect(&m_session, &OperatorSessionController::loggedOn, this, &QDialog::accept);
}

void LogonDialog::setEngineDescription(const QString& text)
{
    m_engine->setText(text);
    m_engine->setVisible(!text.isEmpty());
}

void LogonDialog::setRememberMeAvailable(bool available)
{
    m_remember->setVisible(available);
    if (!available)
        m_remember->setChecked(false);
}

bool LogonDialog::rememberMe() const
{
    return m_remember->isChecked();
}

void LogonDialog::setMessage(const QString& text)
{
    m_message->setText(text);
}

void LogonDialog::setLogonName(const QString& logonName)
{
    m_logon->setText(logonName);
    m_password->setFocus();
}

void LogonDialog::submit()
{
    if (m_logon->text().trimmed().isEmpty()) {
        m_message->setText(tr("Enter your logon name."));
        m_logon->setFocus();
        return;
    }
    m_session.logon(m_logon->text(), m_password->text());
}

void LogonDialog::showError(const Error& error)
{
    m_message->setText(ErrorText::describe(error));
    m_password->selectAll();
    m_password->setFocus();
}

} // namespace lanyard
