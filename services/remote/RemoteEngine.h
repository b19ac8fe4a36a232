#pragma once

#include "engine/Engine.h"

#include <QFutureInterface>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace lanyard {

struct RemoteEngineOptions {
    QUrl url; // https://host:port of a lanyard-server
    QString caFile; // PEM file of CAs to trust besides the system store; empty: system store only
    int timeoutMs = 30000;
    int reconnectIntervalMs = 5000; // how often to look for the server again while it is away
    // Above 0: renew the session's token this often while logged on (POST /api/v1/session/renew),
    // so a client that runs unattended, the kiosk, is not logged off after the token's 8 hours.
    int keepAliveIntervalMs = 0;
};

// The credential engine on a lanyard-server, behind the same Engine interface as the embedded
// one, so the models and screens do not know the difference. Every call is one HTTPS request
// answered on this object's thread; nothing blocks. Lives on the GUI thread and is called
// from it.
//
// The bearer token belongs to this object, not to the OperatorSession copies that pages keep:
// after the operator logs on again (their token expired), every open page goes on working.
class RemoteEngine : public QObject, public Engine {
    Q_OBJECT
public:
    // Refuses a URL that is not https (plain http only to a loopback address, for development)
    // and a CA file that cannot be read or holds no certificate.
    static Result<std::unique_ptr<RemoteEngine>> create(const RemoteEngineOptions& options, QObject* parent = nullptr);
    // The same checks without a connection (for a settings form): the extra CAs, or the error.
    static Result<QList<QSslCertificate>> checkOptions(const RemoteEngineOptions& options);
    ~RemoteEngine() override;

    // Asks the server's health check: reachable, trusted, and which schema it runs.
    QFuture<Result<EngineInfo>> connectToServer();
    // Takes up a token from an earlier logon ("remember me"); fails when it has expired.
    QFuture<Result<OperatorSession>> resume(const QString& token);
    QString token() const { return m_token; }
    bool isReachable() const { return m_reachable; }
    // Looks for the server now instead of at the next interval.
    void retryNow();
    // When the token last renewed by the keep-alive ends (invalid until a renewal answered).
    QDateTime sessionRenewedUntil() const { return m_renewedUntil; }

    EngineInfo info() const override { return m_info; }
    QFuture<Result<OperatorSession>> logon(const QString& logonName, const QString& password) override;
    QFuture<Result<QByteArray>> cardLogonChallenge() override;
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
    QFuture<Result<QList<AuditEvent>>> audit(const OperatorSession& session, const AuditQuery& query) override;
    QFuture<Result<AuditVerification>> verifyAudit(const OperatorSession& session) override;
    QFuture<Result<QByteArray>> certificateRevocationList() override;
    QFuture<Result<QByteArray>> caCertificate() override;

Q_SIGNALS:
    // The server refused the token (expired, revoked, or the operator was disabled): the
    // operator must log on again. What they typed stays where it is.
    void sessionRejected(const lanyard::Error& error);
    // The server went away (reachable false, with why) or came back.
    void reachabilityChanged(bool reachable, const lanyard::Error& error);

private:
    RemoteEngine(const RemoteEngineOptions& options, QList<QSslCertificate> extraCas, QObject* parent);

    using Decode = std::function<void(const Result<QJsonObject>&)>;
    void post(const QString& path, const QJsonObject& body, Decode onAnswer);
    void get(const QString& path, std::function<void(const Result<QByteArray>&)> onAnswer);
    QNetworkReply* send(const QString& path, const QByteArray* body);
    // The outcome of one reply: its body, or the error it stands for. Tracks reachability.
    Result<QByteArray> outcome(QNetworkReply* reply, const QStringList& sslErrors);
    template <typename T>
    QFuture<Result<T>> call(const QString& method, const QJsonObject& args, std::function<Result<T>(const QJsonObject&)> decode);
    template <auto Method, typename... A>
    auto invoke(const A&... args);
    void setReachable(bool reachable, const Error& error);
    // A logon's answer: the new token and who it belongs to, or the earlier token back.
    void adoptLogon(const std::shared_ptr<QFutureInterface<Result<OperatorSession>>>& promise, const QString& previous, const Result<QJsonObject>& answer);
    void probe();
    void renewSession();

    RemoteEngineOptions m_options;
    EngineInfo m_info;
    QNetworkAccessManager* m_network = nullptr;
    QList<QSslCertificate> m_trusted;
    QString m_token;
    bool m_reachable = true;
    QTimer m_reconnect;
    QTimer m_keepAlive;
    QDateTime m_renewedUntil;
};

} // namespace lanyard
