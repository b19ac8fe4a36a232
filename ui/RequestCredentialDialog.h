#pragma once

#include "engine/CredentialProfile.h"
#include "engine/Job.h"
#include "engine/Person.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace lanyard {

class OperatorActions;
class QrCodeWidget;

// Request Mobile / Request Mobile (View Auth Code) / Request Card: choose a profile the engine
// offers for this person (mobile identities, or cards: for a virtual smart card optionally the
// registered computer it must be made on), confirm, then see the result: the code in large
// groups, the collection address and the QR code, with Copy and Save; or the validation notice
// when a second operator must approve first.
class RequestCredentialDialog : public QDialog {
    Q_OBJECT
public:
    enum class Kind { Mobile, Card };
    RequestCredentialDialog(const OperatorActions& actions, const Person& person, Kind kind, bool showCode, QWidget* parent = nullptr);

    // Shows the result of a request made elsewhere (new code, validation).
    void showResult(const IssuedRequest& request);
    QrCodeWidget* qrWidget() const { return m_qr; }

private:
    void profilesLoaded(const QList<CredentialProfile>& profiles);
    void submit();

    OperatorActions* m_actions; // its own, so answers to other windows' calls do not land here
    Person m_person;
    Kind m_kind;
    bool m_showCode;
    QComboBox* m_computer = nullptr; // registered computers; a name may also be typed
    QLabel* m_computerLabel = nullptr;
    QList<CredentialProfile> m_profiles;
    QStackedWidget* m_steps = nullptr;
    QComboBox* m_profile = nullptr;
    QLabel* m_chooseMessage = nullptr;
    QPushButton* m_request = nullptr;
    QLabel* m_code = nullptr;
    QLabel* m_url = nullptr;
    QLabel* m_resultMessage = nullptr;
    QLabel* m_queued = nullptr;
    QrCodeWidget* m_qr = nullptr;
    QWidget* m_codeBox = nullptr;
};

} // namespace lanyard
