#pragma once

#include "RecordModels.h"
#include "engine/Workflow.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace lanyard {

class OperatorActions;

// Requests (jobs) across people: filter by status and name, cancel a pending one, issue a new
// code (it replaces the old one), approve or reject one awaiting validation. Below the list,
// the selected request's messages: what went to whom, its delivery state, and Re-send.
class RequestsPage : public QWidget {
    Q_OBJECT
public:
    RequestsPage(const OperatorActions& actions, const QList<Workflow>& allowed, QWidget* parent = nullptr);

    JobListModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    NotificationListModel* messages() const { return m_messages; }
    QTableView* messagesView() const { return m_messagesView; }
    void reload();

private:
    qint64 selectedJob() const;
    void updateButtons();
    void loadMessages();
    void updateMessageButtons();

    OperatorActions* m_actions;
    JobListModel* m_model;
    QComboBox* m_status = nullptr;
    QLineEdit* m_text = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_newCode = nullptr;
    QPushButton* m_approve = nullptr;
    QPushButton* m_reject = nullptr;
    NotificationListModel* m_messages;
    QTableView* m_messagesView = nullptr;
    QPushButton* m_resend = nullptr;
    QTimer* m_messagesRefresh = nullptr;
};

} // namespace lanyard
