#include "ProfilesPage.h"

#include "ChoiceDelegate.h"
#include "DomainText.h"
#include "ErrorText.h"
#include "OperatorActions.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace lanyard {

namespace {
constexpr std::array<CharRule PinPolicy::*, 4> kPinMembers { &PinPolicy::upper, &PinPolicy::lower, &PinPolicy::digits, &PinPolicy::special };

QTableView* editableTable(QAbstractItemModel* model, const QString& objectName, QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::AllEditTriggers);
    view->setMinimumHeight(120);
    return view;
}

template <typename E>
void fillCombo(QComboBox* combo, std::initializer_list<E> values, QString (*label)(E))
{
    for (E v : values)
        combo->addItem(label(v), int(v));
}
} // namespace

ProfilesPage::ProfilesPage(const OperatorActions& actions, QWidget* parent)
    : QWidget(parent)
    , m_actions(new OperatorActions(actions.engine(), actions.session(), this))
    , m_model(RecordModels::profiles(this))
    , m_versions(RecordModels::profileVersions(this))
    , m_policies(new ProfilePoliciesModel(this))
    , m_rights(new ProfileRightsModel(this))
    , m_frame(this,
          { tr("Credential Profiles"), QStringLiteral("profile"), tr("&New profile"), tr("Versions of the selected profile (select one to start from it):"),
              tr("<b>New profile</b>"), tr("&Create profile") },
          m_model, m_versions)
{
    setObjectName(QStringLiteral("profiles"));
    QWidget* body = m_frame.form->parentWidget();
    QFormLayout* form = m_frame.form;
    m_name = new QLineEdit(body);
    m_name->setObjectName(QStringLiteral("profileName"));
    form->addRow(tr("&Name:"), m_name);
    m_encoding = new QComboBox(body);
    m_encoding->setObjectName(QStringLiteral("profileEncoding"));
    fillCombo(m_encoding, { CardEncoding::IdentityAgent, CardEncoding::VirtualSmartCard, CardEncoding::DerivedCredential, CardEncoding::PivCard },
        &DomainText::cardEncoding);
    form->addRow(tr("Card &encoding:"), m_encoding);
    m_scheme = new QComboBox(body);
    m_scheme->setObjectName(QStringLiteral("profileScheme"));
    fillCombo(m_scheme, { NotificationScheme::Default, NotificationScheme::None, NotificationScheme::MobileAuthCodeEmail, NotificationScheme::MobileAuthCodeSms },
        &DomainText::notificationScheme);
    form->addRow(tr("N&otification scheme:"), m_scheme);
    m_restriction = new QComboBox(body);
    m_restriction->setObjectName(QStringLiteral("profileRestriction"));
    fillCombo(m_restriction, { DeviceRestriction::Any, DeviceRestriction::KnownMobiles, DeviceRestriction::MyMobilesOnly }, &DomainText::deviceRestriction);
    form->addRow(tr("&Mobile devices:"), m_restriction);
    m_validation = new QCheckBox(tr("A second operator must &validate each request"), body);
    m_validation->setObjectName(QStringLiteral("profileRequiresValidation"));
    form->addRow(m_validation);
    m_lifetime = new QSpinBox(body);
    m_lifetime->setObjectName(QStringLiteral("profileLifetime"));
    m_lifetime->setRange(1, 3650);
    m_lifetime->setSuffix(tr(" days"));
    form->addRow(tr("&Lifetime:"), m_lifetime);

    auto* pinBox = new QGroupBox(tr("PIN policy"), body);
    auto* pinForm = new QFormLayout(pinBox);
    auto* lengths = new QHBoxLayout;
    m_pinMin = new QSpinBox(pinBox);
    m_pinMin->setObjectName(QStringLiteral("profilePinMin"));
    m_pinMax = new QSpinBox(pinBox);
    m_pinMax->setObjectName(QStringLiteral("profilePinMax"));
    for (QSpinBox* s : { m_pinMin, m_pinMax })
        s->setRange(1, 127);
    lengths->addWidget(m_pinMin);
    lengths->addWidget(new QLabel(tr("to"), pinBox));
    lengths->addWidget(m_pinMax);
    lengths->addStretch();
    pinForm->addRow(tr("Length:"), lengths);
    m_pinRangeNote = new QLabel(pinBox);
    m_pinRangeNote->setObjectName(QStringLiteral("profilePinRange"));
    m_pinRangeNote->setWordWrap(true);
    pinForm->addRow(m_pinRangeNote);
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &ProfilesPage::applyPinRange);
    applyPinRange();
    const QStringList classLabels { tr("Upper-case letters:"), tr("Lower-case letters:"), tr("Digits:"), tr("Special characters:") };
    const QStringList classIds { QStringLiteral("Upper"), QStringLiteral("Lower"), QStringLiteral("Digits"), QStringLiteral("Special") };
    for (size_t i = 0; i < m_pinRules.size(); ++i) {
        auto* combo = new QComboBox(pinBox);
        combo->setObjectName(QStringLiteral("profilePin") + classIds.at(int(i)));
        combo->addItem(tr("Not allowed"), int(CharRule::NotAllowed));
        combo->addItem(tr("Optional"), int(CharRule::Optional));
        combo->addItem(tr("Mandatory"), int(CharRule::Mandatory));
        m_pinRules[i] = combo;
        pinForm->addRow(classLabels.at(int(i)), combo);
    }
    form->addRow(pinBox);

    auto* auth = new QHBoxLayout;
    auto* pin = new QCheckBox(tr("PIN"), body);
    pin->setChecked(true);
    pin->setEnabled(false);
    pin->setToolTip(tr("The PIN is always required."));
    m_face = new QCheckBox(tr("Face"), body);
    m_face->setObjectName(QStringLiteral("profileAuthFace"));
    m_fingerprint = new QCheckBox(tr("Fingerprint"), body);
    m_fingerprint->setObjectName(QStringLiteral("profileAuthFingerprint"));
    auth->addWidget(pin);
    auth->addWidget(m_face);
    auth->addWidget(m_fingerprint);
    auth->addStretch();
    form->addRow(tr("Authentication:"), auth);

    m_isParent = new QCheckBox(tr("&Parent profile (issuing it locks the child virtual smart cards)"), body);
    m_isParent->setObjectName(QStringLiteral("profileIsParent"));
    form->addRow(m_isParent);
    m_parent = new QComboBox(body);
    m_parent->setObjectName(QStringLiteral("profileParent"));
    form->addRow(tr("Child of:"), m_parent);
    m_group = new QLineEdit(body);
    m_group->setObjectName(QStringLiteral("profileGroup"));
    m_group->setPlaceholderText(tr("A person holds one device of a group at a time"));
    form->addRow(tr("Credential &group:"), m_group);
    m_cancelPrevious = new QCheckBox(tr("&Cancel the previously issued device of the same group"), body);
    m_cancelPrevious->setObjectName(QStringLiteral("profileCancelPrevious"));
    form->addRow(m_cancelPrevious);
    m_badge = new QLineEdit(body);
    m_badge->setObjectName(QStringLiteral("profileBadge"));
    form->addRow(tr("&Badge layout:"), m_badge);

    auto* policyView = editableTable(m_policies, QStringLiteral("profilePolicies"), body);
    policyView->setItemDelegateForColumn(ProfilePoliciesModel::Recovery, new ChoiceDelegate(ProfilePoliciesModel::ChoicesRole, policyView));
    form->addRow(tr("Certificates:"), policyView);
    auto* rightsView = editableTable(m_rights, QStringLiteral("profileRights"), body);
    form->addRow(tr("Role matrix:"), rightsView);

    connect(m_frame.add, &QPushButton::clicked, this, &ProfilesPage::newProfile);
    connect(m_frame.save, &QPushButton::clicked, this, &ProfilesPage::save);
    connect(m_frame.list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (!current.isValid())
            return;
        const CredentialProfile& p = m_model->at(current.row());
        m_currentVersion = p.version;
        show(p);
        if (m_selectId == 0) // a reselection after saving keeps the "Saved" message
            m_frame.message->clear();
        m_versions->setLoader([engine = &m_actions->engine(), session = m_actions->session(), lineage = p.lineage] {
            return engine->profileVersions(session, lineage);
        });
    });
    connect(m_frame.versions->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (current.isValid())
            show(m_versions->at(current.row()));
    });
    connect(m_model, &AsyncListModel::loaded, this, [this] {
        fillParents();
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->at(row).id == m_selectId)
                m_frame.list->selectRow(row);
        }
        m_selectId = 0;
    });
    for (AsyncListModel* model : { static_cast<AsyncListModel*>(m_model), static_cast<AsyncListModel*>(m_versions) })
        connect(model, &AsyncListModel::failed, this, [this](const Error& e) { m_frame.message->setText(ErrorText::describe(e)); });
    connect(m_actions, &OperatorActions::rolesLoaded, this, [this](const QList<Role>& roles) {
        m_roles = roles;
        m_rights->setRights(m_roles, m_shown.roleRights);
    });
    connect(m_actions, &OperatorActions::certificatePoliciesLoaded, this, [this](const QList<CertificatePolicy>& policies) {
        m_allPolicies = policies;
        m_policies->setPolicies(m_allPolicies, m_shown.policies);
    });
    connect(m_actions, &OperatorActions::credentialProfileSaved, this, [this](qint64 id) {
        m_frame.message->setText(tr("Saved as a new version. Devices already issued keep the version they were issued with."));
        m_selectId = id;
        m_model->reload();
        Q_EMIT saved(true);
    });
    connect(m_actions, &OperatorActions::failed, this, [this](const Error& e) {
        m_frame.message->setText(ErrorText::describe(e)); // the form keeps what was typed
        Q_EMIT saved(false);
    });
    connect(m_actions, &OperatorActions::busyChanged, m_frame.save, [this](bool busy) { m_frame.save->setEnabled(!busy); });

    m_actions->loadRoles();
    m_actions->loadCertificatePolicies();
    m_model->setLoader([engine = &m_actions->engine(), session = m_actions->session()] { return engine->credentialProfiles(session); });
    newProfile();
}

void ProfilesPage::fillParents()
{
    const qint64 chosen = m_parent->currentData().toLongLong();
    m_parent->clear();
    m_parent->addItem(tr("(none)"), qint64(0));
    for (const CredentialProfile& p : m_model->rows()) {
        if (p.lineage != m_shown.lineage && p.isParent)
            m_parent->addItem(p.name, p.lineage);
    }
    m_parent->setCurrentIndex(qMax(0, m_parent->findData(chosen)));
}

void ProfilesPage::newProfile()
{
    m_frame.list->clearSelection();
    m_versions->clear();
    m_currentVersion = 0;
    CredentialProfile blank;
    blank.name.clear();
    show(blank);
    m_frame.message->clear();
    m_name->setFocus();
}

void ProfilesPage::showHeading()
{
    m_frame.showVersion(m_shown.name, m_shown.version, m_shown.lineage > 0 ? m_currentVersion : 0, m_shown.createdAt);
}

void ProfilesPage::applyPinRange()
{
    const CardEncoding encoding = CardEncoding(m_encoding->currentData().toInt());
    const PinLengthRange range = pinLengthRange(encoding);
    // QSpinBox clamps a value outside its new range, so a switch of encoding pulls the
    // lengths into what the card can take instead of failing at save.
    for (QSpinBox* s : { m_pinMin, m_pinMax })
        s->setRange(range.minimum, range.maximum);
    switch (encoding) {
    case CardEncoding::VirtualSmartCard:
        m_pinRangeNote->setText(tr("A virtual smart card's PIN has %1 to %2 characters.").arg(range.minimum).arg(range.maximum));
        break;
    case CardEncoding::PivCard:
    case CardEncoding::DerivedCredential:
        m_pinRangeNote->setText(tr("A PIV PIN has %1 to %2 characters.").arg(range.minimum).arg(range.maximum));
        break;
    case CardEncoding::IdentityAgent:
        m_pinRangeNote->clear();
        break;
    }
    m_pinRangeNote->setVisible(!m_pinRangeNote->text().isEmpty());
}

void ProfilesPage::show(const CredentialProfile& p)
{
    m_shown = p;
    showHeading();
    m_name->setText(p.name);
    m_encoding->setCurrentIndex(m_encoding->findData(int(p.encoding)));
    m_scheme->setCurrentIndex(m_scheme->findData(int(p.notificationScheme)));
    m_restriction->setCurrentIndex(m_restriction->findData(int(p.deviceRestriction)));
    m_validation->setChecked(p.requiresValidation);
    m_lifetime->setValue(p.lifetimeDays);
    applyPinRange();
    m_pinMin->setValue(p.pinPolicy.minLength);
    m_pinMax->setValue(p.pinPolicy.maxLength);
    for (size_t i = 0; i < m_pinRules.size(); ++i)
        m_pinRules[i]->setCurrentIndex(m_pinRules[i]->findData(int(p.pinPolicy.*kPinMembers[i])));
    m_face->setChecked(p.authTypes.contains(QStringLiteral("face")));
    m_fingerprint->setChecked(p.authTypes.contains(QStringLiteral("fingerprint")));
    m_isParent->setChecked(p.isParent);
    fillParents();
    m_parent->setCurrentIndex(qMax(0, m_parent->findData(p.parentLineage)));
    m_group->setText(p.credentialGroup);
    m_cancelPrevious->setChecked(p.cancelPrevious);
    m_badge->setText(p.badgeLayout);
    m_policies->setPolicies(m_allPolicies, p.policies);
    m_rights->setRights(m_roles, p.roleRights);
}

CredentialProfile ProfilesPage::fromForm() const
{
    CredentialProfile p;
    p.lineage = m_shown.lineage;
    p.version = m_currentVersion;
    p.name = m_name->text();
    p.encoding = CardEncoding(m_encoding->currentData().toInt());
    p.notificationScheme = NotificationScheme(m_scheme->currentData().toInt());
    p.deviceRestriction = DeviceRestriction(m_restriction->currentData().toInt());
    p.requiresValidation = m_validation->isChecked();
    p.lifetimeDays = m_lifetime->value();
    p.pinPolicy.minLength = m_pinMin->value();
    p.pinPolicy.maxLength = m_pinMax->value();
    for (size_t i = 0; i < m_pinRules.size(); ++i)
        p.pinPolicy.*kPinMembers[i] = CharRule(m_pinRules[i]->currentData().toInt());
    p.authTypes = { QStringLiteral("pin") };
    if (m_face->isChecked())
        p.authTypes.append(QStringLiteral("face"));
    if (m_fingerprint->isChecked())
        p.authTypes.append(QStringLiteral("fingerprint"));
    p.isParent = m_isParent->isChecked();
    p.parentLineage = m_parent->currentData().toLongLong();
    p.credentialGroup = m_group->text().trimmed();
    p.cancelPrevious = m_cancelPrevious->isChecked();
    p.badgeLayout = m_badge->text().trimmed();
    p.policies = m_policies->chosen();
    p.roleRights = m_rights->rights();
    return p;
}

void ProfilesPage::save()
{
    m_actions->saveCredentialProfile(fromForm());
}

} // namespace lanyard
