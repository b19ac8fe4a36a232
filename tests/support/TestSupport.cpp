#include "TestSupport.h"

#include "engine/PeopleService.h"
#include "engine/ProfileService.h"
#include "pki/CertificateRequest.h"
#include "pki/PrivateKey.h"
#include "storage/Database.h"

#include <QFile>

#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

namespace lanyard::test {

ProcessOutput run(const QString& program, const QStringList& args, const QByteArray& input, int timeoutMs)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return { -1, {}, QByteArray("cannot start ") + program.toUtf8() };
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return { -1, p.readAllStandardOutput(), QByteArray("timed out") };
    }
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError() };
}

QByteArray makeCsr(KeyAlgorithm alg, const QString& cn)
{
    auto key = PrivateKey::generate(alg);
    if (!key)
        qFatal("key generation failed");
    auto csr = CertificateRequest::create(*key, cn);
    if (!csr)
        qFatal("csr failed");
    return *csr;
}

QByteArray makeCsrForCurve(const char* curve)
{
    auto csr = CertificateRequest::create(PrivateKey::adopt(EVP_EC_gen(curve)), QStringLiteral("curve"));
    return csr ? *csr : QByteArray();
}

QByteArray makeRsaCsr(int bits)
{
    auto csr = CertificateRequest::create(PrivateKey::adopt(EVP_RSA_gen(unsigned(bits))), QStringLiteral("rsa"));
    return csr ? *csr : QByteArray();
}

EngineFixture::EngineFixture()
    : m_now(std::make_shared<std::atomic<qint64>>(QDateTime::currentMSecsSinceEpoch()))
{
}

EngineFixture::~EngineFixture()
{
    m_engine.reset();
}

void EngineFixture::discard()
{
    m_engine.reset();
    for (const char* suffix : { "", "-wal", "-shm", ".key" })
        QFile::remove(databasePath() + QLatin1String(suffix));
}

EmbeddedEngineOptions EngineFixture::options() const
{
    EmbeddedEngineOptions o;
    o.database = DatabaseConfig::sqlite(databasePath());
    o.keyStore = EmbeddedEngineOptions::KeyStore::FileOnly;
    auto now = m_now;
    o.clock = [now] { return QDateTime::fromMSecsSinceEpoch(*now, Qt::UTC); };
    o.workerThreads = 3;
    o.deliveryIntervalMs = 0; // tests deliver when they choose, against their own clock
    o.directoryCheckIntervalMs = 0; // and sync the directory when they choose
    return o;
}

EngineInfo EngineFixture::open(EmbeddedEngineOptions options)
{
    m_engine = std::make_unique<EmbeddedEngine>(options);
    auto info = await(m_engine->open());
    if (!info)
        qFatal("engine did not open: %s", qPrintable(info.error().toLogString()));
    return *info;
}

DemoSummary EngineFixture::seedDemo(int people, int devices)
{
    auto r = await(m_engine->runTask<DemoSummary>([people, devices](const EngineContext& ctx, QSqlDatabase db) {
        DemoOptions o;
        o.people = people;
        o.issuedDevices = devices;
        return DemoDataGenerator(ctx, db).generate(o);
    }));
    if (!r)
        qFatal("demo data failed: %s", qPrintable(r.error().toLogString()));
    return *r;
}

OperatorSession EngineFixture::logon(const QString& logonName, const QString& password)
{
    auto s = await(m_engine->logon(logonName, password));
    if (!s)
        qFatal("logon %s failed: %s", qPrintable(logonName), qPrintable(s.error().toLogString()));
    return *s;
}

qint64 EngineFixture::createOperator(const QString& logonName, const QString& group, Scope scope, const QList<Workflow>& workflows)
{
    auto r = await(m_engine->runTask<qint64>([=](const EngineContext& ctx, QSqlDatabase db) -> Result<qint64> {
        PeopleService people(ctx, db);
        Role role;
        role.name = logonName + QStringLiteral(" role");
        role.scope = scope;
        role.workflows = workflows;
        auto roleId = people.createRole(role);
        if (!roleId)
            return roleId.error();
        Person p;
        p.logonName = logonName;
        p.fullName = logonName + QStringLiteral(" Operator");
        p.group = group;
        p.email = logonName + QStringLiteral("@example.test");
        p.userPrincipalName = logonName + QStringLiteral("@corp.example.test");
        auto id = people.createPerson(p, QStringLiteral("pw"));
        if (!id)
            return id.error();
        if (auto a = people.assignRole(*id, *roleId); !a)
            return a.error();
        return *id;
    }));
    if (!r)
        qFatal("createOperator failed: %s", qPrintable(r.error().toLogString()));
    return *r;
}

bool EngineFixture::configure(const OperatorSession& op, const QMap<QString, QString>& values, QString* error)
{
    auto s = await(m_engine->settings(op));
    if (s.ok()) {
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            s->set(it.key(), it.value());
        auto saved = await(m_engine->saveSettings(op, *s));
        if (saved.ok())
            return true;
        if (error)
            *error = saved.error().toLogString();
        return false;
    }
    if (error)
        *error = s.error().toLogString();
    return false;
}

QVariant EngineFixture::scalar(const QString& sql, const QVariantList& values)
{
    auto r = await(m_engine->runTask<QVariant>([sql, values](const EngineContext&, QSqlDatabase db) -> Result<QVariant> {
        return fetchValue(db, sql, values);
    }));
    if (!r)
        qFatal("scalar failed: %s", qPrintable(r.error().toLogString()));
    return *r;
}

void EngineFixture::execSql(const QString& sql, const QVariantList& values)
{
    auto r = await(m_engine->runTask<bool>([sql, values](const EngineContext&, QSqlDatabase db) -> Result<bool> {
        auto q = exec(db, sql, values);
        if (!q)
            return q.error();
        return true;
    }));
    if (!r)
        qFatal("execSql failed: %s", qPrintable(r.error().toLogString()));
}

qint64 EngineFixture::personIdByLogon(const QString& logonName)
{
    return scalar(QStringLiteral("SELECT id FROM people WHERE logon_name = ?"), { logonName }).toLongLong();
}

qint64 EngineFixture::firstPersonInGroup(const QString& group, qint64 notId)
{
    return scalar(QStringLiteral("SELECT MIN(id) FROM people WHERE group_name = ? AND id <> ?"), { group, notId }).toLongLong();
}

qint64 EngineFixture::profileIdByName(const QString& name)
{
    return scalar(QStringLiteral("SELECT id FROM profiles WHERE name = ? AND is_current = 1"), { name }).toLongLong();
}

qint64 EngineFixture::firstDeviceId()
{
    return scalar(QStringLiteral("SELECT MIN(id) FROM devices")).toLongLong();
}

Device EngineFixture::collect(const IssuedRequest& request, KeyAlgorithm alg)
{
    CollectionStart start { request.job.collectionToken, request.code, {} };
    start.device.hardwareSerial = QStringLiteral("TEST-PHONE");
    start.device.platform = QStringLiteral("Android");
    start.device.model = QStringLiteral("Test");
    auto session = await(m_engine->startCollection(start));
    if (!session)
        qFatal("collection refused: %s", qPrintable(session.error().toLogString()));
    CollectionSubmission submission;
    submission.sessionId = session->id;
    for (const RequestedCertificate& c : session->certificates)
        submission.requests << (c.serverKey ? QByteArray() : makeCsr(alg));
    if (session->needsTransportKey) {
        auto transport = PrivateKey::generate(KeyAlgorithm::Rsa2048);
        if (!transport)
            qFatal("no transport key");
        submission.transportKey = transport->publicKeyDer();
    }
    auto bundle = await(m_engine->submitCollection(submission));
    if (!bundle)
        qFatal("issuance failed: %s", qPrintable(bundle.error().toLogString()));
    auto device = await(m_engine->confirmCollection(session->id));
    if (!device)
        qFatal("confirmation failed: %s", qPrintable(device.error().toLogString()));
    return *device;
}

} // namespace lanyard::test
