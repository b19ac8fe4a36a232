#include "LogonDialog.h"

#include "CardLogon.h"
#include "CardPinController.h"
#include "ErrorText.h"
#include "OperatorSessionController.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
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
    m_pages = new QStackedWidget(this);
    auto* passwordPage = new QWidget(m_pages);
    auto* form = new QFormLayout(passwordPage);
    form->setContentsMargins(0, 0, 0, 0);
    m_logon = new QLineEdit(this);
    m_logon->setObjectName(QStringLiteral("logonName"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Logon name:"), m_logon);
    form->addRow(tr("&Password:"), m_password);
    m_pages->addWidget(passwordPage);
    layout->addWidget(m_pages);
    m_remember = new QCheckBox(tr("&Remember me on this computer"), this);
    m_remember->setObjectName(QStringLiteral("rememberMe"));
    m_remember->setToolTip(tr("Keeps your session in the system keychain, so the next start skips this dialog until the session expires or you log off."));
    m_remember->hide();
    layout->addWidget(m_remember);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("logonMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_mode = buttons->addButton(tr("Use my ca&rd"), QDialogButtonBox::ActionRole);
    m_mode->setObjectName(QStringLiteral("logonModeButton"));
    m_mode->setAutoDefault(false);
    m_mode->hide();
    connect(m_mode, &QPushButton::clicked, this, [this] { showCardPage(m_pages->currentIndex() == 0); });
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

void LogonDialog::offerCardLogon()
{
    if (m_cards)
        return;
    m_cards = new CardPinController(this);
    m_cardLogon = new CardLogon(m_session, *m_cards, this);
    auto* page = new QWidget(m_pages);
    auto* v = new QVBoxLayout(page);
    v->setContentsMargins(0, 0, 0, 0);
    m_cardState = new QLabel(page);
    m_cardState->setObjectName(QStringLiteral("logonCardState"));
    m_cardState->setWordWrap(true);
    v->addWidget(m_cardState);
    auto* form = new QFormLayout;
    m_pin = new QLineEdit(page);
    m_pin->setObjectName(QStringLiteral("logonPin"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setMaxLength(8);
    form->addRow(tr("Card &PIN:"), m_pin);
    v->addLayout(form);
    m_cardTries = new QLabel(page);
    m_cardTries->setObjectName(QStringLiteral("logonCardTries"));
    QFont bold = m_cardTries->font();
    bold.setBold(true);
    m_cardTries->setFont(bold);
    v->addWidget(m_cardTries);
    m_pages->addWidget(page);
    connect(m_cards, &CardPinController::cardChanged, this, &LogonDialog::updateCardState);
    connect(m_cards, &CardPinController::statusChanged, this, &LogonDialog::updateCardState);
    connect(m_cards, &CardPinController::failed, this, [this](const Error& e) { m_message->setText(ErrorText::describe(e)); });
    m_mode->show();
    m_cards->start();
    updateCardState();
}

void LogonDialog::showCardPage(bool card)
{
    m_pages->setCurrentIndex(card ? 1 : 0);
    m_mode->setText(card ? tr("Use my pass&word") : tr("Use my ca&rd"));
    m_message->clear();
    if (card && !m_cards->busy())
        m_cards->refresh(); // tries left as they are now
    if (card)
        m_pin->setFocus();
    else
        m_logon->setFocus();
    updateCardState();
}

void LogonDialog::updateCardState()
{
    if (!m_cards)
        return;
    const PinStatus& s = m_cards->pinStatus();
    if (!m_cards->serviceAvailable())
        m_cardState->setText(ErrorText::describe(Error(ErrorCode::PcscUnavailable)));
    else if (!m_cards->hasCard())
        m_cardState->setText(tr("Insert your card into the reader."));
    else if (s.triesLeft < 0 && !s.triesUnknown)
        m_cardState->setText(tr("Reading your card…"));
    else
        m_cardState->setText(tr("Card found. Type its PIN."));
    if (m_cards->hasCard() && s.triesUnknown)
        m_cardTries->setText(tr("PIN attempts left: unknown (this card does not tell)."));
    else if (!m_cards->hasCard() || s.triesLeft < 0)
        m_cardTries->clear();
    else if (s.blocked)
        m_cardTries->setText(tr("The card's PIN is blocked. Log on with your password and unblock it, or ask the helpdesk."));
    else
        m_cardTries->setText(tr("PIN attempts left: %1").arg(s.triesLeft));
}

void LogonDialog::submit()
{
    if (m_cards && m_pages->currentIndex() == 1) {
        if (!m_cards->hasCard()) {
            m_message->setText(tr("Insert your card into the reader first."));
            return;
        }
        m_cardLogon->logon(m_pin->text());
        return;
    }
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
    if (m_cards && m_pages->currentIndex() == 1) {
        m_pin->selectAll();
        m_pin->setFocus();
        return;
    }
    m_password->selectAll();
    m_password->setFocus();
}

} // namespace lanyard
