#pragma once

#include "RecordModels.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;

namespace lanyard {

class OperatorActions;

// Find a device by its serial, the phone's serial or the computer's DNS name.
class FindDevicePage : public QWidget {
    Q_OBJECT
public:
    FindDevicePage(const OperatorActions& actions, QWidget* parent = nullptr);

    void search(const QString& text);
    DeviceListModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }

Q_SIGNALS:
    void openDevice(qint64 deviceId);

private:
    DeviceListModel* m_model = nullptr;
    QLineEdit* m_query = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace lanyard
