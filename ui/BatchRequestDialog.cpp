#include "BatchRequestDialog.h"

#include "ErrorText.h"
#include "core/WhenFinished.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lanyard {

BatchRequestDialog::BatchRequestDialog(Engine& engine, const OperatorSession& session, const QList<BatchRequestController::Target>& people, const QString& group,
    QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_session(session)
    , m_batch(engine, session)
{
    setObjectName(QStringLiteral("batchRequestDialog"));
    setWindowTitle(tr("Request for several people"));
    resize(640, 480);
    auto* v = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("batchSummary"));
    m_summary->setWordWrap(true);
    v->addWidget(m_summary);
    auto* form = new QFormLayout;
    m_profile = new QComboBox(this);
    m_profile->setObjectName(QStringLiteral("batchProfile"));
    form->addRow(tr("&Credential profile:"), m_profile);
    v->addLayout(form);
    auto* how = new QLabel(tr("Each person's code goes by the profile's notification scheme. Someone it cannot reach is refused and keeps no request."), this);
    how->setWordWrap(true);
    v->addWidget(how);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("batchProgress"));
    m_progress->setValue(0);
    v->addWidget(m_progress);
    m_outcomes = new QTableWidget(0, 2, this);
    m_outcomes->setObjectName(QStringLiteral("batchOutcomes"));
    m_outcomes->setHorizontalHeaderLabels({ tr("Person"), tr("Outcome") });
    m_outcomes->horizontalHeader()->setStretchLastSection(true);
    m_outcomes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    v->addWidget(m_outcomes, 1);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("batchMessage"));
    m_message->setWordWrap(true);
    v->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(this);
    m_start = buttons->addButton(tr("&Request"), QDialogButtonBox::ActionRole);
    m_start->setObjectName(QStringLiteral("batchStart"));
    m_start->setEnabled(false);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("batchClose"));
    v->addWidget(buttons);
    connect(m_start, &QPushButton::clicked, this, &BatchRequestDialog::startOrCancel);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(&m_batch, &BatchRequestController::peopleReady, this, &BatchRequestDialog::peopleReady);
    connect(&m_batch, &BatchRequestController::outcomesAdded, this, &BatchRequestDialog::addOutcomes);
    connect(&m_batch, &BatchRequestController::progress, this, [this](int done, int total) {
        m_progress->setMaximum(qMax(1, total));
        m_progress->setValue(done);
    });
    connect(&m_batch, &BatchRequestController::finished, this, &BatchRequestDialog::ended);
    connect(&m_batch, &BatchRequestController::failed, this, [this](const Error& e) {
        m_message->setText(tr("Stopped: %1 The requests listed above were made; nobody else was asked for.").arg(ErrorText::describe(e)));
        m_start->setText(tr("&Request"));
        m_start->setEnabled(false);
        m_close->setEnabled(true);
    });
    if (group.isEmpty()) {
        m_batch.setPeople(people);
    } else {
        m_summary->setText(tr("Finding the members of group %1…").arg(group));
        m_batch.loadGroup(group);
    }
}

void BatchRequestDialog::peopleReady(int count)
{
    m_summary->setText(tr("%n person(s) chosen.", nullptr, count));
    if (count == 0)
        return;
    loadProfiles(0);
}

void BatchRequestDialog::loadProfiles(int index)
{
    // The profiles the operator may request for the first few people, together; a person a
    // profile is not offered to is refused in the outcomes, with the reason.
    const int sample = qMin<int>(kProfileSample, int(m_batch.people().size()));
    if (index >= sample) {
        m_start->setEnabled(m_profile->count() > 0);
        if (m_profile->count() == 0)
            m_message->setText(tr("There is no credential profile you may request for them."));
        return;
    }
    whenFinished(m_engine.requestableProfiles(m_session, m_batch.people().at(index).personId), this, [this, index](const Result<QList<CredentialProfile>>& profiles) {
        if (!profiles) {
            m_message->setText(ErrorText::describe(profiles.error()));
            return;
        }
        for (const CredentialProfile& p : *profiles) {
            if (m_profile->findData(p.id) < 0)
                m_profile->addItem(p.name, p.id);
        }
        loadProfiles(index + 1);
    });
}

void BatchRequestDialog::startOrCancel()
{
    if (m_batch.isRunning()) {
        m_batch.cancel();
        m_start->setEnabled(false);
        m_message->setText(tr("Cancelling after the requests on their way…"));
        return;
    }
    m_outcomes->setRowCount(0);
    m_requested = m_refused = 0;
    m_message->clear();
    m_profile->setEnabled(false);
    m_close->setEnabled(false);
    m_start->setText(tr("&Cancel"));
    m_batch.start(m_profile->currentData().toLongLong());
}

void BatchRequestDialog::addOutcomes(int first, int count)
{
    for (int i = first; i < first + count; ++i) {
        const BatchOutcome& o = m_batch.outcomes().at(i);
        const int row = m_outcomes->rowCount();
        m_outcomes->insertRow(row);
        m_outcomes->setItem(row, 0, new QTableWidgetItem(m_batch.nameOf(o.personId)));
        if (o.problem) {
            ++m_refused;
            m_outcomes->setItem(row, 1, new QTableWidgetItem(tr("Refused: %1").arg(ErrorText::describe(*o.problem))));
        } else {
            ++m_requested;
            m_outcomes->setItem(row, 1, new QTableWidgetItem(tr("Requested (request %1)").arg(o.jobId)));
        }
    }
    m_outcomes->scrollToBottom();
}

void BatchRequestDialog::ended(bool cancelled)
{
    const int left = int(m_batch.people().size()) - m_batch.done();
    QString text = tr("%n requested", nullptr, m_requested) + QStringLiteral(", ") + tr("%n refused", nullptr, m_refused);
    if (cancelled)
        text += QStringLiteral(", ") + tr("%n not asked for (cancelled)", nullptr, left);
    m_message->setText(text + QLatin1Char('.'));
    m_start->setText(tr("&Request"));
    m_start->setEnabled(false);
    m_close->setEnabled(true);
}

} // namespace lanyard
