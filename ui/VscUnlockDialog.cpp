#include "VscUnlockDialog.h"

#include "DomainText.h"
#include "ErrorText.h"
#include "OperatorActions.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lanyard {

VscUnlockDialog::VscUnlockDialog(const OperatorActions& actions, const Device& device, QWidget* parent)
    : QDialog(parent)
    , m_actions(new OperatorActions(actions.engine(), actions.session(), this))
    , m_device(device)
{
    setObjectName(QStringLiteral("vscUnlock"));
    setWindowTitle(tr("Unlock VSC Temporary Access — %1").arg(device.serial));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Ask %1 to read out the challenge Windows shows for the locked card on %2, type it here and read back the response.")
                                 .arg(device.ownerName, device.dnsName.isEmpty() ? tr("their computer") : device.dnsName),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    m_duration = new QComboBox(this);
    m_duration->setObjectName(QStringLiteral("unlockDuration"));
    for (int hours : temporaryAccessHours()) {
        const QString label = hours == 0 ? tr("Unrestricted access") : hours < 24 ? tr("%n hour(s)", nullptr, hours) : tr("%n day(s)", nullptr, hours / 24);
        m_duration->addItem(label, hours);
    }
    form->addRow(tr("&Unlocked for:"), m_duration);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("unlockReason"));
    form->addRow(tr("&Reason:"), m_reason);
    m_challenge = new QLineEdit(this);
    m_challenge->setObjectName(QStringLiteral("vscChallenge"));
    m_challenge->setPlaceholderText(tr("e.g. A892 D756 0161 7C5D"));
    form->addRow(tr("&Challenge:"), m_challenge);
    m_response = new QLabel(this);
    m_response->setObjectName(QStringLiteral("vscResponse"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSize(qMax(20, mono.pointSize() * 2));
    mono.setBold(true);
    m_response->setFont(mono);
    m_response->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Response:"), m_response);
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("vscUnlockMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto* outcome = new QHBoxLayout;
    m_worked = new QPushButton(tr("Yes, it &unlocked"), this);
    m_worked->setObjectName(QStringLiteral("unlockWorked"));
    m_retry = new QPushButton(tr("&No, try again"), this);
    m_retry->setObjectName(QStringLiteral("unlockRetry"));
    outcome->addWidget(new QLabel(tr("Did the card unlock?"), this));
    outcome->addWidget(m_worked);
    outcome->addWidget(m_retry);
    outcome->addStretch(1);
    layout->addLayout(outcome);
    m_worked->setEnabled(false);
    m_retry->setEnabled(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_generate = buttons->addButton(tr("&Generate"), QDialogButtonBox::ActionRole);
    m_generate->setObjectName(QStringLiteral("generateResponse"));
    m_generate->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_generate, &QPushButton::clicked, this, &VscUnlockDialog::generate);
    connect(m_challenge, &QLineEdit::returnPressed, this, &VscUnlockDialog::generate);
    connect(m_worked, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        m_response->clear();
        m_challenge->clear();
        m_challenge->setFocus();
        m_worked->setEnabled(false);
        m_retry->setEnabled(false);
        m_message->setText(tr("Ask for the challenge Windows shows now (it changes with each attempt) and generate again."));
    });
    connect(m_actions, &OperatorActions::temporaryAccessGranted, this, [this](const TemporaryAccess& access) {
        m_response->setText(access.response);
        QString said = access.relockJob.id ? tr("Read the response out. The card locks again at %1.").arg(DomainText::dateTime(access.relockJob.scheduledAt))
                                           : tr("Read the response out. The card stays unlocked.");
        if (access.childEnabled)
            said += QLatin1Char(' ')
                + (access.enabledUntil.isValid() ? tr("It was disabled for its parent card and works again until %1.").arg(DomainText::dateTime(access.enabledUntil))
                                                 : tr("It was disabled for its parent card and works again for good."));
        m_message->setText(said);
        m_worked->setEnabled(true);
        m_retry->setEnabled(true);
    });
    // What was typed stays for correction.
    connect(m_actions, &OperatorActions::failed, this, [this](const Error& e) { m_message->setText(ErrorText::describe(e)); });
}

void VscUnlockDialog::generate()
{
    m_response->clear();
    m_message->setText(tr("Working…"));
    m_actions->temporaryUnlock(m_device.id, m_challenge->text(), m_duration->currentData().toInt(), m_reason->text());
}

} // namespace lanyard
