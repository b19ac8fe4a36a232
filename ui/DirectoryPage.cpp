#include "DirectoryPage.h"

#include "ErrorText.h"
#include "OperatorActions.h"
#include "DomainText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lanyard {

namespace {
QTableWidget* table(QWidget* parent, const QString& name, const QStringList& headers)
{
    auto* t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->setVisible(false);
    t->setMinimumHeight(120);
    return t;
}

QString when(qint64 msecs)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(msecs).toLocalTime(), QLocale::ShortFormat);
}
} // namespace

DirectoryPage::DirectoryPage(const OperatorActions& actions, QWidget* parent)
    : QWidget(parent)
    , m_actions(new OperatorActions(actions.engine(), actions.session(), this))
{
    setObjectName(QStringLiteral("directoryPage"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto* content = new QWidget(scroll);
    scroll->setWidget(content);
    auto* layout = new QVBoxLayout(content);

    auto* intro = new QLabel(tr("People come from an LDAP directory (Active Directory or OpenLDAP). Test the connection, save, then sync: "
                                "the directory's fields replace Lanyard's, and people disabled there or gone are disabled here with their credentials."),
        content);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* connection = new QGroupBox(tr("Connection"), content);
    auto* cform = new QFormLayout(connection);
    m_kind = new QComboBox(connection);
    m_kind->setObjectName(QStringLiteral("directoryKind"));
    m_kind->addItem(tr("OpenLDAP (inetOrgPerson)"), directoryKindId(DirectoryConfig::Kind::OpenLdap));
    m_kind->addItem(tr("Active Directory"), directoryKindId(DirectoryConfig::Kind::ActiveDirectory));
    auto* defaults = new QPushButton(tr("Use its &defaults"), connection);
    defaults->setObjectName(QStringLiteral("directoryDefaults"));
    defaults->setToolTip(tr("Fills the filter, the attributes, the id and how a disabled account is read for this kind of directory"));
    auto* kindRow = new QHBoxLayout;
    kindRow->addWidget(m_kind, 1);
    kindRow->addWidget(defaults);
    auto* kindLabel = new QLabel(tr("&Kind:"), connection);
    kindLabel->setBuddy(m_kind);
    cform->addRow(kindLabel, kindRow);
    m_url = new QLineEdit(connection);
    m_url->setObjectName(QStringLiteral("directoryUrl"));
    m_url->setPlaceholderText(tr("ldaps://dc.example.org or ldap://ldap.example.org:389"));
    cform->addRow(tr("&Address:"), m_url);
    m_startTls = new QCheckBox(tr("Use &StartTLS (for ldap:// addresses)"), connection);
    m_startTls->setObjectName(QStringLiteral("directoryStartTls"));
    cform->addRow(QString(), m_startTls);
    m_caFile = new QLineEdit(connection);
    m_caFile->setObjectName(QStringLiteral("directoryCaFile"));
    m_caFile->setPlaceholderText(tr("PEM file of the CA that signs the directory's certificate; empty: the system's"));
    auto* browse = new QPushButton(tr("&Browse…"), connection);
    connect(browse, &QPushButton::clicked, this, [this] {
        // Opened, not exec()'d: no nested event loop.
        auto* files = new QFileDialog(this, tr("CA certificate"), QString(), tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
        files->setAttribute(Qt::WA_DeleteOnClose);
        files->setFileMode(QFileDialog::ExistingFile);
        connect(files, &QFileDialog::fileSelected, m_caFile, &QLineEdit::setText);
        files->open();
    });
    auto* caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);
    auto* caLabel = new QLabel(tr("&CA file:"), connection);
    caLabel->setBuddy(m_caFile);
    cform->addRow(caLabel, caRow);
    m_bindDn = new QLineEdit(connection);
    m_bindDn->setObjectName(QStringLiteral("directoryBindDn"));
    m_bindDn->setPlaceholderText(tr("cn=lanyard-sync,ou=service,dc=example,dc=org; empty: anonymous"));
    cform->addRow(tr("&Bind DN:"), m_bindDn);
    m_password = new QLineEdit(connection);
    m_password->setObjectName(QStringLiteral("directoryPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    cform->addRow(tr("&Password:"), m_password);
    m_baseDn = new QLineEdit(connection);
    m_baseDn->setObjectName(QStringLiteral("directoryBaseDn"));
    m_baseDn->setPlaceholderText(tr("ou=people,dc=example,dc=org"));
    cform->addRow(tr("Base D&N:"), m_baseDn);
    m_filter = new QLineEdit(connection);
    m_filter->setObjectName(QStringLiteral("directoryFilter"));
    cform->addRow(tr("&Filter:"), m_filter);
    m_pageSize = new QSpinBox(connection);
    m_pageSize->setObjectName(QStringLiteral("directoryPageSize"));
    m_pageSize->setRange(1, 10000);
    cform->addRow(tr("Pa&ge size:"), m_pageSize);
    m_warning = new QLabel(connection);
    m_warning->setObjectName(QStringLiteral("directoryWarning"));
    m_warning->setWordWrap(true);
    cform->addRow(QString(), m_warning);
    layout->addWidget(connection);

    auto* mapping = new QGroupBox(tr("People"), content);
    auto* mform = new QFormLayout(mapping);
    for (const QString& field : DirectoryConfig::mappableFields()) {
        auto* edit = new QLineEdit(mapping);
        edit->setObjectName(QStringLiteral("directoryAttribute_") + field);
        edit->setPlaceholderText(tr("not synced"));
        QString name = DomainText::personField(field);
        name[0] = name.at(0).toUpper();
        mform->addRow(tr("%1 from:").arg(name), edit);
        m_attributes << std::pair { field, edit };
    }
    m_idAttribute = new QLineEdit(mapping);
    m_idAttribute->setObjectName(QStringLiteral("directoryIdAttribute"));
    m_idAttribute->setToolTip(tr("An attribute that never changes, so a renamed person stays the same person: entryUUID (OpenLDAP), objectGUID (AD)"));
    mform->addRow(tr("Stable &id:"), m_idAttribute);
    m_disabledBy = new QComboBox(mapping);
    m_disabledBy->setObjectName(QStringLiteral("directoryDisabledBy"));
    m_disabledBy->addItem(tr("Never (only by leaving the directory)"), disabledById(DirectoryConfig::DisabledBy::Nothing));
    m_disabledBy->addItem(tr("Active Directory account control (userAccountControl)"), disabledById(DirectoryConfig::DisabledBy::AccountControl));
    m_disabledBy->addItem(tr("An attribute holding a value"), disabledById(DirectoryConfig::DisabledBy::Attribute));
    mform->addRow(tr("&Disabled when:"), m_disabledBy);
    m_disabledAttribute = new QLineEdit(mapping);
    m_disabledAttribute->setObjectName(QStringLiteral("directoryDisabledAttribute"));
    m_disabledValue = new QLineEdit(mapping);
    m_disabledValue->setObjectName(QStringLiteral("directoryDisabledValue"));
    m_disabledValue->setPlaceholderText(tr("any value"));
    auto* disabledRow = new QHBoxLayout;
    disabledRow->addWidget(m_disabledAttribute, 1);
    disabledRow->addWidget(new QLabel(tr("="), mapping));
    disabledRow->addWidget(m_disabledValue, 1);
    auto* disabledLabel = new QLabel(tr("A&ttribute:"), mapping);
    disabledLabel->setBuddy(m_disabledAttribute);
    mform->addRow(disabledLabel, disabledRow);
    m_changes = new QComboBox(mapping);
    m_changes->setObjectName(QStringLiteral("directoryChanges"));
    m_changes->addItem(tr("Read only what changed, by entryCSN (OpenLDAP)"), QStringLiteral("entryCSN"));
    m_changes->addItem(tr("Read only what changed, by modifyTimestamp"), QStringLiteral("modifyTimestamp"));
    m_changes->addItem(tr("Read only what changed, by uSNChanged (Active Directory)"), QStringLiteral("uSNChanged"));
    m_changes->addItem(tr("Read everyone every time"), QString());
    mform->addRow(tr("C&hanges:"), m_changes);
    layout->addWidget(mapping);

    auto* groups = new QGroupBox(tr("Groups that give roles"), content);
    auto* gl = new QVBoxLayout(groups);
    m_groups = new QTableWidget(0, 2, groups);
    m_groups->setObjectName(QStringLiteral("directoryGroups"));
    m_groups->setHorizontalHeaderLabels({ tr("Group DN"), tr("Role") });
    m_groups->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_groups->verticalHeader()->setVisible(false);
    m_groups->setMinimumHeight(100);
    gl->addWidget(m_groups);
    auto* groupButtons = new QHBoxLayout;
    auto* addGroup = new QPushButton(tr("Add &group"), groups);
    addGroup->setObjectName(QStringLiteral("directoryAddGroup"));
    auto* removeGroup = new QPushButton(tr("Remo&ve group"), groups);
    groupButtons->addWidget(addGroup);
    groupButtons->addWidget(removeGroup);
    groupButtons->addStretch();
    gl->addLayout(groupButtons);
    connect(addGroup, &QPushButton::clicked, this, [this] {
        addGroupRow(QString(), m_roles.isEmpty() ? 0 : m_roles.first().id);
        m_groups->setCurrentCell(m_groups->rowCount() - 1, 0);
        m_groups->editItem(m_groups->item(m_groups->rowCount() - 1, 0));
    });
    connect(removeGroup, &QPushButton::clicked, this, [this] {
        if (m_groups->currentRow() >= 0)
            m_groups->removeRow(m_groups->currentRow());
    });
    layout->addWidget(groups);

    auto* schedule = new QGroupBox(tr("Sync"), content);
    auto* sform = new QFormLayout(schedule);
    m_enabled = new QCheckBox(tr("S&ync on its own"), schedule);
    m_enabled->setObjectName(QStringLiteral("directoryEnabled"));
    sform->addRow(QString(), m_enabled);
    m_interval = new QSpinBox(schedule);
    m_interval->setObjectName(QStringLiteral("directoryInterval"));
    m_interval->setRange(0, 7 * 24 * 60);
    m_interval->setSuffix(tr(" min"));
    m_interval->setSpecialValueText(tr("only when asked"));
    sform->addRow(tr("E&very:"), m_interval);
    layout->addWidget(schedule);

    auto* buttons = new QHBoxLayout;
    const auto button = [&](const QString& text, const char* name) {
        auto* b = new QPushButton(text, content);
        b->setObjectName(QLatin1String(name));
        buttons->addWidget(b);
        m_buttons << b;
        return b;
    };
    auto* test = button(tr("&Test connection"), "directoryTest");
    auto* save = button(tr("&Save"), "directorySave");
    auto* syncNow = button(tr("Sync &now"), "directorySyncNow");
    auto* syncFull = button(tr("F&ull sync"), "directorySyncFull");
    syncFull->setToolTip(tr("Reads every entry, not only those changed since the last sync"));
    buttons->addStretch();
    layout->addLayout(buttons);
    m_message = new QLabel(content);
    m_message->setObjectName(QStringLiteral("directoryMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);
    m_probe = table(content, QStringLiteral("directoryProbe"), { tr("Entry"), tr("Logon name"), tr("Full name"), tr("E-mail"), tr("Disabled") });
    m_probe->setVisible(false);
    layout->addWidget(m_probe);
    layout->addWidget(new QLabel(tr("Last syncs:"), content));
    m_syncs = table(content, QStringLiteral("directorySyncs"),
        { tr("Started"), tr("Kind"), tr("Outcome"), tr("Entries"), tr("Added"), tr("Updated"), tr("Disabled"), tr("Enabled"), tr("Errors") });
    layout->addWidget(m_syncs);
    layout->addWidget(new QLabel(tr("Entries the last sync could not take:"), content));
    m_errors = table(content, QStringLiteral("directoryErrors"), { tr("Entry"), tr("Field"), tr("Why") });
    layout->addWidget(m_errors);

    connect(defaults, &QPushButton::clicked, this, &DirectoryPage::applyDefaults);
    connect(m_url, &QLineEdit::textChanged, this, &DirectoryPage::updateWarnings);
    connect(m_startTls, &QCheckBox::toggled, this, &DirectoryPage::updateWarnings);
    connect(m_disabledBy, &QComboBox::currentIndexChanged, this, [this] {
        const bool byAttribute = m_disabledBy->currentData().toString() == disabledById(DirectoryConfig::DisabledBy::Attribute);
        m_disabledAttribute->setEnabled(byAttribute);
        m_disabledValue->setEnabled(byAttribute);
    });
    connect(test, &QPushButton::clicked, this, [this] {
        m_message->setText(tr("Connecting…"));
        m_actions->testDirectory(config());
    });
    connect(save, &QPushButton::clicked, this, [this] { m_actions->saveDirectory(config()); });
    connect(syncNow, &QPushButton::clicked, this, [this] {
        m_message->setText(tr("Syncing…"));
        m_actions->syncDirectory(false);
    });
    connect(syncFull, &QPushButton::clicked, this, [this] {
        m_message->setText(tr("Syncing every entry…"));
        m_actions->syncDirectory(true);
    });
    connect(m_actions, &OperatorActions::busyChanged, this, &DirectoryPage::setBusy);
    connect(m_actions, &OperatorActions::rolesLoaded, this, [this](const QList<Role>& roles) {
        m_roles = roles;
        m_actions->loadDirectory();
    });
    connect(m_actions, &OperatorActions::directoryLoaded, this, &DirectoryPage::show);
    connect(m_actions, &OperatorActions::directoryTested, this, &DirectoryPage::showProbe);
    connect(m_actions, &OperatorActions::directorySaved, this, [this] {
        m_message->setText(tr("Saved."));
        m_actions->loadDirectory();
    });
    connect(m_actions, &OperatorActions::directorySynced, this, [this](const DirectorySyncReport& r) {
        m_message->setText(r.failed ? tr("The sync failed and changed nothing: %1").arg(ErrorText::describe(Error(ErrorCode::DirectoryFailure, r.detail,
                                          { { QStringLiteral("problem"), r.problem } })))
                                    : tr("Synced. Entries read: %1; added: %2; updated: %3; disabled: %4; enabled again: %5; role changes: %6; errors: %7.")
                                          .arg(r.entries)
                                          .arg(r.added)
                                          .arg(r.updated)
                                          .arg(r.disabled)
                                          .arg(r.enabled)
                                          .arg(r.roleChanges)
                                          .arg(r.errorCount));
        m_actions->loadDirectorySyncs();
    });
    connect(m_actions, &OperatorActions::directorySyncsLoaded, this, &DirectoryPage::showSyncs);
    connect(m_actions, &OperatorActions::failed, this, [this](const Error& e) {
        m_message->setText(ErrorText::describe(e));
        const QString field = e.args.value(QStringLiteral("field")).toString();
        for (auto* edit : { m_url, m_caFile, m_bindDn, m_password, m_baseDn, m_filter, m_idAttribute, m_disabledAttribute }) {
            if (edit->objectName().compare(QStringLiteral("directory") + field, Qt::CaseInsensitive) == 0)
                edit->setFocus();
        }
        for (const auto& [name, edit] : m_attributes) {
            if (name == field)
                edit->setFocus();
        }
    });
    m_actions->loadRoles();
    m_actions->loadDirectorySyncs();
}

void DirectoryPage::setBusy(bool busy)
{
    for (QPushButton* b : std::as_const(m_buttons))
        b->setEnabled(!busy);
}

void DirectoryPage::updateWarnings()
{
    const bool plain = m_url->text().trimmed().startsWith(QLatin1String("ldap://"), Qt::CaseInsensitive) && !m_startTls->isChecked();
    m_warning->setText(plain ? tr("Without TLS the bind password and everyone's details cross the network readable by anyone on the way. Use ldaps:// or StartTLS.")
                             : QString());
    m_warning->setVisible(plain);
}

void DirectoryPage::addGroupRow(const QString& groupDn, qint64 roleId)
{
    const int row = m_groups->rowCount();
    m_groups->insertRow(row);
    m_groups->setItem(row, 0, new QTableWidgetItem(groupDn));
    auto* role = new QComboBox(m_groups);
    for (const Role& r : std::as_const(m_roles))
        role->addItem(r.name, r.id);
    role->setCurrentIndex(qMax(0, role->findData(roleId)));
    m_groups->setCellWidget(row, 1, role);
}

void DirectoryPage::applyDefaults()
{
    DirectoryConfig kindDefaults;
    directoryKindFromId(m_kind->currentData().toString(), &kindDefaults.kind);
    DirectoryConfig current = config();
    const DirectoryConfig d = DirectoryConfig::defaultsFor(kindDefaults.kind);
    current.kind = d.kind;
    current.filter = d.filter;
    current.attributes = d.attributes;
    current.idAttribute = d.idAttribute;
    current.disabledBy = d.disabledBy;
    current.disabledAttribute = d.disabledAttribute;
    current.disabledValue = d.disabledValue;
    current.changeAttribute = d.changeAttribute;
    if (current.url.trimmed().isEmpty())
        current.url = d.url;
    show(current);
}

DirectoryConfig DirectoryPage::config() const
{
    DirectoryConfig c;
    c.enabled = m_enabled->isChecked();
    directoryKindFromId(m_kind->currentData().toString(), &c.kind);
    c.url = m_url->text().trimmed();
    c.startTls = m_startTls->isChecked();
    c.caFile = m_caFile->text().trimmed();
    c.bindDn = m_bindDn->text().trimmed();
    c.bindPassword = m_password->text();
    c.baseDn = m_baseDn->text().trimmed();
    c.filter = m_filter->text().trimmed();
    c.pageSize = m_pageSize->value();
    for (const auto& [field, edit] : m_attributes) {
        if (!edit->text().trimmed().isEmpty())
            c.attributes.insert(field, edit->text().trimmed());
    }
    c.idAttribute = m_idAttribute->text().trimmed();
    disabledByFromId(m_disabledBy->currentData().toString(), &c.disabledBy);
    c.disabledAttribute = m_disabledAttribute->text().trimmed();
    c.disabledValue = m_disabledValue->text().trimmed();
    c.changeAttribute = m_changes->currentData().toString();
    c.intervalMinutes = m_interval->value();
    for (int row = 0; row < m_groups->rowCount(); ++row) {
        const QString dn = m_groups->item(row, 0) ? m_groups->item(row, 0)->text().trimmed() : QString();
        const auto* role = qobject_cast<QComboBox*>(m_groups->cellWidget(row, 1));
        if (!dn.isEmpty() && role)
            c.groupRoles << DirectoryGroupRole { dn, role->currentData().toLongLong() };
    }
    return c;
}

void DirectoryPage::show(const DirectoryConfig& c)
{
    m_enabled->setChecked(c.enabled);
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(directoryKindId(c.kind))));
    m_url->setText(c.url);
    m_startTls->setChecked(c.startTls);
    m_caFile->setText(c.caFile);
    m_bindDn->setText(c.bindDn);
    m_password->setText(c.bindPassword);
    m_baseDn->setText(c.baseDn);
    m_filter->setText(c.filter);
    m_pageSize->setValue(c.pageSize);
    for (const auto& [field, edit] : m_attributes)
        edit->setText(c.attributes.value(field));
    m_idAttribute->setText(c.idAttribute);
    m_disabledBy->setCurrentIndex(qMax(0, m_disabledBy->findData(disabledById(c.disabledBy))));
    m_disabledAttribute->setText(c.disabledAttribute);
    m_disabledValue->setText(c.disabledValue);
    m_changes->setCurrentIndex(qMax(0, m_changes->findData(c.changeAttribute)));
    m_interval->setValue(c.intervalMinutes);
    m_groups->setRowCount(0);
    for (const DirectoryGroupRole& g : c.groupRoles)
        addGroupRow(g.groupDn, g.roleId);
    updateWarnings();
}

void DirectoryPage::showProbe(const DirectoryProbe& probe)
{
    m_message->setText(tr("Connected. Entries the filter matches: %1. The first are below.").arg(probe.matching));
    m_probe->setRowCount(0);
    for (const auto& person : probe.firstPeople) {
        const int row = m_probe->rowCount();
        m_probe->insertRow(row);
        const QStringList cells { person.value(QStringLiteral("dn")), person.value(QStringLiteral("logonName")), person.value(QStringLiteral("fullName")),
            person.value(QStringLiteral("email")), person.value(QStringLiteral("disabled")) == QLatin1String("true") ? tr("yes") : tr("no") };
        for (int col = 0; col < cells.size(); ++col)
            m_probe->setItem(row, col, new QTableWidgetItem(cells.at(col)));
    }
    for (const DirectorySyncError& e : probe.errors) {
        const int row = m_probe->rowCount();
        m_probe->insertRow(row);
        m_probe->setItem(row, 0, new QTableWidgetItem(e.dn));
        m_probe->setItem(row, 1, new QTableWidgetItem(ErrorText::describe(Error(ErrorCode::InvalidArgument, e.detail,
                                     { { QStringLiteral("problem"), e.problem }, { QStringLiteral("field"), e.field } }))));
    }
    m_probe->setVisible(true);
    m_probe->resizeColumnsToContents();
}

void DirectoryPage::showSyncs(const QList<DirectorySyncReport>& syncs)
{
    m_syncs->setRowCount(0);
    for (const DirectorySyncReport& s : syncs) {
        const int row = m_syncs->rowCount();
        m_syncs->insertRow(row);
        const QStringList cells { when(s.startedAt), s.full ? tr("full") : tr("changes"), s.failed ? tr("failed: %1").arg(s.problem) : tr("done"),
            QString::number(s.entries), QString::number(s.added), QString::number(s.updated), QString::number(s.disabled), QString::number(s.enabled),
            QString::number(s.errorCount) };
        for (int col = 0; col < cells.size(); ++col)
            m_syncs->setItem(row, col, new QTableWidgetItem(cells.at(col)));
    }
    m_syncs->resizeColumnsToContents();
    m_errors->setRowCount(0);
    if (syncs.isEmpty())
        return;
    for (const DirectorySyncError& e : syncs.first().errors) {
        const int row = m_errors->rowCount();
        m_errors->insertRow(row);
        m_errors->setItem(row, 0, new QTableWidgetItem(e.dn));
        m_errors->setItem(row, 1, new QTableWidgetItem(e.field.isEmpty() ? QString() : DomainText::personField(e.field)));
        m_errors->setItem(row, 2, new QTableWidgetItem(ErrorText::describe(Error(ErrorCode::InvalidArgument, e.detail,
                                      { { QStringLiteral("problem"), e.problem }, { QStringLiteral("field"), e.field } }))));
    }
    if (syncs.first().errorCount > syncs.first().errors.size())
        m_errors->setToolTip(tr("The first %1 of %2 errors are kept and shown.").arg(syncs.first().errors.size()).arg(syncs.first().errorCount));
}

} // namespace lanyard
