#pragma once

#include "engine/Device.h"
#include "engine/Workflow.h"

#include <QDialog>

class QLabel;

namespace lanyard {

class FindDevicePage;
class OperatorActions;

// The Cards menu's way to a virtual smart card: search by the owner's name or logon, the
// card's serial or its computer's DNS name, and open the workflow for the chosen card.
class VscCardPicker : public QDialog {
    Q_OBJECT
public:
    VscCardPicker(const OperatorActions& actions, Workflow workflow, QWidget* parent = nullptr);

    FindDevicePage* search() const { return m_search; }

Q_SIGNALS:
    void cardChosen(const lanyard::Device& device, lanyard::Workflow workflow);

private:
    void choose(qint64 deviceId);

    const OperatorActions& m_actions;
    Workflow m_workflow;
    FindDevicePage* m_search = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace lanyard
