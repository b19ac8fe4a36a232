#include "PersonViewPage.h"

#include "AccountActionDialog.h"
#include "ErrorText.h"
#include "OperatorActions.h"
#include "PersonEditDialog.h"
#include "PersonRolesDialog.h"
#include "RecordTable.h"
#include "RequestCredentialDialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace lanyard {

PersonViewPage::PersonViewPage(const OperatorActions& actions, const QList<Workflow>& allowed, qint64 personId, QWidget* parent)
    : QWidget(parent)
    , m_actions(new OperatorActions(actions.engine(), actions.session(), this))
    , m_personId(personId)
    , m_devices(RecordModels::devices(this))
    , m_jobs(RecordModels::jobs(this))
{
    setObjectName(QStringLiteral("person-page"));
    auto* layout = new QVBoxLayout(this);
    m_header = new QLabel(tr("Loading…"), this);
    m_header->setObjectName(QStringLiteral("personHeader"));
    m_header->setTextFormat(Qt::RichText);
    layout->addWidget(m_header);
    auto* bar = new QHBoxLayout;
    m_requestMobile = new QPushButton(tr("Request &Mobile…"), this);
    m_requestMobile->setObjectName(QStringLiteral("requestMobile"));
    m_requestMobileCode = new QPushButton(tr("Request Mobile (&View Auth Code)…"), this);
    m_requestMobileCode->setObjectName(QStringLiteral("requestMobileCode"));
    const bool mayRequest = allowed.contains(Workflow::RequestMobile);
    m_requestMobile->setVisible(mayRequest);
    m_requestMobileCode->setVisible(mayRequest);
    bar->addWidget(m_requestMobile);
    bar->addWidget(m_requestMobileCode);
    auto* requestCard = new QPushButton(tr("Request &Card…"), this);
    requestCard->setObjectName(QStringLiteral("requestCard"));
    requestCard->setVisible(allowed.contains(Workflow::RequestCard));
    connect(requestCard, &QPushButton::clicked, this, [this] { request(RequestCredentialDialog::Kind::Card, true); });
    bar->addWidget(requestCard);
    bar->addStretch(1);
    layout->addLayout(bar);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("personMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    auto* tabs = new QTabWidget(this);
    auto* deviceView = makeRecordTable(m_devices, QStringLiteral("personDevices"), tabs);
    tabs->addTab(deviceView, tr("&Devices"));
    tabs->addTab(makeRecordTable(m_jobs, QStringLiteral("personJobs"), tabs), tr("Re&quests"));
    auto* detailsTab = new QWidget(tabs);
    auto* detailsLayout = new QVBoxLayout(detailsTab);
    m_details = new QLabel(detailsTab);
    m_details->setObjectName(QStringLiteral("personDetails"));
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detailsLayout->addWidget(m_details);
    auto* editRow = new QHBoxLayout;
    const auto button = [&](const QString& text, const char* name, Workflow w, void (PersonViewPage::*slot)()) {
        auto* b = new QPushButton(text, detailsTab);
        b->setObjectName(QLatin1String(name));
        b->setVisible(allowed.contains(w));
        connect(b, &QPushButton::clicked, this, slot);
        editRow->addWidget(b);
        return b;
    };
    button(tr("&Edit…"), "editPerson", Workflow::EditPeople, &PersonViewPage::editPerson);
    button(tr("R&oles…"), "editRoles", Workflow::AssignRoles, &PersonViewPage::editRoles);
    m_account = button(tr("Disable &Account…"), "changeAccount", Workflow::DisableEnableAccount, &PersonViewPage::changeAccount);
    button(tr("Re&move…"), "removePerson", Workflow::RemovePerson, &PersonViewPage::remove);
    editRow->addStretch(1);
    detailsLayout->addLayout(editRow);
    detailsLayout->addStretch(1);
    tabs->addTab(detailsTab, tr("De&tails"));
    layout->addWidget(tabs, 1);

    connect(deviceView, &QTableView::activated, this, [this](const QModelIndex& i) { Q_EMIT openDevice(i.data(DeviceListModel::IdRole).toLongLong()); });
    connect(m_requestMobile, &QPushButton::clicked, this, [this] { request(RequestCredentialDialog::Kind::Mobile, false); });
    connect(m_requestMobileCode, &QPushButton::clicked, this, [this] { request(RequestCredentialDialog::Kind::Mobile, true); });
    connect(m_actions, &OperatorActions::personLoaded, this, &PersonViewPage::showPerson);
    connect(m_actions, &OperatorActions::failed, this, [this](const Error& e) { m_message->setText(ErrorText::describe(e)); });
    for (AsyncListModel* m : { static_cast<AsyncListModel*>(m_devices), static_cast<AsyncListModel*>(m_jobs) })
        connect(m, &AsyncListModel::failed, this, [this](const Error& e) { m_message->setText(ErrorText::describe(e)); });
    reload();
}

void PersonViewPage::reload()
{
    Engine& engine = m_actions->engine();
    const OperatorSession session = m_actions->session();
    const qint64 id = m_personId;
    m_actions->loadPerson(id);
    m_devices->setLoader([&engine, session, id] { return engine.devicesOf(session, id); });
    m_jobs->setLoader([&engine, session, id] { return engine.jobsOf(session, id); });
}

void PersonViewPage::showPerson(const Person& p)
{
    m_person = p;
    m_header->setText(QStringLiteral("<h2>%1%6</h2>%2 · %3 · %4 · %5")
                          .arg(p.fullName.toHtmlEscaped(), p.logonName.toHtmlEscaped(), p.group.toHtmlEscaped(),
                              p.email.isEmpty() ? tr("no email") : p.email.toHtmlEscaped(), p.mobile.isEmpty() ? tr("no mobile number") : p.mobile.toHtmlEscaped())
                          .arg(p.enabled ? QString() : QStringLiteral(" — ") + tr("account disabled").toHtmlEscaped()));
    const QString row = QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>");
    QString html = QStringLiteral("<table cellspacing=6>");
    html += row.arg(tr("Logon name"), p.logonName.toHtmlEscaped());
    html += row.arg(tr("Full name"), p.fullName.toHtmlEscaped());
    html += row.arg(tr("Email"), p.email.toHtmlEscaped());
    html += row.arg(tr("Mobile"), p.mobile.toHtmlEscaped());
    html += row.arg(tr("User principal name"), p.userPrincipalName.toHtmlEscaped());
    html += row.arg(tr("Group"), p.group.toHtmlEscaped());
    html += row.arg(tr("Roles"), p.roles.join(QStringLiteral(", ")).toHtmlEscaped());
    html += row.arg(tr("Employee id"), p.employeeId.toHtmlEscaped());
    html += row.arg(tr("Account"), p.enabled ? tr("Enabled") : tr("Disabled"));
    html += row.arg(tr("PIV card FASC-N"), p.fascn.isEmpty() ? tr("not recorded") : p.fascn.toHtmlEscaped());
    html += row.arg(tr("PIV card UUID"), p.cardUuid.isEmpty() ? tr("not recorded") : p.cardUuid.toHtmlEscaped());
    html += QStringLiteral("</table>");
    m_details->setText(html);
    m_account->setText(p.enabled ? tr("Disable &Account…") : tr("Enable &Account…"));
    Q_EMIT loaded();
}

void PersonViewPage::editPerson()
{
    if (m_person.id == 0)
        return;
    auto* dialog = new PersonEditDialog(*m_actions, &m_person, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PersonEditDialog::saved, this, &PersonViewPage::showPerson);
    dialog->open();
}

void PersonViewPage::editRoles()
{
    if (m_person.id == 0)
        return;
    auto* dialog = new PersonRolesDialog(*m_actions, m_person, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PersonRolesDialog::saved, this, &PersonViewPage::showPerson);
    dialog->open();
}

void PersonViewPage::changeAccount()
{
    if (m_person.id == 0)
        return;
    int active = 0, withAccount = 0;
    for (int row = 0; row < m_devices->rowCount(); ++row) {
        const Device& d = m_devices->at(row);
        active += d.state == DeviceState::Active ? 1 : 0;
        withAccount += d.state == DeviceState::Disabled && d.disabledWithAccount ? 1 : 0;
    }
    auto* dialog = new AccountActionDialog(*m_actions, m_person, m_person.enabled ? AccountActionDialog::Kind::Disable : AccountActionDialog::Kind::Enable,
        active, withAccount, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AccountActionDialog::changed, this, [this] { reload(); });
    dialog->open();
}

void PersonViewPage::remove()
{
    if (m_person.id == 0)
        return;
    auto* dialog = new AccountActionDialog(*m_actions, m_person, AccountActionDialog::Kind::Remove, 0, 0, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AccountActionDialog::removed, this, &PersonViewPage::removed);
    dialog->open();
}

void PersonViewPage::request(RequestCredentialDialog::Kind kind, bool showCode)
{
    if (m_person.id == 0)
        return;
    auto* dialog = new RequestCredentialDialog(*m_actions, m_person, kind, showCode, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this] { m_jobs->reload(); });
    dialog->open();
}

} // namespace lanyard
