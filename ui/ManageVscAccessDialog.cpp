#include "ManageVscAccessDialog.h"

#include "DomainText.h"
#include "ErrorText.h"
#include "OperatorActions.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace lanyard {

ManageVscAccessDialog::ManageVscAccessDialog(const OperatorActions& actions, const Device& device, QWidget* parent)
    : QDialog(parent)
    , m_actions(new OperatorActions(actions.engine(), actions.session(), this))
    , m_device(device)
{
    setObjectName(QStringLiteral("manageVscAccess"));
    setWindowTitle(tr("Manage VSC Access — %1").arg(device.serial));
    auto* layout = new QVBoxLayout(this);
    auto* details = new QFormLayout;
    const auto detail = [this, details](const char* name, const QString& label, const QString& value) {
        auto* l = new QLabel(value, this);
        l->setObjectName(QLatin1String(name));
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        details->addRow(label, l);
    };
    detail("deviceOwner", tr("Owner:"), device.ownerName);
    detail("deviceExpiry", tr("Expires:"), DomainText::dateTime(device.expiresAt));
    detail("deviceDns", tr("Computer (DNS name):"), device.dnsName.isEmpty() ? tr("(any)") : device.dnsName);
    detail("deviceProfile", tr("Credential profile:"), device.profileName);
    detail("associatedProfile", tr("Associated profile:"),
        device.associatedProfileName.isEmpty() ? tr("No associated profile") : device.associatedProfileName);
    layout->addLayout(details);
    m_pending = new QLabel(this);
    m_pending->setObjectName(QStringLiteral("pendingLock"));
    layout->addWidget(m_pending);
    m_history = new QTableWidget(0, 5, this);
    m_history->setObjectName(QStringLiteral("lockHistory"));
    m_history->setHorizontalHeaderLabels({ tr("Requested"), tr("Requested by"), tr("Status"), tr("Lock at"), tr("Processed") });
    m_history->horizontalHeader()->setStretchLastSection(true);
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->verticalHeader()->hide();
    layout->addWidget(m_history, 1);

    auto* form = new QFormLayout;
    m_nextRun = new QRadioButton(tr("At the &next Self-Service run on the computer"), this);
    m_nextRun->setObjectName(QStringLiteral("lockNextRun"));
    m_nextRun->setChecked(true);
    m_atTime = new QRadioButton(tr("At a &date and time:"), this);
    m_atTime->setObjectName(QStringLiteral("lockAtTime"));
    m_timezone = new QComboBox(this);
    m_timezone->setObjectName(QStringLiteral("lockTimezone"));
    m_date = new QDateEdit(QDate::currentDate().addDays(1), this);
    m_date->setObjectName(QStringLiteral("lockDate"));
    m_date->setCalendarPopup(true);
    m_time = new QTimeEdit(QTime(18, 0), this);
    m_time->setObjectName(QStringLiteral("lockTime"));
    auto* when = new QHBoxLayout;
    when->addWidget(m_atTime);
    when->addWidget(m_timezone, 1);
    when->addWidget(m_date);
    when->addWidget(m_time);
    form->addRow(tr("Lock:"), m_nextRun);
    form->addRow(QString(), when);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("lockReason"));
    form->addRow(tr("&Reason:"), m_reason);
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("lockMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_request = buttons->addButton(tr("Request PIN &Lock"), QDialogButtonBox::ActionRole);
    m_request->setObjectName(QStringLiteral("requestPinLock"));
    m_update = buttons->addButton(tr("&Update PIN Lock"), QDialogButtonBox::ActionRole);
    m_update->setObjectName(QStringLiteral("updatePinLock"));
    m_cancel = buttons->addButton(tr("&Cancel PIN Lock"), QDialogButtonBox::ActionRole);
    m_cancel->setObjectName(QStringLiteral("cancelPinLock"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    connect(m_request, &QPushButton::clicked, this, [this] { submit(false); });
    connect(m_update, &QPushButton::clicked, this, [this] { submit(true); });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_message->setText(tr("Working…"));
        m_actions->cancelPinLock(m_device.id, m_reason->text());
    });
    auto enableWhen = [this] {
        const bool atTime = m_atTime->isChecked();
        m_timezone->setEnabled(atTime);
        m_date->setEnabled(atTime);
        m_time->setEnabled(atTime);
    };
    connect(m_atTime, &QRadioButton::toggled, this, enableWhen);
    enableWhen();

    connect(m_actions, &OperatorActions::timezonesLoaded, this, [this](const QList<Timezone>& zones) {
        m_timezone->clear();
        for (const Timezone& z : zones)
            m_timezone->addItem(z.displayName, z.utcOffset);
    });
    connect(m_actions, &OperatorActions::lockJobsLoaded, this, &ManageVscAccessDialog::showJobs);
    connect(m_actions, &OperatorActions::lockJobChanged, this, [this](const Job& job) {
        m_message->setText(job.status == JobStatus::Cancelled ? tr("The PIN lock is cancelled.") : tr("The PIN lock is scheduled."));
        m_reason->clear();
        m_actions->loadLockJobs(m_device.id);
    });
    // What was typed stays for correction.
    connect(m_actions, &OperatorActions::failed, this, [this](const Error& e) { m_message->setText(ErrorText::describe(e)); });
    showJobs({});
    m_actions->loadTimezones();
    m_actions->loadLockJobs(m_device.id);
}

bool ManageVscAccessDialog::hasPendingLock() const
{
    for (const Job& j : m_jobs)
        if (j.status == JobStatus::AwaitingIssue)
            return true;
    return false;
}

void ManageVscAccessDialog::showJobs(const QList<Job>& jobs)
{
    m_jobs = jobs;
    m_history->setRowCount(int(jobs.size()));
    QString pending;
    for (int row = 0; row < jobs.size(); ++row) {
        const Job& j = jobs.at(row);
        // The instant in this desk's time, with the zone it was chosen in.
        const QString at = !j.scheduledAt.isValid() ? tr("next Self-Service run")
            : j.scheduleTimezone.isEmpty()          ? DomainText::dateTime(j.scheduledAt)
                                                    : tr("%1 (chosen in %2)").arg(DomainText::dateTime(j.scheduledAt), j.scheduleTimezone);
        // Processed: when the computer applied it (or failed), or when it was cancelled.
        const QString processed = isTerminal(j.status) ? DomainText::dateTime(j.updatedAt) : QString();
        const QString status = j.status == JobStatus::Failed && !j.details.isEmpty() ? tr("%1: %2").arg(DomainText::jobStatus(j.status), j.details)
                                                                                      : DomainText::jobStatus(j.status);
        const QStringList cells { DomainText::dateTime(j.requestedAt), j.requestedByName, status, at, processed };
        for (int c = 0; c < cells.size(); ++c)
            m_history->setItem(row, c, new QTableWidgetItem(cells.at(c)));
        if (j.status == JobStatus::AwaitingIssue)
            pending = at;
    }
    m_pending->setText(pending.isEmpty() ? tr("No PIN lock is pending for this card.") : tr("A PIN lock is pending: %1.").arg(pending));
    const bool hasPending = !pending.isEmpty();
    m_request->setVisible(!hasPending);
    m_update->setVisible(hasPending);
    m_cancel->setVisible(hasPending);
    Q_EMIT jobsChanged();
}

void ManageVscAccessDialog::submit(bool update)
{
    LockSchedule when;
    when.nextRun = m_nextRun->isChecked();
    when.date = m_date->date();
    when.time = m_time->time();
    when.timezoneValue = m_timezone->currentData().toString();
    m_message->setText(tr("Working…"));
    if (update)
        m_actions->updatePinLock(m_device.id, when, m_reason->text());
    else
        m_actions->requestPinLock(m_device.id, when, m_reason->text());
}

} // namespace lanyard
