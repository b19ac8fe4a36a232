#include "RolesPage.h"

#include "DomainText.h"
#include "ErrorText.h"
#include "OperatorActions.h"
#include "RecordTable.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace lanyard {

RolesPage::RolesPage(const OperatorActions& actions, QWidget* parent)
    : QWidget(parent)
    , m_actions(new OperatorActions(actions.engine(), actions.session(), this))
    , m_model(RecordModels::roles(this))
    , m_workflows(new ChecklistModel(this))
{
    setObjectName(QStringLiteral("roles"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Roles")), this));
    auto* splitter = new QSplitter(this);
    layout->addWidget(splitter, 1);

    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_view = makeRecordTable(m_model, QStringLiteral("roleList"), left);
    leftLayout->addWidget(m_view, 1);
    auto* add = new QPushButton(tr("&New role"), left);
    add->setObjectName(QStringLiteral("newRole"));
    leftLayout->addWidget(add);

    auto* right = new QWidget(splitter);
    auto* form = new QFormLayout(right);
    m_heading = new QLabel(right);
    m_heading->setObjectName(QStringLiteral("roleHeading"));
    form->addRow(m_heading);
    m_name = new QLineEdit(right);
    m_name->setObjectName(QStringLiteral("roleName"));
    form->addRow(tr("&Name:"), m_name);
    m_scope = new QComboBox(right);
    m_scope->setObjectName(QStringLiteral("roleScope"));
    for (Scope s : { Scope::Self, Scope::Group, Scope::All })
        m_scope->addItem(DomainText::scope(s), int(s));
    form->addRow(tr("&Scope:"), m_scope);
    QList<ChecklistModel::Item> items;
    for (Workflow w : allWorkflows())
        items.append({ qint64(w), DomainText::workflow(w), false });
    m_workflows->setItems(items);
    auto* workflowView = new QListView(right);
    workflowView->setObjectName(QStringLiteral("roleWorkflows"));
    workflowView->setModel(m_workflows);
    form->addRow(tr("&Workflows:"), workflowView);
    m_message = new QLabel(right);
    m_message->setObjectName(QStringLiteral("roleMessage"));
    m_message->setWordWrap(true);
    form->addRow(m_message);
    m_save = new QPushButton(tr("&Save role"), right);
    m_save->setObjectName(QStringLiteral("saveRole"));
    form->addRow(m_save);
    splitter->setStretchFactor(1, 1);

    connect(add, &QPushButton::clicked, this, &RolesPage::newRole);
    connect(m_save, &QPushButton::clicked, this, &RolesPage::save);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (!current.isValid())
            return;
        show(m_model->at(current.row()));
        if (m_selectAfterLoad == 0) // a reselection after saving keeps the "Saved." message
            m_message->clear();
    });
    connect(m_model, &AsyncListModel::loaded, this, [this] {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->at(row).id == m_selectAfterLoad)
                m_view->selectRow(row);
        }
        m_selectAfterLoad = 0;
    });
    connect(m_model, &AsyncListModel::failed, this, [this](const Error& e) { m_message->setText(ErrorText::describe(e)); });
    connect(m_actions, &OperatorActions::roleSaved, this, [this](qint64 id) {
        m_message->setText(tr("Saved. Operators holding this role have the new rights from their next action."));
        m_editing = id;
        m_selectAfterLoad = id;
        m_model->reload();
        Q_EMIT saved(true);
    });
    connect(m_actions, &OperatorActions::failed, this, [this](const Error& e) {
        m_message->setText(ErrorText::describe(e)); // the form keeps what was typed
        Q_EMIT saved(false);
    });
    connect(m_actions, &OperatorActions::busyChanged, m_save, [this](bool busy) { m_save->setEnabled(!busy); });

    m_model->setLoader([engine = &m_actions->engine(), session = m_actions->session()] { return engine->roles(session); });
    newRole();
}

void RolesPage::newRole()
{
    m_view->clearSelection();
    show(Role {});
    m_message->clear();
    m_name->setFocus();
}

void RolesPage::show(const Role& role)
{
    m_editing = role.id;
    m_heading->setText(role.id > 0 ? tr("<b>Role: %1</b>").arg(role.name.toHtmlEscaped()) : tr("<b>New role</b>"));
    m_name->setText(role.name);
    m_scope->setCurrentIndex(m_scope->findData(int(role.scope)));
    QList<qint64> ids;
    for (Workflow w : role.workflows)
        ids.append(qint64(w));
    m_workflows->setChecked(ids);
}

void RolesPage::save()
{
    Role role;
    role.id = m_editing;
    role.name = m_name->text();
    role.scope = Scope(m_scope->currentData().toInt());
    for (qint64 id : m_workflows->checkedIds())
        role.workflows.append(Workflow(id));
    m_actions->saveRole(role);
}

} // namespace lanyard
