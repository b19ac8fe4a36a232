#include "MainWindow.h"


#include "AuditPage.h"
#include "DeviceViewPage.h"
#include "FindDevicePage.h"
#include "FindPersonPage.h"
#include "ImportPeoplePage.h"
#include "DirectoryPage.h"
#include "HardwarePage.h"
#include "ManageVscAccessDialog.h"
#include "MessageTemplatesPage.h"
#include "OperatorActions.h"
#include "OperatorSessionController.h"
#include "PersonViewPage.h"
#include "CertificatePoliciesPage.h"
#include "ProfilesPage.h"
#include "RequestsPage.h"
#include "RolesPage.h"
#include "SettingsPage.h"
#include "VscCardPicker.h"
#include "VscUnlockDialog.h"

#include <QAction>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace lanyard {

MainWindow::MainWindow(OperatorSessionController& session, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_actions(new OperatorActions(session.engine(), session.session(), this))
{
    setObjectName(QStringLiteral("mainWindow"));
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    m_search = new QLineEdit(central);
    m_search->setObjectName(QStringLiteral("globalSearch"));
    m_search->setPlaceholderText(tr("Search people by name, logon name or email (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);

    auto* splitter = new QSplitter(central);
    m_navigation = new QListWidget(splitter);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setMaximumWidth(220);
    m_pages = new QStackedWidget(splitter);
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    const QList<Workflow> allowed = m_session.workflows();
    if (m_session.allows(Workflow::FindPerson)) {
        auto* findPerson = new FindPersonPage(*m_actions, m_session.allows(Workflow::AddPerson),
            m_session.allows(Workflow::RequestMobile) || m_session.allows(Workflow::RequestCard), m_pages);
        connect(findPerson, &FindPersonPage::openPerson, this, &MainWindow::openPerson);
        connect(m_search, &QLineEdit::returnPressed, this, [this, findPerson] {
            showPage(QStringLiteral("find-person"));
            findPerson->search(m_search->text());
        });
        addPage(QStringLiteral("find-person"), tr("Find Person"), findPerson);
        auto* findDevice = new FindDevicePage(*m_actions, m_pages);
        connect(findDevice, &FindDevicePage::openDevice, this, &MainWindow::openDevice);
        addPage(QStringLiteral("find-device"), tr("Find Device"), findDevice);
    }
    if (m_session.allows(Workflow::AddPerson))
        addPage(QStringLiteral("import-people"), tr("Import People"), new ImportPeoplePage(*m_actions, m_session.allows(Workflow::AssignRoles), m_pages));
    if (m_session.allows(Workflow::ManageDirectory))
        addPage(QStringLiteral("directory"), tr("Directory"), new DirectoryPage(*m_actions, m_pages));
    if (m_session.allows(Workflow::ManageJobs) || m_session.allows(Workflow::ValidateRequest))
        addPage(QStringLiteral("requests"), tr("Requests"), new RequestsPage(*m_actions, allowed, m_pages));
    if (m_session.allows(Workflow::ViewAudit))
        addPage(QStringLiteral("audit"), tr("Audit"), new AuditPage(*m_actions, m_pages));
    if (m_session.allows(Workflow::EditConfiguration))
    {
        addPage(QStringLiteral("configuration"), tr("Configuration"), new SettingsPage(*m_actions, m_pages));
        addPage(QStringLiteral("templates"), tr("Message templates"), new MessageTemplatesPage(*m_actions, m_pages));
    }
    if (m_session.allows(Workflow::EditCertificatePolicies))
        addPage(QStringLiteral("policies"), tr("Certificate Policies"),
            new CertificatePoliciesPage(*m_actions, m_session.allows(Workflow::FindPerson), m_pages));
    if (m_session.allows(Workflow::EditCredentialProfiles))
        addPage(QStringLiteral("profiles"), tr("Credential Profiles"), new ProfilesPage(*m_actions, m_pages));
    if (m_session.allows(Workflow::EditRoles))
        addPage(QStringLiteral("roles"), tr("Roles"), new RolesPage(*m_actions, m_pages));
    if (m_session.allows(Workflow::AddEditDevices))
        addPage(QStringLiteral("hardware"), tr("Registered hardware"), new HardwarePage(*m_actions, m_pages));
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            m_pages->setCurrentIndex(row);
    });
    m_navigation->setCurrentRow(0);

    auto* fileMenu = menuBar()->addMenu(tr("&File"));
    auto* logOff = fileMenu->addAction(tr("&Log off"), this, &MainWindow::logOffRequested);
    logOff->setShortcut(QKeySequence(tr("Ctrl+Shift+L")));
    auto* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    // Cards: the VSC workflows without going through a person or device page first.
    auto* cardsMenu = menuBar()->addMenu(tr("&Cards"));
    cardsMenu->setObjectName(QStringLiteral("cardsMenu"));
    const auto cardAction = [this, cardsMenu](const QString& text, const char* name, Workflow workflow) {
        auto* action = cardsMenu->addAction(text, this, [this, workflow] { pickCard(workflow); });
        action->setObjectName(QLatin1String(name));
        action->setEnabled(m_session.allows(workflow) && m_session.allows(Workflow::FindPerson));
    };
    cardAction(tr("&Manage VSC Access…"), "cardsManageVsc", Workflow::ManageVscAccess);
    cardAction(tr("Unlock VSC &Temporary Access…"), "cardsUnlockVsc", Workflow::UnlockVscTemporaryAccess);
    auto* focusSearch = new QShortcut(QKeySequence::Find, this);
    connect(focusSearch, &QShortcut::activated, m_search, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    m_operatorLabel = new QLabel(this);
    m_operatorLabel->setObjectName(QStringLiteral("operatorLabel"));
    m_engineLabel = new QLabel(this);
    m_engineLabel->setObjectName(QStringLiteral("engineLabel"));
    m_keyStoreLabel = new QLabel(this);
    m_keyStoreLabel->setObjectName(QStringLiteral("keyStoreLabel"));
    statusBar()->addWidget(m_operatorLabel);
    statusBar()->addWidget(m_engineLabel, 1);
    m_retry = new QPushButton(tr("&Retry now"), this);
    m_retry->setObjectName(QStringLiteral("retryConnection"));
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, &MainWindow::retryConnectionRequested);
    statusBar()->addWidget(m_retry);
    statusBar()->addPermanentWidget(m_keyStoreLabel);
    updateStatus();
    resize(1100, 700);
}

void MainWindow::pickCard(Workflow workflow)
{
    auto* picker = new VscCardPicker(*m_actions, workflow, this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &VscCardPicker::cardChosen, this, [this](const Device& device, Workflow chosen) {
        QDialog* dialog = chosen == Workflow::ManageVscAccess ? static_cast<QDialog*>(new ManageVscAccessDialog(*m_actions, device, this))
                                                              : static_cast<QDialog*>(new VscUnlockDialog(*m_actions, device, this));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    picker->open();
}

void MainWindow::addPage(const QString& key, const QString& title, QWidget* page)
{
    auto* item = new QListWidgetItem(title, m_navigation);
    item->setData(Qt::UserRole, key);
    page->setObjectName(key);
    m_pages->addWidget(page);
}

void MainWindow::showPage(const QString& key)
{
    for (int i = 0; i < m_navigation->count(); ++i) {
        if (m_navigation->item(i)->data(Qt::UserRole).toString() == key) {
            m_navigation->setCurrentRow(i);
            m_pages->setCurrentIndex(i);
            return;
        }
    }
}

void MainWindow::showDetail(QWidget* page)
{
    // One detail page at a time, after the navigation pages; the list shows no selection.
    if (m_detail) {
        m_pages->removeWidget(m_detail);
        m_detail->deleteLater();
    }
    m_detail = page;
    m_pages->addWidget(page);
    m_pages->setCurrentWidget(page);
    m_navigation->clearSelection();
    m_navigation->setCurrentRow(-1);
}

void MainWindow::openPerson(qint64 personId)
{
    auto* page = new PersonViewPage(*m_actions, m_session.workflows(), personId, m_pages);
    connect(page, &PersonViewPage::openDevice, this, &MainWindow::openDevice);
    // A removed person's page has nothing left to show: back to the search.
    connect(page, &PersonViewPage::removed, this, [this] { showPage(QStringLiteral("find-person")); });
    showDetail(page);
}

void MainWindow::openDevice(qint64 deviceId)
{
    auto* page = new DeviceViewPage(*m_actions, m_session.workflows(), deviceId, m_pages);
    showDetail(page);
}

QWidget* MainWindow::currentPage() const
{
    return m_pages->currentWidget();
}

QString MainWindow::currentPageName() const
{
    return m_pages->currentWidget() ? m_pages->currentWidget()->objectName() : QString();
}

QStringList MainWindow::navigationEntries() const
{
    QStringList out;
    for (int i = 0; i < m_navigation->count(); ++i)
        out << m_navigation->item(i)->data(Qt::UserRole).toString();
    return out;
}

void MainWindow::updateStatus()
{
    const OperatorSession& s = m_session.session();
    const EngineInfo info = m_session.engine().info();
    const QString engineText = info.remote ? tr("Server %1").arg(info.location) : tr("Embedded engine: %1").arg(info.location);
    setWindowTitle(tr("Lanyard — %1 — %2").arg(s.fullName, info.remote ? info.location : QFileInfo(info.location).fileName()));
    m_operatorLabel->setText(tr("Logged on as %1 (%2)").arg(s.fullName, s.logonName));
    m_engineLabel->setText(engineText + QStringLiteral(" — ") + tr("connected"));
    if (info.remote) {
        m_keyStoreLabel->setText(tr("Keys and CA on the server"));
    } else if (info.secretStore == SecretStoreKind::KeyFile) {
        m_keyStoreLabel->setText(tr("⚠ Master key in a key file (no system keychain)"));
        m_keyStoreLabel->setToolTip(tr("The master key protecting the CA key is stored in %1. Keep that file private and backed up.").arg(info.secretStoreLocation));
    } else {
        m_keyStoreLabel->setText(tr("Master key in the system keychain"));
    }
}

void MainWindow::setConnectionState(bool reachable, const QString& detail)
{
    const EngineInfo info = m_session.engine().info();
    const QString engineText = info.remote ? tr("Server %1").arg(info.location) : tr("Embedded engine: %1").arg(info.location);
    m_engineLabel->setText(engineText + QStringLiteral(" — ") + (reachable ? tr("connected") : tr("unreachable, trying again every few seconds")));
    m_engineLabel->setToolTip(reachable ? QString() : detail);
    m_retry->setVisible(!reachable);
}

} // namespace lanyard
