#pragma once

#include "engine/Device.h"

#include <QDialog>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace lanyard {

class OperatorActions;

// Unlock Credential: the operator types the challenge the user reads out from their locked
// app and reads back the unlock code the engine computes. When the holder set security
// questions, the operator asks them and types the caller's answers, which the engine checks
// (and, with unlock.checkSecurityQuestions on, requires) before it gives a code.
class UnlockCredentialDialog : public QDialog {
    Q_OBJECT
public:
    UnlockCredentialDialog(const OperatorActions& actions, const Device& device, QWidget* parent = nullptr);

private:
    OperatorActions* m_actions;
    Device m_device;
    QLineEdit* m_challenge = nullptr;
    QLabel* m_questionsIntro = nullptr;
    QFormLayout* m_questionForm = nullptr;
    QList<QLineEdit*> m_answers;
    QLabel* m_response = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_generate = nullptr;
};

} // namespace lanyard
