#include "SelfServiceIncidentPage.h"

#include "DomainText.h"
#include "ErrorText.h"
#include "core/WhenFinished.h"
#include "engine/Engine.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace lanyard {

namespace {
// What a holder may report of a device in each state (DeviceLifecycle::reportedMissing says
// the same; the engine decides, this only keeps choices that cannot succeed out of sight).
bool reportable(const Device& d)
{
    return d.state == DeviceState::Active || d.state == DeviceState::Disabled || d.state == DeviceState::Suspended;
}
} // namespace

SelfServiceIncidentPage::SelfServiceIncidentPage(Engine& engine, const OperatorSession& session, QWidget* parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_session(session)
{
    setObjectName(QStringLiteral("incidentPage"));
    auto* v = new QVBoxLayout(this);
    auto* heading = new QLabel(tr("Report a lost, stolen, damaged or forgotten credential"), this);
    heading->setWordWrap(true);
    v->addWidget(heading);
    auto* intro = new QLabel(tr("It stops working at once, so nobody else can use it, and the helpdesk is asked for a replacement."), this);
    intro->setWordWrap(true);
    v->addWidget(intro);
    auto* form = new QFormLayout;
    m_device = new QComboBox(this);
    m_device->setObjectName(QStringLiteral("incidentDevice"));
    form->addRow(tr("&Credential:"), m_device);
    v->addLayout(form);
    m_kind = new QButtonGroup(this);
    const std::pair<DeviceOperation, QString> kinds[] = {
        { DeviceOperation::ReplaceLost, tr("I have &lost it") },
        { DeviceOperation::ReplaceStolen, tr("It was &stolen") },
        { DeviceOperation::ReplaceDamaged, tr("It is &damaged") },
        { DeviceOperation::ReplaceForgotten, tr("I &forgot it (a temporary replacement until I have it again)") },
    };
    for (const auto& [op, text] : kinds) {
        auto* b = new QRadioButton(text, this);
        b->setObjectName(deviceOperationId(op));
        m_kind->addButton(b, int(op));
        v->addWidget(b);
    }
    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(QStringLiteral("incidentDetails"));
    m_details->setPlaceholderText(tr("Where and when, if you know (optional)"));
    m_details->setMaximumHeight(80);
    v->addWidget(m_details);
    m_report = new QPushButton(tr("&Report"), this);
    m_report->setObjectName(QStringLiteral("reportIncident"));
    v->addWidget(m_report, 0, Qt::AlignLeft);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("incidentResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(m_result);
    v->addStretch(1);
    connect(m_kind, &QButtonGroup::idClicked, this, &SelfServiceIncidentPage::updateButton);
    connect(m_device, &QComboBox::currentIndexChanged, this, &SelfServiceIncidentPage::updateButton);
    connect(m_report, &QPushButton::clicked, this, &SelfServiceIncidentPage::confirm);
    updateButton();
}

void SelfServiceIncidentPage::reload()
{
    m_result->clear();
    refreshDevices();
}

void SelfServiceIncidentPage::refreshDevices()
{
    m_device->clear();
    m_devices.clear();
    updateButton();
    whenFinished(m_engine.devicesOf(m_session, m_session.personId), this, [this](const Result<QList<Device>>& devices) {
        if (!devices) {
            m_result->setText(ErrorText::describe(devices.error()));
            return;
        }
        for (const Device& d : *devices) {
            if (!reportable(d))
                continue;
            m_devices << d;
            m_device->addItem(tr("%1 %2 (%3)").arg(DomainText::cardEncoding(d.type), d.serial, DomainText::deviceState(d.state)), d.id);
        }
        if (m_devices.isEmpty() && m_result->text().isEmpty())
            m_result->setText(tr("You hold no credential that can be reported."));
        updateButton();
    });
}

void SelfServiceIncidentPage::updateButton()
{
    m_report->setEnabled(m_device->currentIndex() >= 0 && m_kind->checkedId() >= 0);
}

void SelfServiceIncidentPage::confirm()
{
    const int row = m_device->currentIndex();
    if (row < 0 || row >= m_devices.size() || m_kind->checkedId() < 0)
        return;
    const Device& d = m_devices[row];
    const auto kind = DeviceOperation(m_kind->checkedId());
    auto* ask = new QMessageBox(this);
    ask->setObjectName(QStringLiteral("incidentQuestion"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setIcon(QMessageBox::Warning);
    ask->setWindowTitle(tr("Report %1").arg(d.serial));
    ask->setText(kind == DeviceOperation::ReplaceForgotten ? tr("Suspend %1 until you have it again?").arg(d.serial)
                                                           : tr("Suspend %1 now? It will then be revoked and cannot be used again.").arg(d.serial));
    ask->setInformativeText(kind == DeviceOperation::ReplaceForgotten ? tr("When you have it again, cancel the request for its temporary replacement on My requests.")
                                                                      : tr("Only the helpdesk can bring it back."));
    auto* yes = ask->addButton(tr("Suspend %1").arg(d.serial), QMessageBox::AcceptRole);
    yes->setObjectName(QStringLiteral("confirmIncident"));
    auto* back = ask->addButton(tr("Back"), QMessageBox::RejectRole);
    ask->setDefaultButton(back);
    connect(ask, &QMessageBox::buttonClicked, this, [this, yes](QAbstractButton* b) {
        if (b == yes)
            submit();
    });
    ask->open();
}

void SelfServiceIncidentPage::submit()
{
    const int row = m_device->currentIndex();
    if (row < 0 || row >= m_devices.size())
        return;
    DeviceAction report;
    report.operation = DeviceOperation(m_kind->checkedId());
    report.details = m_details->toPlainText().trimmed();
    m_report->setEnabled(false);
    m_result->setText(tr("Working…"));
    const QString serial = m_devices[row].serial;
    const bool forgotten = report.operation == DeviceOperation::ReplaceForgotten;
    whenFinished(m_engine.reportIncident(m_session, m_devices[row].id, report), this, [this, serial, forgotten](const Result<DeviceChange>& change) {
        if (!change) {
            m_result->setText(ErrorText::describe(change.error()));
            updateButton();
            return;
        }
        QStringList said { tr("%1 is now %2.").arg(serial, DomainText::deviceState(change->device.state)) };
        if (change->device.state == DeviceState::Canceled)
            said << tr("Its certificates are revoked.");
        else if (change->revokesAt.isValid())
            said << tr("It will be revoked on %1 unless the helpdesk reinstates it first.").arg(DomainText::dateTime(change->revokesAt));
        if (change->replacement)
            said << (forgotten ? tr("Request %1 for a temporary replacement waits for the helpdesk's approval; you will be sent its code then. If you find %2, cancel the request on My requests and it works again.")
                                     .arg(change->replacement->job.id)
                                     .arg(serial)
                               : tr("Request %1 for its replacement waits for the helpdesk's approval; you will be sent its code then.").arg(change->replacement->job.id));
        m_result->setText(said.join(QLatin1Char(' ')));
        m_details->clear();
        refreshDevices();
    });
}

} // namespace lanyard
