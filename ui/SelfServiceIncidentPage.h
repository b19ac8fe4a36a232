#pragma once

#include "engine/Device.h"
#include "engine/OperatorSession.h"

#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace lanyard {

class Engine;

// Self-Service "Report a problem": the holder says one of their credentials is lost, stolen,
// damaged or forgotten. The engine suspends it at once and asks the helpdesk for a replacement
// (temporary for a forgotten one); the page says what happened and, for a lost one, when it
// will be revoked.
class SelfServiceIncidentPage : public QWidget {
    Q_OBJECT
public:
    SelfServiceIncidentPage(Engine& engine, const OperatorSession& session, QWidget* parent = nullptr);

    // Loads the holder's devices afresh (called each time the page is shown).
    void reload();

private:
    void refreshDevices();
    void updateButton();
    void confirm();
    void submit();

    Engine& m_engine;
    OperatorSession m_session;
    QList<Device> m_devices;
    QComboBox* m_device;
    QButtonGroup* m_kind;
    QPlainTextEdit* m_details;
    QPushButton* m_report;
    QLabel* m_result;
};

} // namespace lanyard
