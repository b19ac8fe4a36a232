#include "MainWindow.h"

#include "OperatorSessionController.h"

#include <QAction>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace lanyard {

MainWindow::MainWindow(OperatorSessionController& session, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
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

    if (m_session.allows(Workflow::FindPerson)) {
        addPage(QStringLiteral("find-person"), tr("Find Person"), tr("Search for people and act on their credentials."));
        addPage(QStringLiteral("find-device"), tr("Find Device"), tr("Find a device by serial number or DNS name."));
    }
    if (m_session.allows(Workflow::ManageJobs) || m_session.allows(Workflow::ValidateRequest))
        addPage(QStringLiteral("requests"), tr("Requests"), tr("Pending and completed requests, codes and validation."));
    if (m_session.allows(Workflow::ViewAudit))
        addPage(QStringLiteral("audit"), tr("Audit"), tr("The audit trail of every operation, and whether it verifies."));
    if (m_session.allows(Workflow::EditConfiguration) || m_session.allows(Workflow::EditCredentialProfiles) || m_session.allows(Workflow::EditRoles))
        addPage(QStringLiteral("configuration"), tr("Configuration"), tr("Operation settings, credential profiles, roles and timezones."));
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);

    auto* fileMenu = menuBar()->addMenu(tr("&File"));
    auto* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
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
    statusBar()->addPermanentWidget(m_keyStoreLabel);
    updateStatus();
    resize(1100, 700);
}

void MainWindow::addPage(const QString& key, const QString& title, const QString& description)
{
    auto* item = new QListWidgetItem(title, m_navigation);
    item->setData(Qt::UserRole, key);
    auto* page = new QWidget(m_pages);
    page->setObjectName(key);
    auto* layout = new QVBoxLayout(page);
    auto* heading = new QLabel(QStringLiteral("<h2>%1</h2>").arg(title.toHtmlEscaped()), page);
    auto* text = new QLabel(description, page);
    text->setWordWrap(true);
    layout->addWidget(heading);
    layout->addWidget(text);
    layout->addStretch(1);
    m_pages->addWidget(page);
}

QString MainWindow::currentPageName() const
{
    const QListWidgetItem* item = m_navigation->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
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
    if (info.secretStore == SecretStoreKind::KeyFile) {
        m_keyStoreLabel->setText(tr("⚠ Master key in a key file (no system keychain)"));
        m_keyStoreLabel->setToolTip(tr("The master key protecting the CA key is stored in %1. Keep that file private and backed up.").arg(info.secretStoreLocation));
    } else {
        m_keyStoreLabel->setText(tr("Master key in the system keychain"));
    }
}

} // namespace lanyard
