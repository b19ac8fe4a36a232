#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace lanyard {

class OperatorActions;
class PersonSearchModel;

// Type-ahead search for people; Enter or a double-click opens the person. Add Person opens
// the new person's page once the engine has them. Several people selected, or a group:NAME
// search, can be given one credential profile each at once (Request for…).
class FindPersonPage : public QWidget {
    Q_OBJECT
public:
    FindPersonPage(const OperatorActions& actions, bool mayAdd, bool mayRequest, QWidget* parent = nullptr);

    void search(const QString& text); // from the main window's search field
    PersonSearchModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }

Q_SIGNALS:
    void openPerson(qint64 personId);

private:
    void openCurrent();
    void addPerson();
    // The group a group:NAME search names, or empty.
    QString searchedGroup() const;
    void updateBatchButton();
    void openBatch();

    OperatorActions* m_actions = nullptr;
    PersonSearchModel* m_model = nullptr;
    QLineEdit* m_query = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_batch = nullptr;
};

} // namespace lanyard
