#pragma once

#include "engine/Device.h"
#include "engine/DeviceAction.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace lanyard {

// Asks for what a lifecycle operation needs (reason, details, revocation reason for Cancel)
// and says plainly what it will do to the certificates before the operator confirms.
class DeviceActionDialog : public QDialog {
    Q_OBJECT
public:
    DeviceActionDialog(const Device& device, DeviceOperation operation, QWidget* parent = nullptr);

    DeviceAction action() const;

private:
    void validate();

    Device m_device;
    DeviceOperation m_operation;
    QLineEdit* m_reason = nullptr;
    QPlainTextEdit* m_details = nullptr;
    QComboBox* m_cancelReason = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace lanyard
