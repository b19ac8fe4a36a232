#include "TestSupport.h"
#include "remote/ApiServer.h"
#include "remote/OperatorOperations.h"
#include "remote/RemoteEngine.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>

#include <any>

using namespace lanyard;
using namespace lanyard::test;

namespace {

template <typename T>
struct IsList : std::false_type {};
template <typename T>
struct IsList<QList<T>> : std::true_type {};

// What the recording engine answers: a value of the type, so that the answer's way back is
// checked too (a list holds two items, so an item codec is run).
template <typename T>
Result<T> sampleAnswer()
{
    if constexpr (std::is_void_v<T>)
        return {};
    else if constexpr (std::is_same_v<T, qint64>)
        return qint64(4242);
    else if constexpr (std::is_same_v<T, QString>)
        return QStringLiteral("Antwort-\u00e4");
    else if constexpr (std::is_same_v<T, VscUnblockChallenge>)
        return VscUnblockChallenge { 5, QStringLiteral("VSC-0005"), QStringLiteral("1234 5678 9ABC DEF0"), QDateTime(QDate(2027, 2, 3), QTime(4, 5, 6, 7), Qt::UTC) };
    else if constexpr (std::is_same_v<T, DeviceChange>) {
        // A replacement with its code, the messages sent and a problem: every part travels.
        DeviceChange c;
        c.device.id = 7;
        c.device.state = DeviceState::Canceled;
        IssuedRequest r;
        r.job.id = 9;
        r.job.type = JobType::Replacement;
        r.code = QStringLiteral("1234 5678");
        r.collectionUrl = QStringLiteral("https://collect.example.test/c/abc");
        Notification n;
        n.id = 3;
        n.jobId = 9;
        n.channel = QStringLiteral("email");
        n.recipient = QStringLiteral("rosie@example.test");
        n.templateName = QStringLiteral("collection-link");
        n.state = QStringLiteral("queued");
        r.notifications = { n };
        c.replacement = r;
        c.replacementProblem = Error(ErrorCode::NoContactDetails, QStringLiteral("no address"), { { QStringLiteral("channel"), QStringLiteral("sms") } });
        return c;
    } else if constexpr (IsList<T>::value)
        return T { typename T::value_type {}, typename T::value_type {} };
    else
        return T {};
}

// Sessions and logon are the real embedded engine's; every operator operation only records
// the arguments that arrived and answers a sample.
class RecordingEngine : public EmbeddedEngine {
public:
    using EmbeddedEngine::EmbeddedEngine;

    QMap<QString, std::any> received;
    int calls = 0;

    template <auto Method, typename... A>
    auto record(const OperatorSession&, const A&... args)
    {
        using Op = std::remove_cvref_t<decltype(wire::operatorOperation<Method>())>;
        received.insert(QLatin1String(wire::operatorOperation<Method>().name), std::any(typename Op::Arguments { args... }));
        ++calls;
        return QtFuture::makeReadyFuture(sampleAnswer<typename Op::Value>());
    }

    QFuture<Result<QList<Workflow>>> workflows(const OperatorSession& session) override { return record<&Engine::workflows>(session); }
    QFuture<Result<PersonPage>> findPeople(const OperatorSession& session, const PersonQuery& query) override { return record<&Engine::findPeople>(session, query); }
    QFuture<Result<Person>> person(const OperatorSession& session, qint64 personId) override { return record<&Engine::person>(session, personId); }
    QFuture<Result<Person>> setCardIdentifiers(const OperatorSession& session, qint64 personId, const CardIdentifiers& identifiers) override { return record<&Engine::setCardIdentifiers>(session, personId, identifiers); }
    QFuture<Result<Person>> addPerson(const OperatorSession& session, const PersonDetails& details) override { return record<&Engine::addPerson>(session, details); }
    QFuture<Result<Person>> editPerson(const OperatorSession& session, qint64 personId, const PersonDetails& details) override { return record<&Engine::editPerson>(session, personId, details); }
    QFuture<Result<Person>> setAccountEnabled(const OperatorSession& session, qint64 personId, bool enabled, const QString& reason, bool devicesToo) override { return record<&Engine::setAccountEnabled>(session, personId, enabled, reason, devicesToo); }
    QFuture<Result<Person>> setPersonRoles(const OperatorSession& session, qint64 personId, const QList<qint64>& roleIds) override { return record<&Engine::setPersonRoles>(session, personId, roleIds); }
    QFuture<Result<void>> removePerson(const OperatorSession& session, qint64 personId, const QString& reason) override { return record<&Engine::removePerson>(session, personId, reason); }
    QFuture<Result<QList<ImportOutcome>>> importPeople(const OperatorSession& session, const PeopleImportBatch& batch) override { return record<&Engine::importPeople>(session, batch); }
    QFuture<Result<QList<Device>>> devicesOf(const OperatorSession& session, qint64 personId) override { return record<&Engine::devicesOf>(session, personId); }
    QFuture<Result<Device>> device(const OperatorSession& session, qint64 deviceId) override { return record<&Engine::device>(session, deviceId); }
    QFuture<Result<QList<CertificateRecord>>> certificatesOf(const OperatorSession& session, qint64 deviceId) override { return record<&Engine::certificatesOf>(session, deviceId); }
    QFuture<Result<QList<Job>>> jobsOf(const OperatorSession& session, qint64 personId) override { return record<&Engine::jobsOf>(session, personId); }
    QFuture<Result<QList<Device>>> findDevices(const OperatorSession& session, const QString& text) override { return record<&Engine::findDevices>(session, text); }
    QFuture<Result<QList<Job>>> findJobs(const OperatorSession& session, const JobQuery& query) override { return record<&Engine::findJobs>(session, query); }
    QFuture<Result<Job>> cancelJob(const OperatorSession& session, qint64 jobId, const QString& reason) override { return record<&Engine::cancelJob>(session, jobId, reason); }
    QFuture<Result<QList<CredentialProfile>>> requestableProfiles(const OperatorSession& session, qint64 personId) override { return record<&Engine::requestableProfiles>(session, personId); }
    QFuture<Result<IssuedRequest>> requestCredential(const OperatorSession& session, qint64 personId, qint64 profileId, bool showCode, const QString& targetComputer) override { return record<&Engine::requestCredential>(session, personId, profileId, showCode, targetComputer); }
    QFuture<Result<QList<BatchOutcome>>> requestCredentials(const OperatorSession& session, const QList<qint64>& personIds, qint64 profileId) override { return record<&Engine::requestCredentials>(session, personIds, profileId); }
    QFuture<Result<IssuedRequest>> validateRequest(const OperatorSession& session, qint64 jobId, bool approve, bool showCode) override { return record<&Engine::validateRequest>(session, jobId, approve, showCode); }
    QFuture<Result<IssuedRequest>> regenerateCode(const OperatorSession& session, qint64 jobId, bool showCode) override { return record<&Engine::regenerateCode>(session, jobId, showCode); }
    QFuture<Result<IssuedRequest>> requestRenewal(const OperatorSession& session, qint64 deviceId, bool update, bool showCode) override { return record<&Engine::requestRenewal>(session, deviceId, update, showCode); }
    QFuture<Result<DeviceChange>> changeDevice(const OperatorSession& session, qint64 deviceId, const DeviceAction& action) override { return record<&Engine::changeDevice>(session, deviceId, action); }
    QFuture<Result<QString>> unlockCode(const OperatorSession& session, qint64 deviceId, const QString& challenge, const QStringList& answers) override { return record<&Engine::unlockCode>(session, deviceId, challenge, answers); }
    QFuture<Result<DeviceChange>> reportIncident(const OperatorSession& session, qint64 deviceId, const DeviceAction& report) override { return record<&Engine::reportIncident>(session, deviceId, report); }
    QFuture<Result<QStringList>> securityQuestions(const OperatorSession& session, qint64 personId) override { return record<&Engine::securityQuestions>(session, personId); }
    QFuture<Result<void>> setSecurityQuestions(const OperatorSession& session, const QStringList& questions, const QStringList& answers) override { return record<&Engine::setSecurityQuestions>(session, questions, answers); }
    QFuture<Result<QList<Job>>> lockJobs(const OperatorSession& session, qint64 deviceId) override { return record<&Engine::lockJobs>(session, deviceId); }
    QFuture<Result<QList<Timezone>>> timezones(const OperatorSession& session) override { return record<&Engine::timezones>(session); }
    QFuture<Result<Job>> requestPinLock(const OperatorSession& session, qint64 deviceId, const LockSchedule& when, const QString& reason) override { return record<&Engine::requestPinLock>(session, deviceId, when, reason); }
    QFuture<Result<Job>> updatePinLock(const OperatorSession& session, qint64 deviceId, const LockSchedule& when, const QString& reason) override { return record<&Engine::updatePinLock>(session, deviceId, when, reason); }
    QFuture<Result<Job>> cancelPinLock(const OperatorSession& session, qint64 deviceId, const QString& reason) override { return record<&Engine::cancelPinLock>(session, deviceId, reason); }
    QFuture<Result<TemporaryAccess>> temporaryUnlock(const OperatorSession& session, qint64 deviceId, const QString& challenge, int hours, const QString& reason) override { return record<&Engine::temporaryUnlock>(session, deviceId, challenge, hours, reason); }
    QFuture<Result<QList<VscLockTask>>> dueLockJobs(const OperatorSession& session, const QString& dnsName) override { return record<&Engine::dueLockJobs>(session, dnsName); }
    QFuture<Result<Job>> reportLockJob(const OperatorSession& session, const VscLockOutcome& outcome) override { return record<&Engine::reportLockJob>(session, outcome); }
    QFuture<Result<VscUnblockChallenge>> vscUnblockChallenge(const OperatorSession& session, const QByteArray& cardCertificate) override { return record<&Engine::vscUnblockChallenge>(session, cardCertificate); }
    QFuture<Result<QString>> releaseHeldPuk(const OperatorSession& session, qint64 deviceId, const QString& response) override { return record<&Engine::releaseHeldPuk>(session, deviceId, response); }
    QFuture<Result<ParentCardCheck>> checkParentCard(const OperatorSession& session, const ParentCard& card) override { return record<&Engine::checkParentCard>(session, card); }
    QFuture<Result<IssuedRequest>> requestDerivedCredential(const OperatorSession& session, const ParentCard& card, const QByteArray& challenge, const QByteArray& signature) override { return record<&Engine::requestDerivedCredential>(session, card, challenge, signature); }
    QFuture<Result<ParentTrustReport>> endParentCardTrust(const OperatorSession& session, const ParentTrustEnd& what) override { return record<&Engine::endParentCardTrust>(session, what); }
    QFuture<Result<QList<RegisteredHardware>>> hardware(const OperatorSession& session) override { return record<&Engine::hardware>(session); }
    QFuture<Result<qint64>> addHardware(const OperatorSession& session, const RegisteredHardware& hardware) override { return record<&Engine::addHardware>(session, hardware); }
    QFuture<Result<void>> deactivateHardware(const OperatorSession& session, qint64 id) override { return record<&Engine::deactivateHardware>(session, id); }
    QFuture<Result<QList<Role>>> roles(const OperatorSession& session) override { return record<&Engine::roles>(session); }
    QFuture<Result<qint64>> saveRole(const OperatorSession& session, const Role& role) override { return record<&Engine::saveRole>(session, role); }
    QFuture<Result<QList<CredentialProfile>>> credentialProfiles(const OperatorSession& session) override { return record<&Engine::credentialProfiles>(session); }
    QFuture<Result<QList<CredentialProfile>>> profileVersions(const OperatorSession& session, qint64 lineage) override { return record<&Engine::profileVersions>(session, lineage); }
    QFuture<Result<QList<CertificatePolicy>>> certificatePolicies(const OperatorSession& session) override { return record<&Engine::certificatePolicies>(session); }
    QFuture<Result<QList<CertificatePolicy>>> certificatePolicyVersions(const OperatorSession& session, qint64 policyId) override { return record<&Engine::certificatePolicyVersions>(session, policyId); }
    QFuture<Result<qint64>> saveCertificatePolicy(const OperatorSession& session, const CertificatePolicy& policy) override { return record<&Engine::saveCertificatePolicy>(session, policy); }
    QFuture<Result<CertificatePolicyExample>> certificatePolicyExample(const OperatorSession& session, const CertificatePolicy& policy, qint64 personId) override { return record<&Engine::certificatePolicyExample>(session, policy, personId); }
    QFuture<Result<qint64>> saveCredentialProfile(const OperatorSession& session, const CredentialProfile& profile) override { return record<&Engine::saveCredentialProfile>(session, profile); }
    QFuture<Result<QList<Notification>>> notificationsOf(const OperatorSession& session, qint64 jobId) override { return record<&Engine::notificationsOf>(session, jobId); }
    QFuture<Result<Notification>> resendNotification(const OperatorSession& session, qint64 notificationId) override { return record<&Engine::resendNotification>(session, notificationId); }
    QFuture<Result<QList<MessageTemplate>>> messageTemplates(const OperatorSession& session) override { return record<&Engine::messageTemplates>(session); }
    QFuture<Result<void>> saveMessageTemplate(const OperatorSession& session, const MessageTemplate& messageTemplate) override { return record<&Engine::saveMessageTemplate>(session, messageTemplate); }
    QFuture<Result<Settings>> settings(const OperatorSession& session) override { return record<&Engine::settings>(session); }
    QFuture<Result<void>> saveSettings(const OperatorSession& session, const Settings& settings) override { return record<&Engine::saveSettings>(session, settings); }
    QFuture<Result<DirectoryConfig>> directoryConfig(const OperatorSession& session) override { return record<&Engine::directoryConfig>(session); }
    QFuture<Result<void>> saveDirectoryConfig(const OperatorSession& session, const DirectoryConfig& config) override { return record<&Engine::saveDirectoryConfig>(session, config); }
    QFuture<Result<DirectoryProbe>> testDirectory(const OperatorSession& session, const DirectoryConfig& config) override { return record<&Engine::testDirectory>(session, config); }
    QFuture<Result<DirectorySyncReport>> syncDirectory(const OperatorSession& session, bool full) override { return record<&Engine::syncDirectory>(session, full); }
    QFuture<Result<QList<DirectorySyncReport>>> directorySyncs(const OperatorSession& session) override { return record<&Engine::directorySyncs>(session); }
    QFuture<Result<QList<AuditEvent>>> audit(const OperatorSession& session, const AuditQuery& query) override { return record<&Engine::audit>(session, query); }
    QFuture<Result<AuditVerification>> verifyAudit(const OperatorSession& session) override { return record<&Engine::verifyAudit>(session); }
};

// Argument values that differ from every default, so a field dropped on the way shows.
struct Samples {
    CredentialProfile profile;
    MessageTemplate messageTemplate;
    Settings settings;
};

PersonQuery sample(std::type_identity<PersonQuery>, const Samples&)
{
    return { QStringLiteral("Rosie M\u00fc"), 3, 7 };
}
CardIdentifiers sample(std::type_identity<CardIdentifiers>, const Samples&)
{
    return { QStringLiteral("1234 5678 9012 3456 7890 1234 5678 9012"), QStringLiteral("{A0B1C2D3-0000-1111-2222-333344445555}") };
}
PersonDetails sample(std::type_identity<PersonDetails>, const Samples&)
{
    return { QStringLiteral("rm\u00fcller"), QStringLiteral("Rosie M\u00fcller"), QStringLiteral("rosie@example.test"), QStringLiteral("+44 7700 900123"),
        QStringLiteral("rm@corp.example"), QStringLiteral("Sales"), QStringLiteral("E-1001"), QStringLiteral("1234"), QStringLiteral("{abc}") };
}
PeopleImportBatch sample(std::type_identity<PeopleImportBatch>, const Samples& s)
{
    PeopleImportBatch b;
    b.fields = { QStringLiteral("logonName"), QStringLiteral("mobile") };
    b.rows = { { 2, sample(std::type_identity<PersonDetails> {}, s) }, { 7, PersonDetails { QStringLiteral("x"), {}, {}, {}, {}, {}, {}, {}, {} } } };
    b.roleForNew = 5;
    b.dryRun = true;
    return b;
}
JobQuery sample(std::type_identity<JobQuery>, const Samples&)
{
    return { { JobStatus::Completed, JobStatus::Failed }, 9, QStringLiteral("lew"), 2, 20 };
}
DeviceAction sample(std::type_identity<DeviceAction>, const Samples&)
{
    return { DeviceOperation::Cancel, RevocationReason::KeyCompromise, QStringLiteral("lost on a train"), QStringLiteral("ticket 77"), true };
}
LockSchedule sample(std::type_identity<LockSchedule>, const Samples&)
{
    return { false, QDate(2027, 1, 2), QTime(13, 45), QStringLiteral("+5.5") };
}
VscLockOutcome sample(std::type_identity<VscLockOutcome>, const Samples&)
{
    return { 77, false, QStringLiteral("card not in the reader") };
}
ParentCard sample(std::type_identity<ParentCard>, const Samples&)
{
    return { QByteArray("\x30\x82\x00\xff\x01", 5), QByteArray("\x53\x00\x7f", 3) };
}
ParentTrustEnd sample(std::type_identity<ParentTrustEnd>, const Samples&)
{
    return { QStringLiteral("ab12cd"), 31, QStringLiteral("card revoked by its issuer") };
}
RegisteredHardware sample(std::type_identity<RegisteredHardware>, const Samples&)
{
    return { 3, HardwareKind::Computer, QStringLiteral("pc-17.example.org"), 2, QStringLiteral("desk 4"), false, QStringLiteral("rmurphy") };
}
Role sample(std::type_identity<Role>, const Samples&)
{
    Role r;
    r.id = 4;
    r.name = QStringLiteral("Night desk");
    r.scope = Scope::Group;
    r.workflows = { Workflow::FindPerson, Workflow::UnlockCredential };
    return r;
}
AuditQuery sample(std::type_identity<AuditQuery>, const Samples&)
{
    const QDateTime from = QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7, 890), Qt::UTC);
    return { 1, 2, 3, QStringLiteral("cancel-device"), QStringLiteral("pc-17"), from, from.addDays(2), 10, 30 };
}
CertificatePolicy sample(std::type_identity<CertificatePolicy>, const Samples&)
{
    CertificatePolicy p;
    p.id = 12;
    p.version = 3;
    p.versionId = 41;
    p.isCurrent = false;
    p.createdAt = QDateTime(QDate(2026, 5, 6), QTime(7, 8, 9, 120), Qt::UTC);
    p.name = QStringLiteral("Signatur \u00e4");
    p.keyAlgorithms = { KeyAlgorithm::Rsa3072 };
    p.validityDays = 730;
    p.keyUsage = QStringLiteral("keyEncipherment");
    p.extendedKeyUsage = QStringLiteral("emailProtection,2.16.840.1.101.3.6.7");
    p.dnTemplate = QStringLiteral("CN=[[People.FullName]],O=Beispiel");
    p.sanEmail = true;
    p.sanUpn = true;
    p.sanFascn = true;
    p.sanCardUuid = true;
    p.archiveKeys = true;
    return p;
}
CredentialProfile sample(std::type_identity<CredentialProfile>, const Samples& s)
{
    return s.profile;
}
MessageTemplate sample(std::type_identity<MessageTemplate>, const Samples& s)
{
    return s.messageTemplate;
}
DirectoryConfig sample(std::type_identity<DirectoryConfig>, const Samples&)
{
    DirectoryConfig c = DirectoryConfig::defaultsFor(DirectoryConfig::Kind::ActiveDirectory);
    c.enabled = true;
    c.url = QStringLiteral("ldap://dc1.corp.example:3268");
    c.startTls = true;
    c.caFile = QStringLiteral("/etc/ssl/corp-ca.pem");
    c.bindDn = QStringLiteral("CN=Lanyard Sync,OU=Service,DC=corp,DC=example");
    c.bindPassword = QStringLiteral("päss word");
    c.baseDn = QStringLiteral("OU=Staff,DC=corp,DC=example");
    c.pageSize = 321;
    c.attributes.remove(QStringLiteral("group"));
    c.disabledBy = DirectoryConfig::DisabledBy::Attribute;
    c.disabledAttribute = QStringLiteral("employeeType");
    c.disabledValue = QStringLiteral("leaver");
    c.intervalMinutes = 17;
    c.groupRoles = { { QStringLiteral("CN=Helpdesk,OU=Groups,DC=corp,DC=example"), 4 }, { QStringLiteral("CN=Admins,OU=Groups,DC=corp,DC=example"), 9 } };
    return c;
}

Settings sample(std::type_identity<Settings>, const Samples& s)
{
    return s.settings;
}

qint64 sampleFor(const wire::Id&, int position, const Samples&)
{
    return 1000 + position;
}
bool sampleFor(const wire::Flag&, int position, const Samples&)
{
    return position % 2 == 1;
}
QString sampleFor(const wire::Text& t, int position, const Samples&)
{
    return QStringLiteral("\u00e9t\u00e9 %1 %2").arg(QLatin1String(t.name)).arg(position).left(t.maxLength);
}
QStringList sampleFor(const wire::Texts& t, int position, const Samples&)
{
    return { QStringLiteral("\u00e9t\u00e9 %1").arg(position), QStringLiteral("  spaced  "), QString(t.maxLength, QLatin1Char('x')) };
}
QList<qint64> sampleFor(const wire::Ids&, int position, const Samples&)
{
    return { 7, 3, 2000 + position };
}
int sampleFor(const wire::Number& n, int, const Samples&)
{
    return n.max - 1;
}
QByteArray sampleFor(const wire::Bytes&, int position, const Samples&)
{
    QByteArray bytes;
    for (int i = 0; i < 40; ++i)
        bytes.append(char(i * 37 + position));
    return bytes;
}
template <typename T>
T sampleFor(const wire::Object<T>&, int, const Samples& s)
{
    return sample(std::type_identity<T> {}, s);
}
template <typename T>
T sampleFor(const wire::Fields<T>&, int, const Samples& s)
{
    return sample(std::type_identity<T> {}, s);
}

template <typename Op>
typename Op::Arguments sampleArguments(const Op& op, const Samples& s)
{
    return std::apply(
        [&](const auto&... spec) {
            int position = 0;
            return typename Op::Arguments { sampleFor(spec, position++, s)... };
        },
        op.arguments);
}

struct Reply {
    int status = 0;
    QJsonObject body;
};

} // namespace

// Every operation of the table through RemoteEngine, HTTPS and ApiServer into an engine that
// records what arrived; and every way to get an argument wrong, refused before the engine.
class TestOperationRoundTrip : public QObject {
    Q_OBJECT

    EngineFixture m_fixture;
    std::unique_ptr<RecordingEngine> m_engine;
    std::unique_ptr<ApiServer> m_server;
    std::unique_ptr<RemoteEngine> m_remote;
    QNetworkAccessManager m_network;
    QList<QSslCertificate> m_trusted;
    OperatorSession m_session;
    Samples m_samples;
    quint16 m_port = 0;

    Reply post(const QString& path, const QByteArray& body, bool withToken = true)
    {
        QNetworkRequest request(QUrl(QStringLiteral("https://127.0.0.1:%1%2").arg(m_port).arg(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        if (withToken)
            request.setRawHeader("Authorization", "Bearer " + m_remote->token().toLatin1());
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(m_trusted);
        request.setSslConfiguration(tls);
        QNetworkReply* reply = m_network.post(request, body);
        QDeadlineTimer deadline(30000);
        while (!reply->isFinished() && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        Reply out { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), QJsonDocument::fromJson(reply->readAll()).object() };
        reply->deleteLater();
        return out;
    }

    // A 400 invalid-argument naming `field`, and the engine never asked.
    void expectRefused(const QString& path, const QJsonObject& args, const QString& field, bool withToken = true)
    {
        const int callsBefore = m_engine->calls;
        const Reply r = post(path, QJsonDocument(args).toJson(QJsonDocument::Compact), withToken);
        const QJsonObject error = r.body.value(QStringLiteral("error")).toObject();
        const QString what = QStringLiteral("%1 %2: %3").arg(path, QString::fromUtf8(QJsonDocument(args).toJson(QJsonDocument::Compact).left(200)),
            QString::fromUtf8(QJsonDocument(r.body).toJson(QJsonDocument::Compact)));
        QVERIFY2(r.status == 400, qPrintable(what));
        QVERIFY2(error.value(QStringLiteral("code")).toString() == QLatin1String("invalid-argument"), qPrintable(what));
        QVERIFY2(error.value(QStringLiteral("args")).toObject().value(QStringLiteral("field")).toString() == field, qPrintable(what));
        QCOMPARE(m_engine->calls, callsBefore);
    }

    template <typename Op>
    void roundTrip(const Op& op)
    {
        if (QTest::currentTestFailed())
            return;
        using Value = typename Op::Value;
        const QString name = QLatin1String(op.name);
        const auto sent = sampleArguments(op, m_samples);
        m_engine->received.remove(name);
        auto result = await(std::apply([&](const auto&... a) { return (m_remote.get()->*Op::method)(m_session, a...); }, sent));
        QVERIFY2(result, qPrintable(name + QStringLiteral(": ") + (result ? QString() : result.error().toLogString())));
        QVERIFY2(m_engine->received.contains(name), qPrintable(name));
        const auto arrived = std::any_cast<typename Op::Arguments>(m_engine->received.value(name));
        QVERIFY2(arrived == sent, qPrintable(name + QStringLiteral(": an argument arrived changed")));
        if constexpr (!std::is_void_v<Value>)
            QVERIFY2(wire::Codec<Value>::write(*result) == wire::Codec<Value>::write(*sampleAnswer<Value>()), qPrintable(name + QStringLiteral(": the answer came back changed")));
    }

    template <typename Op>
    void refusals(const Op& op)
    {
        if (QTest::currentTestFailed())
            return;
        const QString path = QStringLiteral("/api/v1/operator/") + QLatin1String(op.name);
        const QJsonObject good = std::apply([&](const auto&... a) { return op.writeArguments(a...); }, sampleArguments(op, m_samples));
        QJsonObject extra = good;
        extra.insert(QStringLiteral("personld"), 1); // a misspelt name
        expectRefused(path, extra, QStringLiteral("personld"));
        std::apply(
            [&](const auto&... spec) {
                const auto check = [&](const auto& a) {
                    if constexpr (requires { a.name; }) {
                        const QString field = QLatin1String(a.name);
                        bool mayBeLeftOut = false;
                        if constexpr (requires { a.mayBeLeftOut; })
                            mayBeLeftOut = a.mayBeLeftOut;
                        if (!mayBeLeftOut) {
                            QJsonObject missing = good;
                            missing.remove(field);
                            expectRefused(path, missing, field);
                        }
                        QJsonObject wrongType = good;
                        wrongType.insert(field, QJsonArray { 1 });
                        if constexpr (std::is_same_v<std::remove_cvref_t<decltype(a)>, wire::Ids>) {
                            wrongType.insert(field, QStringLiteral("1,2"));
                            QJsonObject notIds = good, tooMany = good;
                            notIds.insert(field, QJsonArray { 1, 0 });
                            expectRefused(path, notIds, field);
                            notIds.insert(field, QJsonArray { 1, 2.5 });
                            expectRefused(path, notIds, field);
                            QJsonArray many;
                            for (int i = 0; i <= a.maxItems; ++i)
                                many.append(i + 1);
                            tooMany.insert(field, many);
                            expectRefused(path, tooMany, field);
                        }
                        if constexpr (std::is_same_v<std::remove_cvref_t<decltype(a)>, wire::Texts>) {
                            QJsonObject itemTooLong = good, tooMany = good;
                            itemTooLong.insert(field, QJsonArray { QStringLiteral("fine"), QString(a.maxLength + 1, QLatin1Char('x')) });
                            expectRefused(path, itemTooLong, field);
                            QJsonArray many;
                            for (int i = 0; i <= a.maxItems; ++i)
                                many.append(QStringLiteral("q"));
                            tooMany.insert(field, many);
                            expectRefused(path, tooMany, field);
                        }
                        expectRefused(path, wrongType, field);
                        if constexpr (requires { a.maxLength; }) {
                            QJsonObject tooLong = good;
                            tooLong.insert(field, QString(a.maxLength + 1, QLatin1Char('x')));
                            expectRefused(path, tooLong, field);
                        }
                        if constexpr (std::is_same_v<std::remove_cvref_t<decltype(a)>, wire::Id>) {
                            QJsonObject zero = good;
                            zero.insert(field, 0);
                            expectRefused(path, zero, field);
                            QJsonObject huge = good;
                            huge.insert(field, 1e300);
                            expectRefused(path, huge, field);
                        }
                    }
                };
                (check(spec), ...);
            },
            op.arguments);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_engine = std::make_unique<RecordingEngine>(m_fixture.options());
        auto opened = await(m_engine->open());
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toLogString()));
        auto demo = await(m_engine->runTask<DemoSummary>([](const EngineContext& ctx, QSqlDatabase db) {
            DemoOptions o;
            o.people = 10;
            o.issuedDevices = 1;
            return DemoDataGenerator(ctx, db).generate(o);
        }));
        QVERIFY(demo);
        auto local = await(m_engine->logon(QLatin1String(DemoDataGenerator::kOperatorLogon), QLatin1String(DemoDataGenerator::kOperatorPassword)));
        QVERIFY(local);
        auto profiles = await(m_engine->EmbeddedEngine::credentialProfiles(*local));
        auto templates = await(m_engine->EmbeddedEngine::messageTemplates(*local));
        auto settings = await(m_engine->EmbeddedEngine::settings(*local));
        QVERIFY(profiles && !profiles->isEmpty() && templates && !templates->isEmpty() && settings);
        m_samples = { profiles->constLast(), templates->constFirst(), *settings };

        const QString cert = m_fixture.dir() + QStringLiteral("/tls.crt"), key = m_fixture.dir() + QStringLiteral("/tls.key");
        const ProcessOutput made = run(QStringLiteral("openssl"),
            { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert });
        QVERIFY2(made.exitCode == 0, made.err.constData());
        QFile certFile(cert), keyFile(key);
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        m_server = std::make_unique<ApiServer>(*m_engine);
        auto port = m_server->listen(QHostAddress::LocalHost, 0, certFile.readAll(), keyFile.readAll());
        QVERIFY2(port, qPrintable(port ? QString() : port.error().toLogString()));
        m_port = *port;
        m_trusted = QSslCertificate::fromPath(cert);

        RemoteEngineOptions options;
        options.url = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_port));
        options.caFile = cert;
        auto remote = RemoteEngine::create(options);
        QVERIFY(remote);
        m_remote = std::move(remote).value();
        auto session = await(m_remote->logon(QLatin1String(DemoDataGenerator::kOperatorLogon), QLatin1String(DemoDataGenerator::kOperatorPassword)));
        QVERIFY2(session, qPrintable(session ? QString() : session.error().toLogString()));
        m_session = *session;
    }

    void everyOperationArrivesAsSent()
    {
        std::apply([&](const auto&... op) { (roundTrip(op), ...); }, wire::kOperatorOperations);
        QCOMPARE(m_engine->received.size(), int(std::tuple_size_v<std::remove_cvref_t<decltype(wire::kOperatorOperations)>>));
    }

    void everyWrongArgumentIsRefusedByName()
    {
        std::apply([&](const auto&... op) { (refusals(op), ...); }, wire::kOperatorOperations);
    }

    // What a stranger sends a collection endpoint is held to the same rules: nothing is cut
    // to fit, and nothing missing reads as empty (a missing code is not a wrong try).
    void collectionArgumentsAreRequiredAndBounded()
    {
        const QJsonObject device { { QStringLiteral("serial"), QStringLiteral("SN1") }, { QStringLiteral("platform"), QStringLiteral("android") } };
        const QJsonObject start { { QStringLiteral("token"), QStringLiteral("t0k3n") }, { QStringLiteral("code"), QStringLiteral("12345678") }, { QStringLiteral("device"), device } };
        const QString path = QStringLiteral("/api/v1/collect/start");
        for (const char* field : { "token", "code", "device" }) {
            QJsonObject missing = start;
            missing.remove(QLatin1String(field));
            expectRefused(path, missing, QLatin1String(field), false);
        }
        QJsonObject longSerial = start, noSerial = start, emptyCode = start;
        QJsonObject d = device;
        d.insert(QStringLiteral("serial"), QString(100000, QLatin1Char('9')));
        longSerial.insert(QStringLiteral("device"), d);
        expectRefused(path, longSerial, QStringLiteral("device.serial"), false);
        d = device;
        d.remove(QStringLiteral("serial"));
        noSerial.insert(QStringLiteral("device"), d);
        expectRefused(path, noSerial, QStringLiteral("device.serial"), false);
        emptyCode.insert(QStringLiteral("code"), QStringLiteral("  "));
        expectRefused(path, emptyCode, QStringLiteral("code"), false);
        expectRefused(QStringLiteral("/api/v1/collect/confirm"), {}, QStringLiteral("session"), false);
        expectRefused(QStringLiteral("/api/v1/collect/submit"), { { QStringLiteral("session"), QStringLiteral("s") }, { QStringLiteral("requests"), QJsonArray { QStringLiteral("!!") } } },
            QStringLiteral("requests[0]"), false);
    }

    // A wrong field deep in an import batch is named by its row, and nothing is imported.
    void importRowsAreNamedByIndex()
    {
        const QJsonObject person = wire::Codec<PersonDetails>::write(sample(std::type_identity<PersonDetails> {}, m_samples)).toObject();
        QJsonObject noLogon = person;
        noLogon.remove(QStringLiteral("logonName"));
        const QJsonObject batch { { QStringLiteral("fields"), QJsonArray { QStringLiteral("logonName") } },
            { QStringLiteral("rows"), QJsonArray { QJsonObject { { QStringLiteral("line"), 2 }, { QStringLiteral("person"), person } },
                                          QJsonObject { { QStringLiteral("line"), 3 }, { QStringLiteral("person"), noLogon } } } },
            { QStringLiteral("roleForNew"), 0 }, { QStringLiteral("dryRun"), false } };
        expectRefused(QStringLiteral("/api/v1/operator/importPeople"), { { QStringLiteral("batch"), batch } }, QStringLiteral("batch.rows[1].person.logonName"));
        QJsonObject noLine = batch;
        noLine.insert(QStringLiteral("rows"), QJsonArray { QJsonObject { { QStringLiteral("person"), person } } });
        expectRefused(QStringLiteral("/api/v1/operator/importPeople"), { { QStringLiteral("batch"), noLine } }, QStringLiteral("batch.rows[0].line"));
    }

    void cleanupTestCase()
    {
        m_remote.reset();
        m_server.reset();
        m_engine.reset();
    }
};

QTEST_MAIN(TestOperationRoundTrip)
#include "tst_OperationRoundTrip.moc"
