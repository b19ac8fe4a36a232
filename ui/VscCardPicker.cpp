#include "VscCardPicker.h"

#include "ErrorText.h"
#include "FindDevicePage.h"
#include "OperatorActions.h"
#include "core/WhenFinished.h"
#include "engine/Engine.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lanyard {

VscCardPicker::VscCardPicker(const OperatorActions& actions, Workflow workflow, QWidget* parent)
    : QDialog(parent)
    , m_actions(actions)
    , m_workflow(workflow)
{
    setObjectName(QStringLiteral("vscCardPicker"));
    setWindowTitle(workflow == Workflow::ManageVscAccess ? tr("Manage VSC Access — find the card") : tr("Unlock VSC Temporary Access — find the card"));
    auto* layout = new QVBoxLayout(this);
    auto* hint = new QLabel(tr("Type the owner's name or logon, the card's serial number or its computer's DNS name, then open the card."), this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_search = new FindDevicePage(actions, this);
    layout->addWidget(m_search, 1);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("pickerMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    // Return belongs to the search: it must not press Cancel and close the dialog.
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_search, &FindDevicePage::openDevice, this, &VscCardPicker::choose);
    resize(800, 500);
}

void VscCardPicker::choose(qint64 deviceId)
{
    m_message->setText(tr("Opening the card…"));
    whenFinished(m_actions.engine().device(m_actions.session(), deviceId), this, [this](Result<Device> device) {
        if (!device)
            return m_message->setText(ErrorText::describe(device.error()));
        if (device->type != CardEncoding::VirtualSmartCard)
            return m_message->setText(tr("%1 is not a virtual smart card; choose one of type VSC.").arg(device->serial));
        Q_EMIT cardChosen(*device, m_workflow);
        accept();
    });
}

} // namespace lanyard
