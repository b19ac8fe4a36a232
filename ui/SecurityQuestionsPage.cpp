#include "SecurityQuestionsPage.h"

#include "ErrorText.h"
#include "core/WhenFinished.h"
#include "engine/Engine.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lanyard {

SecurityQuestionsPage::SecurityQuestionsPage(Engine& engine, const OperatorSession& session, QWidget* parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_session(session)
{
    setObjectName(QStringLiteral("securityQuestionsPage"));
    auto* v = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Write three questions only you can answer, and their answers. The helpdesk asks them when you call to unlock a credential. "
                                "Capitals and spacing in the answers do not count."),
        this);
    intro->setWordWrap(true);
    v->addWidget(intro);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("securityQuestionsState"));
    m_state->setWordWrap(true);
    v->addWidget(m_state);
    auto* form = new QFormLayout;
    const QString examples[kQuestions] = { tr("e.g. the street you grew up in"), tr("e.g. your first teacher's name"), tr("e.g. the name of your first pet") };
    for (int i = 0; i < kQuestions; ++i) {
        auto* q = new QLineEdit(this);
        q->setObjectName(QStringLiteral("question%1").arg(i + 1));
        q->setMaxLength(200);
        q->setPlaceholderText(examples[i]);
        auto* a = new QLineEdit(this);
        a->setObjectName(QStringLiteral("answer%1").arg(i + 1));
        a->setMaxLength(200);
        a->setEchoMode(QLineEdit::PasswordEchoOnEdit);
        form->addRow(tr("Question &%1:").arg(i + 1), q);
        form->addRow(tr("Answer %1:").arg(i + 1), a);
        m_questions << q;
        m_answers << a;
    }
    v->addLayout(form);
    m_save = new QPushButton(tr("&Save questions and answers"), this);
    m_save->setObjectName(QStringLiteral("saveSecurityQuestions"));
    v->addWidget(m_save, 0, Qt::AlignLeft);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("securityQuestionsResult"));
    m_result->setWordWrap(true);
    v->addWidget(m_result);
    v->addStretch(1);
    connect(m_save, &QPushButton::clicked, this, &SecurityQuestionsPage::save);
}

void SecurityQuestionsPage::reload()
{
    m_result->clear();
    for (QLineEdit* a : m_answers)
        a->clear();
    whenFinished(m_engine.securityQuestions(m_session, m_session.personId), this, [this](const Result<QStringList>& questions) {
        if (!questions) {
            m_state->setText(ErrorText::describe(questions.error()));
            return;
        }
        m_state->setText(questions->isEmpty() ? tr("You have not set security questions yet.")
                                              : tr("Your questions are below. To change them, type all three answers again."));
        for (int i = 0; i < kQuestions; ++i)
            m_questions[i]->setText(i < questions->size() ? questions->at(i) : QString());
    });
}

void SecurityQuestionsPage::save()
{
    QStringList questions, answers;
    for (int i = 0; i < kQuestions; ++i) {
        questions << m_questions[i]->text();
        answers << m_answers[i]->text();
    }
    m_save->setEnabled(false);
    m_result->setText(tr("Working…"));
    whenFinished(m_engine.setSecurityQuestions(m_session, questions, answers), this, [this](const Result<void>& saved) {
        m_save->setEnabled(true);
        if (!saved) {
            m_result->setText(ErrorText::describe(saved.error()));
            return;
        }
        for (QLineEdit* a : m_answers)
            a->clear();
        m_state->setText(tr("Your questions are below. To change them, type all three answers again."));
        m_result->setText(tr("Saved. Keep the answers to yourself: they prove to the helpdesk that it is you."));
    });
}

} // namespace lanyard
