#pragma once

#include "CardPinController.h"
#include "OperatorSessionController.h"
#include "engine/CredentialProfile.h"
#include "engine/Device.h"
#include "engine/Job.h"
#include "engine/Person.h"
#include "engine/VscAccess.h"

#include <functional>
#include <optional>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableWidget;
class QTimer;

namespace lanyard {

class QrCodeWidget;
class SecurityQuestionsPage;
class SelfServiceIncidentPage;

// Self-Service: a user, logged on as themself, requests an identity for their phone (Request
// My ID), follows and cancels their requests, reports a credential lost, stolen, damaged or
// forgotten, sets their security questions, and changes or unblocks the PIN of the card in
// the reader.
// A card Lanyard issued is unblocked with the PUK the engine holds: the user reads a challenge
// to the helpdesk and types the unlock code they give, and the PUK goes straight to the card.
class SelfServiceWindow : public QWidget {
    Q_OBJECT
public:
    explicit SelfServiceWindow(OperatorSessionController& session, QWidget* parent = nullptr);

    CardPinController& cards() { return m_cards; }

Q_SIGNALS:
    void logOffRequested();

private:
    QWidget* buildRequestPage();
    QWidget* buildRequestsPage();
    QWidget* buildPinPage();
    QWidget* buildRenewPage();
    void showRenewPage();
    void submitRenewal();
    // A request made here (a new identity or a renewal): its code and QR code, or what was
    // sent, then followed until the phone has it.
    void showIssued(const IssuedRequest& request, bool renewal);
    void showRequestPage();
    void showRequestsPage();
    void loadRequestsTable();
    // The holder cancels the selected request of theirs, once they confirm.
    void askCancelRequest();
    void showPinPage(bool unblock);
    void updateRequestHints();
    void submitRequest();
    // The user's requests and devices (which name where a collected request went), then `done`.
    void loadMyRequests(std::function<void(const Result<QList<Job>>&, const QList<Device>&)> done);
    // Follows the request just made until it ends, so the page says when the phone has it.
    void watchRequest();
    void showWatchedJob(const Job& job, const QList<Device>& devices);
    QString collectionText(const Job& job, const QList<Device>& devices) const;
    void updatePinPage();
    void submitPin();
    // Whether the engine holds the PUK of the card in the reader; if so, its challenge.
    void askForHeldPuk();
    void unblockWithHeldPuk();

    OperatorSessionController& m_session;
    Engine& m_engine;
    CardPinController m_cards;
    Person m_me;
    QList<CredentialProfile> m_profiles;
    bool m_unblock = false;
    // Unblocking through the helpdesk: the card the engine was asked about, its open
    // challenge, and the PUK once released (kept only in memory, for a retry on the same
    // card, until the PIN is reset).
    QByteArray m_heldAskedFor;
    bool m_heldAsking = false;
    std::optional<VscUnblockChallenge> m_held;
    QString m_heldNote;
    qint64 m_releasedFor = 0;
    QString m_releasedPuk;

    QLabel* m_greeting;
    QStackedWidget* m_pages;
    // Request My ID
    QComboBox* m_profile;
    QLabel* m_requestHint;
    QCheckBox* m_showQr;
    QPushButton* m_requestButton;
    QLabel* m_requestResult;
    QLabel* m_requestStatus;
    QLabel* m_code;
    QrCodeWidget* m_qr;
    qint64 m_watchedJob = 0;
    bool m_watchAsking = false;
    QTimer* m_watch;
    // My requests
    QTableWidget* m_requests;
    QPushButton* m_cancelRequest;
    QLabel* m_requestsMessage;
    SelfServiceIncidentPage* m_incidents;
    SecurityQuestionsPage* m_questions;
    // Renew My ID
    QComboBox* m_renewDevice;
    QLabel* m_renewHint;
    QPushButton* m_renewButton;
    QLabel* m_renewResult;
    // PIN
    QLabel* m_pinHeading;
    QLabel* m_cardState;
    QLabel* m_tries;
    QLabel* m_heldIntro;
    QLabel* m_challenge;
    QLabel* m_currentLabel;
    QLineEdit* m_current;
    QLineEdit* m_newPin;
    QLineEdit* m_confirm;
    QPushButton* m_pinButton;
    QLabel* m_pinResult;
};

} // namespace lanyard
