#pragma once

#include "engine/Person.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace lanyard {

class OperatorActions;

// Records which PIV card belongs to a person: its FASC-N and card UUID, as the kiosk finds
// the holder by them. The engine normalises what is typed and refuses what is not an
// identifier, or one another person holds; the dialog shows why and keeps the text.
class CardIdentifiersDialog : public QDialog {
    Q_OBJECT
public:
    CardIdentifiersDialog(OperatorActions& actions, const Person& person, QWidget* parent = nullptr);

Q_SIGNALS:
    void saved(const lanyard::Person& person);

private:
    void save();

    OperatorActions* m_actions;
    Person m_person;
    QLineEdit* m_fascn = nullptr;
    QLineEdit* m_uuid = nullptr;
    QLabel* m_message = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace lanyard
