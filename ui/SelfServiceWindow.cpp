#include "SelfServiceWindow.h"

#include "DomainText.h"
#include "ErrorText.h"
#include "QrCodeWidget.h"
#include "SecurityQuestionsPage.h"
#include "SelfServiceIncidentPage.h"
#include "cards/PivClient.h"
#include "core/WhenFinished.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace lanyard {

namespace {
QPushButton* bigButton(QWidget* parent, const QString& name, const QString& text)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(name);
    b->setMinimumHeight(56);
    QFont f = b->font();
    f.setPointSize(f.pointSize() + 3);
    b->setFont(f);
    return b;
}

// A code the user reads out or types elsewhere: large, fixed-width, selectable.
QLabel* codeLabel(QWidget* parent, const QString& name, int pointSize)
{
    auto* l = new QLabel(parent);
    l->setObjectName(name);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    mono.setPointSize(pointSize);
    mono.setBold(true);
    l->setFont(mono);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QLabel* wrapped(QWidget* parent, const QString& name)
{
    auto* l = new QLabel(parent);
    l->setObjectName(name);
    l->setWordWrap(true);
    return l;
}
} // namespace

SelfServiceWindow::SelfServiceWindow(OperatorSessionController& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_engine(session.engine())
{
    setObjectName(QStringLiteral("selfService"));
    setWindowTitle(tr("Lanyard Self-Service"));
    resize(780, 560);
    auto* outer = new QVBoxLayout(this);
    m_greeting = wrapped(this, QStringLiteral("greeting"));
    QFont g = m_greeting->font();
    g.setPointSize(g.pointSize() + 5);
    g.setBold(true);
    m_greeting->setFont(g);
    m_greeting->setText(tr("Hello %1").arg(m_session.session().fullName));
    outer->addWidget(m_greeting);
    auto* body = new QHBoxLayout;
    outer->addLayout(body, 1);
    auto* buttons = new QVBoxLayout;
    body->addLayout(buttons);
    auto* request = bigButton(this, QStringLiteral("requestMyId"), tr("&Request My ID"));
    auto* requests = bigButton(this, QStringLiteral("myRequests"), tr("&My requests"));
    auto* renew = bigButton(this, QStringLiteral("renewMyId"), tr("Re&new My ID"));
    auto* report = bigButton(this, QStringLiteral("reportProblem"), tr("Report a &problem"));
    auto* questions = bigButton(this, QStringLiteral("securityQuestions"), tr("Security &questions"));
    auto* change = bigButton(this, QStringLiteral("changePin"), tr("&Change PIN"));
    auto* unblock = bigButton(this, QStringLiteral("unblockPin"), tr("&Unblock PIN"));
    auto* logOff = new QPushButton(tr("&Log off"), this);
    logOff->setObjectName(QStringLiteral("logOff"));
    for (QPushButton* b : { request, requests, renew, report, questions, change, unblock })
        buttons->addWidget(b);
    report->setVisible(m_session.allows(Workflow::ReportIncident));
    buttons->addStretch(1);
    buttons->addWidget(logOff);
    m_pages = new QStackedWidget(this);
    body->addWidget(m_pages, 1);
    m_pages->addWidget(buildRequestPage());
    m_pages->addWidget(buildRequestsPage());
    m_pages->addWidget(buildPinPage());
    m_pages->addWidget(buildRenewPage());
    m_incidents = new SelfServiceIncidentPage(m_engine, m_session.session(), this);
    m_pages->addWidget(m_incidents);
    m_questions = new SecurityQuestionsPage(m_engine, m_session.session(), this);
    m_pages->addWidget(m_questions);
    connect(report, &QPushButton::clicked, this, [this] {
        m_incidents->reload();
        m_pages->setCurrentWidget(m_incidents);
    });
    connect(questions, &QPushButton::clicked, this, [this] {
        m_questions->reload();
        m_pages->setCurrentWidget(m_questions);
    });
    connect(request, &QPushButton::clicked, this, &SelfServiceWindow::showRequestPage);
    connect(requests, &QPushButton::clicked, this, &SelfServiceWindow::showRequestsPage);
    connect(renew, &QPushButton::clicked, this, &SelfServiceWindow::showRenewPage);
    connect(change, &QPushButton::clicked, this, [this] { showPinPage(false); });
    connect(unblock, &QPushButton::clicked, this, [this] { showPinPage(true); });
    connect(logOff, &QPushButton::clicked, this, &SelfServiceWindow::logOffRequested);

    connect(&m_cards, &CardPinController::cardChanged, this, &SelfServiceWindow::updatePinPage);
    connect(&m_cards, &CardPinController::statusChanged, this, &SelfServiceWindow::updatePinPage);
    connect(&m_cards, &CardPinController::failed, this, [this](const Error& e) {
        m_pinResult->setText(ErrorText::describe(e));
        updatePinPage();
    });
    connect(&m_cards, &CardPinController::succeeded, this, [this](const QString& what) {
        if (what == QLatin1String("unblock-pin") && m_held) {
            // Spent: the engine let the PUK go once, and the card has used it.
            m_releasedPuk.clear();
            m_releasedFor = 0;
            m_held.reset();
        }
        m_pinResult->setText(what == QLatin1String("unblock-pin") ? tr("Your PIN is unblocked and set to the new PIN.") : tr("Your PIN has been changed."));
        for (QLineEdit* e : { m_current, m_newPin, m_confirm })
            e->clear();
        updatePinPage();
    });
    m_cards.start();

    showRequestPage();
}

QWidget* SelfServiceWindow::buildRequestPage()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("requestPage"));
    auto* v = new QVBoxLayout(page);
    auto* heading = wrapped(page, QStringLiteral("requestHeading"));
    heading->setText(tr("Request an identity for yourself"));
    v->addWidget(heading);
    auto* form = new QFormLayout;
    m_profile = new QComboBox(page);
    m_profile->setObjectName(QStringLiteral("profile"));
    form->addRow(tr("&Identity:"), m_profile);
    v->addLayout(form);
    m_requestHint = wrapped(page, QStringLiteral("requestHint"));
    v->addWidget(m_requestHint);
    m_showQr = new QCheckBox(tr("&Show QR code here instead of sending the code"), page);
    m_showQr->setObjectName(QStringLiteral("showQr"));
    v->addWidget(m_showQr);
    m_requestButton = new QPushButton(tr("Re&quest"), page);
    m_requestButton->setObjectName(QStringLiteral("request"));
    v->addWidget(m_requestButton, 0, Qt::AlignLeft);
    m_requestResult = wrapped(page, QStringLiteral("requestResult"));
    v->addWidget(m_requestResult);
    m_requestStatus = wrapped(page, QStringLiteral("requestStatus"));
    QFont statusFont = m_requestStatus->font();
    statusFont.setBold(true);
    m_requestStatus->setFont(statusFont);
    v->addWidget(m_requestStatus);
    auto* show = new QHBoxLayout;
    m_code = codeLabel(page, QStringLiteral("code"), 26);
    m_qr = new QrCodeWidget(page);
    m_qr->setObjectName(QStringLiteral("qr"));
    m_qr->hide();
    show->addWidget(m_code);
    show->addWidget(m_qr);
    v->addLayout(show);
    v->addStretch(1);
    connect(m_profile, &QComboBox::currentIndexChanged, this, &SelfServiceWindow::updateRequestHints);
    connect(m_showQr, &QCheckBox::toggled, this, &SelfServiceWindow::updateRequestHints);
    connect(m_requestButton, &QPushButton::clicked, this, &SelfServiceWindow::submitRequest);
    m_watch = new QTimer(this);
    m_watch->setInterval(2000);
    connect(m_watch, &QTimer::timeout, this, &SelfServiceWindow::watchRequest);
    return page;
}

void SelfServiceWindow::showRequestPage()
{
    m_pages->setCurrentIndex(0);
    // Contact details decide what can be offered; they may have changed since the last visit.
    whenFinished(m_engine.person(m_session.session(), m_session.session().personId), this, [this](const Result<Person>& p) {
        if (p) {
            m_me = *p;
            updateRequestHints();
        }
    });
    m_requestButton->setEnabled(false);
    whenFinished(m_engine.requestableProfiles(m_session.session(), m_session.session().personId), this, [this](const Result<QList<CredentialProfile>>& p) {
        const QString chosen = m_profile->currentText(); // kept across the reload
        m_profiles.clear();
        m_profile->clear();
        if (!p) {
            m_requestHint->setText(ErrorText::describe(p.error()));
            return;
        }
        for (const CredentialProfile& profile : *p) {
            // Request My ID is for the phone; cards come from the helpdesk, derived credentials from the kiosk.
            if (profile.encoding != CardEncoding::IdentityAgent)
                continue;
            m_profiles.append(profile);
            m_profile->addItem(profile.name);
        }
        if (m_profiles.isEmpty())
            m_requestHint->setText(tr("There is no identity you can request for yourself. Ask the helpdesk."));
        if (const int again = m_profile->findText(chosen); again >= 0)
            m_profile->setCurrentIndex(again);
        updateRequestHints();
    });
}

void SelfServiceWindow::updateRequestHints()
{
    const int i = m_profile->currentIndex();
    m_requestButton->setEnabled(i >= 0 && i < m_profiles.size());
    if (i < 0 || i >= m_profiles.size())
        return;
    const CredentialProfile& p = m_profiles.at(i);
    const bool noContact = m_me.email.isEmpty() && m_me.mobile.isEmpty();
    if (p.requiresValidation && noContact) {
        // Approval comes later, and then the code must reach the user some way.
        m_showQr->setChecked(false);
        m_showQr->setEnabled(false);
        m_requestButton->setEnabled(false);
        m_requestHint->setText(tr("The helpdesk must approve this identity first and then sends you the code, but you have no email address or mobile number on record. Ask the helpdesk to add one."));
    } else if (p.requiresValidation) {
        // A validated request gets its code only after approval, so there is nothing to show yet.
        m_showQr->setChecked(false);
        m_showQr->setEnabled(false);
        m_requestHint->setText(tr("The helpdesk must approve this identity first. You will get the code once it is approved, so no QR code can be shown here."));
    } else if (noContact) {
        m_showQr->setChecked(true);
        m_showQr->setEnabled(false);
        m_requestHint->setText(tr("You have no email address or mobile number on record, so the code is shown here. Have your phone ready."));
    } else {
        m_showQr->setEnabled(true);
        if (m_showQr->isChecked())
            m_requestHint->setText(tr("The code will be shown here and nothing is sent. Have your phone ready."));
        else
            m_requestHint->setText(m_me.email.isEmpty() ? tr("The code will be sent to your mobile number %1.").arg(m_me.mobile)
                                                    : tr("The code will be sent to %1.").arg(m_me.email));
    }
}

void SelfServiceWindow::submitRequest()
{
    const int i = m_profile->currentIndex();
    if (i < 0 || i >= m_profiles.size())
        return;
    const CredentialProfile profile = m_profiles.at(i);
    const bool showCode = m_showQr->isChecked() && !profile.requiresValidation;
    m_requestButton->setEnabled(false);
    m_requestResult->setText(tr("Requesting…"));
    m_requestStatus->clear();
    m_watch->stop();
    m_watchedJob = 0;
    m_code->clear();
    m_qr->hide();
    whenFinished(m_engine.requestCredential(m_session.session(), m_session.session().personId, profile.id, showCode), this,
        [this](const Result<IssuedRequest>& r) {
            m_requestButton->setEnabled(true);
            if (!r) {
                m_requestResult->setText(ErrorText::describe(r.error()));
                return;
            }
            showIssued(*r, false);
        });
}

void SelfServiceWindow::showIssued(const IssuedRequest& r, bool renewal)
{
    m_pages->setCurrentIndex(0);
    m_requestStatus->clear();
    m_code->clear();
    m_qr->hide();
    m_watchedJob = r.job.id;
    m_watch->start();
    if (r.job.status == JobStatus::AwaitingValidation) {
        m_requestResult->setText(tr("Your request is waiting for the helpdesk's approval. You will be told when you can collect it."));
        return showWatchedJob(r.job, {});
    }
    if (!r.code.isEmpty()) {
        m_requestResult->setText(renewal ? tr("Open the app on the phone that holds this identity, choose Renew, scan the QR code, and type this code when it asks. "
                                              "Your identity keeps working until the phone has the new one:")
                                         : tr("Open the app on your phone, scan the QR code, and type this code when it asks:"));
        m_code->setText(r.code);
        if (auto qr = QrCode::encode(r.collectionUrl)) {
            m_qr->setCode(*qr);
            m_qr->show();
        }
        return showWatchedJob(r.job, {});
    }
    m_requestResult->setText(tr("Done: %n message(s) with the link and the code are on their way to you.", nullptr, int(r.notifications.size())));
    showWatchedJob(r.job, {});
}

QWidget* SelfServiceWindow::buildRenewPage()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("renewPage"));
    auto* v = new QVBoxLayout(page);
    auto* heading = wrapped(page, QStringLiteral("renewHeading"));
    heading->setText(tr("Renew an identity on your phone"));
    v->addWidget(heading);
    auto* form = new QFormLayout;
    m_renewDevice = new QComboBox(page);
    m_renewDevice->setObjectName(QStringLiteral("renewDevice"));
    form->addRow(tr("&Identity:"), m_renewDevice);
    v->addLayout(form);
    m_renewHint = wrapped(page, QStringLiteral("renewHint"));
    m_renewHint->setText(tr("Your phone makes new keys and receives new certificates; the ones it has keep working until then."));
    v->addWidget(m_renewHint);
    m_renewButton = new QPushButton(tr("&Renew"), page);
    m_renewButton->setObjectName(QStringLiteral("renew"));
    m_renewButton->setEnabled(false);
    v->addWidget(m_renewButton, 0, Qt::AlignLeft);
    m_renewResult = wrapped(page, QStringLiteral("renewResult"));
    v->addWidget(m_renewResult);
    v->addStretch(1);
    connect(m_renewButton, &QPushButton::clicked, this, &SelfServiceWindow::submitRenewal);
    return page;
}

void SelfServiceWindow::showRenewPage()
{
    m_pages->setCurrentIndex(3);
    m_renewResult->clear();
    m_renewDevice->clear();
    m_renewButton->setEnabled(false);
    whenFinished(m_engine.devicesOf(m_session.session(), m_session.session().personId), this, [this](const Result<QList<Device>>& devices) {
        if (!devices) {
            m_renewResult->setText(ErrorText::describe(devices.error()));
            return;
        }
        for (const Device& d : *devices) {
            if (d.state == DeviceState::Active && d.type == CardEncoding::IdentityAgent)
                m_renewDevice->addItem(tr("%1 %2, expires %3").arg(d.profileName, d.serial, DomainText::date(d.expiresAt)), d.id);
        }
        m_renewButton->setEnabled(m_renewDevice->count() > 0);
        if (m_renewDevice->count() == 0)
            m_renewResult->setText(tr("You hold no active identity on a phone to renew."));
    });
}

void SelfServiceWindow::submitRenewal()
{
    const qint64 device = m_renewDevice->currentData().toLongLong();
    if (device <= 0)
        return;
    m_renewButton->setEnabled(false);
    m_renewResult->setText(tr("Requesting…"));
    whenFinished(m_engine.requestRenewal(m_session.session(), device, false, true), this, [this](const Result<IssuedRequest>& r) {
        m_renewButton->setEnabled(true);
        if (!r) {
            m_renewResult->setText(ErrorText::describe(r.error()));
            return;
        }
        m_renewResult->clear();
        showIssued(*r, true);
    });
}

void SelfServiceWindow::loadMyRequests(std::function<void(const Result<QList<Job>>&, const QList<Device>&)> done)
{
    const qint64 me = m_session.session().personId;
    whenFinished(m_engine.jobsOf(m_session.session(), me), this, [this, me, done](const Result<QList<Job>>& jobs) {
        if (!jobs)
            return done(jobs, {});
        // The devices name what each collected request went onto.
        whenFinished(m_engine.devicesOf(m_session.session(), me), this, [done, jobs](const Result<QList<Device>>& devices) {
            done(jobs, devices ? *devices : QList<Device>());
        });
    });
}

void SelfServiceWindow::watchRequest()
{
    if (m_watchAsking || m_watchedJob == 0)
        return;
    m_watchAsking = true;
    const qint64 watched = m_watchedJob;
    loadMyRequests([this, watched](const Result<QList<Job>>& jobs, const QList<Device>& devices) {
        m_watchAsking = false;
        if (!jobs || watched != m_watchedJob)
            return; // a passing failure: the next tick asks again
        const auto job = std::find_if(jobs->cbegin(), jobs->cend(), [watched](const Job& j) { return j.id == watched; });
        if (job != jobs->cend())
            showWatchedJob(*job, devices);
    });
}

void SelfServiceWindow::showWatchedJob(const Job& job, const QList<Device>& devices)
{
    m_requestStatus->setText(collectionText(job, devices));
    const bool over = isTerminal(job.status) || job.status == JobStatus::Locked; // only the helpdesk moves it on
    if (over || job.status == JobStatus::InProgress) {
        // The code is spent or void: nothing left to scan or type.
        m_code->clear();
        m_qr->hide();
        m_requestResult->clear();
    }
    if (over)
        m_watch->stop();
}

QString SelfServiceWindow::collectionText(const Job& job, const QList<Device>& devices) const
{
    switch (job.status) {
    case JobStatus::AwaitingValidation:
        return tr("Waiting for the helpdesk's approval.");
    case JobStatus::AwaitingIssue:
        if (job.codeExpiresAt.isValid() && job.codeExpiresAt <= QDateTime::currentDateTimeUtc())
            return tr("The code has expired. Ask the helpdesk for a new one.");
        return job.codeExpiresAt.isValid() ? tr("Waiting for your phone. The code works until %1.").arg(DomainText::dateTime(job.codeExpiresAt))
                                           : tr("Waiting for your phone.");
    case JobStatus::InProgress:
        return tr("Your phone is collecting it now…");
    case JobStatus::Completed: {
        const auto device = std::find_if(devices.cbegin(), devices.cend(), [&job](const Device& d) { return d.id == job.issuedDeviceId; });
        const QString when = DomainText::dateTime(job.updatedAt);
        if (device == devices.cend())
            return tr("Collected on %1.").arg(when);
        return device->platform.isEmpty() ? tr("Collected on %1 as %2 %3.").arg(when, DomainText::cardEncoding(device->type), device->serial)
                                          : tr("Collected on %1 as %2 %3 (%4).").arg(when, DomainText::cardEncoding(device->type), device->serial, device->platform);
    }
    case JobStatus::Cancelled:
        return job.reason.isEmpty() ? tr("Cancelled.") : tr("Cancelled: %1").arg(job.reason);
    case JobStatus::Failed:
        return job.details.isEmpty() ? tr("Collection failed. Ask the helpdesk to request it again.")
                                     : tr("Collection failed: %1 Ask the helpdesk to request it again.").arg(job.details);
    case JobStatus::Expired:
        return tr("The code expired before it was used. Ask the helpdesk for a new code.");
    case JobStatus::Locked:
        return tr("The code was typed wrongly too often. Ask the helpdesk for a new code.");
    }
    return DomainText::jobStatus(job.status);
}

QWidget* SelfServiceWindow::buildRequestsPage()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("requestsPage"));
    auto* v = new QVBoxLayout(page);
    m_requests = new QTableWidget(0, 4, page);
    m_requests->setObjectName(QStringLiteral("requests"));
    m_requests->setHorizontalHeaderLabels({ tr("Identity"), tr("Status"), tr("Requested"), tr("Collection") });
    m_requests->horizontalHeader()->setStretchLastSection(true);
    m_requests->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_requests->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_requests->setSelectionMode(QAbstractItemView::SingleSelection);
    v->addWidget(m_requests);
    m_cancelRequest = new QPushButton(tr("C&ancel request"), page);
    m_cancelRequest->setObjectName(QStringLiteral("cancelRequest"));
    m_cancelRequest->setEnabled(false);
    m_cancelRequest->setVisible(m_session.allows(Workflow::ReportIncident));
    v->addWidget(m_cancelRequest, 0, Qt::AlignLeft);
    m_requestsMessage = wrapped(page, QStringLiteral("requestsMessage"));
    v->addWidget(m_requestsMessage);
    connect(m_requests, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = m_requests->selectionModel()->selectedRows();
        m_cancelRequest->setEnabled(!rows.isEmpty() && m_requests->item(rows.first().row(), 0)->data(Qt::UserRole + 1).toBool());
    });
    connect(m_cancelRequest, &QPushButton::clicked, this, &SelfServiceWindow::askCancelRequest);
    return page;
}

void SelfServiceWindow::showRequestsPage()
{
    m_pages->setCurrentIndex(1);
    m_requestsMessage->clear();
    loadRequestsTable();
}

void SelfServiceWindow::loadRequestsTable()
{
    m_cancelRequest->setEnabled(false);
    loadMyRequests([this](const Result<QList<Job>>& jobs, const QList<Device>& devices) {
        m_requests->setRowCount(0);
        if (!jobs) {
            m_requestsMessage->setText(ErrorText::describe(jobs.error()));
            return;
        }
        for (const Job& j : *jobs) {
            if (j.type == JobType::PinLock || j.type == JobType::TemporaryUnlock)
                continue;
            const int row = m_requests->rowCount();
            m_requests->insertRow(row);
            auto* identity = new QTableWidgetItem(j.profileName);
            identity->setData(Qt::UserRole, j.id);
            // What the engine lets a holder cancel: a request that is not done and not being collected.
            identity->setData(Qt::UserRole + 1, !isTerminal(j.status) && j.status != JobStatus::InProgress);
            m_requests->setItem(row, 0, identity);
            m_requests->setItem(row, 1, new QTableWidgetItem(DomainText::jobStatus(j.status)));
            m_requests->setItem(row, 2, new QTableWidgetItem(DomainText::dateTime(j.requestedAt)));
            m_requests->setItem(row, 3, new QTableWidgetItem(collectionText(j, devices)));
        }
        m_requests->resizeColumnsToContents();
    });
}

void SelfServiceWindow::askCancelRequest()
{
    const auto rows = m_requests->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const qint64 job = m_requests->item(rows.first().row(), 0)->data(Qt::UserRole).toLongLong();
    auto* ask = new QMessageBox(this);
    ask->setObjectName(QStringLiteral("cancelRequestQuestion"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setIcon(QMessageBox::Question);
    ask->setWindowTitle(tr("Cancel request %1").arg(job));
    ask->setText(tr("Cancel request %1? Its code stops working.").arg(job));
    ask->setInformativeText(tr("If it is the temporary replacement of a credential you reported forgotten, that credential works again."));
    auto* yes = ask->addButton(tr("Cancel request"), QMessageBox::AcceptRole);
    yes->setObjectName(QStringLiteral("confirmCancelRequest"));
    auto* back = ask->addButton(tr("Keep request"), QMessageBox::RejectRole);
    ask->setDefaultButton(back);
    connect(ask, &QMessageBox::buttonClicked, this, [this, yes, job](QAbstractButton* b) {
        if (b != yes)
            return;
        m_requestsMessage->setText(tr("Working…"));
        whenFinished(m_engine.cancelJob(m_session.session(), job, QStringLiteral("cancelled by the holder in Self-Service")), this, [this](const Result<Job>& cancelled) {
            m_requestsMessage->setText(cancelled ? tr("Request %1 is cancelled.").arg(cancelled->id) : ErrorText::describe(cancelled.error()));
            loadRequestsTable();
        });
    });
    ask->open();
}

QWidget* SelfServiceWindow::buildPinPage()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("pinPage"));
    auto* v = new QVBoxLayout(page);
    m_pinHeading = wrapped(page, QStringLiteral("pinHeading"));
    v->addWidget(m_pinHeading);
    m_cardState = wrapped(page, QStringLiteral("cardState"));
    v->addWidget(m_cardState);
    m_tries = wrapped(page, QStringLiteral("tries"));
    QFont f = m_tries->font();
    f.setBold(true);
    m_tries->setFont(f);
    v->addWidget(m_tries);
    m_heldIntro = wrapped(page, QStringLiteral("heldPukIntro"));
    v->addWidget(m_heldIntro);
    m_challenge = codeLabel(page, QStringLiteral("unblockChallenge"), 22);
    v->addWidget(m_challenge);
    auto* form = new QFormLayout;
    m_current = new QLineEdit(page);
    m_current->setObjectName(QStringLiteral("current"));
    m_newPin = new QLineEdit(page);
    m_newPin->setObjectName(QStringLiteral("newPin"));
    m_confirm = new QLineEdit(page);
    m_confirm->setObjectName(QStringLiteral("confirmPin"));
    for (QLineEdit* e : { m_current, m_newPin, m_confirm }) {
        e->setEchoMode(QLineEdit::Password);
        e->setMaxLength(8);
    }
    m_currentLabel = new QLabel(page);
    m_currentLabel->setBuddy(m_current); // its text changes with the page, so it is set here once
    form->addRow(m_currentLabel, m_current);
    form->addRow(tr("&New PIN (6–8 digits):"), m_newPin);
    form->addRow(tr("Con&firm new PIN:"), m_confirm);
    v->addLayout(form);
    m_pinButton = new QPushButton(page);
    m_pinButton->setObjectName(QStringLiteral("pinSubmit"));
    v->addWidget(m_pinButton, 0, Qt::AlignLeft);
    m_pinResult = wrapped(page, QStringLiteral("pinResult"));
    v->addWidget(m_pinResult);
    v->addStretch(1);
    connect(m_pinButton, &QPushButton::clicked, this, &SelfServiceWindow::submitPin);
    connect(m_confirm, &QLineEdit::returnPressed, m_pinButton, &QPushButton::click);
    return page;
}

void SelfServiceWindow::showPinPage(bool unblock)
{
    m_unblock = unblock;
    m_heldAskedFor.clear(); // ask again: the card may have been locked since
    m_pinResult->clear();
    for (QLineEdit* e : { m_current, m_newPin, m_confirm })
        e->clear();
    m_pages->setCurrentIndex(2);
    if (!m_cards.busy())
        m_cards.refresh(); // the card may have been used elsewhere since it was read
    updatePinPage();
}

void SelfServiceWindow::askForHeldPuk()
{
    const QByteArray certificate = m_cards.certificate();
    m_heldAskedFor = certificate;
    m_held.reset();
    m_heldNote.clear();
    m_heldAsking = true;
    whenFinished(m_engine.vscUnblockChallenge(m_session.session(), certificate), this, [this, certificate](const Result<VscUnblockChallenge>& held) {
        if (certificate != m_heldAskedFor)
            return; // another card by now
        m_heldAsking = false;
        if (held)
            m_held = *held;
        else if (held.error().code == ErrorCode::NotFound)
            m_heldNote = tr("Lanyard does not hold an unblock code for this card. Use the unblock code (PUK) you received with it.");
        else
            m_heldNote = tr("Lanyard could not check whether it can unblock this card: %1 You can still use the unblock code (PUK) you received with it.")
                             .arg(ErrorText::describe(held.error()));
        updatePinPage();
    });
}

void SelfServiceWindow::updatePinPage()
{
    if (m_unblock && m_cards.hasCard() && !m_cards.certificate().isEmpty() && m_cards.certificate() != m_heldAskedFor)
        askForHeldPuk(); // updates the page again with the answer
    if (m_unblock && m_cards.hasCard() && m_cards.certificate().isEmpty())
        m_heldNote.clear();
    const bool viaHelpdesk = m_unblock && m_cards.hasCard() && m_held && m_cards.certificate() == m_heldAskedFor;
    const bool released = viaHelpdesk && m_releasedFor == m_held->deviceId && !m_releasedPuk.isEmpty();
    if (viaHelpdesk) {
        m_pinHeading->setText(tr("Unblock your card's PIN through the helpdesk"));
        m_heldIntro->setText(released ? tr("The helpdesk's unlock code was accepted. Choose your new PIN.")
                                      : tr("Lanyard keeps the unblock code of this card (%1). Call the helpdesk, read them this challenge, and type the unlock code they give you. "
                                           "The challenge is valid until %2.")
                                            .arg(m_held->deviceSerial, DomainText::dateTime(m_held->expiresAt)));
        m_challenge->setText(released ? QString() : m_held->challenge);
        m_currentLabel->setText(tr("Helpdesk's &unlock code:"));
        m_current->setEchoMode(QLineEdit::Normal); // read from the phone call, checked by eye
        m_current->setMaxLength(32);
        m_current->setPlaceholderText(QStringLiteral("XXXX XXXX XXXX XXXX"));
        m_current->setVisible(!released);
        m_currentLabel->setVisible(!released);
    } else {
        m_pinHeading->setText(m_unblock ? tr("Unblock your card's PIN with the unblock code (PUK)") : tr("Change your card's PIN"));
        m_heldIntro->setText(m_unblock && m_cards.hasCard() ? (m_heldAsking ? tr("Checking whether Lanyard can unblock this card…") : m_heldNote) : QString());
        m_challenge->clear();
        m_currentLabel->setText(m_unblock ? tr("&Unblock code (PUK):") : tr("C&urrent PIN:"));
        m_current->setEchoMode(QLineEdit::Password);
        m_current->setMaxLength(8);
        m_current->setPlaceholderText(QString());
        m_current->setVisible(true);
        m_currentLabel->setVisible(true);
    }
    m_heldIntro->setVisible(!m_heldIntro->text().isEmpty());
    m_challenge->setVisible(!m_challenge->text().isEmpty());
    if (!m_cards.serviceAvailable())
        m_cardState->setText(ErrorText::describe(Error(ErrorCode::PcscUnavailable)));
    else if (!m_cards.hasCard())
        m_cardState->setText(tr("Insert your card into the reader."));
    else
        m_cardState->setText(tr("Card found."));
    const PinStatus& s = m_cards.pinStatus();
    if (m_cards.hasCard() && s.triesUnknown)
        m_tries->setText(tr("PIN attempts left: unknown (this card does not tell)."));
    else if (!m_cards.hasCard() || s.triesLeft < 0)
        m_tries->clear();
    else if (s.blocked && viaHelpdesk)
        m_tries->setText(tr("The PIN is blocked: unblock it below with the helpdesk's unlock code."));
    else if (s.blocked)
        m_tries->setText(tr("The PIN is blocked: unblock it with your unblock code (PUK)."));
    else
        m_tries->setText(tr("PIN attempts left: %1").arg(s.triesLeft));
    m_pinButton->setText(m_unblock ? tr("Un&block") : tr("C&hange"));
    m_pinButton->setEnabled(m_cards.hasCard() && !m_cards.busy() && !m_heldAsking);
}

void SelfServiceWindow::submitPin()
{
    if (m_newPin->text() != m_confirm->text()) {
        m_pinResult->setText(tr("The new PIN and its confirmation differ. Type them again."));
        return;
    }
    m_pinResult->setText(tr("Working with your card…"));
    m_pinButton->setEnabled(false); // until the card has answered (or the input was refused)
    if (m_unblock && m_held && m_cards.certificate() == m_heldAskedFor)
        return unblockWithHeldPuk();
    if (m_unblock)
        m_cards.unblockPin(m_current->text(), m_newPin->text());
    else
        m_cards.changePin(m_current->text(), m_newPin->text());
}

void SelfServiceWindow::unblockWithHeldPuk()
{
    // The PIN's shape first: once released, the PUK is not given out again.
    if (auto format = PivClient::checkPinFormat(PinReference::Pin, m_newPin->text()); !format) {
        m_pinResult->setText(ErrorText::describe(format.error()));
        return updatePinPage();
    }
    const VscUnblockChallenge held = *m_held;
    if (m_releasedFor == held.deviceId && !m_releasedPuk.isEmpty())
        return m_cards.unblockPin(m_releasedPuk, m_newPin->text());
    whenFinished(m_engine.releaseHeldPuk(m_session.session(), held.deviceId, m_current->text()), this, [this, held](const Result<QString>& puk) {
        if (!m_held || m_held->deviceId != held.deviceId)
            return;
        if (!puk) {
            m_pinResult->setText(ErrorText::describe(puk.error()));
            if (puk.error().code == ErrorCode::PossessionFailed)
                m_heldAskedFor.clear(); // the challenge expired: show a fresh one
            return updatePinPage();
        }
        m_releasedFor = held.deviceId;
        m_releasedPuk = *puk;
        m_current->clear();
        m_cards.unblockPin(m_releasedPuk, m_newPin->text());
    });
}

} // namespace lanyard
