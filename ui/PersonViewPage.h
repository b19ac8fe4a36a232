#pragma once

#include "RecordModels.h"
#include "RequestCredentialDialog.h"
#include "engine/Person.h"
#include "engine/Workflow.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

namespace lanyard {

class OperatorActions;

// One person: header, their devices, their requests and their details, with the requests the
// operator's roles offer.
class PersonViewPage : public QWidget {
    Q_OBJECT
public:
    PersonViewPage(const OperatorActions& actions, const QList<Workflow>& allowed, qint64 personId, QWidget* parent = nullptr);

    qint64 personId() const { return m_personId; }
    const Person& person() const { return m_person; }
    DeviceListModel* devices() const { return m_devices; }
    JobListModel* jobs() const { return m_jobs; }
    void reload();

Q_SIGNALS:
    void openDevice(qint64 deviceId);
    void loaded();
    void removed(qint64 personId);

private:
    void showPerson(const Person& person);
    void request(RequestCredentialDialog::Kind kind, bool showCode);
    void editPerson();
    void editRoles();
    void changeAccount();
    void remove();

    OperatorActions* m_actions;
    qint64 m_personId;
    Person m_person;
    QLabel* m_header = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_details = nullptr;
    QPushButton* m_requestMobile = nullptr;
    QPushButton* m_requestMobileCode = nullptr;
    QPushButton* m_account = nullptr; // Disable or Enable, as the account is
    DeviceListModel* m_devices = nullptr;
    JobListModel* m_jobs = nullptr;
};

} // namespace lanyard
