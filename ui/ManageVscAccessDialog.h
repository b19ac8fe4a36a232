#pragma once

#include "engine/Device.h"
#include "engine/Job.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTableWidget;
class QTimeEdit;

namespace lanyard {

class OperatorActions;

// Manage VSC Access: the card's details, its lock jobs (newest first), and Request PIN Lock —
// at the next Self-Service run or at a date and time in a configured timezone — or, while a
// lock is pending, Update PIN Lock and Cancel PIN Lock. A reason is always asked for.
class ManageVscAccessDialog : public QDialog {
    Q_OBJECT
public:
    ManageVscAccessDialog(const OperatorActions& actions, const Device& device, QWidget* parent = nullptr);

    const QList<Job>& jobs() const { return m_jobs; }
    bool hasPendingLock() const;
    const Device& device() const { return m_device; }

Q_SIGNALS:
    void jobsChanged();

private:
    void showJobs(const QList<Job>& jobs);
    void submit(bool update);

    OperatorActions* m_actions;
    Device m_device;
    QList<Job> m_jobs;
    QLabel* m_pending = nullptr;
    QTableWidget* m_history = nullptr;
    QRadioButton* m_nextRun = nullptr;
    QRadioButton* m_atTime = nullptr;
    QComboBox* m_timezone = nullptr;
    QDateEdit* m_date = nullptr;
    QTimeEdit* m_time = nullptr;
    QLineEdit* m_reason = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_request = nullptr;
    QPushButton* m_update = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace lanyard
