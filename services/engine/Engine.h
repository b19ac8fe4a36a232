#pragma once

#include "AuditEvent.h"
#include "BatchRequest.h"
#include "CardIdentifiers.h"
#include "CertificatePolicy.h"
#include "CertificateRecord.h"
#include "CredentialProfile.h"
#include "DerivedCredential.h"
#include "Device.h"
#include "DeviceAction.h"
#include "PeopleImportBatch.h"
#include "DirectoryConfig.h"
#include "EngineInfo.h"
#include "Job.h"
#include "MessageTemplate.h"
#include "Notification.h"
#include "OperatorSession.h"
#include "Person.h"
#include "RegisteredHardware.h"
#include "Role.h"
#include "Settings.h"
#include "VscAccess.h"
#include "Workflow.h"
#include "core/Result.h"

#include <QByteArray>
#include <QFuture>

namespace lanyard {

// The credential engine as the desktop sees it, embedded or remote. Every call is
// asynchronous and returns its outcome as a Result; every call that acts for an operator is
// checked for permission and scope by the engine itself.
class Engine {
public:
    virtual ~Engine() = default;

    virtual EngineInfo info() const = 0;

    virtual QFuture<Result<OperatorSession>> logon(const QString& logonName, const QString& password) = 0;
    // Logon with a card the engine issued: a fresh challenge (anyone may ask), then the card's
    // certificate and its signature over the challenge, checked against the certificate the
    // engine issued to that person.
    virtual QFuture<Result<QByteArray>> cardLogonChallenge() = 0;
    virtual QFuture<Result<OperatorSession>> logonWithCard(const QByteArray& certificate, const QByteArray& challenge, const QByteArray& signature) = 0;
    // Ends the session: the remote engine revokes its token; the embedded one has nothing to end.
    virtual QFuture<Result<void>> logoff(const OperatorSession& session) = 0;
    virtual QFuture<Result<QList<Workflow>>> workflows(const OperatorSession& session) = 0;

    virtual QFuture<Result<PersonPage>> findPeople(const OperatorSession& session, const PersonQuery& query) = 0;
    virtual QFuture<Result<Person>> person(const OperatorSession& session, qint64 personId) = 0;
    // Sets the identifiers of the person's PIV card (Edit People), normalised; empty clears.
    virtual QFuture<Result<Person>> setCardIdentifiers(const OperatorSession& session, qint64 personId, const CardIdentifiers& identifiers) = 0;
    // People (Add Person, Edit People, Disable/Enable Account, Assign Roles, Remove Person).
    virtual QFuture<Result<Person>> addPerson(const OperatorSession& session, const PersonDetails& details) = 0;
    virtual QFuture<Result<Person>> editPerson(const OperatorSession& session, qint64 personId, const PersonDetails& details) = 0;
    // Disabling suspends the person's devices and ends their sessions and open requests;
    // enabling with `devicesToo` enables again the devices the disabling disabled.
    virtual QFuture<Result<Person>> setAccountEnabled(const OperatorSession& session, qint64 personId, bool enabled, const QString& reason, bool devicesToo) = 0;
    virtual QFuture<Result<Person>> setPersonRoles(const OperatorSession& session, qint64 personId, const QList<qint64>& roleIds) = 0;
    virtual QFuture<Result<void>> removePerson(const OperatorSession& session, qint64 personId, const QString& reason) = 0;
    // A batch of an import from a file (Add Person for new people, Edit People for the rest).
    virtual QFuture<Result<QList<ImportOutcome>>> importPeople(const OperatorSession& session, const PeopleImportBatch& batch) = 0;
    virtual QFuture<Result<QList<Device>>> devicesOf(const OperatorSession& session, qint64 personId) = 0;
    virtual QFuture<Result<Device>> device(const OperatorSession& session, qint64 deviceId) = 0;
    virtual QFuture<Result<QList<CertificateRecord>>> certificatesOf(const OperatorSession& session, qint64 deviceId) = 0;
    virtual QFuture<Result<QList<Job>>> jobsOf(const OperatorSession& session, qint64 personId) = 0;
    virtual QFuture<Result<QList<Device>>> findDevices(const OperatorSession& session, const QString& text) = 0;
    virtual QFuture<Result<QList<Job>>> findJobs(const OperatorSession& session, const JobQuery& query) = 0;
    virtual QFuture<Result<Job>> cancelJob(const OperatorSession& session, qint64 jobId, const QString& reason) = 0;

    virtual QFuture<Result<QList<CredentialProfile>>> requestableProfiles(const OperatorSession& session, qint64 personId) = 0;
    // `targetComputer`: for a virtual smart card, the registered computer it must be made on.
    virtual QFuture<Result<IssuedRequest>> requestCredential(const OperatorSession& session, qint64 personId, qint64 profileId, bool showCode,
        const QString& targetComputer = {}) = 0;
    // One profile for several people (at most BatchRequests::kMaxPeople per call), each request
    // whole or refused with its reason; codes go by the profile's notification scheme.
    virtual QFuture<Result<QList<BatchOutcome>>> requestCredentials(const OperatorSession& session, const QList<qint64>& personIds, qint64 profileId) = 0;
    virtual QFuture<Result<IssuedRequest>> validateRequest(const OperatorSession& session, qint64 jobId, bool approve, bool showCode) = 0;
    virtual QFuture<Result<IssuedRequest>> regenerateCode(const OperatorSession& session, qint64 jobId, bool showCode) = 0;
    // Request Renewal (`update` false) or Request Update of an active mobile identity; the holder
    // renews their own in Self-Service within the renewal window.
    virtual QFuture<Result<IssuedRequest>> requestRenewal(const OperatorSession& session, qint64 deviceId, bool update, bool showCode) = 0;
    virtual QFuture<Result<DeviceChange>> changeDevice(const OperatorSession& session, qint64 deviceId, const DeviceAction& action) = 0;
    // `answers`: the caller's answers to the holder's security questions, when
    // unlock.checkSecurityQuestions asks for them (empty otherwise).
    virtual QFuture<Result<QString>> unlockCode(const OperatorSession& session, qint64 deviceId, const QString& challenge, const QStringList& answers) = 0;
    // Self-Service: the holder reports their own device lost, stolen, damaged or forgotten
    // (`report.operation` replace-lost/-stolen/-damaged/-forgotten, `report.details`).
    virtual QFuture<Result<DeviceChange>> reportIncident(const OperatorSession& session, qint64 deviceId, const DeviceAction& report) = 0;
    // A person's security questions (their own, or a holder's for Unlock Credential); never the answers.
    virtual QFuture<Result<QStringList>> securityQuestions(const OperatorSession& session, qint64 personId) = 0;
    // The logged-on person's own questions and answers, replacing earlier ones.
    virtual QFuture<Result<void>> setSecurityQuestions(const OperatorSession& session, const QStringList& questions, const QStringList& answers) = 0;

    // Manage VSC Access and Unlock VSC Temporary Access (virtual smart cards).
    virtual QFuture<Result<QList<Job>>> lockJobs(const OperatorSession& session, qint64 deviceId) = 0;
    // The configured timezone list, for scheduling a lock.
    virtual QFuture<Result<QList<Timezone>>> timezones(const OperatorSession& session) = 0;
    virtual QFuture<Result<Job>> requestPinLock(const OperatorSession& session, qint64 deviceId, const LockSchedule& when, const QString& reason) = 0;
    virtual QFuture<Result<Job>> updatePinLock(const OperatorSession& session, qint64 deviceId, const LockSchedule& when, const QString& reason) = 0;
    virtual QFuture<Result<Job>> cancelPinLock(const OperatorSession& session, qint64 deviceId, const QString& reason) = 0;
    virtual QFuture<Result<TemporaryAccess>> temporaryUnlock(const OperatorSession& session, qint64 deviceId, const QString& challenge, int hours, const QString& reason) = 0;

    // Self-Service on the card holder's own computer: the PIN locks due there (by its full DNS
    // name) and how each went, and unblocking a card Lanyard issued with the PUK the engine
    // holds, released once against the helpdesk's answer to the challenge.
    virtual QFuture<Result<QList<VscLockTask>>> dueLockJobs(const OperatorSession& session, const QString& dnsName) = 0;
    virtual QFuture<Result<Job>> reportLockJob(const OperatorSession& session, const VscLockOutcome& outcome) = 0;
    virtual QFuture<Result<VscUnblockChallenge>> vscUnblockChallenge(const OperatorSession& session, const QByteArray& cardCertificate) = 0;
    virtual QFuture<Result<QString>> releaseHeldPuk(const OperatorSession& session, qint64 deviceId, const QString& response) = 0;

    // The derived-credential kiosk (NIST SP 800-157): validate a PIV card and get a challenge
    // for its key, then request the derived credential with the card's signature over it.
    virtual QFuture<Result<ParentCardCheck>> checkParentCard(const OperatorSession& session, const ParentCard& card) = 0;
    virtual QFuture<Result<IssuedRequest>> requestDerivedCredential(const OperatorSession& session, const ParentCard& card, const QByteArray& challenge,
        const QByteArray& signature) = 0;
    // A parent card's trust ended: cancel what was derived from it, and say why.
    virtual QFuture<Result<ParentTrustReport>> endParentCardTrust(const OperatorSession& session, const ParentTrustEnd& what) = 0;

    virtual QFuture<Result<QList<RegisteredHardware>>> hardware(const OperatorSession& session) = 0;
    virtual QFuture<Result<qint64>> addHardware(const OperatorSession& session, const RegisteredHardware& hardware) = 0;
    virtual QFuture<Result<void>> deactivateHardware(const OperatorSession& session, qint64 id) = 0;

    virtual QFuture<Result<QList<Role>>> roles(const OperatorSession& session) = 0;
    virtual QFuture<Result<qint64>> saveRole(const OperatorSession& session, const Role& role) = 0;
    // Current versions of every profile, for the profiles editor.
    virtual QFuture<Result<QList<CredentialProfile>>> credentialProfiles(const OperatorSession& session) = 0;
    virtual QFuture<Result<QList<CredentialProfile>>> profileVersions(const OperatorSession& session, qint64 lineage) = 0;
    // The current version of each certificate policy (for the policy editor and the profile editor).
    virtual QFuture<Result<QList<CertificatePolicy>>> certificatePolicies(const OperatorSession& session) = 0;
    virtual QFuture<Result<QList<CertificatePolicy>>> certificatePolicyVersions(const OperatorSession& session, qint64 policyId) = 0;
    // Saves a new version (or a new policy when its id is 0); returns the policy's id.
    virtual QFuture<Result<qint64>> saveCertificatePolicy(const OperatorSession& session, const CertificatePolicy& policy) = 0;
    // What a certificate under the policy as typed would name for a person.
    virtual QFuture<Result<CertificatePolicyExample>> certificatePolicyExample(const OperatorSession& session, const CertificatePolicy& policy, qint64 personId) = 0;
    // Saves a new version (or a new profile when lineage is 0); returns the new version's id.
    virtual QFuture<Result<qint64>> saveCredentialProfile(const OperatorSession& session, const CredentialProfile& profile) = 0;

    virtual QFuture<Result<QList<Notification>>> notificationsOf(const OperatorSession& session, qint64 jobId) = 0;
    // Sends a request's message again while its code still works.
    virtual QFuture<Result<Notification>> resendNotification(const OperatorSession& session, qint64 notificationId) = 0;
    virtual QFuture<Result<QList<MessageTemplate>>> messageTemplates(const OperatorSession& session) = 0;
    virtual QFuture<Result<void>> saveMessageTemplate(const OperatorSession& session, const MessageTemplate& messageTemplate) = 0;
    // One pass of the delivery worker; the engine also runs it on its own.
    virtual QFuture<Result<DeliveryReport>> deliverNotifications() = 0;

    virtual QFuture<Result<Settings>> settings(const OperatorSession& session) = 0;
    virtual QFuture<Result<void>> saveSettings(const OperatorSession& session, const Settings& settings) = 0;

    // The directory people come from (Manage Directory).
    virtual QFuture<Result<DirectoryConfig>> directoryConfig(const OperatorSession& session) = 0;
    virtual QFuture<Result<void>> saveDirectoryConfig(const OperatorSession& session, const DirectoryConfig& config) = 0;
    virtual QFuture<Result<DirectoryProbe>> testDirectory(const OperatorSession& session, const DirectoryConfig& config) = 0;
    virtual QFuture<Result<DirectorySyncReport>> syncDirectory(const OperatorSession& session, bool full) = 0;
    virtual QFuture<Result<QList<DirectorySyncReport>>> directorySyncs(const OperatorSession& session) = 0;

    virtual QFuture<Result<QList<AuditEvent>>> audit(const OperatorSession& session, const AuditQuery& query) = 0;
    virtual QFuture<Result<AuditVerification>> verifyAudit(const OperatorSession& session) = 0;

    virtual QFuture<Result<QByteArray>> certificateRevocationList() = 0; // DER
    // The trust material, PEM: the CA certificate, then the content-signing certificate.
    virtual QFuture<Result<QByteArray>> caCertificate() = 0;
};

} // namespace lanyard
