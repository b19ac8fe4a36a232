#pragma once

#include "engine/Person.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace lanyard {

class OperatorActions;

// Disable, enable or remove a person's account: says whom and what it affects, names the
// action on its button, and starts on the safe one.
class AccountActionDialog : public QDialog {
    Q_OBJECT
public:
    enum class Kind { Disable, Enable, Remove };
    // `activeDevices`: devices a disabling would disable; `disabledWithAccount`: devices an
    // enabling may enable again.
    AccountActionDialog(OperatorActions& actions, const Person& person, Kind kind, int activeDevices, int disabledWithAccount, QWidget* parent = nullptr);

Q_SIGNALS:
    void changed(const lanyard::Person& person);
    void removed(qint64 personId);

private:
    void act();

    OperatorActions* m_actions = nullptr;
    Person m_person;
    Kind m_kind;
    QLineEdit* m_reason = nullptr;
    QCheckBox* m_devicesToo = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_act = nullptr;
};

} // namespace lanyard
