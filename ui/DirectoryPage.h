#pragma once

#include "engine/DirectoryConfig.h"
#include "engine/Role.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace lanyard {

class OperatorActions;

// Directory: where people come from. The connection (checked by Test connection before it is
// saved), which attribute holds each person field, how a disabled account is recognised,
// which groups give which roles, how often to sync; Sync now, and what the last syncs did.
class DirectoryPage : public QWidget {
    Q_OBJECT
public:
    DirectoryPage(const OperatorActions& actions, QWidget* parent = nullptr);

    DirectoryConfig config() const;
    void show(const DirectoryConfig& config);

private:
    void applyDefaults();
    void addGroupRow(const QString& groupDn, qint64 roleId);
    void showProbe(const DirectoryProbe& probe);
    void showSyncs(const QList<DirectorySyncReport>& syncs);
    void updateWarnings();
    void setBusy(bool busy);

    OperatorActions* m_actions = nullptr;
    QList<Role> m_roles;
    QCheckBox* m_enabled = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_url = nullptr;
    QCheckBox* m_startTls = nullptr;
    QLineEdit* m_caFile = nullptr;
    QLineEdit* m_bindDn = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_baseDn = nullptr;
    QLineEdit* m_filter = nullptr;
    QSpinBox* m_pageSize = nullptr;
    QList<std::pair<QString, QLineEdit*>> m_attributes; // field → attribute
    QLineEdit* m_idAttribute = nullptr;
    QComboBox* m_disabledBy = nullptr;
    QLineEdit* m_disabledAttribute = nullptr;
    QLineEdit* m_disabledValue = nullptr;
    QComboBox* m_changes = nullptr;
    QSpinBox* m_interval = nullptr;
    QTableWidget* m_groups = nullptr;
    QLabel* m_warning = nullptr;
    QLabel* m_message = nullptr;
    QTableWidget* m_probe = nullptr;
    QTableWidget* m_syncs = nullptr;
    QTableWidget* m_errors = nullptr;
    QList<QPushButton*> m_buttons;
};

} // namespace lanyard
