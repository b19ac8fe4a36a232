#pragma once

#include "BatchRequestController.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace lanyard {

// Request one credential profile for several people (Find Person's selection, or a whole
// group): the profile, then a progress bar with Cancel, and each person's outcome as it comes
// (requested, or refused and why). Codes go by the profile's notification scheme.
class BatchRequestDialog : public QDialog {
    Q_OBJECT
public:
    // `group` empty: the people given; else the group's members (the people are ignored).
    BatchRequestDialog(Engine& engine, const OperatorSession& session, const QList<BatchRequestController::Target>& people, const QString& group,
        QWidget* parent = nullptr);

    BatchRequestController& controller() { return m_batch; }

private:
    static constexpr int kProfileSample = 10;

    void peopleReady(int count);
    void loadProfiles(int index);
    void startOrCancel();
    void addOutcomes(int first, int count);
    void ended(bool cancelled);

    Engine& m_engine;
    OperatorSession m_session;
    BatchRequestController m_batch;
    QLabel* m_summary;
    QComboBox* m_profile;
    QProgressBar* m_progress;
    QTableWidget* m_outcomes;
    QLabel* m_message;
    QPushButton* m_start;
    QPushButton* m_close;
    int m_requested = 0;
    int m_refused = 0;
};

} // namespace lanyard
