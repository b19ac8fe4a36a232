#include "PersonRolesDialog.h"

#include "DomainText.h"
#include "ErrorText.h"
#include "OperatorActions.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lanyard {

PersonRolesDialog::PersonRolesDialog(OperatorActions& actions, const Person& person, QWidget* parent)
    : QDialog(parent)
    , m_actions(new OperatorActions(actions.engine(), actions.session(), this))
    , m_person(person)
{
    setObjectName(QStringLiteral("personRolesDialog"));
    setWindowTitle(tr("Roles of %1").arg(person.fullName));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("A role gives its workflows over its scope. You can give or take only roles whose rights you hold yourself."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_list = new QVBoxLayout;
    layout->addLayout(m_list);
    m_message = new QLabel(tr("Loading…"), this);
    m_message->setObjectName(QStringLiteral("personRolesMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setEnabled(false);
    layout->addWidget(buttons);
    setMinimumWidth(480);
    connect(buttons, &QDialogButtonBox::accepted, this, &PersonRolesDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_actions, &OperatorActions::rolesLoaded, this, &PersonRolesDialog::showRoles);
    connect(m_actions, &OperatorActions::personLoaded, this, [this](const Person& p) {
        Q_EMIT saved(p);
        accept();
    });
    connect(m_actions, &OperatorActions::failed, this, [this](const Error& e) {
        m_message->setText(ErrorText::describe(e));
        m_save->setEnabled(!m_roles.isEmpty());
    });
    m_actions->loadRoles();
}

void PersonRolesDialog::showRoles(const QList<Role>& roles)
{
    m_roles = roles;
    for (const Role& role : roles) {
        QStringList workflows;
        for (Workflow w : role.workflows)
            workflows << DomainText::workflow(w);
        auto* box = new QCheckBox(tr("%1 (%2)").arg(role.name, DomainText::scope(role.scope)), this);
        box->setObjectName(QStringLiteral("role_") + role.name);
        box->setToolTip(workflows.join(QStringLiteral(", ")));
        box->setChecked(m_person.roles.contains(role.name));
        m_list->addWidget(box);
        m_boxes.insert(role.name, box);
    }
    m_message->clear();
    m_save->setEnabled(true);
    Q_EMIT rolesShown();
}

void PersonRolesDialog::save()
{
    QList<qint64> ids;
    for (const Role& role : std::as_const(m_roles)) {
        if (m_boxes.value(role.name)->isChecked())
            ids << role.id;
    }
    m_save->setEnabled(false);
    m_message->setText(tr("Saving…"));
    m_actions->setPersonRoles(m_person.id, ids);
}

} // namespace lanyard
