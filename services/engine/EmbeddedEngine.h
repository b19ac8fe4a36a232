#pragma once

#include "AccessControl.h"
#include "CertificateService.h"
#include "Collection.h"
#include "DeliveryScheduler.h"
#include "DeviceFacts.h"
#include "EmbeddedEngineOptions.h"
#include "Engine.h"
#include "EngineContext.h"

#include <QObject>
#include <QScopeGuard>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <functional>
#include <memory>

namespace lanyard {

// The engine in this process: SQLite (or PostgreSQL) through worker threads, one connection
// per thread, the embedded CA, and the master key from the keychain or the key file. A facade:
// each call checks the operator's session and hands the work to its service on a worker;
// starting is EngineBootstrap's, the delivery beat DeliveryScheduler's.
class EmbeddedEngine : public QObject, public Engine {
    Q_OBJECT
public:
    explicit EmbeddedEngine(EmbeddedEngineOptions options, QObject* parent = nullptr);
    ~EmbeddedEngine() override;

    // Migrates the schema, obtains the master key, and loads or creates the CA. Call from a
    // thread that runs an event loop (the keychain answers through it).
    QFuture<Result<EngineInfo>> open();
    bool isOpen() const { return m_context != nullptr; }
    EngineInfo info() const override { return m_info; }

    QFuture<Result<OperatorSession>> logon(const QString& logonName, const QString& password) override;
    QFuture<Result<QByteArray>> cardLogonChallenge() override;
    // For the server: the challenges one client address may hold open are capped.
    QFuture<Result<QByteArray>> cardLogonChallengeFor(const QString& client);
    QFuture<Result<OperatorSession>> logonWithCard(const QByteArray& certificate, const QByteArray& challenge, const QByteArray& signature) override;
    QFuture<Result<void>> logoff(const OperatorSession& session) override;
    QFuture<Result<QList<Workflow>>> workflows(const OperatorSession& session) override;
    QFuture<Result<PersonPage>> findPeople(const OperatorSession& session, const PersonQuery& query) override;
    QFuture<Result<Person>> person(const OperatorSession& session, qint64 personId) override;
    QFuture<Result<Person>> setCardIdentifiers(const OperatorSession& session, qint64 personId, const CardIdentifiers& identifiers) override;
    QFuture<Result<Person>> addPerson(const OperatorSession& session, const PersonDetails& details) override;
    QFuture<Result<Person>> editPerson(const OperatorSession& session, qint64 personId, const PersonDetails& details) override;
    QFuture<Result<Person>> setAccountEnabled(const OperatorSession& session, qint64 personId, bool enabled, const QString& reason, bool devicesToo) override;
    QFuture<Result<Person>> setPersonRoles(const OperatorSession& session, qint64 personId, const QList<qint64>& roleIds) override;
    QFuture<Result<void>> removePerson(const OperatorSession& session, qint64 personId, const QString& reason) override;
    QFuture<Result<QList<ImportOutcome>>> importPeople(const OperatorSession& session, const PeopleImportBatch& batch) override;
    QFuture<Result<QList<Device>>> devicesOf(const OperatorSession& session, qint64 personId) override;
    QFuture<Result<Device>> device(const OperatorSession& session, qint64 deviceId) override;
    QFuture<Result<QList<CertificateRecord>>> certificatesOf(const OperatorSession& session, qint64 deviceId) override;
    QFuture<Result<QList<Job>>> jobsOf(const OperatorSession& session, qint64 personId) override;
    QFuture<Result<QList<Device>>> findDevices(const OperatorSession& session, const QString& text) override;
    QFuture<Result<QList<Job>>> findJobs(const OperatorSession& session, const JobQuery& query) override;
    QFuture<Result<Job>> cancelJob(const OperatorSession& session, qint64 jobId, const QString& reason) override;
    QFuture<Result<QList<CredentialProfile>>> requestableProfiles(const OperatorSession& session, qint64 personId) override;
    QFuture<Result<IssuedRequest>> requestCredential(const OperatorSession& session, qint64 personId, qint64 profileId, bool showCode,
        const QString& targetComputer = {}) override;
    QFuture<Result<QList<BatchOutcome>>> requestCredentials(const OperatorSession& session, const QList<qint64>& personIds, qint64 profileId) override;
    QFuture<Result<IssuedRequest>> validateRequest(const OperatorSession& session, qint64 jobId, bool approve, bool showCode) override;
    QFuture<Result<IssuedRequest>> regenerateCode(const OperatorSession& session, qint64 jobId, bool showCode) override;
    QFuture<Result<IssuedRequest>> requestRenewal(const OperatorSession& session, qint64 deviceId, bool update, bool showCode) override;
    QFuture<Result<DeviceChange>> changeDevice(const OperatorSession& session, qint64 deviceId, const DeviceAction& action) override;
    QFuture<Result<QString>> unlockCode(const OperatorSession& session, qint64 deviceId, const QString& challenge, const QStringList& answers) override;
    QFuture<Result<DeviceChange>> reportIncident(const OperatorSession& session, qint64 deviceId, const DeviceAction& report) override;
    QFuture<Result<QStringList>> securityQuestions(const OperatorSession& session, qint64 personId) override;
    QFuture<Result<void>> setSecurityQuestions(const OperatorSession& session, const QStringList& questions, const QStringList& answers) override;
    QFuture<Result<QList<Job>>> lockJobs(const OperatorSession& session, qint64 deviceId) override;
    QFuture<Result<QList<Timezone>>> timezones(const OperatorSession& session) override;
    QFuture<Result<Job>> requestPinLock(const OperatorSession& session, qint64 deviceId, const LockSchedule& when, const QString& reason) override;
    QFuture<Result<Job>> updatePinLock(const OperatorSession& session, qint64 deviceId, const LockSchedule& when, const QString& reason) override;
    QFuture<Result<Job>> cancelPinLock(const OperatorSession& session, qint64 deviceId, const QString& reason) override;
    QFuture<Result<TemporaryAccess>> temporaryUnlock(const OperatorSession& session, qint64 deviceId, const QString& challenge, int hours, const QString& reason) override;
    QFuture<Result<QList<VscLockTask>>> dueLockJobs(const OperatorSession& session, const QString& dnsName) override;
    QFuture<Result<Job>> reportLockJob(const OperatorSession& session, const VscLockOutcome& outcome) override;
    QFuture<Result<VscUnblockChallenge>> vscUnblockChallenge(const OperatorSession& session, const QByteArray& cardCertificate) override;
    QFuture<Result<QString>> releaseHeldPuk(const OperatorSession& session, qint64 deviceId, const QString& response) override;
    QFuture<Result<ParentCardCheck>> checkParentCard(const OperatorSession& session, const ParentCard& card) override;
    QFuture<Result<IssuedRequest>> requestDerivedCredential(const OperatorSession& session, const ParentCard& card, const QByteArray& challenge,
        const QByteArray& signature) override;
    QFuture<Result<ParentTrustReport>> endParentCardTrust(const OperatorSession& session, const ParentTrustEnd& what) override;
    QFuture<Result<QList<RegisteredHardware>>> hardware(const OperatorSession& session) override;
    QFuture<Result<qint64>> addHardware(const OperatorSession& session, const RegisteredHardware& hardware) override;
    QFuture<Result<void>> deactivateHardware(const OperatorSession& session, qint64 id) override;
    QFuture<Result<QList<Role>>> roles(const OperatorSession& session) override;
    QFuture<Result<qint64>> saveRole(const OperatorSession& session, const Role& role) override;
    QFuture<Result<QList<CredentialProfile>>> credentialProfiles(const OperatorSession& session) override;
    QFuture<Result<QList<CredentialProfile>>> profileVersions(const OperatorSession& session, qint64 lineage) override;
    QFuture<Result<QList<CertificatePolicy>>> certificatePolicies(const OperatorSession& session) override;
    QFuture<Result<QList<CertificatePolicy>>> certificatePolicyVersions(const OperatorSession& session, qint64 policyId) override;
    QFuture<Result<qint64>> saveCertificatePolicy(const OperatorSession& session, const CertificatePolicy& policy) override;
    QFuture<Result<CertificatePolicyExample>> certificatePolicyExample(const OperatorSession& session, const CertificatePolicy& policy, qint64 personId) override;
    QFuture<Result<qint64>> saveCredentialProfile(const OperatorSession& session, const CredentialProfile& profile) override;
    QFuture<Result<QList<Notification>>> notificationsOf(const OperatorSession& session, qint64 jobId) override;
    QFuture<Result<Notification>> resendNotification(const OperatorSession& session, qint64 notificationId) override;
    QFuture<Result<QList<MessageTemplate>>> messageTemplates(const OperatorSession& session) override;
    QFuture<Result<void>> saveMessageTemplate(const OperatorSession& session, const MessageTemplate& messageTemplate) override;
    QFuture<Result<DeliveryReport>> deliverNotifications() override;
    QFuture<Result<Settings>> settings(const OperatorSession& session) override;
    QFuture<Result<void>> saveSettings(const OperatorSession& session, const Settings& settings) override;
    QFuture<Result<DirectoryConfig>> directoryConfig(const OperatorSession& session) override;
    QFuture<Result<void>> saveDirectoryConfig(const OperatorSession& session, const DirectoryConfig& config) override;
    QFuture<Result<DirectoryProbe>> testDirectory(const OperatorSession& session, const DirectoryConfig& config) override;
    QFuture<Result<DirectorySyncReport>> syncDirectory(const OperatorSession& session, bool full) override;
    QFuture<Result<QList<DirectorySyncReport>>> directorySyncs(const OperatorSession& session) override;
    // The scheduled directory sync, when one is due (the engine runs it on its own too).
    QFuture<Result<DirectorySyncReport>> syncDirectoryIfDue();
    QFuture<Result<QList<AuditEvent>>> audit(const OperatorSession& session, const AuditQuery& query) override;
    QFuture<Result<AuditVerification>> verifyAudit(const OperatorSession& session) override;
    QFuture<Result<QByteArray>> certificateRevocationList() override;
    QFuture<Result<QByteArray>> caCertificate() override;
    // What relying parties fetch from the locations in the certificates (the server's
    // /crl/<name>.crl and /ca/<name>.crt).
    QFuture<Result<CertificateService::PublishedCrl>> publishedCrl(const QString& name);
    QFuture<Result<QByteArray>> publishedCaCertificate(const QString& name);
    // The OCSP responder: a DER response for a DER request (always an OCSP answer).
    QFuture<Result<QByteArray>> answerOcsp(const QByteArray& requestDer);

    // The collection side (served to phones by lanyard-server; see CollectionService).
    QFuture<Result<CollectionSession>> startCollection(const CollectionStart& request);
    QFuture<Result<CollectionBundle>> submitCollection(const CollectionSubmission& submission);
    QFuture<Result<Device>> confirmCollection(const QString& sessionId);
    QFuture<Result<void>> abandonCollection(const QString& sessionId, const QString& reason);
    // Rolls back collections whose phone went away; the engine also does it on its own.
    QFuture<Result<int>> expireCollections();
    // Work that falls due with time, on the delivery beat: collections whose phone went away
    // are rolled back, devices whose incident hold ran out are revoked, child cards whose
    // emergency access ended are disabled again, and, at most once in kParentSweepSeconds,
    // derived credentials whose parent PIV card the CRLs now list are cancelled. How many.
    QFuture<Result<int>> housekeeping();

    // Bearer tokens for the remote engine's operators (see OperatorTokens).
    // `client`: the peer address; failures are counted per logon name and client.
    QFuture<Result<OperatorSession>> issueToken(const QString& logonName, const QString& password, const QString& client = QStringLiteral("local"));
    QFuture<Result<OperatorSession>> issueTokenForCard(const QByteArray& certificate, const QByteArray& challenge, const QByteArray& signature);
    QFuture<Result<OperatorSession>> resolveToken(const QString& token);
    QFuture<Result<void>> revokeToken(const QString& token);
    QFuture<Result<QDateTime>> renewToken(const QString& token);

    // Runs set-up work (demo data, administration tools) on a worker with its connection.
    template <typename T>
    QFuture<Result<T>> runTask(std::function<Result<T>(const EngineContext&, QSqlDatabase)> task)
    {
        auto ctx = m_context;
        return QtConcurrent::run(&m_pool, [ctx, task]() -> Result<T> { return withConnection(ctx, task); });
    }

    // The same for what a caller without a session causes: its own bounded pool. Beyond the
    // queue limit the answer is ServiceBusy at once.
    template <typename T>
    QFuture<Result<T>> runPublicTask(std::function<Result<T>(const EngineContext&, QSqlDatabase)> task)
    {
        if (m_publicInFlight->fetch_add(1) >= m_options.publicQueueLimit) {
            m_publicInFlight->fetch_sub(1);
            return QtFuture::makeReadyFuture(Result<T>(busyWithPublicWork()));
        }
        auto ctx = m_context;
        auto inFlight = m_publicInFlight;
        return QtConcurrent::run(&m_publicPool, [ctx, task, inFlight]() -> Result<T> {
            const auto done = qScopeGuard([&] { inFlight->fetch_sub(1); });
            return withConnection(ctx, task);
        });
    }

private:
    static Error busyWithPublicWork();
    // The task with this worker thread's connection.
    template <typename T>
    static Result<T> withConnection(const std::shared_ptr<const EngineContext>& ctx, const std::function<Result<T>(const EngineContext&, QSqlDatabase)>& task)
    {
        if (!ctx)
            return Error(ErrorCode::StorageFailure, QStringLiteral("the engine is not open"));
        auto db = ctx->database->connection();
        if (!db)
            return db.error();
        return task(*ctx, *db);
    }
    template <typename T>
    QFuture<Result<T>> operatorCall(const OperatorSession& session,
        std::function<Result<T>(const EngineContext&, QSqlDatabase, const AccessControl&)> task);

    // A delivery pass soon after a call that queued messages succeeded.
    template <typename T>
    QFuture<Result<T>> thenDeliver(QFuture<Result<T>> future);

    EmbeddedEngineOptions m_options;
    std::shared_ptr<const EngineContext> m_context;
    EngineInfo m_info;
    DeliveryScheduler* m_delivery = nullptr; // none when delivery runs only when asked
    QTimer* m_directoryBeat = nullptr; // none when the directory syncs only when asked
    bool m_directorySyncing = false;
    static constexpr int kParentSweepSeconds = 3600;
    QDateTime m_lastParentSweep; // of the housekeeping's parent card check
    void syncDirectoryOnSchedule();
    std::shared_ptr<std::atomic<int>> m_publicInFlight = std::make_shared<std::atomic<int>>(0);
    // Declared last: destroyed first, joining workers before the context goes.
    QThreadPool m_publicPool;
    QThreadPool m_pool;
};

} // namespace lanyard
