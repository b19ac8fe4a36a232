#include "LogonDialog.h"

#include "ErrorText.h"
#include "OperatorSessionController.h"

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
    setWindowTitle(tr("Log on to Lanyard"));
    auto* layout = new QVBoxLayout(this);
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
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("logonMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_submit = buttons->addButton(tr("Log &on"), QDialogButtonBox::AcceptRole);
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
