#include "DeviceViewPage.h"

#include "DeviceActionDialog.h"
#include "RequestCredentialDialog.h"
#include "DomainText.h"
#include "ErrorText.h"
#include "OperatorActions.h"
#include "RecordTable.h"
#include "ManageVscAccessDialog.h"
#include "UnlockCredentialDialog.h"
#include "VscUnlockDialog.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QMessageBox>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace lanyard {

namespace {

const QList<DeviceOperation> kOperations { DeviceOperation::Disable, DeviceOperation::Enable, DeviceOperation::ReplaceForgotten,
    DeviceOperation::Reinstate, DeviceOperation::ReplaceLost, DeviceOperation::ReplaceStolen, DeviceOperation::ReplaceDamaged,
    DeviceOperation::Cancel };
} // namespace

DeviceViewPage::DeviceViewPage(const OperatorActions& actions, const QList<Workflow>& allowed, qint64 deviceId, QWidget* parent)
    : QWidget(parent)
    , m_actions(new OperatorActions(actions.engine(), actions.session(), this))
    , m_allowed(allowed)
    , m_deviceId(deviceId)
    , m_certificates(RecordModels::certificates(this))
    , m_jobs(RecordModels::jobs(this))
{
    setObjectName(QStringLiteral("device-page"));
    auto* layout = new QVBoxLayout(this);
    m_header = new QLabel(tr("Loading…"), this);
    m_header->setObjectName(QStringLiteral("deviceHeader"));
    layout->addWidget(m_header);
    auto* bar = new QGridLayout;
    int column = 0;
    for (DeviceOperation op : kOperations) {
        auto* button = new QPushButton(DomainText::deviceOperation(op) + QStringLiteral("…"), this);
        button->setObjectName(QStringLiteral("action-") + deviceOperationId(op));
        button->setVisible(m_allowed.contains(DeviceLifecycle::workflowFor(op)));
        button->setEnabled(false);
        connect(button, &QPushButton::clicked, this, [this, op] { ask(op); });
        bar->addWidget(button, column / 4, column % 4);
        m_buttons.insert(op, button);
        ++column;
    }
    // Buttons that open a workflow dialog on this device; enabled once the device suits it.
    const auto dialogButton = [this, bar](const QString& text, const char* name, Workflow workflow, int column, auto makeDialog) {
        auto* button = new QPushButton(text, this);
        button->setObjectName(QLatin1String(name));
        button->setVisible(m_allowed.contains(workflow));
        button->setEnabled(false);
        connect(button, &QPushButton::clicked, this, [makeDialog] {
            QDialog* dialog = makeDialog();
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
        bar->addWidget(button, 2, column);
        return button;
    };
    m_unlock = dialogButton(tr("&Unlock Credential…"), "unlockCredential", Workflow::UnlockCredential, 0,
        [this] { return new UnlockCredentialDialog(*m_actions, m_device, this); });
    m_manageVsc = dialogButton(tr("Manage VSC &Access…"), "manageVscAccess", Workflow::ManageVscAccess, 1,
        [this] { return new ManageVscAccessDialog(*m_actions, m_device, this); });
    m_unlockVsc = dialogButton(tr("Unlock VSC &Temporary Access…"), "unlockVsc", Workflow::UnlockVscTemporaryAccess, 2,
        [this] { return new VscUnlockDialog(*m_actions, m_device, this); });
    // A derived credential ends with its parent PIV card: lost, revoked, or no longer trusted.
    m_parentTrust = dialogButton(tr("Parent card &no longer trusted…"), "endParentTrust", Workflow::CancelDevice, 3, [this] {
        auto* ask = new QInputDialog(this);
        ask->setObjectName(QStringLiteral("parentTrustDialog"));
        ask->setWindowTitle(tr("Parent card no longer trusted"));
        ask->setLabelText(tr("Every credential derived from the PIV card this one was issued on is cancelled and its certificates revoked; "
                             "open requests on that card are cancelled too. Reason (kept in the audit trail):"));
        ask->setOkButtonText(tr("End trust"));
        connect(ask, &QInputDialog::textValueSelected, this, [this](const QString& reason) {
            m_message->setText(tr("Working…"));
            m_actions->endParentCardTrust(m_deviceId, reason);
        });
        return ask;
    });
    // Renewal and update: new keys into the same device; its certificates keep working until
    // the phone confirms the new ones.
    for (const bool update : { false, true }) {
        auto* button = new QPushButton(update ? tr("Request U&pdate…") : tr("Request &Renewal…"), this);
        button->setObjectName(QLatin1String(update ? "requestUpdate" : "requestRenewal"));
        button->setVisible(m_allowed.contains(update ? Workflow::RequestUpdate : Workflow::RequestRenewal));
        button->setEnabled(false);
        connect(button, &QPushButton::clicked, this, [this, update] { askRenewal(update); });
        bar->addWidget(button, 3, update ? 1 : 0);
        (update ? m_update : m_renew) = button;
    }
    layout->addLayout(bar);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("deviceMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto* tabs = new QTabWidget(this);
    tabs->addTab(makeRecordTable(m_certificates, QStringLiteral("deviceCertificates"), tabs), tr("&Certificates"));
    tabs->addTab(makeRecordTable(m_jobs, QStringLiteral("deviceJobs"), tabs), tr("&Jobs"));
    m_details = new QLabel(tabs);
    m_details->setObjectName(QStringLiteral("deviceDetails"));
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    tabs->addTab(m_details, tr("De&tails"));
    layout->addWidget(tabs, 1);

    connect(m_actions, &OperatorActions::deviceLoaded, this, &DeviceViewPage::showDevice);
    connect(m_actions, &OperatorActions::deviceChanged, this, [this](const DeviceChange& c) {
        QString text = tr("Done: the device is now %1.").arg(DomainText::deviceState(c.device.state));
        if (c.replacementProblem) {
            text += QLatin1Char(' ')
                + tr("Replacement request %1 was made, but its code did not go out: %2 Send or show it with New code on the Requests page.")
                      .arg(c.replacement ? c.replacement->job.id : 0)
                      .arg(ErrorText::describe(*c.replacementProblem));
        } else if (c.replacement) {
            text += QLatin1Char(' ') + tr("Replacement request %1 was made.").arg(c.replacement->job.id);
            showIssued(*c.replacement);
        }
        m_message->setText(text);
        reload();
        Q_EMIT actionFinished(true);
    });
    connect(m_actions, &OperatorActions::requestIssued, this, [this](const IssuedRequest& r) {
        m_message->setText(tr("Request %1 was made.").arg(r.job.id));
        reload();
        showIssued(r);
        Q_EMIT actionFinished(true);
    });
    connect(m_actions, &OperatorActions::parentTrustEnded, this, [this](const ParentTrustReport& r) {
        m_message->setText(tr("Done: %n derived credential(s) cancelled", nullptr, r.devicesCancelled)
            + tr(", %n open request(s) cancelled.", nullptr, r.requestsCancelled));
        reload();
        Q_EMIT actionFinished(true);
    });
    connect(m_actions, &OperatorActions::failed, this, [this](const Error& e) {
        m_message->setText(ErrorText::describe(e));
        Q_EMIT actionFinished(false);
    });
    connect(m_certificates, &AsyncListModel::failed, this, [this](const Error& e) { m_message->setText(ErrorText::describe(e)); });
    reload();
}

void DeviceViewPage::reload()
{
    Engine& engine = m_actions->engine();
    const OperatorSession session = m_actions->session();
    const qint64 id = m_deviceId;
    m_actions->loadDevice(id);
    m_certificates->setLoader([&engine, session, id] { return engine.certificatesOf(session, id); });
}

void DeviceViewPage::showDevice(const Device& d)
{
    m_device = d;
    m_header->setText(tr("<h2>%1 %2</h2>Owner: %3 · State: <b>%4</b> · Expires %5")
                          .arg(DomainText::cardEncoding(d.type).toHtmlEscaped(), d.serial.toHtmlEscaped(), d.ownerName.toHtmlEscaped(),
                              DomainText::deviceState(d.state), DomainText::date(d.expiresAt)));
    for (auto it = m_buttons.cbegin(); it != m_buttons.cend(); ++it)
        it.value()->setEnabled(DeviceLifecycle::allows(d.state, it.key()));
    m_unlock->setEnabled(d.state == DeviceState::Active && (d.type == CardEncoding::IdentityAgent || d.type == CardEncoding::DerivedCredential));
    m_renew->setEnabled(d.state == DeviceState::Active && d.type == CardEncoding::IdentityAgent);
    m_update->setEnabled(d.state == DeviceState::Active && d.type == CardEncoding::IdentityAgent);
    m_manageVsc->setEnabled(d.state == DeviceState::Active && d.type == CardEncoding::VirtualSmartCard);
    m_unlockVsc->setEnabled(d.state == DeviceState::Active && d.type == CardEncoding::VirtualSmartCard);
    m_parentTrust->setVisible(m_allowed.contains(Workflow::CancelDevice) && d.type == CardEncoding::DerivedCredential);
    m_parentTrust->setEnabled(d.state != DeviceState::Canceled);
    QString html = QStringLiteral("<table cellspacing=6>");
    const QString row = QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>");
    html += row.arg(tr("Serial"), d.serial.toHtmlEscaped());
    html += row.arg(tr("Profile"), tr("%1 (version %2)").arg(d.profileName.toHtmlEscaped()).arg(d.profileVersion));
    html += row.arg(tr("Platform"), d.platform.toHtmlEscaped());
    html += row.arg(tr("Phone serial"), d.hardwareSerial.toHtmlEscaped());
    html += row.arg(tr("DNS name"), d.dnsName.toHtmlEscaped());
    html += QStringLiteral("</table>");
    m_details->setText(html);
    Engine& engine = m_actions->engine();
    const OperatorSession session = m_actions->session();
    const qint64 owner = d.ownerId;
    const qint64 id = d.id;
    m_jobs->setLoader([&engine, session, owner, id] {
        return engine.jobsOf(session, owner).then([id](Result<QList<Job>> jobs) -> Result<QList<Job>> {
            if (!jobs)
                return jobs;
            QList<Job> mine;
            for (const Job& j : *jobs) {
                if (j.deviceId == id || j.issuedDeviceId == id)
                    mine.append(j);
            }
            return mine;
        });
    });
    Q_EMIT loaded();
}

void DeviceViewPage::showIssued(const IssuedRequest& request)
{
    // The same result page as a new request: the code and QR code to read out, or what was
    // sent to whom, or that it awaits validation.
    Person holder;
    holder.id = request.job.personId;
    holder.fullName = request.job.personName;
    const auto kind = m_device.type == CardEncoding::VirtualSmartCard ? RequestCredentialDialog::Kind::Card : RequestCredentialDialog::Kind::Mobile;
    auto* dialog = new RequestCredentialDialog(*m_actions, holder, kind, !request.code.isEmpty(), this);
    dialog->setObjectName(request.job.type == JobType::Renewal || request.job.type == JobType::Update ? QStringLiteral("renewalResult") : QStringLiteral("replacementResult"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->showResult(request);
    dialog->open();
}

void DeviceViewPage::askRenewal(bool update)
{
    auto* ask = new QMessageBox(this);
    ask->setObjectName(update ? QStringLiteral("updateQuestion") : QStringLiteral("renewalQuestion"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setIcon(QMessageBox::Question);
    ask->setWindowTitle(update ? tr("Request update — %1").arg(m_device.serial) : tr("Request renewal — %1").arg(m_device.serial));
    ask->setText(update ? tr("Update %1 of %2 to the current version of its profile, with new keys?").arg(m_device.serial, m_device.ownerName)
                        : tr("Renew %1 of %2 with new keys and certificates?").arg(m_device.serial, m_device.ownerName));
    ask->setInformativeText(tr("It is collected on the phone that holds it. Its certificates keep working until the phone confirms the new ones."));
    auto* send = ask->addButton(tr("Send the code to %1").arg(m_device.ownerName), QMessageBox::AcceptRole);
    send->setObjectName(QStringLiteral("sendCode"));
    auto* show = ask->addButton(tr("Show the code here"), QMessageBox::AcceptRole);
    show->setObjectName(QStringLiteral("showCode"));
    auto* back = ask->addButton(tr("Back"), QMessageBox::RejectRole);
    ask->setDefaultButton(back);
    connect(ask, &QMessageBox::buttonClicked, this, [this, update, send, show](QAbstractButton* b) {
        if (b != send && b != show)
            return;
        m_message->setText(tr("Working…"));
        m_actions->requestRenewal(m_deviceId, update, b == show);
    });
    ask->open();
}

void DeviceViewPage::ask(DeviceOperation op)
{
    auto* dialog = new DeviceActionDialog(m_device, op, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { perform(dialog->action()); });
    dialog->open();
}

void DeviceViewPage::perform(const DeviceAction& action)
{
    m_message->setText(tr("Working…"));
    m_actions->changeDevice(m_deviceId, action);
}

} // namespace lanyard
