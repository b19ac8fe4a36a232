#pragma once

#include "engine/Person.h"

#include <QDialog>
#include <QHash>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace lanyard {

class OperatorActions;

// Add Person (no person given) or Edit Person: every field of the record, saved by the
// engine, which names the field it refuses; that field takes the focus and what was typed
// stays.
class PersonEditDialog : public QDialog {
    Q_OBJECT
public:
    PersonEditDialog(OperatorActions& actions, const Person* person, QWidget* parent = nullptr);

    QLineEdit* field(const QString& name) const { return m_fields.value(name); }

Q_SIGNALS:
    void saved(const lanyard::Person& person);

private:
    void save();
    PersonDetails details() const;

    OperatorActions* m_actions = nullptr;
    qint64 m_personId = 0;
    QHash<QString, QLineEdit*> m_fields; // by wire name
    QLabel* m_message = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace lanyard
