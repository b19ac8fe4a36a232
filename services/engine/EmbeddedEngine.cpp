#include "EmbeddedEngine.h"

#include "AuditLog.h"
#include "CardLogonService.h"
#include "CertificateService.h"
#include "CollectionService.h"
#include "DerivedCredentialService.h"
#include "DeviceChanges.h"
#include "BatchRequests.h"
#include "DeviceService.h"
#include "IncidentService.h"
#include "DirectoryService.h"
#include "EngineBootstrap.h"
#include "HardwareService.h"
#include "NotificationDelivery.h"
#include "NotificationService.h"
#include "OperatorTokens.h"
#include "PeopleService.h"
#include "PeopleImport.h"
#include "PersonAdministration.h"
#include "ProfileService.h"
#include "RequestService.h"
#include "SecurityQuestions.h"
#include "RoleService.h"
#include "SettingsService.h"
#include "TemplateStore.h"
#include "VscAccessService.h"
#include "VscHolderService.h"
#include "pki/OpenSslThread.h"
#include "pki/TrustMaterial.h"
#include "core/WhenFinished.h"
#include "storage/Database.h"

#include <QLoggingCategory>

#include <latch>

namespace lanyard {

Q_LOGGING_CATEGORY(lcEngine, "lanyard.engine")

EmbeddedEngine::EmbeddedEngine(EmbeddedEngineOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_pool.setMaxThreadCount(qMax(1, m_options.workerThreads));
    m_pool.setExpiryTimeout(-1);
    m_publicPool.setMaxThreadCount(qMax(1, m_options.publicWorkerThreads));
    m_publicPool.setExpiryTimeout(-1);
    if (m_options.keyFilePath.isEmpty() && m_options.database.dialect == SqlDialect::Sqlite)
        m_options.keyFilePath = m_options.database.path + QStringLiteral(".key");
    m_info.location = m_options.database.displayName();
}

EmbeddedEngine::~EmbeddedEngine()
{
    // One clean-up task per worker thread: the latch keeps each task on a thread of its own,
    // so every thread closes its database connection and frees its OpenSSL state before the
    // engine is gone (QThread::wait() returns before thread-exit handlers have run).
    for (QThreadPool* pool : { &m_publicPool, &m_pool }) {
        const int threads = pool->maxThreadCount();
        auto ready = std::make_shared<std::latch>(threads);
        for (int i = 0; i < threads; ++i) {
            pool->start([ready] {
                ready->arrive_and_wait();
                Database::releaseThreadConnections();
                releaseOpenSslThreadState();
            });
        }
        pool->waitForDone();
    }
}

Error EmbeddedEngine::busyWithPublicWork()
{
    return Error(ErrorCode::ServiceBusy, QStringLiteral("the server is busy with requests from callers who are not logged on; try again in a moment"),
        { { QStringLiteral("retryAfter"), 1 }, { QStringLiteral("problem"), QStringLiteral("public-queue-full") } });
}

QFuture<Result<EngineInfo>> EmbeddedEngine::open()
{
    return EngineBootstrap::start(m_options, &m_pool, this).then(this, [this](Result<OpenedEngine> opened) -> Result<EngineInfo> {
        if (!opened)
            return opened.error();
        m_context = opened->context;
        m_info.secretStore = opened->secretStore;
        m_info.secretStoreLocation = opened->secretStoreLocation;
        m_info.schemaVersion = opened->schemaVersion;
        m_info.caSubject = m_context->authority.certificate().subject();
        m_info.engineId = m_context->engineId;
        qCInfo(lcEngine).noquote() << "Engine open:" << m_info.location << "schema" << m_info.schemaVersion << "- master key in"
                                   << (m_info.secretStore == SecretStoreKind::Keychain ? QStringLiteral("the system keychain") : m_info.secretStoreLocation);
        if (m_options.deliveryIntervalMs > 0) {
            m_delivery = new DeliveryScheduler(
                m_options.deliveryIntervalMs, [this] { return deliverNotifications(); }, [this] { return housekeeping(); }, this);
            m_delivery->start();
        }
        if (m_options.directoryCheckIntervalMs > 0) {
            m_directoryBeat = new QTimer(this);
            m_directoryBeat->setInterval(m_options.directoryCheckIntervalMs);
            connect(m_directoryBeat, &QTimer::timeout, this, &EmbeddedEngine::syncDirectoryOnSchedule);
            m_directoryBeat->start();
        }
        return m_info;
    });
}

void EmbeddedEngine::syncDirectoryOnSchedule()
{
    if (m_directorySyncing)
        return; // a sync of 100,000 entries may outlast the beat
    m_directorySyncing = true;
    whenFinished(syncDirectoryIfDue(), this, [this](const Result<DirectorySyncReport>& report) {
        m_directorySyncing = false;
        if (!report)
            qCWarning(lcEngine).noquote() << "Directory sync:" << report.error().toLogString();
        else if (report->id != 0 && report->failed)
            qCWarning(lcEngine).noquote() << "Directory sync failed:" << report->problem << report->detail;
        else if (report->id != 0)
            qCInfo(lcEngine) << "Directory sync: added" << report->added << "updated" << report->updated << "disabled" << report->disabled << "enabled"
                             << report->enabled << "errors" << report->errorCount;
    });
}

template <typename T>
QFuture<Result<T>> EmbeddedEngine::thenDeliver(QFuture<Result<T>> future)
{
    whenFinished(future, this, [this](const Result<T>& r) {
        if (r && m_delivery)
            m_delivery->soon();
    });
    return future;
}

template <typename T>
QFuture<Result<T>> EmbeddedEngine::operatorCall(const OperatorSession& session,
    std::function<Result<T>(const EngineContext&, QSqlDatabase, const AccessControl&)> task)
{
    auto ctx = m_context;
    const qint64 operatorId = session.personId;
    return QtConcurrent::run(&m_pool, [ctx, operatorId, task]() -> Result<T> {
        return withConnection<T>(ctx, [&](const EngineContext& context, QSqlDatabase db) -> Result<T> {
            auto ac = AccessControl::load(db, operatorId);
            if (!ac)
                return ac.error();
            return task(context, db, *ac);
        });
    });
}

QFuture<Result<OperatorSession>> EmbeddedEngine::logon(
    const QString& logonName, const QString& password)
{
    return runTask<OperatorSession>(
        [logonName, password](const EngineContext& ctx, QSqlDatabase db) {
            return PeopleService(ctx, db).logon(logonName, password);
        });
}

QFuture<Result<QByteArray>> EmbeddedEngine::cardLogonChallenge()
{
    return cardLogonChallengeFor(QStringLiteral("local"));
}

QFuture<Result<QByteArray>> EmbeddedEngine::cardLogonChallengeFor(const QString& client)
{
    return runPublicTask<QByteArray>([client](const EngineContext& ctx, QSqlDatabase db) { return CardLogonService(ctx, db).challenge(client); });
}

QFuture<Result<OperatorSession>> EmbeddedEngine::logonWithCard(const QByteArray& certificate, const QByteArray& challenge, const QByteArray& signature)
{
    return runTask<OperatorSession>([=](const EngineContext& ctx, QSqlDatabase db) { return CardLogonService(ctx, db).logon(certificate, challenge, signature); });
}

QFuture<Result<void>> EmbeddedEngine::logoff(const OperatorSession&)
{
    // Sessions of the embedded engine live only in the desktop's memory.
    return QtFuture::makeReadyFuture(Result<void>());
}

QFuture<Result<QList<Workflow>>> EmbeddedEngine::workflows(const OperatorSession& session)
{
    return operatorCall<QList<Workflow>>(session,
        [](const EngineContext&, QSqlDatabase, const AccessControl& ac) -> Result<QList<Workflow>> {
            return ac.workflows();
        });
}

QFuture<Result<PersonPage>> EmbeddedEngine::findPeople(
    const OperatorSession& session, const PersonQuery& query)
{
    return operatorCall<PersonPage>(
        session, [query](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
            return PeopleService(ctx, db).find(ac, query);
        });
}

QFuture<Result<Person>> EmbeddedEngine::person(const OperatorSession& session, qint64 personId)
{
    return operatorCall<Person>(
        session, [personId](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
            return PeopleService(ctx, db).get(ac, personId);
        });
}

QFuture<Result<Person>> EmbeddedEngine::setCardIdentifiers(const OperatorSession& session, qint64 personId, const CardIdentifiers& identifiers)
{
    return operatorCall<Person>(session, [personId, identifiers](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return PersonAdministration(ctx, db).setCardIdentifiers(ac, personId, identifiers.fascn, identifiers.cardUuid);
    });
}

QFuture<Result<Person>> EmbeddedEngine::addPerson(const OperatorSession& session, const PersonDetails& details)
{
    return operatorCall<Person>(session, [details](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return PersonAdministration(ctx, db).add(ac, details);
    });
}

QFuture<Result<Person>> EmbeddedEngine::editPerson(const OperatorSession& session, qint64 personId, const PersonDetails& details)
{
    return operatorCall<Person>(session, [personId, details](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return PersonAdministration(ctx, db).edit(ac, personId, details);
    });
}

QFuture<Result<Person>> EmbeddedEngine::setAccountEnabled(const OperatorSession& session, qint64 personId, bool enabled, const QString& reason, bool devicesToo)
{
    return operatorCall<Person>(session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return PersonAdministration(ctx, db).setEnabled(ac, personId, enabled, reason, devicesToo);
    });
}

QFuture<Result<Person>> EmbeddedEngine::setPersonRoles(const OperatorSession& session, qint64 personId, const QList<qint64>& roleIds)
{
    return operatorCall<Person>(session, [personId, roleIds](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return PersonAdministration(ctx, db).setRoles(ac, personId, roleIds);
    });
}

QFuture<Result<QList<ImportOutcome>>> EmbeddedEngine::importPeople(const OperatorSession& session, const PeopleImportBatch& batch)
{
    return operatorCall<QList<ImportOutcome>>(session, [batch](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return PeopleImport(ctx, db).apply(ac, batch);
    });
}

QFuture<Result<void>> EmbeddedEngine::removePerson(const OperatorSession& session, qint64 personId, const QString& reason)
{
    return operatorCall<void>(session, [personId, reason](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return PersonAdministration(ctx, db).remove(ac, personId, reason);
    });
}

QFuture<Result<QList<Device>>> EmbeddedEngine::devicesOf(
    const OperatorSession& session, qint64 personId)
{
    return operatorCall<QList<Device>>(
        session, [personId](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
            return DeviceService(ctx, db).forPerson(ac, personId);
        });
}

QFuture<Result<Device>> EmbeddedEngine::device(const OperatorSession& session, qint64 deviceId)
{
    return operatorCall<Device>(
        session, [deviceId](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
            return DeviceService(ctx, db).get(ac, deviceId);
        });
}

QFuture<Result<QList<CertificateRecord>>> EmbeddedEngine::certificatesOf(const OperatorSession& session, qint64 deviceId)
{
    return operatorCall<QList<CertificateRecord>>(session, [deviceId](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return CertificateService(ctx, db).forDevice(ac, deviceId);
    });
}

QFuture<Result<QList<Job>>> EmbeddedEngine::jobsOf(const OperatorSession& session, qint64 personId)
{
    return operatorCall<QList<Job>>(
        session, [personId](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
            return RequestService(ctx, db).forPerson(ac, personId);
        });
}

QFuture<Result<QList<Device>>> EmbeddedEngine::findDevices(
    const OperatorSession& session, const QString& text)
{
    return operatorCall<QList<Device>>(
        session, [text](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
            return DeviceService(ctx, db).find(ac, text);
        });
}

QFuture<Result<QList<Job>>> EmbeddedEngine::findJobs(
    const OperatorSession& session, const JobQuery& query)
{
    return operatorCall<QList<Job>>(
        session, [query](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
            return RequestService(ctx, db).find(ac, query);
        });
}

QFuture<Result<Job>> EmbeddedEngine::cancelJob(
    const OperatorSession& session, qint64 jobId, const QString& reason)
{
    return operatorCall<Job>(session,
        [jobId, reason](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
            return RequestService(ctx, db).cancel(ac, jobId, reason);
        });
}

QFuture<Result<QList<CredentialProfile>>> EmbeddedEngine::requestableProfiles(const OperatorSession& session, qint64 personId)
{
    return operatorCall<QList<CredentialProfile>>(session, [personId](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return ProfileService(ctx, db).requestableFor(ac, personId);
    });
}

QFuture<Result<IssuedRequest>> EmbeddedEngine::requestCredential(
    const OperatorSession& session, qint64 personId, qint64 profileId, bool showCode, const QString& targetComputer)
{
    return thenDeliver(operatorCall<IssuedRequest>(
        session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
            return RequestService(ctx, db).request(ac, personId, profileId, showCode, targetComputer);
        }));
}

QFuture<Result<QList<BatchOutcome>>> EmbeddedEngine::requestCredentials(const OperatorSession& session, const QList<qint64>& personIds, qint64 profileId)
{
    return thenDeliver(operatorCall<QList<BatchOutcome>>(session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return BatchRequests(ctx, db).request(ac, personIds, profileId);
    }));
}

QFuture<Result<IssuedRequest>> EmbeddedEngine::validateRequest(
    const OperatorSession& session, qint64 jobId, bool approve, bool showCode)
{
    return thenDeliver(operatorCall<IssuedRequest>(
        session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
            return RequestService(ctx, db).validate(ac, jobId, approve, showCode);
        }));
}

QFuture<Result<IssuedRequest>> EmbeddedEngine::regenerateCode(
    const OperatorSession& session, qint64 jobId, bool showCode)
{
    return thenDeliver(operatorCall<IssuedRequest>(
        session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
            return RequestService(ctx, db).regenerateCode(ac, jobId, showCode);
        }));
}

QFuture<Result<DeviceChange>> EmbeddedEngine::changeDevice(
    const OperatorSession& session, qint64 deviceId, const DeviceAction& action)
{
    return thenDeliver(operatorCall<DeviceChange>(
        session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
            return DeviceChanges(ctx, db).change(ac, deviceId, action);
        }));
}

QFuture<Result<IssuedRequest>> EmbeddedEngine::requestRenewal(const OperatorSession& session, qint64 deviceId, bool update, bool showCode)
{
    return thenDeliver(operatorCall<IssuedRequest>(
        session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
            return RequestService(ctx, db).requestRenewal(ac, deviceId, update, showCode);
        }));
}

QFuture<Result<QString>> EmbeddedEngine::unlockCode(const OperatorSession& session, qint64 deviceId, const QString& challenge, const QStringList& answers)
{
    return operatorCall<QString>(session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return DeviceService(ctx, db).unlockCode(ac, deviceId, challenge, answers);
    });
}

QFuture<Result<DeviceChange>> EmbeddedEngine::reportIncident(const OperatorSession& session, qint64 deviceId, const DeviceAction& report)
{
    return thenDeliver(operatorCall<DeviceChange>(session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return IncidentService(ctx, db).report(ac, deviceId, report);
    }));
}

QFuture<Result<QStringList>> EmbeddedEngine::securityQuestions(const OperatorSession& session, qint64 personId)
{
    return operatorCall<QStringList>(session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return SecurityQuestions(ctx, db).questionsOf(ac, personId);
    });
}

QFuture<Result<void>> EmbeddedEngine::setSecurityQuestions(const OperatorSession& session, const QStringList& questions, const QStringList& answers)
{
    return operatorCall<void>(session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return SecurityQuestions(ctx, db).set(ac, questions, answers);
    });
}

QFuture<Result<QList<Job>>> EmbeddedEngine::lockJobs(const OperatorSession& session, qint64 deviceId)
{
    return operatorCall<QList<Job>>(session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return VscAccessService(ctx, db).lockJobs(ac, deviceId);
    });
}

QFuture<Result<QList<Timezone>>> EmbeddedEngine::timezones(const OperatorSession& session)
{
    return operatorCall<QList<Timezone>>(session, [](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return VscAccessService(ctx, db).timezones(ac);
    });
}

QFuture<Result<Job>> EmbeddedEngine::requestPinLock(const OperatorSession& session, qint64 deviceId, const LockSchedule& when, const QString& reason)
{
    return operatorCall<Job>(session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return VscAccessService(ctx, db).requestPinLock(ac, deviceId, when, reason);
    });
}

QFuture<Result<Job>> EmbeddedEngine::updatePinLock(const OperatorSession& session, qint64 deviceId, const LockSchedule& when, const QString& reason)
{
    return operatorCall<Job>(session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return VscAccessService(ctx, db).updatePinLock(ac, deviceId, when, reason);
    });
}

QFuture<Result<Job>> EmbeddedEngine::cancelPinLock(const OperatorSession& session, qint64 deviceId, const QString& reason)
{
    return operatorCall<Job>(session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return VscAccessService(ctx, db).cancelPinLock(ac, deviceId, reason);
    });
}

QFuture<Result<QList<VscLockTask>>> EmbeddedEngine::dueLockJobs(const OperatorSession& session, const QString& dnsName)
{
    return operatorCall<QList<VscLockTask>>(session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return VscHolderService(ctx, db).dueLocks(ac, dnsName);
    });
}

QFuture<Result<Job>> EmbeddedEngine::reportLockJob(const OperatorSession& session, const VscLockOutcome& outcome)
{
    return operatorCall<Job>(session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return VscHolderService(ctx, db).reportLock(ac, outcome);
    });
}

QFuture<Result<VscUnblockChallenge>> EmbeddedEngine::vscUnblockChallenge(const OperatorSession& session, const QByteArray& cardCertificate)
{
    return operatorCall<VscUnblockChallenge>(session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return VscHolderService(ctx, db).unblockChallenge(ac, cardCertificate);
    });
}

QFuture<Result<QString>> EmbeddedEngine::releaseHeldPuk(const OperatorSession& session, qint64 deviceId, const QString& response)
{
    return operatorCall<QString>(session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return VscHolderService(ctx, db).releasePuk(ac, deviceId, response);
    });
}

QFuture<Result<ParentCardCheck>> EmbeddedEngine::checkParentCard(const OperatorSession& session, const ParentCard& card)
{
    return operatorCall<ParentCardCheck>(session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return DerivedCredentialService(ctx, db).check(ac, card);
    });
}

QFuture<Result<IssuedRequest>> EmbeddedEngine::requestDerivedCredential(const OperatorSession& session, const ParentCard& card, const QByteArray& challenge,
    const QByteArray& signature)
{
    return operatorCall<IssuedRequest>(session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return DerivedCredentialService(ctx, db).request(ac, card, challenge, signature);
    });
}

QFuture<Result<ParentTrustReport>> EmbeddedEngine::endParentCardTrust(const OperatorSession& session, const ParentTrustEnd& what)
{
    return operatorCall<ParentTrustReport>(session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return DerivedCredentialService(ctx, db).endTrust(ac, what);
    });
}

QFuture<Result<TemporaryAccess>> EmbeddedEngine::temporaryUnlock(const OperatorSession& session, qint64 deviceId, const QString& challenge, int hours, const QString& reason)
{
    return operatorCall<TemporaryAccess>(session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return VscAccessService(ctx, db).temporaryUnlock(ac, deviceId, challenge, hours, reason);
    });
}

QFuture<Result<QList<RegisteredHardware>>> EmbeddedEngine::hardware(const OperatorSession& session)
{
    return operatorCall<QList<RegisteredHardware>>(session, [](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return HardwareService(ctx, db).list(ac, false);
    });
}

QFuture<Result<qint64>> EmbeddedEngine::addHardware(const OperatorSession& session, const RegisteredHardware& hardware)
{
    return operatorCall<qint64>(session, [hardware](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return HardwareService(ctx, db).add(ac, hardware);
    });
}

QFuture<Result<void>> EmbeddedEngine::deactivateHardware(const OperatorSession& session, qint64 id)
{
    return operatorCall<void>(session, [id](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return HardwareService(ctx, db).deactivate(ac, id);
    });
}

QFuture<Result<QList<Role>>> EmbeddedEngine::roles(const OperatorSession& session)
{
    return operatorCall<QList<Role>>(session, [](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return RoleService(ctx, db).list(ac);
    });
}

QFuture<Result<qint64>> EmbeddedEngine::saveRole(const OperatorSession& session, const Role& role)
{
    return operatorCall<qint64>(session, [role](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return RoleService(ctx, db).save(ac, role);
    });
}

QFuture<Result<QList<CredentialProfile>>> EmbeddedEngine::credentialProfiles(const OperatorSession& session)
{
    return operatorCall<QList<CredentialProfile>>(session, [](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return ProfileService(ctx, db).currentProfiles(ac);
    });
}

QFuture<Result<QList<CredentialProfile>>> EmbeddedEngine::profileVersions(const OperatorSession& session, qint64 lineage)
{
    return operatorCall<QList<CredentialProfile>>(session, [lineage](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return ProfileService(ctx, db).versions(ac, lineage);
    });
}

QFuture<Result<QList<CertificatePolicy>>> EmbeddedEngine::certificatePolicies(const OperatorSession& session)
{
    return operatorCall<QList<CertificatePolicy>>(session, [](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return ProfileService(ctx, db).policies(ac);
    });
}

QFuture<Result<QList<CertificatePolicy>>> EmbeddedEngine::certificatePolicyVersions(const OperatorSession& session, qint64 policyId)
{
    return operatorCall<QList<CertificatePolicy>>(session, [policyId](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return ProfileService(ctx, db).policyVersions(ac, policyId);
    });
}

QFuture<Result<qint64>> EmbeddedEngine::saveCertificatePolicy(const OperatorSession& session, const CertificatePolicy& policy)
{
    return operatorCall<qint64>(session, [policy](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return ProfileService(ctx, db).savePolicy(&ac, policy);
    });
}

QFuture<Result<CertificatePolicyExample>> EmbeddedEngine::certificatePolicyExample(const OperatorSession& session, const CertificatePolicy& policy, qint64 personId)
{
    return operatorCall<CertificatePolicyExample>(session, [policy, personId](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return ProfileService(ctx, db).policyExample(ac, policy, personId);
    });
}

QFuture<Result<qint64>> EmbeddedEngine::saveCredentialProfile(const OperatorSession& session, const CredentialProfile& profile)
{
    return operatorCall<qint64>(session, [profile](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return ProfileService(ctx, db).saveProfile(&ac, profile);
    });
}

QFuture<Result<QList<Notification>>> EmbeddedEngine::notificationsOf(const OperatorSession& session, qint64 jobId)
{
    return operatorCall<QList<Notification>>(session, [jobId](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return NotificationService(ctx, db).forJob(ac, jobId);
    });
}

QFuture<Result<Notification>> EmbeddedEngine::resendNotification(const OperatorSession& session, qint64 notificationId)
{
    return thenDeliver(operatorCall<Notification>(session, [notificationId](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return NotificationService(ctx, db).resend(ac, notificationId);
    }));
}

QFuture<Result<QList<MessageTemplate>>> EmbeddedEngine::messageTemplates(const OperatorSession& session)
{
    return operatorCall<QList<MessageTemplate>>(session, [](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return TemplateStore(ctx, db).list(ac);
    });
}

QFuture<Result<void>> EmbeddedEngine::saveMessageTemplate(const OperatorSession& session, const MessageTemplate& messageTemplate)
{
    return operatorCall<void>(session, [messageTemplate](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return TemplateStore(ctx, db).save(ac, messageTemplate);
    });
}

QFuture<Result<DeliveryReport>> EmbeddedEngine::deliverNotifications()
{
    return runTask<DeliveryReport>([](const EngineContext& ctx, QSqlDatabase db) { return NotificationDelivery(ctx, db).run(); });
}

QFuture<Result<Settings>> EmbeddedEngine::settings(const OperatorSession& session)
{
    return operatorCall<Settings>(
        session, [](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
            return SettingsService(ctx, db).get(ac);
        });
}

QFuture<Result<void>> EmbeddedEngine::saveSettings(
    const OperatorSession& session, const Settings& settings)
{
    return operatorCall<void>(
        session, [settings](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
            return SettingsService(ctx, db).save(ac, settings);
        });
}

QFuture<Result<DirectoryConfig>> EmbeddedEngine::directoryConfig(const OperatorSession& session)
{
    return operatorCall<DirectoryConfig>(session, [](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) { return DirectoryService(ctx, db).config(ac); });
}

QFuture<Result<void>> EmbeddedEngine::saveDirectoryConfig(const OperatorSession& session, const DirectoryConfig& config)
{
    return operatorCall<void>(session, [config](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) { return DirectoryService(ctx, db).save(ac, config); });
}

QFuture<Result<DirectoryProbe>> EmbeddedEngine::testDirectory(const OperatorSession& session, const DirectoryConfig& config)
{
    return operatorCall<DirectoryProbe>(session, [config](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) { return DirectoryService(ctx, db).test(ac, config); });
}

QFuture<Result<DirectorySyncReport>> EmbeddedEngine::syncDirectory(const OperatorSession& session, bool full)
{
    return operatorCall<DirectorySyncReport>(session, [full](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) { return DirectoryService(ctx, db).sync(ac, full); });
}

QFuture<Result<QList<DirectorySyncReport>>> EmbeddedEngine::directorySyncs(const OperatorSession& session)
{
    return operatorCall<QList<DirectorySyncReport>>(session, [](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) { return DirectoryService(ctx, db).reports(ac, 20); });
}

QFuture<Result<DirectorySyncReport>> EmbeddedEngine::syncDirectoryIfDue()
{
    return runTask<DirectorySyncReport>([](const EngineContext& ctx, QSqlDatabase db) { return DirectoryService(ctx, db).syncIfDue(); });
}

QFuture<Result<QList<AuditEvent>>> EmbeddedEngine::audit(const OperatorSession& session, const AuditQuery& query)
{
    return operatorCall<QList<AuditEvent>>(session, [query](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return AuditLog(db, ctx).find(ac, query);
    });
}

QFuture<Result<AuditVerification>> EmbeddedEngine::verifyAudit(const OperatorSession& session)
{
    return operatorCall<AuditVerification>(session, [](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return AuditLog(db, ctx).verify(ac);
    });
}

QFuture<Result<QByteArray>> EmbeddedEngine::certificateRevocationList()
{
    return runPublicTask<QByteArray>([](const EngineContext& ctx, QSqlDatabase db) { return CertificateService(ctx, db).publishedCrl(); });
}

QFuture<Result<CertificateService::PublishedCrl>> EmbeddedEngine::publishedCrl(const QString& name)
{
    return runPublicTask<CertificateService::PublishedCrl>([name](const EngineContext& ctx, QSqlDatabase db) { return CertificateService(ctx, db).publishedCrl(name); });
}

QFuture<Result<QByteArray>> EmbeddedEngine::publishedCaCertificate(const QString& name)
{
    return runPublicTask<QByteArray>([name](const EngineContext& ctx, QSqlDatabase db) { return CertificateService(ctx, db).publishedCaCertificate(name); });
}

QFuture<Result<QByteArray>> EmbeddedEngine::answerOcsp(const QByteArray& requestDer)
{
    return runPublicTask<QByteArray>([requestDer](const EngineContext& ctx, QSqlDatabase db) -> Result<QByteArray> { return CertificateService(ctx, db).answerOcsp(requestDer); });
}

QFuture<Result<QByteArray>> EmbeddedEngine::caCertificate()
{
    return runPublicTask<QByteArray>([](const EngineContext& ctx, QSqlDatabase) -> Result<QByteArray> {
        return TrustMaterial { { ctx.authority.certificate() }, ctx.contentSigningCertificate }.toPem();
    });
}

QFuture<Result<CollectionSession>> EmbeddedEngine::startCollection(const CollectionStart& request)
{
    return runPublicTask<CollectionSession>([request](const EngineContext& ctx, QSqlDatabase db) { return CollectionService(ctx, db).start(request); });
}

QFuture<Result<CollectionBundle>> EmbeddedEngine::submitCollection(const CollectionSubmission& submission)
{
    return runPublicTask<CollectionBundle>([submission](const EngineContext& ctx, QSqlDatabase db) { return CollectionService(ctx, db).submit(submission); });
}

QFuture<Result<Device>> EmbeddedEngine::confirmCollection(const QString& sessionId)
{
    return runPublicTask<Device>([sessionId](const EngineContext& ctx, QSqlDatabase db) { return CollectionService(ctx, db).confirm(sessionId); });
}

QFuture<Result<void>> EmbeddedEngine::abandonCollection(const QString& sessionId, const QString& reason)
{
    return runPublicTask<void>([sessionId, reason](const EngineContext& ctx, QSqlDatabase db) { return CollectionService(ctx, db).abandon(sessionId, reason); });
}

QFuture<Result<OperatorSession>> EmbeddedEngine::issueToken(const QString& logonName, const QString& password, const QString& client)
{
    return runPublicTask<OperatorSession>(
        [logonName, password, client](const EngineContext& ctx, QSqlDatabase db) { return OperatorTokens(ctx, db).logon(logonName, password, client); });
}

QFuture<Result<OperatorSession>> EmbeddedEngine::issueTokenForCard(const QByteArray& certificate, const QByteArray& challenge, const QByteArray& signature)
{
    return runPublicTask<OperatorSession>([=](const EngineContext& ctx, QSqlDatabase db) { return OperatorTokens(ctx, db).logonWithCard(certificate, challenge, signature); });
}

QFuture<Result<OperatorSession>> EmbeddedEngine::resolveToken(const QString& token)
{
    return runTask<OperatorSession>([token](const EngineContext& ctx, QSqlDatabase db) { return OperatorTokens(ctx, db).resolve(token); });
}

QFuture<Result<void>> EmbeddedEngine::revokeToken(const QString& token)
{
    return runTask<void>([token](const EngineContext& ctx, QSqlDatabase db) { return OperatorTokens(ctx, db).revoke(token); });
}

QFuture<Result<QDateTime>> EmbeddedEngine::renewToken(const QString& token)
{
    return runTask<QDateTime>([token](const EngineContext& ctx, QSqlDatabase db) { return OperatorTokens(ctx, db).renew(token); });
}

QFuture<Result<int>> EmbeddedEngine::expireCollections()
{
    return runTask<int>([](const EngineContext& ctx, QSqlDatabase db) { return CollectionService(ctx, db).expireSessions(); });
}

QFuture<Result<int>> EmbeddedEngine::housekeeping()
{
    // The CRL files are read and every parent card checked: not on every beat.
    const QDateTime now = m_context ? m_context->now() : QDateTime::currentDateTimeUtc();
    const bool parents = !m_lastParentSweep.isValid() || m_lastParentSweep.secsTo(now) >= kParentSweepSeconds;
    if (parents)
        m_lastParentSweep = now;
    return runTask<int>([parents](const EngineContext& ctx, QSqlDatabase db) -> Result<int> {
        auto expired = CollectionService(ctx, db).expireSessions();
        if (!expired)
            return expired;
        auto revoked = IncidentService(ctx, db).revokeOverdue();
        if (!revoked)
            return revoked;
        auto ended = VscAccessService(ctx, db).endEmergencyAccess();
        if (!ended)
            return ended;
        int parentsEnded = 0;
        if (parents) {
            auto swept = DerivedCredentialService(ctx, db).sweepRevokedParents();
            if (!swept)
                return swept.error();
            parentsEnded = swept->devicesCancelled + swept->requestsCancelled;
        }
        return *expired + *revoked + *ended + parentsEnded;
    });
}

} // namespace lanyard
