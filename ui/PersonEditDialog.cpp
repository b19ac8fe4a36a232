#include "PersonEditDialog.h"

#include "ErrorText.h"
#include "OperatorActions.h"
#include "engine/PersonRules.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lanyard {

PersonEditDialog::PersonEditDialog(OperatorActions& actions, const Person* person, QWidget* parent)
    : QDialog(parent)
    , m_actions(new OperatorActions(actions.engine(), actions.session(), this))
    , m_personId(person ? person->id : 0)
{
    setObjectName(QStringLiteral("personEditDialog"));
    setWindowTitle(person ? tr("Edit %1").arg(person->fullName) : tr("Add Person"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    const PersonDetails current = person ? PersonRules::detailsOf(*person) : PersonDetails {};
    struct Row {
        const char* name;
        QString label;
        QString placeholder;
        int maxLength;
    };
    const Row rows[] = {
        { "logonName", tr("&Logon name:"), tr("as in the directory, e.g. rmurphy"), PersonRules::kMaxLogonName },
        { "fullName", tr("&Full name:"), QString(), PersonRules::kMaxFullName },
        { "email", tr("&E-mail:"), tr("where links and codes are sent"), PersonRules::kMaxEmail },
        { "mobile", tr("&Mobile:"), tr("+ country code and number, e.g. +44 7700 900123"), 40 },
        { "userPrincipalName", tr("&User principal name:"), tr("name@domain, for smart card logon"), PersonRules::kMaxUpn },
        { "group", tr("&Group:"), tr("department or team; roles of group scope reach it"), PersonRules::kMaxGroup },
        { "employeeId", tr("Employee &id:"), tr("the HR number; matches the person in imports"), PersonRules::kMaxEmployeeId },
        { "fascn", tr("PIV card FAS&C-N:"), tr("32 digits, or the 25 bytes as 50 hex digits"), 100 },
        { "cardUuid", tr("PIV card UU&ID:"), tr("e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301"), 100 },
    };
    for (const Row& row : rows) {
        const QString name = QLatin1String(row.name);
        auto* edit = new QLineEdit(PersonRules::valueOf(current, name), this);
        edit->setObjectName(QStringLiteral("person_") + name);
        edit->setPlaceholderText(row.placeholder);
        // Longer than the rule allows, so that an over-long paste is refused with a reason
        // instead of cut short without one.
        edit->setMaxLength(row.maxLength + 1);
        // The directory is where a synced person's directory fields change.
        if (person && person->directoryFields.contains(name)) {
            edit->setReadOnly(true);
            edit->setToolTip(tr("Comes from the directory"));
        }
        form->addRow(row.label, edit);
        m_fields.insert(name, edit);
    }
    if (person && !person->directoryDn.isEmpty()) {
        auto* synced = new QLabel(tr("Synced from the directory entry %1: the greyed fields come from there and are changed there.").arg(person->directoryDn.toHtmlEscaped()), this);
        synced->setObjectName(QStringLiteral("personSyncedNote"));
        synced->setWordWrap(true);
        layout->addWidget(synced);
    }
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("personEditMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setText(person ? tr("&Save") : tr("&Add person"));
    layout->addWidget(m_buttons);
    setMinimumWidth(560);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PersonEditDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_actions, &OperatorActions::personLoaded, this, [this](const Person& p) {
        Q_EMIT saved(p);
        accept();
    });
    connect(m_actions, &OperatorActions::failed, this, [this](const Error& e) {
        m_message->setText(ErrorText::describe(e));
        m_buttons->button(QDialogButtonBox::Save)->setEnabled(true);
        if (QLineEdit* wrong = m_fields.value(e.args.value(QStringLiteral("field")).toString())) {
            wrong->setFocus();
            wrong->selectAll();
        }
    });
}

PersonDetails PersonEditDialog::details() const
{
    const auto text = [this](const char* name) { return m_fields.value(QLatin1String(name))->text(); };
    return { text("logonName"), text("fullName"), text("email"), text("mobile"), text("userPrincipalName"), text("group"), text("employeeId"), text("fascn"),
        text("cardUuid") };
}

void PersonEditDialog::save()
{
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    m_message->setText(tr("Saving…"));
    if (m_personId > 0)
        m_actions->editPerson(m_personId, details());
    else
        m_actions->addPerson(details());
}

} // namespace lanyard
