#pragma once

#include "RecordModels.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;

namespace lanyard {

class OperatorActions;

// The audit trail: search by person, device (serial or DNS name), operator, workflow and
// dates, and whether the hash chain verifies.
class AuditPage : public QWidget {
    Q_OBJECT
public:
    AuditPage(const OperatorActions& actions, QWidget* parent = nullptr);

    AuditEventModel* model() const { return m_model; }
    void search();
    void verify();

Q_SIGNALS:
    void verified(bool intact);

private:
    OperatorActions* m_actions;
    AuditEventModel* m_model;
    QLineEdit* m_text = nullptr;
    QComboBox* m_workflow = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_until = nullptr;
    QLabel* m_chain = nullptr;
};

} // namespace lanyard
