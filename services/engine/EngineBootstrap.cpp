#include "EngineBootstrap.h"

#include "AuditLog.h"
#include "CertificateService.h"
#include "SettingsService.h"
#include "core/WhenFinished.h"
#include "pki/SecureRandom.h"
#include "secrets/Keychain.h"
#include "secrets/MasterKeyFile.h"
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "storage/Transaction.h"

#include <QLoggingCategory>
#include <QPromise>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

namespace lanyard {

namespace {
Q_LOGGING_CATEGORY(lcBootstrap, "lanyard.engine")


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
    return row && !row->isEmpty() ? row->value("value").toString() : QString();
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
    const QString name = EngineBootstrap::keychainEntry(state.engineId);
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
            qCInfo(lcBootstrap).noquote()
                << QStringLiteral("The master key is stored in %1 (mode 0600), as asked.")
                       .arg(keyFile);
        else
            qCWarning(lcBootstrap).noquote() << QStringLiteral(
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
        qCInfo(lcBootstrap) << "audit chain keyed:" << legacy->checked << "rows re-chained; the unkeyed chain was" << (legacy->intact ? "intact" : "broken");
    }
    auto hashed = CertificateService(ctx, db).backfillPublicKeyHashes();
    if (!hashed)
        return hashed.error();
    return tx.commit();
}

// The delegated OCSP responder's identity: short-lived (it carries id-pkix-ocsp-nocheck, so
// nobody can ask whether it was revoked), made again at a start when less than a month is
// left. `stored` is its certificate and wrapped key when there is one.
Result<void> ensureOcspSigner(EngineContext& ctx, const QSqlDatabase& db, const QPair<QByteArray, QByteArray>* stored)
{
    static const QString kind = QStringLiteral("ocsp-signing");
    if (stored) {
        auto cert = Certificate::fromPem(stored->first);
        auto pem = cert ? ctx.keyWrapper->unwrap(stored->second, kind.toUtf8()) : Result<QByteArray>(cert.error());
        auto key = pem ? PrivateKey::fromPem(*pem) : Result<PrivateKey>(pem.error());
        if (!key)
            return key.error();
        if (cert->notAfter() > ctx.now().addDays(30) && cert->verifiedBy({ ctx.authority.certificate() }, ctx.now())) {
            ctx.ocspSigningCertificate = *cert;
            ctx.ocspSigningKey = *key;
            return {};
        }
    }
    auto key = PrivateKey::generate(KeyAlgorithm::EcP256);
    if (!key)
        return key.error();
    IssuanceParameters p;
    p.subject = { { QStringLiteral("CN"), QStringLiteral("Lanyard OCSP Responder ") + ctx.engineId.left(8) }, { QStringLiteral("O"), QStringLiteral("Lanyard") } };
    p.notBefore = ctx.now().addSecs(-300);
    p.validityDays = 365;
    p.keyUsage = QStringLiteral("digitalSignature");
    p.extendedKeyUsage = QStringLiteral("1.3.6.1.5.5.7.3.9"); // id-kp-OCSPSigning
    p.ocspNoCheck = true;
    p.allowedAlgorithms = { KeyAlgorithm::EcP256 };
    auto cert = ctx.authority.issueForKey(*key, p);
    if (!cert)
        return cert.error();
    auto wrapped = ctx.keyWrapper->wrap(key->toPem(), kind.toUtf8());
    if (!wrapped)
        return wrapped.error();
    // Servers sharing one database may start together: the last one's is kept, and each signs
    // with its own, which the CA issued all the same.
    if (auto r = exec(db,
            QStringLiteral("INSERT INTO authorities (kind, cert_pem, key_wrapped) VALUES (?, ?, ?) "
                           "ON CONFLICT (kind) DO UPDATE SET cert_pem = excluded.cert_pem, key_wrapped = excluded.key_wrapped"),
            { kind, QString::fromLatin1(cert->toPem()), *wrapped });
        !r)
        return r.error();
    ctx.ocspSigningCertificate = *cert;
    ctx.ocspSigningKey = *key;
    qCInfo(lcBootstrap) << "OCSP responder certificate made, valid until" << cert->notAfter().toString(Qt::ISODate);
    return {};
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
    const SqlRow authority(*rows);
    while (rows->next())
        stored.insert(authority.value("kind").toString(),
            { authority.value("cert_pem").toByteArray(), authority.value("key_wrapped").toByteArray() });
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
        const auto ocsp = stored.constFind(QStringLiteral("ocsp-signing"));
        if (auto r = ensureOcspSigner(*ctx, *db, ocsp == stored.cend() ? nullptr : &ocsp.value()); !r)
            return r.error();
        return std::shared_ptr<const EngineContext>(ctx);
    }
    // First start: make the CA and the content-signing identity, and record the key's home.
    Transaction tx(*db, state.database->dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    const DistinguishedName caName = !options.caSubject.isEmpty()
        ? options.caSubject
        : DistinguishedName { { QStringLiteral("CN"), options.caCommonName + QLatin1Char(' ') + state.engineId.left(8) },
              { QStringLiteral("O"), QStringLiteral("Lanyard") } };
    auto ca = CertificateAuthority::createRoot(caName, options.caKeyAlgorithm, options.caValidityDays);
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
    if (auto r = ensureOcspSigner(*ctx, *db, nullptr); !r)
        return r.error();
    return std::shared_ptr<const EngineContext>(ctx);
}


// One start in progress: each step is a function of its own that hands the next one its
// result, so the chain reads top to bottom instead of nesting.
struct Start : std::enable_shared_from_this<Start> {
    EmbeddedEngineOptions options;
    QThreadPool* workers = nullptr;
    QObject* context = nullptr;
    QPromise<Result<OpenedEngine>> promise;
    StorageState storage;
    MasterKey master;

    void fail(const Error& error)
    {
        promise.addResult(Result<OpenedEngine>(error));
        promise.finish();
    }

    void run()
    {
        auto database = std::make_shared<Database>(options.database);
        whenFinished(QtConcurrent::run(workers, prepareStorage, database), context, [self = shared_from_this()](Result<StorageState> state) { self->storagePrepared(std::move(state)); });
    }

    void storagePrepared(Result<StorageState> state)
    {
        if (!state)
            return fail(state.error());
        storage = *state;
        whenFinished(obtainMasterKey(context, options, options.keyFilePath, storage), context, [self = shared_from_this()](Result<MasterKey> key) { self->keyObtained(std::move(key)); });
    }

    void keyObtained(Result<MasterKey> key)
    {
        if (!key)
            return fail(key.error());
        master = *key;
        auto loading = QtConcurrent::run(workers, [options = options, storage = storage, master = master] { return loadAuthority(options, storage, master); });
        whenFinished(loading, context, [self = shared_from_this()](Result<std::shared_ptr<const EngineContext>> ctx) { self->authorityLoaded(std::move(ctx)); });
    }

    void authorityLoaded(Result<std::shared_ptr<const EngineContext>> ctx)
    {
        if (!ctx)
            return fail(ctx.error());
        promise.addResult(Result<OpenedEngine>(OpenedEngine { *ctx, master.store, master.location, storage.schemaVersion }));
        promise.finish();
    }
};
} // namespace

QFuture<Result<OpenedEngine>> EngineBootstrap::start(const EmbeddedEngineOptions& options, QThreadPool* workers, QObject* context)
{
    auto start = std::make_shared<Start>();
    start->options = options;
    start->workers = workers;
    start->context = context;
    start->promise.start();
    auto future = start->promise.future();
    start->run();
    return future;
}

QString EngineBootstrap::keychainEntry(const QString& engineId)
{
    return QStringLiteral("master-key/") + engineId;
}

} // namespace lanyard
