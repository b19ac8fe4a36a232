#include "EmbeddedEngine.h"

#include "AuditLog.h"
#include "CardLogonService.h"
#include "CertificateService.h"
#include "CollectionService.h"
#include "DerivedCredentialService.h"
#include "DeviceService.h"
#include "HardwareService.h"
#include "NotificationDelivery.h"
#include "OperatorTokens.h"
#include "Outbox.h"
#include "PeopleService.h"
#include "ProfileService.h"
#include "RequestService.h"
#include "RoleService.h"
#include "SettingsSchema.h"
#include "SettingsService.h"
#include "TemplateStore.h"
#include "VscAccessService.h"
#include "VscHolderService.h"
#include "pki/OpenSslThread.h"
#include "pki/SecureRandom.h"
#include "pki/TrustMaterial.h"
#include "secrets/Keychain.h"
#include "secrets/MasterKeyFile.h"
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "storage/Transaction.h"

#include "core/WhenFinished.h"

#include <QLoggingCategory>
#include <QPromise>
#include <QUuid>

#include <latch>

namespace lanyard {

Q_LOGGING_CATEGORY(lcEngine, "lanyard.engine")

namespace {

    struct StorageState
    {
        std::shared_ptr<Database> database;
        int schemaVersion = 0;
        int previousVersion = 0; // before this start's migrations
        QString engineId;
        QString storeKind; // "keychain", "file", or empty for a new engine
        QString checkValue;
    };

    struct MasterKey
    {
        QByteArray key;
        SecretStoreKind store = SecretStoreKind::None;
        QString location;
    };

    QString metaValue(const QSqlDatabase& db, const QString& key)
    {
        auto row = fetchOne(db, QStringLiteral("SELECT value FROM meta WHERE key = ?"), { key });
        return row && !row->isEmpty() ? row->at(0).toString() : QString();
    }

    Result<StorageState> prepareStorage(std::shared_ptr<Database> database)
    {
        auto db = database->connection();
        if (!db)
            return db.error();
        const Migrator migrator(database->dialect());
        auto previous = migrator.currentVersion(*db);
        if (!previous)
            return previous.error();
        auto version = migrator.migrate(*db);
        if (!version)
            return version.error();
        StorageState s;
        s.database = database;
        s.previousVersion = *previous;
        s.schemaVersion = *version;
        s.engineId = metaValue(*db, QStringLiteral("engine_id"));
        s.storeKind = metaValue(*db, QStringLiteral("master_key_store"));
        s.checkValue = metaValue(*db, QStringLiteral("master_key_check"));
        if (s.engineId.isEmpty())
            s.engineId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        return s;
    }

    QString keychainKey(const QString& engineId)
    {
        return QStringLiteral("master-key/") + engineId;
    }

    void finishWith(
        const std::shared_ptr<QPromise<Result<MasterKey>>>& promise, Result<MasterKey> result)
    {
        promise->addResult(std::move(result));
        promise->finish();
    }

    // Where the master key lives is recorded with the data, so an unreachable keychain is an
    // error to report, never a reason to make a new key and orphan the old data.
    QFuture<Result<MasterKey>> obtainMasterKey(QObject* context,
        const EmbeddedEngineOptions& options, const QString& keyFile, const StorageState& state)
    {
        auto promise = std::make_shared<QPromise<Result<MasterKey>>>();
        promise->start();
        const Keychain keychain(options.keychainService);
        const QString name = keychainKey(state.engineId);
        if (state.storeKind == QLatin1String("keychain")) {
            whenFinished(keychain.read(name), context, [promise](Result<QByteArray> key) {
                if (!key)
                    return finishWith(promise,
                        Error(ErrorCode::SecretStoreUnavailable,
                            QStringLiteral("the master key is kept in the system keychain, which "
                                           "cannot be read: ")
                                + key.error().detail,
                            { { QStringLiteral("store"), QStringLiteral("keychain") } }));
                finishWith(promise,
                    MasterKey {
                        *key, SecretStoreKind::Keychain, QStringLiteral("system keychain") });
            });
            return promise->future();
        }
        const MasterKeyFile file(keyFile);
        if (state.storeKind == QLatin1String("file")) {
            auto key = file.read();
            if (!key)
                finishWith(promise, key.error());
            else
                finishWith(promise, MasterKey { *key, SecretStoreKind::KeyFile, keyFile });
            return promise->future();
        }
        // A new engine: a new key, in the keychain when there is one.
        const QByteArray fresh = secureRandomBytes(32);
        auto toFile = [promise, file, fresh, keyFile](const QString& why) {
            if (file.exists()) {
                // Left by a first start that failed before anything was encrypted: nothing depends
                // on that key yet, so it is as good as a new one.
                auto existing = file.read();
                if (!existing)
                    return finishWith(promise, existing.error());
                return finishWith(
                    promise, MasterKey { *existing, SecretStoreKind::KeyFile, keyFile });
            }
            if (auto r = file.write(fresh); !r)
                return finishWith(promise, r.error());
            if (why.isEmpty())
                qCInfo(lcEngine).noquote()
                    << QStringLiteral("The master key is stored in %1 (mode 0600), as asked.")
                           .arg(keyFile);
            else
                qCWarning(lcEngine).noquote() << QStringLiteral(
                    "No system keychain available (%1); the master key is stored in %2 (mode "
                    "0600). "
                    "Anyone who can read that file and the database can read the CA key.")
                                                     .arg(why, keyFile);
            finishWith(promise, MasterKey { fresh, SecretStoreKind::KeyFile, keyFile });
        };
        if (options.keyStore == EmbeddedEngineOptions::KeyStore::FileOnly) {
            toFile(QString());
            return promise->future();
        }
        const bool keychainOnly = options.keyStore == EmbeddedEngineOptions::KeyStore::KeychainOnly;
        whenFinished(keychain.write(name, fresh), context,
            [promise, fresh, toFile, keychainOnly](Result<void> written) {
                if (written)
                    return finishWith(promise,
                        MasterKey {
                            fresh, SecretStoreKind::Keychain, QStringLiteral("system keychain") });
                if (keychainOnly)
                    return finishWith(promise, written.error());
                toFile(written.error().detail);
            });
        return promise->future();
    }

    // What migrations cannot do because it needs the master key: re-chain an audit trail
    // written before the chain was keyed (once, on the start that applied migration 11), and
    // hash the public keys of certificates issued before they were kept.
    Result<void> upgradeWithKey(const EngineContext& ctx, const QSqlDatabase& db, const StorageState& state)
    {
        constexpr int kKeyedAuditVersion = 11;
        Transaction tx(db, ctx.dialect());
        if (auto r = tx.begin(); !r)
            return r.error();
        if (state.previousVersion > 0 && state.previousVersion < kKeyedAuditVersion && state.schemaVersion >= kKeyedAuditVersion) {
            auto legacy = AuditLog(db, ctx).rekeyLegacyChain(ctx.now());
            if (!legacy)
                return legacy.error();
            if (auto r = exec(db, QStringLiteral("INSERT INTO audit_rekeys (rekeyed_at, rows_rekeyed, legacy_intact) VALUES (?, ?, ?)"),
                    { ctx.now().toMSecsSinceEpoch(), legacy->checked, legacy->intact ? 1 : 0 });
                !r)
                return r.error();
            qCInfo(lcEngine) << "audit chain keyed:" << legacy->checked << "rows re-chained; the unkeyed chain was" << (legacy->intact ? "intact" : "broken");
        }
        auto hashed = CertificateService(ctx, db).backfillPublicKeyHashes();
        if (!hashed)
            return hashed.error();
        return tx.commit();
    }

    Result<std::shared_ptr<const EngineContext>> loadAuthority(
        const EmbeddedEngineOptions& options, const StorageState& state, const MasterKey& master)
    {
        auto ctx = std::make_shared<EngineContext>();
        ctx->database = state.database;
        ctx->engineId = state.engineId;
        ctx->keyWrapper = std::make_shared<KeyWrapper>(master.key);
        ctx->auditKey = ctx->keyWrapper->derive("audit-chain");
        ctx->passwordChecks = std::make_shared<QSemaphore>(2);
        if (options.clock)
            ctx->clock = options.clock;
        auto db = state.database->connection();
        if (!db)
            return db.error();
        if (!state.checkValue.isEmpty()
            && state.checkValue != QString::fromLatin1(ctx->keyWrapper->checkValue()))
            return Error(ErrorCode::MasterKeyMismatch,
                QStringLiteral("the master key from the %1 does not belong to this database")
                    .arg(master.location),
                { { QStringLiteral("store"), master.location } });
        auto rows
            = exec(*db, QStringLiteral("SELECT kind, cert_pem, key_wrapped FROM authorities"));
        if (!rows)
            return rows.error();
        QHash<QString, QPair<QByteArray, QByteArray>> stored;
        while (rows->next())
            stored.insert(rows->value(0).toString(),
                { rows->value(1).toByteArray(), rows->value(2).toByteArray() });
        auto restore
            = [&](const QString& kind, Certificate* cert, PrivateKey* key) -> Result<void> {
            const auto parts = stored.value(kind);
            auto c = Certificate::fromPem(parts.first);
            if (!c)
                return c.error();
            auto pem = ctx->keyWrapper->unwrap(parts.second, kind.toUtf8());
            if (!pem)
                return pem.error();
            auto k = PrivateKey::fromPem(*pem);
            if (!k)
                return k.error();
            *cert = *c;
            *key = *k;
            return {};
        };
        if (stored.contains(QStringLiteral("root"))) {
            Certificate rootCert;
            PrivateKey rootKey;
            if (auto r = restore(QStringLiteral("root"), &rootCert, &rootKey); !r)
                return r.error();
            auto ca = CertificateAuthority::fromParts(rootCert, rootKey);
            if (!ca)
                return ca.error();
            ctx->authority = *ca;
            if (auto r = restore(QStringLiteral("content-signing"), &ctx->contentSigningCertificate,
                    &ctx->contentSigningKey);
                !r)
                return r.error();
            if (auto r = upgradeWithKey(*ctx, *db, state); !r)
                return r.error();
            return std::shared_ptr<const EngineContext>(ctx);
        }
        // First start: make the CA and the content-signing identity, and record the key's home.
        Transaction tx(*db, state.database->dialect());
        if (auto r = tx.begin(); !r)
            return r.error();
        const DistinguishedName caName { { QStringLiteral("CN"),
                                             options.caCommonName + QLatin1Char(' ')
                                                 + state.engineId.left(8) },
            { QStringLiteral("O"), QStringLiteral("Lanyard") } };
        auto ca = CertificateAuthority::createRoot(caName, options.caKeyAlgorithm, 20 * 365);
        if (!ca)
            return ca.error();
        ctx->authority = *ca;
        auto signingKey = PrivateKey::generate(KeyAlgorithm::EcP256);
        if (!signingKey)
            return signingKey.error();
        IssuanceParameters signing;
        signing.subject
            = { { QStringLiteral("CN"),
                    QStringLiteral("Lanyard Content Signing ") + state.engineId.left(8) },
                  { QStringLiteral("O"), QStringLiteral("Lanyard") } };
        signing.validityDays = 5 * 365;
        signing.keyUsage = QStringLiteral("digitalSignature");
        signing.extendedKeyUsage = QStringLiteral("codeSigning");
        signing.allowedAlgorithms = { KeyAlgorithm::EcP256 };
        auto signingCert = ca->issueForKey(*signingKey, signing);
        if (!signingCert)
            return signingCert.error();
        ctx->contentSigningCertificate = *signingCert;
        ctx->contentSigningKey = *signingKey;
        for (const auto& [kind, cert, key] :
            { std::tuple { QStringLiteral("root"), ca->certificate(), ca->key() },
                std::tuple { QStringLiteral("content-signing"), *signingCert, *signingKey } }) {
            auto wrapped = ctx->keyWrapper->wrap(key.toPem(), kind.toUtf8());
            if (!wrapped)
                return wrapped.error();
            if (auto r = exec(*db,
                    QStringLiteral(
                        "INSERT INTO authorities (kind, cert_pem, key_wrapped) VALUES (?, ?, ?)"),
                    { kind, QString::fromLatin1(cert.toPem()), *wrapped });
                !r)
                return r.error();
        }
        const QString storeKind = master.store == SecretStoreKind::Keychain
            ? QStringLiteral("keychain")
            : QStringLiteral("file");
        for (const auto& [key, value] : { std::pair { QStringLiteral("engine_id"), state.engineId },
                 std::pair { QStringLiteral("master_key_store"), storeKind },
                 std::pair { QStringLiteral("master_key_check"),
                     QString::fromLatin1(ctx->keyWrapper->checkValue()) } }) {
            if (auto r = exec(*db, QStringLiteral("DELETE FROM meta WHERE key = ?"), { key }); !r)
                return r.error();
            if (auto r = exec(*db, QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"),
                    { key, value });
                !r)
                return r.error();
        }
        if (auto r = SettingsService(*ctx, *db).seedDefaults(); !r)
            return r.error();
        const AuditEvent e = AuditLog::event(ctx->now(), nullptr, QStringLiteral("system"),
            QStringLiteral("authority"), {}, ca->certificate().subject(),
            QStringLiteral("certificate authority created; master key in %1").arg(storeKind));
        if (auto r = AuditLog(*db, *ctx).append(e); !r)
            return r.error();
        if (auto r = tx.commit(); !r)
            return r.error();
        return std::shared_ptr<const EngineContext>(ctx);
    }

} // namespace

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
    auto promise = std::make_shared<QPromise<Result<EngineInfo>>>();
    promise->start();
    auto fail = [promise](const Error& e) {
        promise->addResult(Result<EngineInfo>(e));
        promise->finish();
    };
    auto database = std::make_shared<Database>(m_options.database);
    whenFinished(QtConcurrent::run(&m_pool, prepareStorage, database), this,
        [this, promise, fail](Result<StorageState> state) {
            if (!state)
                return fail(state.error());
            const StorageState s = *state;
            whenFinished(obtainMasterKey(this, m_options, m_options.keyFilePath, s), this,
                [this, promise, fail, s](Result<MasterKey> master) {
                    if (!master)
                        return fail(master.error());
                    const MasterKey mk = *master;
                    const EmbeddedEngineOptions options = m_options;
                    auto loading = QtConcurrent::run(
                        &m_pool, [options, s, mk] { return loadAuthority(options, s, mk); });
                    whenFinished(loading, this,
                        [this, promise, fail, s, mk](
                            Result<std::shared_ptr<const EngineContext>> ctx) {
                            if (!ctx)
                                return fail(ctx.error());
                            m_context = *ctx;
                            m_info.secretStore = mk.store;
                            m_info.secretStoreLocation = mk.location;
                            m_info.schemaVersion = s.schemaVersion;
                            m_info.caSubject = m_context->authority.certificate().subject();
                            qCInfo(lcEngine).noquote()
                                << "Engine open:" << m_info.location << "schema" << s.schemaVersion
                                << "- master key in"
                                << (mk.store == SecretStoreKind::Keychain
                                           ? QStringLiteral("the system keychain")
                                           : mk.location);
                            if (m_options.deliveryIntervalMs > 0) {
                                m_deliveryTimer = new QTimer(this);
                                m_deliveryTimer->setInterval(m_options.deliveryIntervalMs);
                                connect(m_deliveryTimer, &QTimer::timeout, this, &EmbeddedEngine::scheduleDelivery);
                // The same beat rolls back collections whose phone went away.
                connect(m_deliveryTimer, &QTimer::timeout, this, [this] {
                    whenFinished(expireCollections(), this, [](Result<int> n) {
                        if (!n)
                            qCWarning(lcEngine).noquote() << "Expiring collections:" << n.error().toLogString();
                        else if (*n > 0)
                            qCInfo(lcEngine) << "Interrupted collections rolled back:" << *n;
                    });
                });
                                m_deliveryTimer->start();
                                scheduleDelivery();
                            }
                            promise->addResult(Result<EngineInfo>(m_info));
                            promise->finish();
                        });
                });
        });
    return promise->future();
}

void EmbeddedEngine::scheduleDelivery()
{
    if (!m_deliveryTimer || m_deliveryScheduled)
        return;
    m_deliveryScheduled = true;
    QTimer::singleShot(100, this, [this] {
        m_deliveryScheduled = false;
        if (m_deliveryRunning) {
            scheduleDelivery(); // after the running pass, so nothing queued meanwhile waits a whole interval
            return;
        }
        m_deliveryRunning = true;
        whenFinished(deliverNotifications(), this, [this](Result<DeliveryReport> report) {
            m_deliveryRunning = false;
            if (!report)
                qCWarning(lcEngine).noquote() << "Notification delivery:" << report.error().toLogString();
            else if (report->sent + report->failed + report->retrying > 0)
                qCInfo(lcEngine) << "Notifications sent" << report->sent << "retrying" << report->retrying << "failed" << report->failed;
        });
    });
}

template <typename T>
QFuture<Result<T>> EmbeddedEngine::thenDeliver(QFuture<Result<T>> future)
{
    whenFinished(future, this, [this](const Result<T>& r) {
        if (r)
            scheduleDelivery();
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
        if (!ctx)
            return Error(ErrorCode::StorageFailure, QStringLiteral("the engine is not open"));
        auto db = ctx->database->connection();
        if (!db)
            return db.error();
        auto ac = AccessControl::load(*db, operatorId);
        if (!ac)
            return ac.error();
        return task(*ctx, *db, *ac);
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
        return PeopleService(ctx, db).setCardIdentifiers(ac, personId, identifiers);
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

QFuture<Result<QList<CertificateRecord>>> EmbeddedEngine::certificatesOf(
    const OperatorSession& session, qint64 deviceId)
{
    return operatorCall<QList<CertificateRecord>>(session,
        [deviceId](const EngineContext& ctx, QSqlDatabase db,
            const AccessControl& ac) -> Result<QList<CertificateRecord>> {
            if (auto d = DeviceService(ctx, db).get(ac, deviceId); !d)
                return d.error();
            return CertificateService(ctx, db).forDevice(deviceId);
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

QFuture<Result<QList<CredentialProfile>>> EmbeddedEngine::requestableProfiles(
    const OperatorSession& session, qint64 personId)
{
    return operatorCall<QList<CredentialProfile>>(session,
        [personId](const EngineContext& ctx, QSqlDatabase db,
            const AccessControl& ac) -> Result<QList<CredentialProfile>> {
            if (auto p = PeopleService(ctx, db).get(ac, personId); !p)
                return p.error();
            return ProfileService(ctx, db).requestable(ac.roleIds(), personId);
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

QFuture<Result<Device>> EmbeddedEngine::changeDevice(
    const OperatorSession& session, qint64 deviceId, const DeviceAction& action)
{
    return operatorCall<Device>(
        session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
            return DeviceService(ctx, db).change(ac, deviceId, action);
        });
}

QFuture<Result<QString>> EmbeddedEngine::unlockCode(const OperatorSession& session, qint64 deviceId, const QString& challenge)
{
    return operatorCall<QString>(session, [=](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) {
        return DeviceService(ctx, db).unlockCode(ac, deviceId, challenge);
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
    return operatorCall<QList<CredentialProfile>>(session,
        [](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) -> Result<QList<CredentialProfile>> {
            if (auto r = ac.require(Workflow::EditCredentialProfiles); !r)
                return r.error();
            return ProfileService(ctx, db).currentProfiles();
        });
}

QFuture<Result<QList<CredentialProfile>>> EmbeddedEngine::profileVersions(const OperatorSession& session, qint64 lineage)
{
    return operatorCall<QList<CredentialProfile>>(session,
        [lineage](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) -> Result<QList<CredentialProfile>> {
            if (auto r = ac.require(Workflow::EditCredentialProfiles); !r)
                return r.error();
            return ProfileService(ctx, db).versions(lineage);
        });
}

QFuture<Result<QList<CertificatePolicy>>> EmbeddedEngine::certificatePolicies(const OperatorSession& session)
{
    return operatorCall<QList<CertificatePolicy>>(session,
        [](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) -> Result<QList<CertificatePolicy>> {
            if (auto r = ac.require(Workflow::EditCredentialProfiles); !r)
                return r.error();
            return ProfileService(ctx, db).policies();
        });
}

QFuture<Result<qint64>> EmbeddedEngine::saveCredentialProfile(const OperatorSession& session, const CredentialProfile& profile)
{
    return operatorCall<qint64>(session, [profile](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) -> Result<qint64> {
        // The new version, its policies, its role rights and the audit event land together.
        Transaction tx(db, ctx.dialect());
        if (auto r = tx.begin(); !r)
            return r.error();
        auto id = ProfileService(ctx, db).saveProfile(&ac, profile);
        if (!id)
            return id;
        if (auto r = tx.commit(); !r)
            return r.error();
        return id;
    });
}

QFuture<Result<QList<Notification>>> EmbeddedEngine::notificationsOf(const OperatorSession& session, qint64 jobId)
{
    return operatorCall<QList<Notification>>(session,
        [jobId](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) -> Result<QList<Notification>> {
            const Workflow w = ac.allows(Workflow::ManageJobs) ? Workflow::ManageJobs : Workflow::RequestMobile;
            if (auto job = RequestService(ctx, db).loadInScope(ac, jobId, w); !job)
                return job.error();
            return Outbox(ctx, db).forJob(jobId);
        });
}

QFuture<Result<Notification>> EmbeddedEngine::resendNotification(const OperatorSession& session, qint64 notificationId)
{
    return thenDeliver(operatorCall<Notification>(session,
        [notificationId](const EngineContext& ctx, QSqlDatabase db, const AccessControl& ac) -> Result<Notification> {
            Transaction tx(db, ctx.dialect());
            if (auto r = tx.begin(); !r)
                return r.error();
            Outbox outbox(ctx, db);
            auto n = outbox.get(notificationId);
            if (!n)
                return n;
            if (n->jobId <= 0)
                return Error(ErrorCode::InvalidTransition, QStringLiteral("only a request's messages can be re-sent"),
                    { { QStringLiteral("operation"), QStringLiteral("resend") }, { QStringLiteral("state"), n->templateName } });
            auto job = RequestService(ctx, db).loadInScope(ac, n->jobId, Workflow::ManageJobs);
            if (!job)
                return job.error();
            // The message carries the job's current code only while the job waits for collection.
            const bool codeLive = job->status == JobStatus::AwaitingIssue && job->codeExpiresAt > ctx.now();
            if (!codeLive || n->state == QLatin1String("superseded") || n->state == QLatin1String("queued") || n->state == QLatin1String("sending"))
                return Error(ErrorCode::InvalidTransition, QStringLiteral("message %1 is %2 and its request is %3").arg(n->id).arg(n->state, jobStatusId(job->status)),
                    { { QStringLiteral("operation"), QStringLiteral("resend") }, { QStringLiteral("state"), codeLive ? n->state : jobStatusId(job->status) } });
            auto again = outbox.requeue(notificationId);
            if (!again)
                return again;
            const AuditEvent e = AuditLog::event(ctx.now(), &ac, workflowId(Workflow::ManageJobs), QStringLiteral("job"), QString::number(job->id),
                job->personName, QStringLiteral("%1 (%2) re-sent to %3").arg(n->templateName, n->channel, n->recipient));
            if (auto r = AuditLog(db, ctx).append(e); !r)
                return r.error();
            if (auto r = tx.commit(); !r)
                return r.error();
            return again;
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

QFuture<Result<QList<AuditEvent>>> EmbeddedEngine::audit(
    const OperatorSession& session, const AuditQuery& query)
{
    return operatorCall<QList<AuditEvent>>(session,
        [query](const EngineContext& ctx, QSqlDatabase db,
            const AccessControl& ac) -> Result<QList<AuditEvent>> {
            if (auto r = ac.require(Workflow::ViewAudit); !r)
                return r.error();
            const bool scoped = ac.scopeFor(Workflow::ViewAudit) != Scope::All;
            QList<qint64> people;
            if (scoped) {
                QVariantList binds;
                const QString where = ac.scopeCondition(Workflow::ViewAudit, &binds);
                auto q
                    = exec(db, QStringLiteral("SELECT p.id FROM people p WHERE ") + where, binds);
                if (!q)
                    return q.error();
                while (q->next())
                    people.append(q->value(0).toLongLong());
            }
            return AuditLog(db, ctx).find(query, people, scoped);
        });
}

QFuture<Result<AuditVerification>> EmbeddedEngine::verifyAudit(const OperatorSession& session)
{
    return operatorCall<AuditVerification>(session,
        [](const EngineContext& ctx, QSqlDatabase db,
            const AccessControl& ac) -> Result<AuditVerification> {
            if (auto r = ac.require(Workflow::ViewAudit); !r)
                return r.error();
            return AuditLog(db, ctx).verify();
        });
}

QFuture<Result<QByteArray>> EmbeddedEngine::certificateRevocationList()
{
    return runPublicTask<QByteArray>([](const EngineContext& ctx, QSqlDatabase db) -> Result<QByteArray> {
        auto settings = SettingsService(ctx, db).load();
        if (!settings)
            return settings.error();
        return CertificateService(ctx, db).crl(settings->integer(SettingKey::CrlValidityHours));
    });
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

} // namespace lanyard
