#include "RequestCredentialDialog.h"

#include "ErrorText.h"
#include "OperatorActions.h"
#include "QrCodeWidget.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace lanyard {

RequestCredentialDialog::RequestCredentialDialog(const OperatorActions& actions, const Person& person, Kind kind, bool showCode, QWidget* parent)
    : QDialog(parent)
    , m_actions(new OperatorActions(actions.engine(), actions.session(), this))
    , m_person(person)
    , m_kind(kind)
    , m_showCode(showCode)
{
    setObjectName(QStringLiteral("requestDialog"));
    if (kind == Kind::Card)
        setWindowTitle(tr("Request Card — %1").arg(person.fullName));
    else
        setWindowTitle(showCode ? tr("Request Mobile (View Auth Code) — %1").arg(person.fullName) : tr("Request Mobile — %1").arg(person.fullName));
    auto* layout = new QVBoxLayout(this);
    m_steps = new QStackedWidget(this);
    layout->addWidget(m_steps);

    // Step 1: choose and confirm.
    auto* choose = new QWidget(m_steps);
    auto* chooseLayout = new QVBoxLayout(choose);
    chooseLayout->addWidget(new QLabel(tr("Credential &profile:"), choose));
    m_profile = new QComboBox(choose);
    m_profile->setObjectName(QStringLiteral("profile"));
    chooseLayout->addWidget(m_profile);
    m_computerLabel = new QLabel(tr("C&omputer (full DNS name; empty: any computer):"), choose);
    m_computer = new QComboBox(choose);
    m_computer->setObjectName(QStringLiteral("targetComputer"));
    m_computer->setEditable(true);
    m_computer->setInsertPolicy(QComboBox::NoInsert);
    m_computer->addItem(QString());
    m_computer->lineEdit()->setPlaceholderText(tr("any computer, or pick or type e.g. pc01.example.org"));
    connect(m_actions, &OperatorActions::computersLoaded, this, [this](const QStringList& names) {
        const QString typed = m_computer->currentText();
        m_computer->clear();
        m_computer->addItem(QString());
        m_computer->addItems(names);
        m_computer->setEditText(typed);
    });
    m_computerLabel->setBuddy(m_computer);
    chooseLayout->addWidget(m_computerLabel);
    chooseLayout->addWidget(m_computer);
    auto updateComputer = [this] {
        const int i = m_profile->currentIndex();
        const bool vsc = i >= 0 && i < m_profiles.size() && m_profiles.at(i).encoding == CardEncoding::VirtualSmartCard;
        m_computerLabel->setVisible(vsc);
        m_computer->setVisible(vsc);
        if (vsc && m_computer->count() <= 1)
            m_actions->loadComputers();
    };
    connect(m_profile, &QComboBox::currentIndexChanged, this, updateComputer);
    m_computerLabel->hide();
    m_computer->hide();
    m_chooseMessage = new QLabel(tr("Loading the profiles you may request for %1…").arg(person.fullName), choose);
    m_chooseMessage->setObjectName(QStringLiteral("chooseMessage"));
    m_chooseMessage->setWordWrap(true);
    chooseLayout->addWidget(m_chooseMessage);
    chooseLayout->addStretch(1);
    auto* chooseButtons = new QDialogButtonBox(QDialogButtonBox::Cancel, choose);
    m_request = chooseButtons->addButton(tr("&Request"), QDialogButtonBox::AcceptRole);
    m_request->setObjectName(QStringLiteral("requestButton"));
    m_request->setEnabled(false);
    chooseLayout->addWidget(chooseButtons);
    connect(chooseButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_request, &QPushButton::clicked, this, &RequestCredentialDialog::submit);
    m_steps->addWidget(choose);

    // Step 2: the result.
    auto* result = new QWidget(m_steps);
    auto* resultLayout = new QVBoxLayout(result);
    m_resultMessage = new QLabel(result);
    m_resultMessage->setObjectName(QStringLiteral("resultMessage"));
    m_resultMessage->setWordWrap(true);
    resultLayout->addWidget(m_resultMessage);
    m_queued = new QLabel(result);
    m_queued->setObjectName(QStringLiteral("queuedNotifications"));
    m_queued->setWordWrap(true);
    resultLayout->addWidget(m_queued);
    m_codeBox = new QWidget(result);
    auto* codeRow = new QHBoxLayout(m_codeBox);
    auto* left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("Authentication code:"), m_codeBox));
    m_code = new QLabel(m_codeBox);
    m_code->setObjectName(QStringLiteral("authCode"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSize(qMax(24, mono.pointSize() * 2));
    mono.setBold(true);
    m_code->setFont(mono);
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse);
    left->addWidget(m_code);
    left->addWidget(new QLabel(tr("Collection address:"), m_codeBox));
    m_url = new QLabel(m_codeBox);
    m_url->setObjectName(QStringLiteral("collectionUrl"));
    m_url->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_url->setWordWrap(true);
    left->addWidget(m_url);
    auto* copyCode = new QPushButton(tr("&Copy code"), m_codeBox);
    connect(copyCode, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_code->text().remove(QLatin1Char(' '))); });
    auto* copyQr = new QPushButton(tr("Copy &QR code"), m_codeBox);
    connect(copyQr, &QPushButton::clicked, this, [this] { m_qr->copyToClipboard(); });
    auto* save = new QPushButton(tr("&Save QR code…"), m_codeBox);
    connect(save, &QPushButton::clicked, this, [this] {
        // open(), not the static getter: no nested event loop while the operator chooses.
        auto* files = new QFileDialog(this, tr("Save QR code"), QStringLiteral("lanyard-qr.png"), tr("PNG image (*.png);;SVG image (*.svg)"));
        files->setAttribute(Qt::WA_DeleteOnClose);
        files->setAcceptMode(QFileDialog::AcceptSave);
        connect(files, &QFileDialog::fileSelected, this, [this](const QString& path) {
            const bool ok = path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive) ? m_qr->saveSvg(path) : m_qr->savePng(path);
            if (!ok)
                m_resultMessage->setText(tr("The QR code could not be saved to %1.").arg(path));
        });
        files->open();
    });
    left->addWidget(copyCode);
    left->addWidget(copyQr);
    left->addWidget(save);
    left->addStretch(1);
    codeRow->addLayout(left, 1);
    m_qr = new QrCodeWidget(m_codeBox);
    m_qr->setObjectName(QStringLiteral("qrCode"));
    codeRow->addWidget(m_qr, 1);
    resultLayout->addWidget(m_codeBox, 1);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, result);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::accept);
    resultLayout->addWidget(close);
    m_steps->addWidget(result);

    connect(m_actions, &OperatorActions::profilesLoaded, this, &RequestCredentialDialog::profilesLoaded);
    connect(m_actions, &OperatorActions::requestIssued, this, &RequestCredentialDialog::showResult);
    connect(m_actions, &OperatorActions::failed, this, [this](const Error& e) {
        m_request->setEnabled(!m_profiles.isEmpty());
        (m_steps->currentIndex() == 0 ? m_chooseMessage : m_resultMessage)->setText(ErrorText::describe(e));
    });
    m_actions->loadRequestableProfiles(person.id);
    resize(720, 420);
}

void RequestCredentialDialog::profilesLoaded(const QList<CredentialProfile>& profiles)
{
    m_profiles.clear();
    m_profile->clear();
    for (const CredentialProfile& p : profiles) {
        const bool mobile = p.encoding == CardEncoding::IdentityAgent;
        const bool card = p.encoding == CardEncoding::VirtualSmartCard;
        if (m_kind == Kind::Mobile ? !mobile : !card)
            continue;
        m_profiles.append(p);
        m_profile->addItem(p.requiresValidation ? tr("%1 (needs validation)").arg(p.name) : p.name, p.id);
    }
    if (m_profiles.isEmpty()) {
        m_chooseMessage->setText((m_kind == Kind::Card ? tr("There is no card profile that you may request and that %1 may receive. "
                                                            "An administrator decides this in the profile's role matrix (Can Request, Can Receive).")
                                                       : tr("There is no mobile profile that you may request and that %1 may receive. "
                                                            "An administrator decides this in the profile's role matrix (Can Request, Can Receive)."))
                                     .arg(m_person.fullName));
        m_request->setEnabled(false);
        return;
    }
    QString message = m_showCode ? tr("The code will be shown on this screen for you to read out.")
                                 : tr("The collection link and the code are sent to %1 by the profile's notification scheme.").arg(m_person.fullName);
    m_chooseMessage->setText(message);
    m_request->setEnabled(true);
    m_request->setFocus();
}

void RequestCredentialDialog::submit()
{
    const int i = m_profile->currentIndex();
    if (i < 0 || i >= m_profiles.size())
        return;
    m_request->setEnabled(false);
    m_chooseMessage->setText(tr("Requesting…"));
    const bool vsc = m_profiles.at(i).encoding == CardEncoding::VirtualSmartCard;
    m_actions->requestCredential(m_person.id, m_profiles.at(i).id, m_showCode, vsc ? m_computer->currentText().trimmed() : QString());
}

void RequestCredentialDialog::showResult(const IssuedRequest& request)
{
    m_steps->setCurrentIndex(1);
    QStringList queued;
    for (const Notification& n : request.notifications) {
        const QString what = n.templateName == QLatin1String("collection-link") ? tr("collection link") : tr("code");
        queued << (n.channel == QLatin1String("sms") ? tr("SMS to %1 (%2)") : tr("email to %1 (%2)")).arg(n.recipient, what);
    }
    m_queued->setText(queued.isEmpty() ? tr("No message is sent for this request.") : tr("Queued for delivery: %1.").arg(queued.join(QStringLiteral("; "))));
    const bool profileValidates = std::any_of(m_profiles.cbegin(), m_profiles.cend(),
        [&request](const CredentialProfile& p) { return p.id == request.job.profileId && p.requiresValidation; });
    if (request.job.status == JobStatus::AwaitingValidation && !profileValidates) {
        // The engine held it back: the code was to be shown, and the holder's rights exceed ours.
        m_resultMessage->setText(tr("Request %1 was created, but %2 holds rights that you do not, so the code is not shown to you. "
                                    "It awaits validation by an operator who holds those rights, or its code can be sent to %2.")
                                     .arg(request.job.id)
                                     .arg(request.job.personName));
        m_codeBox->hide();
        return;
    }
    if (request.job.status == JobStatus::AwaitingValidation) {
        m_resultMessage->setText(tr("Request %1 was created and awaits validation by a second operator. "
                                    "No code is issued until it is approved.")
                                     .arg(request.job.id));
        m_codeBox->hide();
        return;
    }
    if (request.code.isEmpty()) {
        m_resultMessage->setText(tr("Request %1 was created. The collection link and the code travel to the user in separate messages.")
                                     .arg(request.job.id));
        m_codeBox->hide();
        return;
    }
    m_resultMessage->setText(tr("Request %1 is ready. Read the code out to %2 and let them scan the QR code with the Lanyard app. "
                                "The code expires at %3.")
                                 .arg(request.job.id)
                                 .arg(request.job.personName, QLocale().toString(request.job.codeExpiresAt.toLocalTime(), QLocale::ShortFormat)));
    m_code->setText(request.code);
    m_url->setText(request.collectionUrl);
    auto qr = QrCode::encode(request.collectionUrl);
    if (qr)
        m_qr->setCode(*qr);
    m_codeBox->show();
}

} // namespace lanyard
