#pragma once

#include "ConnectionSettings.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QRadioButton;

namespace lanyard {

// Where the operator client connects: the embedded engine (a database file on this computer)
// or a lanyard-server (its address, and the CA that signs it when that is not a system CA).
// Checks what it can without connecting and keeps the dialog open with the reason otherwise.
class ConnectionDialog : public QDialog {
    Q_OBJECT
public:
    explicit ConnectionDialog(const ConnectionSettings& current, QWidget* parent = nullptr);

    ConnectionSettings settings() const;

    void accept() override;

private:
    void updateEnabled();
    void browseCaFile();

    QRadioButton* m_embedded = nullptr;
    QRadioButton* m_server = nullptr;
    QLineEdit* m_database = nullptr;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_caFile = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace lanyard
