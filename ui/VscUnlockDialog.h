#pragma once

#include "engine/Device.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace lanyard {

class OperatorActions;

// Unlock VSC Temporary Access: how long, why, and the challenge Windows shows on the locked
// card; Generate shows the response to read aloud. "Did it unlock?" — No clears the challenge
// for the next attempt and keeps duration and reason.
class VscUnlockDialog : public QDialog {
    Q_OBJECT
public:
    VscUnlockDialog(const OperatorActions& actions, const Device& device, QWidget* parent = nullptr);

private:
    void generate();

    OperatorActions* m_actions;
    Device m_device;
    QComboBox* m_duration = nullptr;
    QLineEdit* m_reason = nullptr;
    QLineEdit* m_challenge = nullptr;
    QLabel* m_response = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_generate = nullptr;
    QPushButton* m_worked = nullptr;
    QPushButton* m_retry = nullptr;
};

} // namespace lanyard
