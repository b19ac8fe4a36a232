#pragma once

#include "RecordModels.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace lanyard {

class OperatorActions;

// Registered hardware: the phones (by serial) and computers (by full DNS name) the
// organisation knows, for "Known Mobiles", "My Mobiles Only" and targeting a VSC.
class HardwarePage : public QWidget {
    Q_OBJECT
public:
    HardwarePage(const OperatorActions& actions, QWidget* parent = nullptr);

    HardwareListModel* model() const { return m_model; }
    void add();

Q_SIGNALS:
    void changed(bool ok);

private:
    void reload();

    OperatorActions* m_actions;
    HardwareListModel* m_model;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_identifier = nullptr;
    QLineEdit* m_owner = nullptr;
    QLineEdit* m_description = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace lanyard
