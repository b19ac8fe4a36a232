#pragma once

#include "ChecklistModel.h"
#include "RecordModels.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTableView;

namespace lanyard {

class OperatorActions;

// The roles editor: each role's name, the scope of its workflows (themself, their group,
// everyone) and the workflows it grants. The engine refuses what the operator may not do.
class RolesPage : public QWidget {
    Q_OBJECT
public:
    RolesPage(const OperatorActions& actions, QWidget* parent = nullptr);

    RoleListModel* model() const { return m_model; }
    ChecklistModel* workflows() const { return m_workflows; }
    void newRole();
    void save();

Q_SIGNALS:
    void saved(bool ok);

private:
    void show(const Role& role);

    OperatorActions* m_actions;
    RoleListModel* m_model;
    ChecklistModel* m_workflows;
    qint64 m_editing = 0;
    qint64 m_selectAfterLoad = 0;
    QTableView* m_view = nullptr;
    QLineEdit* m_name = nullptr;
    QComboBox* m_scope = nullptr;
    QLabel* m_heading = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace lanyard
