#include "AccountActionDialog.h"

#include "ErrorText.h"
#include "OperatorActions.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lanyard {

AccountActionDialog::AccountActionDialog(OperatorActions& actions, const Person& person, Kind kind, int activeDevices, int disabledWithAccount, QWidget* parent)
    : QDialog(parent)
    , m_actions(new OperatorActions(actions.engine(), actions.session(), this))
    , m_person(person)
    , m_kind(kind)
{
    setObjectName(QStringLiteral("accountActionDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel(this);
    text->setObjectName(QStringLiteral("accountActionText"));
    text->setWordWrap(true);
    layout->addWidget(text);
    auto* form = new QFormLayout;
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("accountReason"));
    m_reason->setMaxLength(2000);
    auto* buttons = new QDialogButtonBox(this);
    QPushButton* keep = nullptr;
    const QString who = person.fullName.toHtmlEscaped();
    switch (kind) {
    case Kind::Disable:
        setWindowTitle(tr("Disable the account of %1").arg(person.fullName));
        text->setText(tr("<p>Disable the account of <b>%1</b> (%2)?</p><p>Their sessions end at once, their open requests are cancelled, and %3 "
                         "disabled with their certificates on hold until the account is enabled again.</p>")
                          .arg(who, person.logonName.toHtmlEscaped(), tr("%n active device(s) are", nullptr, activeDevices)));
        m_reason->setPlaceholderText(tr("required; kept in the audit"));
        form->addRow(tr("&Reason:"), m_reason);
        m_act = buttons->addButton(tr("&Disable account"), QDialogButtonBox::AcceptRole);
        keep = buttons->addButton(tr("&Keep enabled"), QDialogButtonBox::RejectRole);
        break;
    case Kind::Enable:
        setWindowTitle(tr("Enable the account of %1").arg(person.fullName));
        text->setText(tr("<p>Enable the account of <b>%1</b> (%2)? They can log on and be issued credentials again.</p>").arg(who, person.logonName.toHtmlEscaped()));
        m_devicesToo = new QCheckBox(tr("Also enable the %n device(s) disabled with the account, and release their certificates", nullptr, disabledWithAccount), this);
        m_devicesToo->setObjectName(QStringLiteral("accountDevicesToo"));
        m_devicesToo->setChecked(disabledWithAccount > 0);
        m_devicesToo->setVisible(disabledWithAccount > 0);
        form->addRow(m_devicesToo);
        m_reason->setPlaceholderText(tr("optional; kept in the audit"));
        form->addRow(tr("&Note:"), m_reason);
        m_act = buttons->addButton(tr("&Enable account"), QDialogButtonBox::AcceptRole);
        keep = buttons->addButton(tr("Keep &disabled"), QDialogButtonBox::RejectRole);
        break;
    case Kind::Remove:
        setWindowTitle(tr("Remove %1").arg(person.fullName));
        text->setText(tr("<p>Remove <b>%1</b> (%2)?</p><p>Nobody finds them any more, they cannot log on, and their logon name is not given to anyone "
                         "again. Their cancelled devices, certificates and history stay in the records.</p>")
                          .arg(who, person.logonName.toHtmlEscaped()));
        m_reason->setPlaceholderText(tr("required; kept in the audit"));
        form->addRow(tr("&Reason:"), m_reason);
        m_act = buttons->addButton(tr("&Remove person"), QDialogButtonBox::AcceptRole);
        keep = buttons->addButton(tr("&Keep person"), QDialogButtonBox::RejectRole);
        break;
    }
    m_act->setObjectName(QStringLiteral("accountAct"));
    m_act->setAutoDefault(false);
    keep->setObjectName(QStringLiteral("accountKeep"));
    keep->setDefault(kind != Kind::Enable); // Enter never disables or removes
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("accountMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(520);
    connect(m_reason, &QLineEdit::textEdited, m_message, &QLabel::clear);
    connect(buttons, &QDialogButtonBox::accepted, this, &AccountActionDialog::act);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_actions, &OperatorActions::personLoaded, this, [this](const Person& p) {
        Q_EMIT changed(p);
        accept();
    });
    connect(m_actions, &OperatorActions::personRemoved, this, [this](qint64 id) {
        Q_EMIT removed(id);
        accept();
    });
    connect(m_actions, &OperatorActions::failed, this, [this](const Error& e) {
        m_message->setText(ErrorText::describe(e));
        m_act->setEnabled(true);
    });
}

void AccountActionDialog::act()
{
    if (m_kind != Kind::Enable && m_reason->text().trimmed().isEmpty()) {
        m_message->setText(tr("Give a reason: it is kept in the audit."));
        m_reason->setFocus();
        return;
    }
    m_act->setEnabled(false);
    m_message->setText(tr("Working…"));
    if (m_kind == Kind::Remove)
        m_actions->removePerson(m_person.id, m_reason->text());
    else
        m_actions->setAccountEnabled(m_person.id, m_kind == Kind::Enable, m_reason->text(), m_devicesToo && m_devicesToo->isChecked());
}

} // namespace lanyard
