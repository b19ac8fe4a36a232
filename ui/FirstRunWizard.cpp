#include "FirstRunWizard.h"

#include "DomainText.h"
#include "ErrorText.h"
#include "SetupChecks.h"
#include "pki/DnTemplate.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QWizardPage>

#include <functional>

namespace lanyard {

namespace {
// A page that asks its check before Next and says what is wrong under the form.
class CheckedPage : public QWizardPage {
public:
    CheckedPage(QWidget* body, std::function<Result<void>()> check, std::function<QString()> extra)
        : m_check(std::move(check))
        , m_extra(std::move(extra))
    {
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(body);
        layout->addStretch();
        m_problem = new QLabel(this);
        m_problem->setObjectName(QStringLiteral("setupProblem"));
        m_problem->setWordWrap(true);
        m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
        layout->addWidget(m_problem);
    }

    bool validatePage() override
    {
        if (auto r = m_check(); !r) {
            m_problem->setText(ErrorText::describe(r.error()));
            return false;
        }
        if (const QString other = m_extra ? m_extra() : QString(); !other.isEmpty()) {
            m_problem->setText(other);
            return false;
        }
        m_problem->clear();
        return true;
    }

private:
    std::function<Result<void>()> m_check;
    std::function<QString()> m_extra;
    QLabel* m_problem = nullptr;
};

QLineEdit* lineEdit(const char* name, QWidget* parent, QLineEdit::EchoMode echo = QLineEdit::Normal)
{
    auto* e = new QLineEdit(parent);
    e->setObjectName(QLatin1String(name));
    e->setEchoMode(echo);
    return e;
}
} // namespace

FirstRunWizard::FirstRunWizard(const QString& databasePath, QWidget* parent)
    : QWizard(parent)
    , m_checks(new SetupChecks(this))
{
    setObjectName(QStringLiteral("firstRunWizard"));
    setWindowTitle(tr("Set up Lanyard"));
    setOption(QWizard::NoBackButtonOnStartPage);
    setWizardStyle(QWizard::ClassicStyle);

    // 1. Organisation
    auto* org = new QWidget(this);
    auto* orgForm = new QFormLayout(org);
    auto* where = new QLabel(tr("A new database will be made at %1. Nothing is written until you finish.").arg(databasePath), org);
    where->setObjectName(QStringLiteral("setupDatabase"));
    where->setWordWrap(true);
    orgForm->addRow(where);
    m_organisation = lineEdit("setupOrganisation", org);
    orgForm->addRow(tr("&Organisation:"), m_organisation);
    m_defaultDn = lineEdit("setupDefaultDn", org);
    m_defaultDn->setPlaceholderText(tr("O=Example Ltd,C=GB"));
    orgForm->addRow(tr("&Default DN:"), m_defaultDn);
    orgForm->addRow(new QLabel(tr("Every certificate's subject ends with it, and so does the CA's."), org));
    connect(m_organisation, &QLineEdit::textEdited, this, [this](const QString& name) {
        if (!m_dnEdited)
            m_defaultDn->setText(name.trimmed().isEmpty() ? QString() : QStringLiteral("O=") + DnTemplate::escapeValue(name.trimmed()));
        if (!m_caNameEdited)
            m_caName->setText(name.trimmed().isEmpty() ? QString() : tr("%1 Root CA").arg(name.trimmed()));
    });
    connect(m_defaultDn, &QLineEdit::textEdited, this, [this] { m_dnEdited = true; });
    addCheckedPage(Organisation, tr("Your organisation"), tr("Its name, and the distinguished name its certificates carry."), org,
        [this] { return plan().checkOrganisation(); });

    // 2. Certificate authority
    auto* ca = new QWidget(this);
    auto* caForm = new QFormLayout(ca);
    auto* ownRoot = new QLabel(tr("Lanyard makes a root CA of its own and keeps its key, wrapped by the master key."), ca);
    ownRoot->setWordWrap(true);
    caForm->addRow(ownRoot);
    m_caName = lineEdit("setupCaName", ca);
    caForm->addRow(tr("CA &name:"), m_caName);
    connect(m_caName, &QLineEdit::textEdited, this, [this] { m_caNameEdited = true; });
    m_caAlgorithm = new QComboBox(ca);
    m_caAlgorithm->setObjectName(QStringLiteral("setupCaAlgorithm"));
    for (KeyAlgorithm a : { KeyAlgorithm::EcP256, KeyAlgorithm::Rsa3072 })
        m_caAlgorithm->addItem(DomainText::keyAlgorithm(a), int(a));
    caForm->addRow(tr("&Key:"), m_caAlgorithm);
    m_caYears = new QSpinBox(ca);
    m_caYears->setObjectName(QStringLiteral("setupCaYears"));
    m_caYears->setRange(5, 30);
    m_caYears->setValue(20);
    m_caYears->setSuffix(tr(" years"));
    caForm->addRow(tr("&Lifetime:"), m_caYears);
    m_caSubject = new QLabel(ca);
    m_caSubject->setObjectName(QStringLiteral("setupCaSubject"));
    m_caSubject->setTextFormat(Qt::PlainText);
    caForm->addRow(tr("Subject:"), m_caSubject);
    const auto showSubject = [this] {
        auto subject = plan().caSubject();
        QStringList parts;
        for (const auto& [type, value] : subject ? *subject : QList<QPair<QString, QString>> {})
            parts << type + QLatin1Char('=') + DnTemplate::escapeValue(value);
        m_caSubject->setText(parts.join(QLatin1Char(',')));
    };
    connect(m_caName, &QLineEdit::textChanged, this, showSubject);
    connect(m_defaultDn, &QLineEdit::textChanged, this, showSubject);
    addCheckedPage(Authority, tr("Certificate authority"), tr("The CA that signs every certificate Lanyard issues, its revocation lists and OCSP answers."), ca,
        [this] { return plan().checkAuthority(); });

    // 3. Collection address
    auto* collect = new QWidget(this);
    auto* collectForm = new QFormLayout(collect);
    m_collectionUrl = lineEdit("setupCollectionUrl", collect);
    m_collectionUrl->setPlaceholderText(QStringLiteral("https://id.example.org"));
    collectForm->addRow(tr("&Address:"), m_collectionUrl);
    auto* collectNote = new QLabel(tr("Phones collect their identities here: QR codes and mails carry this address followed by /c/ and a code. "
                                      "It must be https, and reachable from the phones."),
        collect);
    collectNote->setWordWrap(true);
    collectForm->addRow(collectNote);
    m_reachability = new QLabel(collect);
    m_reachability->setObjectName(QStringLiteral("setupReachability"));
    m_reachability->setWordWrap(true);
    collectForm->addRow(m_reachability);
    connect(m_collectionUrl, &QLineEdit::editingFinished, this, [this] {
        const FirstSetupPlan p = plan();
        if (!p.checkCollection()) {
            m_reachability->clear();
            return;
        }
        m_reachability->setText(tr("Checking whether %1 answers from here…").arg(p.collectionUrl.trimmed()));
        m_checks->checkAddress(p.collectionUrl);
    });
    connect(m_checks, &SetupChecks::addressChecked, this, [this](const QString& url, bool answered, const Error& why) {
        if (url.trimmed() != m_collectionUrl->text().trimmed())
            return; // typed over since
        m_reachability->setText(answered ? tr("%1 answers from here.").arg(url.trimmed())
                                         : tr("Warning: %1 does not answer from here (%2). You can go on; phones will need to reach it.")
                                               .arg(url.trimmed(), ErrorText::describe(why)));
        Q_EMIT addressChecked();
    });
    addCheckedPage(Collection, tr("Collection address"), tr("This engine's https address as phones reach it."), collect,
        [this] { return plan().checkCollection(); });

    // 4. Mail
    auto* mail = new QWidget(this);
    auto* mailForm = new QFormLayout(mail);
    mailForm->addRow(new QLabel(tr("Optional: without a mail server, operators show codes on screen until you set one in Configuration."), mail));
    m_smtpHost = lineEdit("setupSmtpHost", mail);
    mailForm->addRow(tr("Mail &server:"), m_smtpHost);
    m_smtpPort = new QSpinBox(mail);
    m_smtpPort->setObjectName(QStringLiteral("setupSmtpPort"));
    m_smtpPort->setRange(1, 65535);
    m_smtpPort->setValue(587);
    mailForm->addRow(tr("&Port:"), m_smtpPort);
    m_smtpSecurity = new QComboBox(mail);
    m_smtpSecurity->setObjectName(QStringLiteral("setupSmtpSecurity"));
    m_smtpSecurity->addItem(tr("STARTTLS"), QStringLiteral("starttls"));
    m_smtpSecurity->addItem(tr("TLS from the start"), QStringLiteral("tls"));
    m_smtpSecurity->addItem(tr("None (a relay on this machine only)"), QStringLiteral("none"));
    mailForm->addRow(tr("Se&curity:"), m_smtpSecurity);
    m_smtpUser = lineEdit("setupSmtpUser", mail);
    mailForm->addRow(tr("&User name:"), m_smtpUser);
    m_smtpPassword = lineEdit("setupSmtpPassword", mail, QLineEdit::Password);
    mailForm->addRow(tr("Pass&word:"), m_smtpPassword);
    m_smtpSender = lineEdit("setupSmtpSender", mail);
    m_smtpSender->setPlaceholderText(QStringLiteral("lanyard@example.org"));
    mailForm->addRow(tr("&Sender:"), m_smtpSender);
    auto* test = new QHBoxLayout;
    m_testRecipient = lineEdit("setupTestRecipient", mail);
    m_testRecipient->setPlaceholderText(tr("your address"));
    m_sendTest = new QPushButton(tr("Send a &test mail"), mail);
    m_sendTest->setObjectName(QStringLiteral("setupSendTest"));
    test->addWidget(m_testRecipient, 1);
    test->addWidget(m_sendTest);
    mailForm->addRow(tr("Test:"), test);
    m_testResult = new QLabel(mail);
    m_testResult->setObjectName(QStringLiteral("setupTestResult"));
    m_testResult->setWordWrap(true);
    mailForm->addRow(m_testResult);
    connect(m_sendTest, &QPushButton::clicked, this, [this] {
        m_sendTest->setEnabled(false);
        m_testResult->setText(tr("Sending…"));
        m_checks->sendTestMail(plan(), m_testRecipient->text());
    });
    connect(m_checks, &SetupChecks::testMailFinished, this, [this](bool sent, const Error& why) {
        m_sendTest->setEnabled(true);
        m_testResult->setText(sent ? tr("Sent to %1: check that it arrived.").arg(m_testRecipient->text().trimmed())
                                   : tr("Not sent: %1").arg(ErrorText::describe(why)));
        Q_EMIT testMailFinished();
    });
    addCheckedPage(Mail, tr("Mail server"), tr("How codes and links reach people by mail."), mail, [this] { return plan().checkMail(); });

    // 5. First administrator
    auto* admin = new QWidget(this);
    auto* adminForm = new QFormLayout(admin);
    m_adminLogon = lineEdit("setupAdminLogon", admin);
    m_adminLogon->setText(QStringLiteral("admin"));
    adminForm->addRow(tr("&Logon name:"), m_adminLogon);
    m_adminName = lineEdit("setupAdminName", admin);
    adminForm->addRow(tr("&Full name:"), m_adminName);
    m_adminEmail = lineEdit("setupAdminEmail", admin);
    adminForm->addRow(tr("&E-mail:"), m_adminEmail);
    m_adminPassword = lineEdit("setupAdminPassword", admin, QLineEdit::Password);
    adminForm->addRow(tr("&Password:"), m_adminPassword);
    m_adminRepeat = lineEdit("setupAdminRepeat", admin, QLineEdit::Password);
    adminForm->addRow(tr("&Again:"), m_adminRepeat);
    addCheckedPage(
        Administrator, tr("First administrator"), tr("The person who logs on first and adds everyone else. They hold every workflow."), admin,
        [this] { return plan().checkAdministrator(); },
        [this] { return m_adminPassword->text() == m_adminRepeat->text() ? QString() : tr("The two passwords differ: type the same password twice."); });
}

void FirstRunWizard::addCheckedPage(Page id, const QString& title, const QString& subTitle, QWidget* body, std::function<Result<void>()> check,
    std::function<QString()> extra)
{
    auto* page = new CheckedPage(body, std::move(check), std::move(extra));
    page->setTitle(title);
    page->setSubTitle(subTitle);
    setPage(id, page);
}

void FirstRunWizard::showFailure(const QString& text)
{
    show();
    if (auto* problem = currentPage() ? currentPage()->findChild<QLabel*>(QStringLiteral("setupProblem")) : nullptr)
        problem->setText(text);
}

FirstSetupPlan FirstRunWizard::plan() const
{
    FirstSetupPlan p;
    p.organisation = m_organisation->text();
    p.defaultDn = m_defaultDn->text();
    if (m_caYears) {
        p.caCommonName = m_caName->text();
        p.caKeyAlgorithm = KeyAlgorithm(m_caAlgorithm->currentData().toInt());
        p.caValidityYears = m_caYears->value();
    }
    if (m_collectionUrl)
        p.collectionUrl = m_collectionUrl->text();
    if (m_smtpSender) {
        p.smtpHost = m_smtpHost->text();
        p.smtpPort = m_smtpPort->value();
        p.smtpSecurity = m_smtpSecurity->currentData().toString();
        p.smtpUsername = m_smtpUser->text();
        p.smtpPassword = m_smtpPassword->text();
        p.smtpSender = m_smtpSender->text();
    }
    if (m_adminRepeat) {
        p.adminLogon = m_adminLogon->text();
        p.adminName = m_adminName->text();
        p.adminEmail = m_adminEmail->text();
        p.adminPassword = m_adminPassword->text();
    }
    return p;
}

} // namespace lanyard
