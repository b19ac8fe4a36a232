#pragma once

#include "engine/Person.h"
#include "engine/Role.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace lanyard {

class OperatorActions;

// The roles a person holds, one box each; the engine refuses a role carrying rights the
// operator lacks, and the dialog says which.
class PersonRolesDialog : public QDialog {
    Q_OBJECT
public:
    PersonRolesDialog(OperatorActions& actions, const Person& person, QWidget* parent = nullptr);

    QCheckBox* roleBox(const QString& name) const { return m_boxes.value(name); }

Q_SIGNALS:
    void saved(const lanyard::Person& person);
    void rolesShown();

private:
    void showRoles(const QList<Role>& roles);
    void save();

    OperatorActions* m_actions = nullptr;
    Person m_person;
    QList<Role> m_roles;
    QHash<QString, QCheckBox*> m_boxes;
    QVBoxLayout* m_list = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace lanyard
