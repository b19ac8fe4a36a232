#include "DeviceActionDialog.h"

#include "DomainText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lanyard {

DeviceActionDialog::DeviceActionDialog(const Device& device, DeviceOperation operation, QWidget* parent)
    : QDialog(parent)
    , m_device(device)
    , m_operation(operation)
{
    setObjectName(QStringLiteral("deviceActionDialog"));
    setWindowTitle(tr("%1 — %2").arg(DomainText::deviceOperation(operation), device.serial));
    auto* layout = new QVBoxLayout(this);
    QString effect;
    switch (operation) {
    case DeviceOperation::Disable:
        effect = tr("The device's certificates will be put on hold until it is enabled again.");
        break;
    case DeviceOperation::Enable:
        effect = tr("The device's certificates will be released from hold.");
        break;
    case DeviceOperation::ReplaceForgotten:
        effect = tr("The device will be suspended (certificates on hold) and a short-lived temporary replacement requested.");
        break;
    case DeviceOperation::Reinstate:
        effect = tr("The device becomes active again; the temporary replacement is cancelled and its certificates revoked.");
        break;
    case DeviceOperation::Cancel:
        effect = tr("The device will be cancelled for good and its certificates REVOKED. This cannot be undone.");
        break;
    case DeviceOperation::ReplaceLost:
    case DeviceOperation::ReplaceStolen:
        effect = tr("The device will be cancelled, its certificates REVOKED as compromised, and a replacement requested.");
        break;
    case DeviceOperation::ReplaceDamaged:
        effect = tr("The device will be cancelled, its certificates REVOKED, and a replacement requested.");
        break;
    }
    auto* effectLabel = new QLabel(tr("%1 (%2) of %3.\n%4").arg(DomainText::cardEncoding(device.type), device.serial, device.ownerName, effect), this);
    effectLabel->setObjectName(QStringLiteral("effect"));
    effectLabel->setWordWrap(true);
    layout->addWidget(effectLabel);
    auto* form = new QFormLayout;
    if (operation == DeviceOperation::Cancel) {
        m_cancelReason = new QComboBox(this);
        m_cancelReason->setObjectName(QStringLiteral("cancelReason"));
        m_cancelReason->addItem(tr("No longer needed"), int(RevocationReason::CessationOfOperation));
        m_cancelReason->addItem(tr("Left the organisation / role changed"), int(RevocationReason::AffiliationChanged));
        m_cancelReason->addItem(tr("Replaced by another device"), int(RevocationReason::Superseded));
        m_cancelReason->addItem(tr("Key compromised"), int(RevocationReason::KeyCompromise));
        form->addRow(tr("Revocation &reason:"), m_cancelReason);
    }
    const bool replaces = operation == DeviceOperation::ReplaceForgotten || operation == DeviceOperation::ReplaceLost || operation == DeviceOperation::ReplaceStolen
        || operation == DeviceOperation::ReplaceDamaged;
    if (replaces) {
        m_showCode = new QCheckBox(tr("Show the replacement's code and QR code here, to read out to %1").arg(device.ownerName), this);
        m_showCode->setObjectName(QStringLiteral("showCode"));
        m_showCode->setToolTip(tr("Otherwise the code and the collection link are sent to %1 as the profile's notification scheme says.").arg(device.ownerName));
        form->addRow(QString(), m_showCode);
    }
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reason"));
    form->addRow(tr("Rea&son:"), m_reason);
    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setMaximumHeight(80);
    form->addRow(tr("&Details:"), m_details);
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(this);
    const bool final = operation == DeviceOperation::Cancel || replaces;
    auto* confirm = buttons->addButton(operation == DeviceOperation::Cancel ? tr("Cancel device") : DomainText::deviceOperation(operation), QDialogButtonBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirm"));
    confirm->setAutoDefault(false);
    auto* keep = buttons->addButton(final ? tr("Keep device") : tr("Back"), QDialogButtonBox::RejectRole);
    keep->setObjectName(QStringLiteral("keep"));
    keep->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(confirm, &QPushButton::clicked, this, &DeviceActionDialog::validate);
}

void DeviceActionDialog::validate()
{
    // The engine insists too; asking here saves the operator a round trip.
    const bool needsReason = m_operation == DeviceOperation::Disable || m_operation == DeviceOperation::Cancel;
    if (needsReason && m_reason->text().trimmed().isEmpty()) {
        m_message->setText(tr("Enter a reason: it is kept in the audit trail."));
        m_reason->setFocus();
        return;
    }
    accept();
}

DeviceAction DeviceActionDialog::action() const
{
    DeviceAction a;
    a.operation = m_operation;
    a.reason = m_reason->text().trimmed();
    a.details = m_details->toPlainText().trimmed();
    if (m_cancelReason)
        a.cancelReason = RevocationReason(m_cancelReason->currentData().toInt());
    a.showCode = m_showCode && m_showCode->isChecked();
    return a;
}

} // namespace lanyard
