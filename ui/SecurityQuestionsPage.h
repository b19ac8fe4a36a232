#pragma once

#include "engine/OperatorSession.h"

#include <QList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace lanyard {

class Engine;

// Self-Service "Security questions": the holder writes three questions only they can answer,
// with their answers. The helpdesk asks them before it unlocks a credential over the phone;
// the engine keeps only a hash of each answer, so the page never shows the answers again.
class SecurityQuestionsPage : public QWidget {
    Q_OBJECT
public:
    static constexpr int kQuestions = 3;

    SecurityQuestionsPage(Engine& engine, const OperatorSession& session, QWidget* parent = nullptr);

    // Shows the questions set now (called each time the page is shown).
    void reload();

private:
    void save();

    Engine& m_engine;
    OperatorSession m_session;
    QList<QLineEdit*> m_questions;
    QList<QLineEdit*> m_answers;
    QLabel* m_state;
    QPushButton* m_save;
    QLabel* m_result;
};

} // namespace lanyard
