#pragma once

#include "engine/EngineInfo.h"
#include "engine/Workflow.h"

#include <QMainWindow>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace lanyard {

class OperatorActions;
class OperatorSessionController;

// The operator's main window: navigation on the left (only the entries the operator's roles
// allow), the page in the centre, and who/which engine in the title and status bar.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(OperatorSessionController& session, QWidget* parent = nullptr);

    QString currentPageName() const;
    QStringList navigationEntries() const;
    QWidget* currentPage() const;

    void openPerson(qint64 personId);
    void openDevice(qint64 deviceId);
    void showPage(const QString& key);
    // A remote engine's server went away (with why) or came back; pages keep what was typed.
    void setConnectionState(bool reachable, const QString& detail);

Q_SIGNALS:
    void logOffRequested();
    void retryConnectionRequested();

private:
    // Cards menu: find a virtual smart card, then open the workflow on it.
    void pickCard(Workflow workflow);
    void addPage(const QString& key, const QString& title, QWidget* page);
    void showDetail(QWidget* page);
    void updateStatus();

    OperatorSessionController& m_session;
    OperatorActions* m_actions = nullptr;
    QWidget* m_detail = nullptr; // the person or device page shown now
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_operatorLabel = nullptr;
    QLabel* m_engineLabel = nullptr;
    QLabel* m_keyStoreLabel = nullptr;
    QPushButton* m_retry = nullptr;
};

} // namespace lanyard
