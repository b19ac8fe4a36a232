#pragma once

#include "engine/Device.h"
#include "engine/DeviceAction.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace lanyard {

// Asks for what a lifecycle operation needs (reason, details, revocation reason for Cancel;
// for a replacement, whether its code is shown here or sent) and says plainly what it will do
// to whose certificates before the operator confirms. The confirming button names the action;
// the safe one is the default, so Enter never cancels or replaces a device.
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
    QCheckBox* m_showCode = nullptr; // replacements only
    QLabel* m_message = nullptr;
};

} // namespace lanyard
