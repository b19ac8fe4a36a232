#pragma once

#include "engine/Device.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace lanyard {

class OperatorActions;

// Unlock Credential: the operator types the challenge the user reads out from their locked
// app and reads back the unlock code the engine computes.
class UnlockCredentialDialog : public QDialog {
    Q_OBJECT
public:
    UnlockCredentialDialog(const OperatorActions& actions, const Device& device, QWidget* parent = nullptr);

private:
    OperatorActions* m_actions;
    Device m_device;
    QLineEdit* m_challenge = nullptr;
    QLabel* m_response = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_generate = nullptr;
};

} // namespace lanyard
