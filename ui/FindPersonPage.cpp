#include "FindPersonPage.h"

#include "BatchRequestDialog.h"
#include "ErrorText.h"
#include "OperatorActions.h"
#include "RecordTable.h"
#include "PersonEditDialog.h"
#include "PersonSearchModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace lanyard {

FindPersonPage::FindPersonPage(const OperatorActions& actions, bool mayAdd, bool mayRequest, QWidget* parent)
    : QWidget(parent)
    , m_actions(new OperatorActions(actions.engine(), actions.session(), this))
    , m_model(new PersonSearchModel(actions.engine(), actions.session(), this))
{
    setObjectName(QStringLiteral("find-person"));
    auto* layout = new QVBoxLayout(this);
    m_query = new QLineEdit(this);
    m_query->setObjectName(QStringLiteral("personQuery"));
    m_query->setPlaceholderText(tr("Name, logon name or email — or group:NAME"));
    m_query->setClearButtonEnabled(true);
    auto* top = new QHBoxLayout;
    top->addWidget(m_query, 1);
    auto* add = new QPushButton(tr("&Add Person…"), this);
    add->setObjectName(QStringLiteral("addPerson"));
    add->setVisible(mayAdd);
    connect(add, &QPushButton::clicked, this, &FindPersonPage::addPerson);
    top->addWidget(add);
    m_batch = new QPushButton(this);
    m_batch->setObjectName(QStringLiteral("batchRequest"));
    m_batch->setVisible(mayRequest);
    connect(m_batch, &QPushButton::clicked, this, &FindPersonPage::openBatch);
    top->addWidget(m_batch);
    layout->addLayout(top);
    m_view = makeRecordTable(m_model, QStringLiteral("people"), this);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &FindPersonPage::updateBatchButton);
    connect(m_query, &QLineEdit::textChanged, this, &FindPersonPage::updateBatchButton);
    connect(m_model, &PersonSearchModel::loaded, this, &FindPersonPage::updateBatchButton);
    updateBatchButton();
    layout->addWidget(m_view, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("searchStatus"));
    layout->addWidget(m_status);

    connect(m_query, &QLineEdit::textEdited, m_model, &PersonSearchModel::setQuery);
    connect(m_query, &QLineEdit::returnPressed, this, [this] {
        if (m_model->rowCount() > 0 && m_model->query() == m_query->text() && !m_model->isLoading()) {
            m_view->setFocus();
            m_view->selectRow(0);
        } else {
            m_model->searchNow(m_query->text());
        }
    });
    connect(m_view, &QTableView::activated, this, &FindPersonPage::openCurrent);
    connect(m_model, &PersonSearchModel::loadingChanged, this, [this](bool loading) {
        if (loading)
            m_status->setText(tr("Searching…"));
    });
    auto countText = [this] {
        const int n = m_model->rowCount();
        m_status->setText(n == 0 ? tr("Nobody found. Check the spelling, or search by logon name or email.")
                                 : (m_model->hasMore() ? tr("%n people shown; scroll for more", nullptr, n) : tr("%n people", nullptr, n)));
    };
    connect(m_model, &PersonSearchModel::loaded, this, countText);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, countText);
    connect(m_model, &PersonSearchModel::failed, this, [this](const Error& e) { m_status->setText(ErrorText::describe(e)); });
}

void FindPersonPage::search(const QString& text)
{
    m_query->setText(text);
    m_model->searchNow(text);
}

void FindPersonPage::addPerson()
{
    auto* dialog = new PersonEditDialog(*m_actions, nullptr, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PersonEditDialog::saved, this, [this](const Person& p) { Q_EMIT openPerson(p.id); });
    dialog->open();
}

QString FindPersonPage::searchedGroup() const
{
    const QString q = m_model->query().trimmed();
    return q.startsWith(QLatin1String("group:"), Qt::CaseInsensitive) ? q.mid(6).trimmed() : QString();
}

void FindPersonPage::updateBatchButton()
{
    const int selected = int(m_view->selectionModel()->selectedRows().size());
    const QString group = searchedGroup();
    if (selected >= 2 || group.isEmpty())
        m_batch->setText(tr("Request for %n selected…", nullptr, selected));
    else
        m_batch->setText(tr("Request for group %1…").arg(group));
    m_batch->setEnabled(selected >= 2 || !group.isEmpty());
}

void FindPersonPage::openBatch()
{
    QList<BatchRequestController::Target> people;
    const auto rows = m_view->selectionModel()->selectedRows();
    if (rows.size() >= 2) {
        for (const QModelIndex& row : rows) {
            const Person p = m_model->personAt(row.row());
            people << BatchRequestController::Target { p.id, p.fullName };
        }
    }
    auto* dialog = new BatchRequestDialog(m_actions->engine(), m_actions->session(), people, people.isEmpty() ? searchedGroup() : QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void FindPersonPage::openCurrent()
{
    const QModelIndex index = m_view->currentIndex();
    if (index.isValid())
        Q_EMIT openPerson(index.data(PersonSearchModel::PersonIdRole).toLongLong());
}

} // namespace lanyard
