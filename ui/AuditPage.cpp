#include "AuditPage.h"

#include "ErrorText.h"
#include "OperatorActions.h"
#include "RecordTable.h"
#include "engine/Workflow.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace lanyard {

AuditPage::AuditPage(const OperatorActions& actions, QWidget* parent)
    : QWidget(parent)
    , m_actions(new OperatorActions(actions.engine(), actions.session(), this))
    , m_model(RecordModels::auditEvents(this))
{
    setObjectName(QStringLiteral("audit"));
    auto* layout = new QVBoxLayout(this);
    auto* filters = new QHBoxLayout;
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("auditText"));
    m_text->setPlaceholderText(tr("Person, operator, serial or DNS name"));
    filters->addWidget(m_text, 1);
    m_workflow = new QComboBox(this);
    m_workflow->setObjectName(QStringLiteral("auditWorkflow"));
    m_workflow->addItem(tr("Any workflow"), QString());
    for (const QString& w : { QStringLiteral("logon"), QStringLiteral("collect"), QStringLiteral("system") })
        m_workflow->addItem(w, w);
    for (Workflow w : allWorkflows())
        m_workflow->addItem(workflowId(w), workflowId(w));
    filters->addWidget(m_workflow);
    m_from = new QDateEdit(QDate::currentDate().addMonths(-1), this);
    m_from->setObjectName(QStringLiteral("auditFrom"));
    m_from->setCalendarPopup(true);
    m_until = new QDateEdit(QDate::currentDate(), this);
    m_until->setObjectName(QStringLiteral("auditUntil"));
    m_until->setCalendarPopup(true);
    filters->addWidget(new QLabel(tr("From"), this));
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("to"), this));
    filters->addWidget(m_until);
    auto* searchButton = new QPushButton(tr("&Search"), this);
    filters->addWidget(searchButton);
    layout->addLayout(filters);
    auto* view = makeRecordTable(m_model, QStringLiteral("auditEvents"), this);
    layout->addWidget(view, 1);
    auto* bottom = new QHBoxLayout;
    m_chain = new QLabel(this);
    m_chain->setObjectName(QStringLiteral("auditChain"));
    bottom->addWidget(m_chain, 1);
    auto* verifyButton = new QPushButton(tr("&Verify chain"), this);
    bottom->addWidget(verifyButton);
    layout->addLayout(bottom);

    connect(searchButton, &QPushButton::clicked, this, &AuditPage::search);
    connect(m_text, &QLineEdit::returnPressed, this, &AuditPage::search);
    connect(verifyButton, &QPushButton::clicked, this, &AuditPage::verify);
    connect(m_model, &AsyncListModel::failed, this, [this](const Error& e) { m_chain->setText(ErrorText::describe(e)); });
    connect(m_actions, &OperatorActions::failed, this, [this](const Error& e) { m_chain->setText(ErrorText::describe(e)); });
    connect(m_actions, &OperatorActions::auditVerified, this, [this](const AuditVerification& v) {
        m_chain->setText(v.intact ? tr("✔ The audit trail verifies: %n event(s), hash chain intact.", nullptr, int(v.checked))
                                  : tr("✘ The audit trail does NOT verify: event %1 (%2). It has been altered.").arg(v.firstBrokenSeq).arg(v.problem));
        Q_EMIT verified(v.intact);
    });
    search();
    verify();
}

void AuditPage::search()
{
    AuditQuery q;
    q.text = m_text->text().trimmed();
    q.workflow = m_workflow->currentData().toString();
    q.from = m_from->date().startOfDay();
    q.until = m_until->date().addDays(1).startOfDay();
    q.limit = 1000;
    Engine& engine = m_actions->engine();
    const OperatorSession session = m_actions->session();
    m_model->setLoader([&engine, session, q] { return engine.audit(session, q); });
}

void AuditPage::verify()
{
    m_chain->setText(tr("Verifying…"));
    m_actions->verifyAudit();
}

} // namespace lanyard
