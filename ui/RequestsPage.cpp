#include "RequestsPage.h"

#include "DomainText.h"
#include "ErrorText.h"
#include "OperatorActions.h"
#include "RecordTable.h"
#include "RequestCredentialDialog.h"

#include <algorithm>

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace lanyard {

RequestsPage::RequestsPage(const OperatorActions& actions, const QList<Workflow>& allowed, QWidget* parent)
    : QWidget(parent)
    , m_actions(new OperatorActions(actions.engine(), actions.session(), this))
    , m_model(RecordModels::jobs(this))
    , m_messages(RecordModels::notifications(this))
{
    setObjectName(QStringLiteral("requests"));
    auto* layout = new QVBoxLayout(this);
    auto* filters = new QHBoxLayout;
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->addItem(tr("Open requests"), QStringLiteral("open"));
    m_status->addItem(tr("Awaiting validation"), jobStatusId(JobStatus::AwaitingValidation));
    m_status->addItem(tr("Awaiting issue"), jobStatusId(JobStatus::AwaitingIssue));
    m_status->addItem(tr("Locked"), jobStatusId(JobStatus::Locked));
    m_status->addItem(tr("Completed"), jobStatusId(JobStatus::Completed));
    m_status->addItem(tr("Cancelled"), jobStatusId(JobStatus::Cancelled));
    m_status->addItem(tr("All"), QString());
    filters->addWidget(new QLabel(tr("&Show:"), this));
    filters->addWidget(m_status);
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("jobText"));
    m_text->setPlaceholderText(tr("Person's name or logon name"));
    filters->addWidget(m_text, 1);
    layout->addLayout(filters);
    auto* split = new QSplitter(Qt::Vertical, this);
    auto* jobsBox = new QWidget(split);
    auto* jobsLayout = new QVBoxLayout(jobsBox);
    jobsLayout->setContentsMargins(0, 0, 0, 0);
    m_view = makeRecordTable(m_model, QStringLiteral("jobs"), jobsBox);
    jobsLayout->addWidget(m_view, 1);
    split->addWidget(jobsBox);
    auto* messagesBox = new QGroupBox(tr("Messages sent for this request"), split);
    auto* messagesLayout = new QVBoxLayout(messagesBox);
    m_messagesView = makeRecordTable(m_messages, QStringLiteral("notifications"), messagesBox);
    messagesLayout->addWidget(m_messagesView, 1);
    auto* messagesBar = new QHBoxLayout;
    m_resend = new QPushButton(tr("Re-&send"), messagesBox);
    m_resend->setObjectName(QStringLiteral("resend"));
    m_resend->setToolTip(tr("Send this message again. Only possible while the request's code still works."));
    m_resend->setVisible(allowed.contains(Workflow::ManageJobs));
    messagesBar->addWidget(m_resend);
    messagesBar->addStretch(1);
    messagesLayout->addLayout(messagesBar);
    split->addWidget(messagesBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    // Delivery runs in the engine's own time; while a message waits, look again now and then.
    m_messagesRefresh = new QTimer(this);
    m_messagesRefresh->setInterval(2000);
    auto* bar = new QHBoxLayout;
    m_cancel = new QPushButton(tr("&Cancel request…"), this);
    m_cancel->setObjectName(QStringLiteral("cancelJob"));
    m_newCode = new QPushButton(tr("&New code"), this);
    m_newCode->setObjectName(QStringLiteral("newCode"));
    m_approve = new QPushButton(tr("&Approve"), this);
    m_approve->setObjectName(QStringLiteral("approve"));
    m_reject = new QPushButton(tr("&Reject"), this);
    m_reject->setObjectName(QStringLiteral("reject"));
    const bool manage = allowed.contains(Workflow::ManageJobs);
    const bool validate = allowed.contains(Workflow::ValidateRequest);
    m_cancel->setVisible(manage);
    m_newCode->setVisible(manage);
    m_approve->setVisible(validate);
    m_reject->setVisible(validate);
    for (auto* b : { m_cancel, m_newCode, m_approve, m_reject })
        bar->addWidget(b);
    bar->addStretch(1);
    jobsLayout->addLayout(bar);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("requestsMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    connect(m_status, &QComboBox::currentIndexChanged, this, &RequestsPage::reload);
    connect(m_text, &QLineEdit::returnPressed, this, &RequestsPage::reload);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RequestsPage::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RequestsPage::loadMessages);
    connect(m_model, &AsyncListModel::loaded, this, &RequestsPage::updateButtons);
    connect(m_model, &AsyncListModel::loaded, this, &RequestsPage::loadMessages);
    connect(m_messagesView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RequestsPage::updateMessageButtons);
    connect(m_messages, &AsyncListModel::loaded, this, [this] {
        updateMessageButtons();
        const bool waiting = std::any_of(m_messages->rows().cbegin(), m_messages->rows().cend(), [](const Notification& n) {
            return n.state == QLatin1String("queued") || n.state == QLatin1String("sending");
        });
        if (waiting && !m_messagesRefresh->isActive())
            m_messagesRefresh->start();
        else if (!waiting)
            m_messagesRefresh->stop();
    });
    connect(m_messages, &AsyncListModel::failed, this, [this](const Error& e) { m_message->setText(ErrorText::describe(e)); });
    connect(m_messagesRefresh, &QTimer::timeout, m_messages, [this] { m_messages->reload(); });
    connect(m_resend, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_messagesView->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            m_actions->resendNotification(rows.first().data(NotificationListModel::IdRole).toLongLong());
    });
    connect(m_actions, &OperatorActions::notificationResent, this, [this](const Notification& n) {
        m_message->setText(tr("The message to %1 will be sent again shortly.").arg(n.recipient));
        m_messages->reload();
    });
    connect(m_model, &AsyncListModel::failed, this, [this](const Error& e) { m_message->setText(ErrorText::describe(e)); });
    connect(m_actions, &OperatorActions::failed, this, [this](const Error& e) { m_message->setText(ErrorText::describe(e)); });
    connect(m_actions, &OperatorActions::jobCancelled, this, [this](const Job& j) {
        m_message->setText(tr("Request %1 was cancelled; its code no longer works.").arg(j.id));
        reload();
    });
    connect(m_actions, &OperatorActions::requestIssued, this, [this](const IssuedRequest& r) {
        reload();
        if (r.job.status == JobStatus::Cancelled) {
            m_message->setText(tr("Request %1 was rejected.").arg(r.job.id));
            return;
        }
        m_message->setText(tr("Request %1: a new code was issued.").arg(r.job.id));
        Person person;
        person.id = r.job.personId;
        person.fullName = r.job.personName;
        auto* dialog = new RequestCredentialDialog(*m_actions, person, RequestCredentialDialog::Kind::Mobile, true, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->showResult(r);
        dialog->open();
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        // Window-modal and asynchronous: no nested event loop while the operator types.
        const qint64 job = selectedJob();
        auto* ask = new QInputDialog(this);
        ask->setObjectName(QStringLiteral("cancelReason"));
        ask->setAttribute(Qt::WA_DeleteOnClose);
        ask->setWindowTitle(tr("Cancel request %1").arg(job));
        ask->setLabelText(tr("Reason (kept in the audit trail):"));
        connect(ask, &QInputDialog::textValueSelected, this, [this, job](const QString& reason) { m_actions->cancelJob(job, reason); });
        ask->open();
    });
    connect(m_newCode, &QPushButton::clicked, this, [this] { m_actions->regenerateCode(selectedJob(), true); });
    connect(m_approve, &QPushButton::clicked, this, [this] { m_actions->validateRequest(selectedJob(), true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { m_actions->validateRequest(selectedJob(), false); });
    reload();
}

void RequestsPage::reload()
{
    JobQuery q;
    const QString status = m_status->currentData().toString();
    if (status == QLatin1String("open"))
        q.statuses = { JobStatus::AwaitingValidation, JobStatus::AwaitingIssue, JobStatus::InProgress, JobStatus::Locked };
    else if (!status.isEmpty()) {
        JobStatus s;
        if (jobStatusFromId(status, &s))
            q.statuses = { s };
    }
    q.text = m_text->text();
    Engine& engine = m_actions->engine();
    const OperatorSession session = m_actions->session();
    m_model->setLoader([&engine, session, q] { return engine.findJobs(session, q); });
}

void RequestsPage::loadMessages()
{
    const qint64 job = selectedJob();
    if (job <= 0) {
        m_messagesRefresh->stop();
        m_messages->setLoader({});
        m_messages->clear();
        updateMessageButtons();
        return;
    }
    Engine& engine = m_actions->engine();
    const OperatorSession session = m_actions->session();
    m_messages->setLoader([&engine, session, job] { return engine.notificationsOf(session, job); });
}

void RequestsPage::updateMessageButtons()
{
    const QModelIndexList jobs = m_view->selectionModel()->selectedRows();
    const Job* job = jobs.isEmpty() ? nullptr : &m_model->at(jobs.first().row());
    const QModelIndexList rows = m_messagesView->selectionModel()->selectedRows();
    const Notification* n = rows.isEmpty() ? nullptr : &m_messages->at(rows.first().row());
    m_resend->setEnabled(job && n && job->status == JobStatus::AwaitingIssue
        && (n->state == QLatin1String("sent") || n->state == QLatin1String("failed")));
}

qint64 RequestsPage::selectedJob() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(JobListModel::IdRole).toLongLong();
}

void RequestsPage::updateButtons()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const Job* job = rows.isEmpty() ? nullptr : &m_model->at(rows.first().row());
    const bool open = job && !isTerminal(job->status) && job->status != JobStatus::InProgress;
    m_cancel->setEnabled(open);
    m_newCode->setEnabled(job && (job->status == JobStatus::AwaitingIssue || job->status == JobStatus::Locked || job->status == JobStatus::Expired));
    m_approve->setEnabled(job && job->status == JobStatus::AwaitingValidation);
    m_reject->setEnabled(job && job->status == JobStatus::AwaitingValidation);
}

} // namespace lanyard
