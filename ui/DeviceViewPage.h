#pragma once

#include "RecordModels.h"
#include "engine/Device.h"
#include "engine/DeviceAction.h"
#include "engine/Workflow.h"

#include <QMap>
#include <QWidget>

class QLabel;
class QPushButton;

namespace lanyard {

class OperatorActions;

// One device: header with its state, its certificates, its jobs and details, and the
// lifecycle operations its state allows and the operator's roles grant.
class DeviceViewPage : public QWidget {
    Q_OBJECT
public:
    DeviceViewPage(const OperatorActions& actions, const QList<Workflow>& allowed, qint64 deviceId, QWidget* parent = nullptr);

    qint64 deviceId() const { return m_deviceId; }
    const Device& device() const { return m_device; }
    CertificateListModel* certificates() const { return m_certificates; }
    QPushButton* actionButton(DeviceOperation op) const { return m_buttons.value(op); }
    QPushButton* unlockButton() const { return m_unlock; }
    QPushButton* renewalButton(bool update) const { return update ? m_update : m_renew; }
    // Runs an operation without the dialog (tests and scripted use pass the action directly).
    void perform(const DeviceAction& action);

Q_SIGNALS:
    void openPerson(qint64 personId);
    void loaded();
    void actionFinished(bool ok);

private:
    void reload();
    void showDevice(const Device& device);
    void ask(DeviceOperation op);
    void showIssued(const IssuedRequest& request);
    void askRenewal(bool update);

    OperatorActions* m_actions;
    QList<Workflow> m_allowed;
    qint64 m_deviceId;
    Device m_device;
    QLabel* m_header = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_details = nullptr;
    QMap<DeviceOperation, QPushButton*> m_buttons;
    QPushButton* m_unlock = nullptr;
    QPushButton* m_manageVsc = nullptr;
    QPushButton* m_parentTrust = nullptr;
    QPushButton* m_unlockVsc = nullptr;
    QPushButton* m_renew = nullptr;
    QPushButton* m_update = nullptr;
    CertificateListModel* m_certificates = nullptr;
    JobListModel* m_jobs = nullptr;
};

} // namespace lanyard
