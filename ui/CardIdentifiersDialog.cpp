#include "CardIdentifiersDialog.h"

#include "ErrorText.h"
#include "OperatorActions.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lanyard {

CardIdentifiersDialog::CardIdentifiersDialog(OperatorActions& actions, const Person& person, QWidget* parent)
    : QDialog(parent)
    , m_actions(new OperatorActions(actions.engine(), actions.session(), this))
    , m_person(person)
{
    setObjectName(QStringLiteral("cardIdentifiersDialog"));
    setWindowTitle(tr("PIV card of %1").arg(person.fullName));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("The derived-credential kiosk recognises %1 by these identifiers in their PIV card's certificate. "
                                "Leave a field empty if the card does not carry it.")
                                 .arg(person.fullName.toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    m_fascn = new QLineEdit(person.fascn, this);
    m_fascn->setObjectName(QStringLiteral("fascn"));
    m_fascn->setPlaceholderText(tr("32 digits, or the 25 bytes as 50 hex digits"));
    m_fascn->setMaxLength(100);
    m_uuid = new QLineEdit(person.cardUuid, this);
    m_uuid->setObjectName(QStringLiteral("cardUuid"));
    m_uuid->setPlaceholderText(tr("e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
    m_uuid->setMaxLength(100);
    form->addRow(tr("&FASC-N:"), m_fascn);
    form->addRow(tr("Card &UUID:"), m_uuid);
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("cardIdentifiersMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CardIdentifiersDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_actions, &OperatorActions::personLoaded, this, [this](const Person& p) {
        Q_EMIT saved(p);
        accept();
    });
    connect(m_actions, &OperatorActions::failed, this, [this](const Error& e) {
        // What was typed stays, so it can be corrected.
        m_message->setText(ErrorText::describe(e));
        m_buttons->button(QDialogButtonBox::Save)->setEnabled(true);
    });
}

void CardIdentifiersDialog::save()
{
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    m_message->setText(tr("Saving…"));
    m_actions->setCardIdentifiers(m_person.id, CardIdentifiers { m_fascn->text(), m_uuid->text() });
}

} // namespace lanyard
