#include "UnlockCredentialDialog.h"

#include "ErrorText.h"
#include "OperatorActions.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lanyard {

UnlockCredentialDialog::UnlockCredentialDialog(const OperatorActions& actions, const Device& device, QWidget* parent)
    : QDialog(parent)
    , m_actions(new OperatorActions(actions.engine(), actions.session(), this))
    , m_device(device)
{
    setObjectName(QStringLiteral("unlockDialog"));
    setWindowTitle(tr("Unlock Credential — %1").arg(device.serial));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Ask %1 to read out the challenge their locked Lanyard app shows, type it here and read back the unlock code.")
                                 .arg(device.ownerName),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    m_challenge = new QLineEdit(this);
    m_challenge->setObjectName(QStringLiteral("challenge"));
    m_challenge->setPlaceholderText(tr("e.g. 1234 5678"));
    form->addRow(tr("&Challenge:"), m_challenge);
    m_response = new QLabel(this);
    m_response->setObjectName(QStringLiteral("unlockResponse"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSize(qMax(24, mono.pointSize() * 2));
    mono.setBold(true);
    m_response->setFont(mono);
    m_response->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Unlock code:"), m_response);
    layout->addLayout(form);
    m_questionsIntro = new QLabel(this);
    m_questionsIntro->setObjectName(QStringLiteral("securityQuestionsIntro"));
    m_questionsIntro->setWordWrap(true);
    m_questionsIntro->hide();
    layout->addWidget(m_questionsIntro);
    m_questionForm = new QFormLayout;
    layout->addLayout(m_questionForm);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("unlockMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_generate = buttons->addButton(tr("&Generate"), QDialogButtonBox::ActionRole);
    m_generate->setObjectName(QStringLiteral("generate"));
    m_generate->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto generate = [this] {
        m_response->clear();
        m_message->setText(tr("Working…"));
        QStringList answers;
        for (QLineEdit* a : m_answers)
            answers << a->text();
        m_actions->unlockCode(m_device.id, m_challenge->text(), answers);
    };
    connect(m_generate, &QPushButton::clicked, this, generate);
    connect(m_challenge, &QLineEdit::returnPressed, this, generate);
    connect(m_actions, &OperatorActions::unlockCodeReady, this, [this](const QString& code) {
        m_response->setText(code);
        m_message->setText(tr("Read the code out to the user. It works for this challenge only."));
    });
    connect(m_actions, &OperatorActions::failed, this, [this](const Error& e) { m_message->setText(ErrorText::describe(e)); });
    connect(m_actions, &OperatorActions::securityQuestionsLoaded, this, [this](qint64, const QStringList& questions) {
        if (questions.isEmpty())
            return;
        m_questionsIntro->setText(tr("Ask the caller the security questions %1 set, and type their answers as they give them. A wrong answer refuses the code.")
                                      .arg(m_device.ownerName));
        m_questionsIntro->show();
        for (int i = 0; i < questions.size(); ++i) {
            auto* answer = new QLineEdit(this);
            answer->setObjectName(QStringLiteral("answer%1").arg(i + 1));
            answer->setMaxLength(200);
            auto* question = new QLabel(questions[i], this);
            question->setWordWrap(true);
            question->setBuddy(answer);
            m_questionForm->addRow(question, answer);
            m_answers << answer;
        }
    });
    m_actions->loadSecurityQuestions(m_device.ownerId);
}

} // namespace lanyard
