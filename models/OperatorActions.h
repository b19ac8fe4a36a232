#pragma once

#include "core/Error.h"
#include "engine/Engine.h"

#include <QObject>

namespace lanyard {

// The operator's workflows as asynchronous commands: each call returns at once and answers
// with a typed signal, or failed(error) with the engine's refusal. The engine decides; this
// only carries the request and the answer.
class OperatorActions : public QObject {
    Q_OBJECT
public:
    OperatorActions(Engine& engine, OperatorSession session, QObject* parent = nullptr);

    const OperatorSession& session() const { return m_session; }
    Engine& engine() const { return m_engine; }
    bool isBusy() const { return m_pending > 0; }

    void loadPerson(qint64 personId);
    // Answers with personLoaded, the record as the engine normalised it.
    void setCardIdentifiers(qint64 personId, const CardIdentifiers& identifiers);
    // Each answers with personLoaded (removePerson with personRemoved).
    void addPerson(const PersonDetails& details);
    void editPerson(qint64 personId, const PersonDetails& details);
    void setAccountEnabled(qint64 personId, bool enabled, const QString& reason, bool devicesToo);
    void setPersonRoles(qint64 personId, const QList<qint64>& roleIds);
    void removePerson(qint64 personId, const QString& reason);
    void loadDevice(qint64 deviceId);
    void loadRequestableProfiles(qint64 personId);
    void requestCredential(qint64 personId, qint64 profileId, bool showCode, const QString& targetComputer = {});
    void validateRequest(qint64 jobId, bool approve);
    void regenerateCode(qint64 jobId, bool showCode);
    void requestRenewal(qint64 deviceId, bool update, bool showCode);
    void cancelJob(qint64 jobId, const QString& reason);
    void changeDevice(qint64 deviceId, const DeviceAction& action);
    void verifyAudit();
    void unlockCode(qint64 deviceId, const QString& challenge, const QStringList& answers = {});
    void loadSecurityQuestions(qint64 personId);
    void loadLockJobs(qint64 deviceId);
    void loadTimezones();
    void requestPinLock(qint64 deviceId, const LockSchedule& when, const QString& reason);
    void updatePinLock(qint64 deviceId, const LockSchedule& when, const QString& reason);
    void cancelPinLock(qint64 deviceId, const QString& reason);
    void temporaryUnlock(qint64 deviceId, const QString& challenge, int hours, const QString& reason);
    // The PIV card this derived credential was issued on is no longer trusted.
    void endParentCardTrust(qint64 deviceId, const QString& reason);
    void addHardware(const RegisteredHardware& hardware);
    // Active registered computers (full DNS names), for the target of a virtual smart card.
    void loadComputers();
    void deactivateHardware(qint64 id);
    void loadSettings();
    void saveSettings(const Settings& settings);
    void loadDirectory();
    void saveDirectory(const DirectoryConfig& config);
    void testDirectory(const DirectoryConfig& config);
    void syncDirectory(bool full);
    void loadDirectorySyncs();
    void loadRoles();
    void saveRole(const Role& role);
    void loadCredentialProfiles();
    void loadProfileVersions(qint64 lineage);
    void loadCertificatePolicies();
    void saveCredentialProfile(const CredentialProfile& profile);
    void saveCertificatePolicy(const CertificatePolicy& policy);
    void resendNotification(qint64 notificationId);
    void loadMessageTemplates();
    void saveMessageTemplate(const MessageTemplate& messageTemplate);

Q_SIGNALS:
    void busyChanged(bool busy);
    void failed(const lanyard::Error& error);
    void parentTrustEnded(const lanyard::ParentTrustReport& report);
    void personLoaded(const lanyard::Person& person);
    void personRemoved(qint64 personId);
    void deviceLoaded(const lanyard::Device& device);
    void profilesLoaded(const QList<lanyard::CredentialProfile>& profiles);
    void requestIssued(const lanyard::IssuedRequest& request);
    void jobCancelled(const lanyard::Job& job);
    void deviceChanged(const lanyard::DeviceChange& change);
    void auditVerified(const lanyard::AuditVerification& verification);
    void unlockCodeReady(const QString& code);
    void securityQuestionsLoaded(qint64 personId, const QStringList& questions);
    void lockJobsLoaded(const QList<lanyard::Job>& jobs);
    void timezonesLoaded(const QList<lanyard::Timezone>& timezones);
    void lockJobChanged(const lanyard::Job& job);
    void temporaryAccessGranted(const lanyard::TemporaryAccess& access);
    void settingsLoaded(const lanyard::Settings& settings);
    void settingsSaved();
    void directoryLoaded(const lanyard::DirectoryConfig& config);
    void directorySaved();
    void directoryTested(const lanyard::DirectoryProbe& probe);
    void directorySynced(const lanyard::DirectorySyncReport& report);
    void directorySyncsLoaded(const QList<lanyard::DirectorySyncReport>& syncs);
    void hardwareChanged();
    void computersLoaded(const QStringList& dnsNames);
    void rolesLoaded(const QList<lanyard::Role>& roles);
    void roleSaved(qint64 roleId);
    void credentialProfilesLoaded(const QList<lanyard::CredentialProfile>& profiles);
    void profileVersionsLoaded(const QList<lanyard::CredentialProfile>& versions);
    void certificatePoliciesLoaded(const QList<lanyard::CertificatePolicy>& policies);
    void credentialProfileSaved(qint64 profileId);
    void certificatePolicySaved(qint64 policyId);
    void notificationResent(const lanyard::Notification& notification);
    void messageTemplatesLoaded(const QList<lanyard::MessageTemplate>& templates);
    void messageTemplateSaved(const QString& name);

private:
    template <typename T, typename OnValue>
    void call(QFuture<Result<T>> future, OnValue onValue);

    Engine& m_engine;
    OperatorSession m_session;
    int m_pending = 0;
};

} // namespace lanyard
