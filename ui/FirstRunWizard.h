#pragma once

#include "engine/FirstSetup.h"

#include <QWizard>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace lanyard {

class SetupChecks;

// The desktop's first start on a new database: organisation and default DN, the CA, the
// address phones collect from, the mail server (with a test mail) and the first
// administrator. Each step is checked by the engine's own rule before Next; Back keeps what
// was typed. Nothing is written here: the plan is handed on when the wizard is accepted, so
// cancelling leaves nothing behind.
class FirstRunWizard : public QWizard {
    Q_OBJECT
public:
    enum Page { Organisation, Authority, Collection, Mail, Administrator };

    explicit FirstRunWizard(const QString& databasePath, QWidget* parent = nullptr);

    FirstSetupPlan plan() const;
    // Shows the wizard again on its last page, saying why making the database failed.
    void showFailure(const QString& text);

Q_SIGNALS:
    // The collection address was checked from here (shown on its page).
    void addressChecked();
    void testMailFinished();

private:
    // `extra`: a check of the page's own (the repeated password), empty when it passes.
    void addCheckedPage(Page id, const QString& title, const QString& subTitle, QWidget* body, std::function<Result<void>()> check,
        std::function<QString()> extra = {});

    SetupChecks* m_checks;
    QLineEdit* m_organisation = nullptr;
    QLineEdit* m_defaultDn = nullptr;
    bool m_dnEdited = false; // until the DN is typed in, it follows the organisation's name
    QLineEdit* m_caName = nullptr;
    bool m_caNameEdited = false;
    QComboBox* m_caAlgorithm = nullptr;
    QSpinBox* m_caYears = nullptr;
    QLabel* m_caSubject = nullptr;
    QLineEdit* m_collectionUrl = nullptr;
    QLabel* m_reachability = nullptr;
    QLineEdit* m_smtpHost = nullptr;
    QSpinBox* m_smtpPort = nullptr;
    QComboBox* m_smtpSecurity = nullptr;
    QLineEdit* m_smtpUser = nullptr;
    QLineEdit* m_smtpPassword = nullptr;
    QLineEdit* m_smtpSender = nullptr;
    QLineEdit* m_testRecipient = nullptr;
    QPushButton* m_sendTest = nullptr;
    QLabel* m_testResult = nullptr;
    QLineEdit* m_adminLogon = nullptr;
    QLineEdit* m_adminName = nullptr;
    QLineEdit* m_adminEmail = nullptr;
    QLineEdit* m_adminPassword = nullptr;
    QLineEdit* m_adminRepeat = nullptr;
};

} // namespace lanyard
