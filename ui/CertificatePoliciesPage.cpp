#include "CertificatePoliciesPage.h"

#include "DomainText.h"
#include "ErrorText.h"
#include "OperatorActions.h"
#include "core/WhenFinished.h"
#include "pki/CertificateAuthority.h"
#include "pki/DnTemplate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace lanyard {

namespace {
// The extended key usages offered as boxes: the names the CA knows and PIV's own. Anything
// else is typed by its object identifier.
QStringList offeredExtendedUsages()
{
    return CertificateAuthority::knownExtendedKeyUsages() << QStringLiteral("2.16.840.1.101.3.6.8") << QStringLiteral("2.16.840.1.101.3.6.7");
}

QStringList listOf(const QString& commaSeparated)
{
    QStringList out;
    for (const QString& item : commaSeparated.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out << item.trimmed();
    return out;
}

QCheckBox* box(const QString& text, const QString& objectName, QWidget* parent)
{
    auto* b = new QCheckBox(text, parent);
    b->setObjectName(objectName);
    return b;
}

constexpr int kExampleDelayMs = 300;
} // namespace

CertificatePoliciesPage::CertificatePoliciesPage(const OperatorActions& actions, bool canFindPeople, QWidget* parent)
    : QWidget(parent)
    , m_actions(new OperatorActions(actions.engine(), actions.session(), this))
    , m_canFindPeople(canFindPeople)
    , m_model(RecordModels::certificatePolicies(this))
    , m_versions(RecordModels::certificatePolicyVersions(this))
    , m_frame(this,
          { tr("Certificate Policies"), QStringLiteral("policy"), tr("&New policy"), tr("Versions of the selected policy (select one to start from it):"),
              tr("<b>New certificate policy</b>"), tr("&Create policy") },
          m_model, m_versions)
{
    setObjectName(QStringLiteral("certificatePolicies"));
    QWidget* body = m_frame.form->parentWidget();
    QFormLayout* form = m_frame.form;
    m_name = new QLineEdit(body);
    m_name->setObjectName(QStringLiteral("policyName"));
    m_name->setMaxLength(200);
    form->addRow(tr("&Name:"), m_name);

    auto* algorithms = new QHBoxLayout;
    for (KeyAlgorithm a : { KeyAlgorithm::EcP256, KeyAlgorithm::Rsa2048, KeyAlgorithm::Rsa3072 }) {
        auto* b = box(DomainText::keyAlgorithm(a), QStringLiteral("policyAlgorithm_") + keyAlgorithmId(a), body);
        m_algorithms.insert(a, b);
        algorithms->addWidget(b);
    }
    algorithms->addStretch();
    form->addRow(tr("Key algorithms:"), algorithms);
    auto* algorithmNote = new QLabel(tr("Cards and virtual smart cards make RSA 2048 and ECC P-256 keys; the app makes any of these."), body);
    algorithmNote->setWordWrap(true);
    form->addRow(algorithmNote);

    m_validity = new QSpinBox(body);
    m_validity->setObjectName(QStringLiteral("policyValidity"));
    m_validity->setRange(1, 3650);
    m_validity->setSuffix(tr(" days"));
    form->addRow(tr("&Validity:"), m_validity);

    auto* usageBox = new QGroupBox(tr("Key usage"), body);
    auto* usageGrid = new QGridLayout(usageBox);
    int i = 0;
    for (const QString& usage : CertificateAuthority::knownKeyUsages()) {
        auto* b = box(DomainText::keyUsage(usage), QStringLiteral("policyKeyUsage_") + usage, usageBox);
        m_keyUsages.insert(usage, b);
        usageGrid->addWidget(b, i / 2, i % 2);
        ++i;
    }
    form->addRow(usageBox);

    auto* ekuBox = new QGroupBox(tr("Extended key usage"), body);
    auto* ekuGrid = new QGridLayout(ekuBox);
    i = 0;
    for (const QString& usage : offeredExtendedUsages()) {
        auto* b = box(DomainText::extendedKeyUsage(usage), QStringLiteral("policyEku_") + usage, ekuBox);
        m_extendedUsages.insert(usage, b);
        ekuGrid->addWidget(b, i / 2, i % 2);
        ++i;
    }
    m_otherUsages = new QLineEdit(ekuBox);
    m_otherUsages->setObjectName(QStringLiteral("policyOtherEku"));
    m_otherUsages->setPlaceholderText(tr("Other usages by object identifier, separated by commas"));
    ekuGrid->addWidget(m_otherUsages, (i + 1) / 2, 0, 1, 2);
    form->addRow(ekuBox);

    m_dnTemplate = new QLineEdit(body);
    m_dnTemplate->setObjectName(QStringLiteral("policyDnTemplate"));
    m_dnTemplate->setToolTip(tr("Attributes such as CN=, OU=, O=; [[People.FullName]] and the other person fields insert that person's value.\nKnown fields: %1")
                                 .arg(DnTemplate::knownFields().join(QStringLiteral(", "))));
    form->addRow(tr("&Subject:"), m_dnTemplate);

    auto* sanBox = new QGroupBox(tr("Subject alternative names, from the person's record"), body);
    auto* sanGrid = new QGridLayout(sanBox);
    m_sanEmail = box(tr("E-mail address"), QStringLiteral("policySanEmail"), sanBox);
    m_sanUpn = box(tr("User principal name (Windows logon)"), QStringLiteral("policySanUpn"), sanBox);
    m_sanFascn = box(tr("Card FASC-N"), QStringLiteral("policySanFascn"), sanBox);
    m_sanCardUuid = box(tr("Card UUID"), QStringLiteral("policySanCardUuid"), sanBox);
    sanGrid->addWidget(m_sanEmail, 0, 0);
    sanGrid->addWidget(m_sanUpn, 0, 1);
    sanGrid->addWidget(m_sanFascn, 1, 0);
    sanGrid->addWidget(m_sanCardUuid, 1, 1);
    form->addRow(sanBox);

    m_archive = box(tr("&Archive keys (the engine makes the key and keeps a copy; for encryption certificates only)"), QStringLiteral("policyArchive"), body);
    form->addRow(m_archive);

    auto* exampleBox = new QGroupBox(tr("Example"), body);
    auto* exampleForm = new QFormLayout(exampleBox);
    m_exampleSearch = new QLineEdit(exampleBox);
    m_exampleSearch->setObjectName(QStringLiteral("policyExampleSearch"));
    m_exampleSearch->setPlaceholderText(tr("Name, logon name or e-mail"));
    m_examplePerson = new QComboBox(exampleBox);
    m_examplePerson->setObjectName(QStringLiteral("policyExamplePerson"));
    if (m_canFindPeople) {
        exampleForm->addRow(tr("Find a &person:"), m_exampleSearch);
        exampleForm->addRow(tr("For:"), m_examplePerson);
    } else {
        m_exampleSearch->hide();
        m_examplePerson->hide();
    }
    m_examplePerson->addItem(tr("Yourself (%1)").arg(m_actions->session().fullName), m_actions->session().personId);
    m_example = new QLabel(exampleBox);
    m_example->setObjectName(QStringLiteral("policyExample"));
    m_example->setWordWrap(true);
    m_example->setTextFormat(Qt::PlainText);
    m_example->setTextInteractionFlags(Qt::TextSelectableByMouse);
    exampleForm->addRow(m_example);
    form->addRow(exampleBox);

    // The example follows the form after a short pause in typing, not on every key.
    m_exampleTimer = new QTimer(this);
    m_exampleTimer->setSingleShot(true);
    m_exampleTimer->setInterval(kExampleDelayMs);
    connect(m_exampleTimer, &QTimer::timeout, this, &CertificatePoliciesPage::askForExample);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kExampleDelayMs);
    connect(m_searchTimer, &QTimer::timeout, this, &CertificatePoliciesPage::findExamplePeople);
    connect(m_exampleSearch, &QLineEdit::textEdited, m_searchTimer, qOverload<>(&QTimer::start));
    const auto later = [this] { m_exampleTimer->start(); };
    connect(m_dnTemplate, &QLineEdit::textChanged, this, later);
    for (QCheckBox* b : { m_sanEmail, m_sanUpn, m_sanFascn, m_sanCardUuid })
        connect(b, &QCheckBox::toggled, this, later);
    connect(m_examplePerson, &QComboBox::currentIndexChanged, this, later);

    connect(m_frame.add, &QPushButton::clicked, this, &CertificatePoliciesPage::newPolicy);
    connect(m_frame.save, &QPushButton::clicked, this, &CertificatePoliciesPage::save);
    connect(m_frame.list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (!current.isValid())
            return;
        const CertificatePolicy& p = m_model->at(current.row());
        m_currentVersion = p.version;
        show(p);
        if (m_selectId == 0) // a reselection after saving keeps the "Saved" message
            m_frame.message->clear();
        m_versions->setLoader([engine = &m_actions->engine(), session = m_actions->session(), id = p.id] {
            return engine->certificatePolicyVersions(session, id);
        });
    });
    connect(m_frame.versions->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (current.isValid())
            show(m_versions->at(current.row()));
    });
    connect(m_model, &AsyncListModel::loaded, this, [this] {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->at(row).id == m_selectId)
                m_frame.list->selectRow(row);
        }
        m_selectId = 0;
    });
    for (AsyncListModel* model : { m_model, m_versions })
        connect(model, &AsyncListModel::failed, this, [this](const Error& e) { m_frame.message->setText(ErrorText::describe(e)); });
    connect(m_actions, &OperatorActions::certificatePolicySaved, this, [this](qint64 id) {
        m_frame.message->setText(tr("Saved as a new version. Certificates already issued keep the version they were issued under."));
        m_selectId = id;
        m_model->reload();
        Q_EMIT saved(true);
    });
    connect(m_actions, &OperatorActions::failed, this, [this](const Error& e) {
        m_frame.message->setText(ErrorText::describe(e)); // the form keeps what was typed
        Q_EMIT saved(false);
    });
    connect(m_actions, &OperatorActions::busyChanged, m_frame.save, [this](bool busy) { m_frame.save->setEnabled(!busy); });

    m_model->setLoader([engine = &m_actions->engine(), session = m_actions->session()] { return engine->certificatePolicies(session); });
    newPolicy();
}

void CertificatePoliciesPage::newPolicy()
{
    m_frame.list->clearSelection();
    m_versions->clear();
    m_currentVersion = 0;
    CertificatePolicy blank;
    show(blank);
    m_frame.message->clear();
    m_name->setFocus();
}

void CertificatePoliciesPage::showHeading()
{
    m_frame.showVersion(m_shown.name, m_shown.version, m_shown.id > 0 ? m_currentVersion : 0, m_shown.createdAt);
}

void CertificatePoliciesPage::show(const CertificatePolicy& p)
{
    m_shown = p;
    showHeading();
    m_name->setText(p.name);
    for (auto it = m_algorithms.begin(); it != m_algorithms.end(); ++it)
        it.value()->setChecked(p.keyAlgorithms.contains(it.key()));
    m_validity->setValue(p.validityDays);
    const QStringList usages = listOf(p.keyUsage);
    for (auto it = m_keyUsages.begin(); it != m_keyUsages.end(); ++it)
        it.value()->setChecked(usages.contains(it.key()));
    QStringList others;
    for (const QString& usage : listOf(p.extendedKeyUsage)) {
        if (!m_extendedUsages.contains(usage))
            others << usage;
    }
    const QStringList extended = listOf(p.extendedKeyUsage);
    for (auto it = m_extendedUsages.begin(); it != m_extendedUsages.end(); ++it)
        it.value()->setChecked(extended.contains(it.key()));
    m_otherUsages->setText(others.join(QStringLiteral(", ")));
    m_dnTemplate->setText(p.dnTemplate);
    m_sanEmail->setChecked(p.sanEmail);
    m_sanUpn->setChecked(p.sanUpn);
    m_sanFascn->setChecked(p.sanFascn);
    m_sanCardUuid->setChecked(p.sanCardUuid);
    m_archive->setChecked(p.archiveKeys);
    m_exampleTimer->start();
}

CertificatePolicy CertificatePoliciesPage::fromForm() const
{
    CertificatePolicy p;
    p.id = m_shown.id;
    p.version = m_currentVersion;
    p.name = m_name->text();
    p.keyAlgorithms.clear();
    for (auto it = m_algorithms.begin(); it != m_algorithms.end(); ++it) {
        if (it.value()->isChecked())
            p.keyAlgorithms << it.key();
    }
    p.validityDays = m_validity->value();
    QStringList usages;
    for (const QString& usage : CertificateAuthority::knownKeyUsages()) {
        if (m_keyUsages.value(usage)->isChecked())
            usages << usage;
    }
    p.keyUsage = usages.join(QLatin1Char(','));
    QStringList extended;
    for (const QString& usage : offeredExtendedUsages()) {
        if (m_extendedUsages.value(usage)->isChecked())
            extended << usage;
    }
    extended << listOf(m_otherUsages->text());
    p.extendedKeyUsage = extended.join(QLatin1Char(','));
    p.dnTemplate = m_dnTemplate->text().trimmed();
    p.sanEmail = m_sanEmail->isChecked();
    p.sanUpn = m_sanUpn->isChecked();
    p.sanFascn = m_sanFascn->isChecked();
    p.sanCardUuid = m_sanCardUuid->isChecked();
    p.archiveKeys = m_archive->isChecked();
    return p;
}

void CertificatePoliciesPage::save()
{
    m_actions->saveCertificatePolicy(fromForm());
}

void CertificatePoliciesPage::findExamplePeople()
{
    const QString text = m_exampleSearch->text().trimmed();
    if (text.isEmpty())
        return;
    PersonQuery query;
    query.text = text;
    query.limit = 20;
    whenFinished(m_actions->engine().findPeople(m_actions->session(), query), this, [this](const Result<PersonPage>& page) {
        if (!page) {
            m_example->setText(ErrorText::describe(page.error()));
            return;
        }
        m_examplePerson->clear();
        m_examplePerson->addItem(tr("Yourself (%1)").arg(m_actions->session().fullName), m_actions->session().personId);
        for (const Person& p : page->people)
            m_examplePerson->addItem(p.logonName.isEmpty() ? p.fullName : tr("%1 (%2)").arg(p.fullName, p.logonName), p.id);
        m_examplePerson->setCurrentIndex(page->people.isEmpty() ? 0 : 1);
    });
}

void CertificatePoliciesPage::askForExample()
{
    const qint64 personId = m_examplePerson->currentData().toLongLong();
    if (personId <= 0)
        return;
    const int request = ++m_exampleRequest;
    whenFinished(m_actions->engine().certificatePolicyExample(m_actions->session(), fromForm(), personId), this,
        [this, request](const Result<CertificatePolicyExample>& example) {
            if (request == m_exampleRequest) // else the form has changed since
                showExample(example);
        });
}

void CertificatePoliciesPage::showExample(const Result<CertificatePolicyExample>& example)
{
    if (!example) {
        m_example->setText(ErrorText::describe(example.error()));
        Q_EMIT exampleShown();
        return;
    }
    QStringList lines { tr("Subject: %1").arg(example->subject) };
    if (!example->alternativeNames.isEmpty())
        lines << tr("Alternative names: %1").arg(example->alternativeNames.join(QStringLiteral(", ")));
    for (const QString& missing : example->missing)
        lines << tr("Not issued to this person: their record has no %1.").arg(DomainText::alternativeName(missing));
    for (const QString& absent : example->leftOut)
        lines << tr("Issued without the %1: their record has none.").arg(DomainText::alternativeName(absent));
    m_example->setText(lines.join(QLatin1Char('\n')));
    Q_EMIT exampleShown();
}

} // namespace lanyard
