#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace lanyard {

class OperatorActions;
class PeopleImportController;

// Import People: a CSV file, a column for each field (guessed from the header), a preview of
// the first rows, then a dry run or the import itself, with progress, Cancel, and what became
// of every row.
class ImportPeoplePage : public QWidget {
    Q_OBJECT
public:
    ImportPeoplePage(const OperatorActions& actions, bool mayAssignRoles, QWidget* parent = nullptr);

    void openFile(const QString& path);
    PeopleImportController* controller() const { return m_controller; }
    QComboBox* columnFor(const QString& field) const;

private:
    void showTable();
    void run(bool dryRun);
    void showOutcomes(bool dryRun, bool cancelled);

    OperatorActions* m_actions = nullptr;
    PeopleImportController* m_controller = nullptr;
    QLineEdit* m_path = nullptr;
    QList<std::pair<QString, QComboBox*>> m_columns; // field → its column
    QComboBox* m_role = nullptr;
    QTableWidget* m_preview = nullptr;
    QTableWidget* m_report = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_dryRun = nullptr;
    QPushButton* m_import = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace lanyard
