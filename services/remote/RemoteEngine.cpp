#include "RemoteEngine.h"

#include "JsonCodec.h"
#include "JsonReader.h"
#include "OperatorOperations.h"

#include <QFile>
#include <QFutureInterface>
#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>

namespace lanyard {

namespace {
template <typename T>
std::shared_ptr<QFutureInterface<Result<T>>> startedPromise()
{
    auto promise = std::make_shared<QFutureInterface<Result<T>>>();
    promise->reportStarted();
    return promise;
}

template <typename T>
void settle(const std::shared_ptr<QFutureInterface<Result<T>>>& promise, Result<T> result)
{
    promise->reportAndMoveResult(std::move(result));
    promise->reportFinished();
}

template <typename T>
QFuture<Result<T>> settled(Result<T> result)
{
    auto promise = startedPromise<T>();
    settle(promise, std::move(result));
    return promise->future();
}

bool isLoopback(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}
} // namespace

Result<QList<QSslCertificate>> RemoteEngine::checkOptions(const RemoteEngineOptions& options)
{
    const QUrl& url = options.url;
    const QString shown = url.toString(QUrl::RemoveUserInfo);
    if (!url.isValid() || url.host().isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("'%1' is not a server address; write it as https://host:port").arg(shown),
            { { QStringLiteral("problem"), QStringLiteral("server-url") }, { QStringLiteral("url"), shown } });
    if (url.scheme() != QLatin1String("https") && !(url.scheme() == QLatin1String("http") && isLoopback(url.host())))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("'%1' does not use https; the operator API is only offered over TLS").arg(shown),
            { { QStringLiteral("problem"), QStringLiteral("server-url") }, { QStringLiteral("url"), shown } });
    QList<QSslCertificate> cas;
    if (!options.caFile.isEmpty()) {
        QFile file(options.caFile);
        if (!file.open(QIODevice::ReadOnly))
            return Error(ErrorCode::InvalidArgument, QStringLiteral("cannot read the CA file %1: %2").arg(options.caFile, file.errorString()),
                { { QStringLiteral("problem"), QStringLiteral("ca-file") }, { QStringLiteral("path"), options.caFile } });
        cas = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (cas.isEmpty())
            return Error(ErrorCode::InvalidArgument, QStringLiteral("the CA file %1 holds no PEM certificate").arg(options.caFile),
                { { QStringLiteral("problem"), QStringLiteral("ca-file") }, { QStringLiteral("path"), options.caFile } });
    }
    return cas;
}

Result<std::unique_ptr<RemoteEngine>> RemoteEngine::create(const RemoteEngineOptions& options, QObject* parent)
{
    auto cas = checkOptions(options);
    if (!cas)
        return cas.error();
    return std::unique_ptr<RemoteEngine>(new RemoteEngine(options, *cas, parent));
}

RemoteEngine::RemoteEngine(const RemoteEngineOptions& options, QList<QSslCertificate> extraCas, QObject* parent)
    : QObject(parent)
    , m_options(options)
    , m_network(new QNetworkAccessManager(this))
    , m_trusted(QSslConfiguration::systemCaCertificates() + extraCas)
{
    m_info.remote = true;
    m_info.location = options.url.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
    m_reconnect.setInterval(options.reconnectIntervalMs);
    connect(&m_reconnect, &QTimer::timeout, this, &RemoteEngine::probe);
    if (options.keepAliveIntervalMs > 0) {
        m_keepAlive.setInterval(options.keepAliveIntervalMs);
        connect(&m_keepAlive, &QTimer::timeout, this, &RemoteEngine::renewSession);
        m_keepAlive.start();
    }
}

void RemoteEngine::renewSession()
{
    if (m_token.isEmpty())
        return; // not logged on: nothing to keep
    // A refusal reaches the client through sessionRejected (outcome()); a server that is away
    // is tried again at the next tick, well within the token's hours.
    post(QStringLiteral("/api/v1/session/renew"), {}, [this](const Result<QJsonObject>& answer) {
        if (answer)
            m_renewedUntil = QDateTime::fromString(answer->value(QStringLiteral("expiresAt")).toString(), Qt::ISODateWithMs);
    });
}

RemoteEngine::~RemoteEngine() = default;

QNetworkReply* RemoteEngine::send(const QString& path, const QByteArray* body)
{
    QUrl url = m_options.url;
    url.setPath(url.path(QUrl::FullyDecoded).chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_options.timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(m_trusted);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    request.setSslConfiguration(tls);
    return body ? m_network->post(request, *body) : m_network->get(request);
}

Result<QByteArray> RemoteEngine::outcome(QNetworkReply* reply, const QStringList& sslErrors)
{
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        // No HTTP answer at all: the server is away, or its certificate was refused.
        const bool trust = reply->error() == QNetworkReply::SslHandshakeFailedError || !sslErrors.isEmpty();
        Error e = trust ? Error(ErrorCode::TrustFailure, sslErrors.isEmpty() ? reply->errorString() : sslErrors.join(QStringLiteral("; ")),
                              { { QStringLiteral("url"), m_info.location } })
                        : Error(ErrorCode::NetworkFailure, reply->errorString(), { { QStringLiteral("url"), m_info.location } });
        if (!trust)
            setReachable(false, e);
        return e;
    }
    setReachable(true, {});
    const QByteArray body = reply->readAll();
    const int code = status.toInt();
    if (code == 200)
        return body;
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    if (!o.contains(QStringLiteral("error")))
        return Error(ErrorCode::NetworkFailure, QStringLiteral("the server answered HTTP %1 without an error description").arg(code),
            { { QStringLiteral("url"), m_info.location }, { QStringLiteral("status"), code } });
    Error e = json::toError(o.value(QStringLiteral("error")).toObject(), code);
    if (code == 503 && !e.args.contains(QStringLiteral("retryAfter")) && reply->hasRawHeader("Retry-After"))
        e.args.insert(QStringLiteral("retryAfter"), reply->rawHeader("Retry-After").toInt());
    if (e.code == ErrorCode::NotAuthenticated && !m_token.isEmpty())
        Q_EMIT sessionRejected(e);
    return e;
}

void RemoteEngine::post(const QString& path, const QJsonObject& body, Decode onAnswer)
{
    const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    QNetworkReply* reply = send(path, &payload);
    auto sslErrors = std::make_shared<QStringList>();
    connect(reply, &QNetworkReply::sslErrors, this, [sslErrors](const QList<QSslError>& errors) {
        for (const QSslError& e : errors)
            *sslErrors << e.errorString();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, sslErrors, onAnswer = std::move(onAnswer)] {
        reply->deleteLater();
        auto body = outcome(reply, *sslErrors);
        if (!body)
            return onAnswer(body.error());
        QJsonParseError parse;
        const QJsonDocument doc = QJsonDocument::fromJson(*body, &parse);
        if (!doc.isObject())
            return onAnswer(Error(ErrorCode::NetworkFailure, QStringLiteral("the server's answer is not JSON: %1").arg(parse.errorString()),
                { { QStringLiteral("url"), m_info.location } }));
        onAnswer(doc.object());
    });
}

void RemoteEngine::get(const QString& path, std::function<void(const Result<QByteArray>&)> onAnswer)
{
    QNetworkReply* reply = send(path, nullptr);
    auto sslErrors = std::make_shared<QStringList>();
    connect(reply, &QNetworkReply::sslErrors, this, [sslErrors](const QList<QSslError>& errors) {
        for (const QSslError& e : errors)
            *sslErrors << e.errorString();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, sslErrors, onAnswer = std::move(onAnswer)] {
        reply->deleteLater();
        onAnswer(outcome(reply, *sslErrors));
    });
}

template <typename T>
QFuture<Result<T>> RemoteEngine::call(const QString& method, const QJsonObject& args, std::function<Result<T>(const QJsonObject&)> decode)
{
    auto promise = startedPromise<T>();
    if (m_token.isEmpty()) {
        settle<T>(promise, Error(ErrorCode::NotAuthenticated, QStringLiteral("not logged on to %1").arg(m_info.location)));
        return promise->future();
    }
    post(QStringLiteral("/api/v1/operator/") + method, args, [promise, decode = std::move(decode)](const Result<QJsonObject>& answer) {
        settle<T>(promise, answer ? decode(*answer) : Result<T>(answer.error()));
    });
    return promise->future();
}

// An operator operation as its table line says: the arguments under their names, the answer
// read back into the member's value type.
template <auto Method, typename... A>
auto RemoteEngine::invoke(const A&... args)
{
    static constexpr const auto& op = wire::operatorOperation<Method>();
    using Value = typename std::remove_cvref_t<decltype(op)>::Value;
    std::function<Result<Value>(const QJsonObject&)> decode;
    if constexpr (std::is_void_v<Value>)
        decode = [](const QJsonObject&) { return Result<void>(); };
    else
        decode = [](const QJsonObject& answer) { return op.readAnswer(answer); };
    return call<Value>(QLatin1String(op.name), op.writeArguments(args...), std::move(decode));
}

void RemoteEngine::setReachable(bool reachable, const Error& error)
{
    if (reachable == m_reachable)
        return;
    m_reachable = reachable;
    // Kept-alive connections to a server that went away are dead; a POST sent on one would
    // fail once more after the server is back, and Qt does not resend a POST.
    m_network->clearConnectionCache();
    if (reachable)
        m_reconnect.stop();
    else
        m_reconnect.start();
    Q_EMIT reachabilityChanged(reachable, error);
}

void RemoteEngine::probe()
{
    get(QStringLiteral("/health"), [](const Result<QByteArray>&) {}); // outcome() tracks reachability
}

void RemoteEngine::retryNow()
{
    probe();
}

QFuture<Result<EngineInfo>> RemoteEngine::connectToServer()
{
    auto promise = startedPromise<EngineInfo>();
    get(QStringLiteral("/health"), [this, promise](const Result<QByteArray>& body) {
        if (!body)
            return settle<EngineInfo>(promise, body.error());
        const QJsonObject health = QJsonDocument::fromJson(*body).object();
        if (health.value(QStringLiteral("status")).toString() != QLatin1String("ok"))
            return settle<EngineInfo>(promise, Error(ErrorCode::NetworkFailure, QStringLiteral("%1 does not answer like a Lanyard server").arg(m_info.location),
                                                   { { QStringLiteral("url"), m_info.location } }));
        m_info.schemaVersion = health.value(QStringLiteral("schema")).toInt();
        settle<EngineInfo>(promise, m_info);
    });
    return promise->future();
}

QFuture<Result<OperatorSession>> RemoteEngine::logon(const QString& logonName, const QString& password)
{
    auto promise = startedPromise<OperatorSession>();
    const QString previous = m_token;
    m_token.clear(); // a failed logon must not read as an expired session
    post(QStringLiteral("/api/v1/logon"), { { QStringLiteral("logonName"), logonName }, { QStringLiteral("password"), password } },
        [this, promise, previous](const Result<QJsonObject>& answer) { adoptLogon(promise, previous, answer); });
    return promise->future();
}

void RemoteEngine::adoptLogon(const std::shared_ptr<QFutureInterface<Result<OperatorSession>>>& promise, const QString& previous, const Result<QJsonObject>& answer)
{
    if (!answer) {
        m_token = previous;
        return settle<OperatorSession>(promise, answer.error());
    }
    auto session = json::toSession(answer->value(QStringLiteral("operator")).toObject());
    if (!session) {
        m_token = previous;
        return settle<OperatorSession>(promise, session.error());
    }
    m_token = answer->value(QStringLiteral("token")).toString();
    session.value().token = m_token;
    settle<OperatorSession>(promise, session);
}

QFuture<Result<QByteArray>> RemoteEngine::cardLogonChallenge()
{
    auto promise = startedPromise<QByteArray>();
    post(QStringLiteral("/api/v1/logon/card/challenge"), {}, [promise](const Result<QJsonObject>& answer) {
        if (!answer)
            return settle<QByteArray>(promise, answer.error());
        json::JsonReader r(*answer);
        const QByteArray challenge = r.base64("challenge", 1024);
        if (!r.ok() || challenge.isEmpty())
            return settle<QByteArray>(promise, Error(ErrorCode::NetworkFailure, QStringLiteral("the server sent no logon challenge")));
        settle<QByteArray>(promise, challenge);
    });
    return promise->future();
}

QFuture<Result<OperatorSession>> RemoteEngine::logonWithCard(const QByteArray& certificate, const QByteArray& challenge, const QByteArray& signature)
{
    auto promise = startedPromise<OperatorSession>();
    const QString previous = m_token;
    m_token.clear(); // as for a password: a refused card must not read as an expired session
    post(QStringLiteral("/api/v1/logon/card"),
        { { QStringLiteral("certificate"), QString::fromLatin1(certificate.toBase64()) }, { QStringLiteral("challenge"), QString::fromLatin1(challenge.toBase64()) },
            { QStringLiteral("signature"), QString::fromLatin1(signature.toBase64()) } },
        [this, promise, previous](const Result<QJsonObject>& answer) { adoptLogon(promise, previous, answer); });
    return promise->future();
}

QFuture<Result<OperatorSession>> RemoteEngine::resume(const QString& token)
{
    m_token = token;
    return call<OperatorSession>(QStringLiteral("session"), {}, [this](const QJsonObject& o) -> Result<OperatorSession> {
        auto session = json::toSession(o.value(QStringLiteral("operator")).toObject());
        if (session)
            session.value().token = m_token;
        return session;
    });
}

QFuture<Result<void>> RemoteEngine::logoff(const OperatorSession&)
{
    auto promise = startedPromise<void>();
    if (m_token.isEmpty()) {
        settle<void>(promise, {});
        return promise->future();
    }
    post(QStringLiteral("/api/v1/logoff"), {}, [promise](const Result<QJsonObject>& answer) {
        settle<void>(promise, answer ? Result<void>() : Result<void>(answer.error()));
    });
    m_token.clear(); // the request above already carries it
    return promise->future();
}

QFuture<Result<QList<Workflow>>> RemoteEngine::workflows(const OperatorSession&)
{
    return invoke<&Engine::workflows>();
}

QFuture<Result<PersonPage>> RemoteEngine::findPeople(const OperatorSession&, const PersonQuery& query)
{
    return invoke<&Engine::findPeople>(query);
}

QFuture<Result<Person>> RemoteEngine::person(const OperatorSession&, qint64 personId)
{
    return invoke<&Engine::person>(personId);
}

QFuture<Result<Person>> RemoteEngine::setCardIdentifiers(const OperatorSession&, qint64 personId, const CardIdentifiers& identifiers)
{
    return invoke<&Engine::setCardIdentifiers>(personId, identifiers);
}

QFuture<Result<Person>> RemoteEngine::addPerson(const OperatorSession&, const PersonDetails& details)
{
    return invoke<&Engine::addPerson>(details);
}

QFuture<Result<Person>> RemoteEngine::editPerson(const OperatorSession&, qint64 personId, const PersonDetails& details)
{
    return invoke<&Engine::editPerson>(personId, details);
}

QFuture<Result<Person>> RemoteEngine::setAccountEnabled(const OperatorSession&, qint64 personId, bool enabled, const QString& reason, bool devicesToo)
{
    return invoke<&Engine::setAccountEnabled>(personId, enabled, reason, devicesToo);
}

QFuture<Result<Person>> RemoteEngine::setPersonRoles(const OperatorSession&, qint64 personId, const QList<qint64>& roleIds)
{
    return invoke<&Engine::setPersonRoles>(personId, roleIds);
}

QFuture<Result<QList<ImportOutcome>>> RemoteEngine::importPeople(const OperatorSession&, const PeopleImportBatch& batch)
{
    return invoke<&Engine::importPeople>(batch);
}

QFuture<Result<void>> RemoteEngine::removePerson(const OperatorSession&, qint64 personId, const QString& reason)
{
    return invoke<&Engine::removePerson>(personId, reason);
}

QFuture<Result<QList<Device>>> RemoteEngine::devicesOf(const OperatorSession&, qint64 personId)
{
    return invoke<&Engine::devicesOf>(personId);
}

QFuture<Result<Device>> RemoteEngine::device(const OperatorSession&, qint64 deviceId)
{
    return invoke<&Engine::device>(deviceId);
}

QFuture<Result<QList<CertificateRecord>>> RemoteEngine::certificatesOf(const OperatorSession&, qint64 deviceId)
{
    return invoke<&Engine::certificatesOf>(deviceId);
}

QFuture<Result<QList<Job>>> RemoteEngine::jobsOf(const OperatorSession&, qint64 personId)
{
    return invoke<&Engine::jobsOf>(personId);
}

QFuture<Result<QList<Device>>> RemoteEngine::findDevices(const OperatorSession&, const QString& text)
{
    return invoke<&Engine::findDevices>(text);
}

QFuture<Result<QList<Job>>> RemoteEngine::findJobs(const OperatorSession&, const JobQuery& query)
{
    return invoke<&Engine::findJobs>(query);
}

QFuture<Result<Job>> RemoteEngine::cancelJob(const OperatorSession&, qint64 jobId, const QString& reason)
{
    return invoke<&Engine::cancelJob>(jobId, reason);
}

QFuture<Result<QList<CredentialProfile>>> RemoteEngine::requestableProfiles(const OperatorSession&, qint64 personId)
{
    return invoke<&Engine::requestableProfiles>(personId);
}

QFuture<Result<IssuedRequest>> RemoteEngine::requestCredential(const OperatorSession&, qint64 personId, qint64 profileId, bool showCode,
    const QString& targetComputer)
{
    return invoke<&Engine::requestCredential>(personId, profileId, showCode, targetComputer);
}

QFuture<Result<QList<BatchOutcome>>> RemoteEngine::requestCredentials(const OperatorSession&, const QList<qint64>& personIds, qint64 profileId)
{
    return invoke<&Engine::requestCredentials>(personIds, profileId);
}

QFuture<Result<IssuedRequest>> RemoteEngine::validateRequest(const OperatorSession&, qint64 jobId, bool approve, bool showCode)
{
    return invoke<&Engine::validateRequest>(jobId, approve, showCode);
}

QFuture<Result<IssuedRequest>> RemoteEngine::regenerateCode(const OperatorSession&, qint64 jobId, bool showCode)
{
    return invoke<&Engine::regenerateCode>(jobId, showCode);
}

QFuture<Result<IssuedRequest>> RemoteEngine::requestRenewal(const OperatorSession&, qint64 deviceId, bool update, bool showCode)
{
    return invoke<&Engine::requestRenewal>(deviceId, update, showCode);
}

QFuture<Result<DeviceChange>> RemoteEngine::changeDevice(const OperatorSession&, qint64 deviceId, const DeviceAction& action)
{
    return invoke<&Engine::changeDevice>(deviceId, action);
}

QFuture<Result<QString>> RemoteEngine::unlockCode(const OperatorSession&, qint64 deviceId, const QString& challenge, const QStringList& answers)
{
    return invoke<&Engine::unlockCode>(deviceId, challenge, answers);
}

QFuture<Result<DeviceChange>> RemoteEngine::reportIncident(const OperatorSession&, qint64 deviceId, const DeviceAction& report)
{
    return invoke<&Engine::reportIncident>(deviceId, report);
}

QFuture<Result<QStringList>> RemoteEngine::securityQuestions(const OperatorSession&, qint64 personId)
{
    return invoke<&Engine::securityQuestions>(personId);
}

QFuture<Result<void>> RemoteEngine::setSecurityQuestions(const OperatorSession&, const QStringList& questions, const QStringList& answers)
{
    return invoke<&Engine::setSecurityQuestions>(questions, answers);
}

QFuture<Result<QList<Job>>> RemoteEngine::lockJobs(const OperatorSession&, qint64 deviceId)
{
    return invoke<&Engine::lockJobs>(deviceId);
}

QFuture<Result<QList<Timezone>>> RemoteEngine::timezones(const OperatorSession&)
{
    return invoke<&Engine::timezones>();
}

QFuture<Result<Job>> RemoteEngine::requestPinLock(const OperatorSession&, qint64 deviceId, const LockSchedule& when, const QString& reason)
{
    return invoke<&Engine::requestPinLock>(deviceId, when, reason);
}

QFuture<Result<Job>> RemoteEngine::updatePinLock(const OperatorSession&, qint64 deviceId, const LockSchedule& when, const QString& reason)
{
    return invoke<&Engine::updatePinLock>(deviceId, when, reason);
}

QFuture<Result<Job>> RemoteEngine::cancelPinLock(const OperatorSession&, qint64 deviceId, const QString& reason)
{
    return invoke<&Engine::cancelPinLock>(deviceId, reason);
}

QFuture<Result<TemporaryAccess>> RemoteEngine::temporaryUnlock(const OperatorSession&, qint64 deviceId, const QString& challenge, int hours, const QString& reason)
{
    return invoke<&Engine::temporaryUnlock>(deviceId, challenge, hours, reason);
}

QFuture<Result<QList<VscLockTask>>> RemoteEngine::dueLockJobs(const OperatorSession&, const QString& dnsName)
{
    return invoke<&Engine::dueLockJobs>(dnsName);
}

QFuture<Result<Job>> RemoteEngine::reportLockJob(const OperatorSession&, const VscLockOutcome& outcome)
{
    return invoke<&Engine::reportLockJob>(outcome);
}

QFuture<Result<VscUnblockChallenge>> RemoteEngine::vscUnblockChallenge(const OperatorSession&, const QByteArray& cardCertificate)
{
    return invoke<&Engine::vscUnblockChallenge>(cardCertificate);
}

QFuture<Result<QString>> RemoteEngine::releaseHeldPuk(const OperatorSession&, qint64 deviceId, const QString& response)
{
    return invoke<&Engine::releaseHeldPuk>(deviceId, response);
}

QFuture<Result<ParentCardCheck>> RemoteEngine::checkParentCard(const OperatorSession&, const ParentCard& card)
{
    return invoke<&Engine::checkParentCard>(card);
}

QFuture<Result<IssuedRequest>> RemoteEngine::requestDerivedCredential(const OperatorSession&, const ParentCard& card, const QByteArray& challenge,
    const QByteArray& signature)
{
    return invoke<&Engine::requestDerivedCredential>(card, challenge, signature);
}

QFuture<Result<ParentTrustReport>> RemoteEngine::endParentCardTrust(const OperatorSession&, const ParentTrustEnd& what)
{
    return invoke<&Engine::endParentCardTrust>(what);
}

QFuture<Result<QList<RegisteredHardware>>> RemoteEngine::hardware(const OperatorSession&)
{
    return invoke<&Engine::hardware>();
}

QFuture<Result<qint64>> RemoteEngine::addHardware(const OperatorSession&, const RegisteredHardware& hardware)
{
    return invoke<&Engine::addHardware>(hardware);
}

QFuture<Result<void>> RemoteEngine::deactivateHardware(const OperatorSession&, qint64 id)
{
    return invoke<&Engine::deactivateHardware>(id);
}

QFuture<Result<QList<Role>>> RemoteEngine::roles(const OperatorSession&)
{
    return invoke<&Engine::roles>();
}

QFuture<Result<qint64>> RemoteEngine::saveRole(const OperatorSession&, const Role& role)
{
    return invoke<&Engine::saveRole>(role);
}

QFuture<Result<QList<CredentialProfile>>> RemoteEngine::credentialProfiles(const OperatorSession&)
{
    return invoke<&Engine::credentialProfiles>();
}

QFuture<Result<QList<CredentialProfile>>> RemoteEngine::profileVersions(const OperatorSession&, qint64 lineage)
{
    return invoke<&Engine::profileVersions>(lineage);
}

QFuture<Result<QList<CertificatePolicy>>> RemoteEngine::certificatePolicies(const OperatorSession&)
{
    return invoke<&Engine::certificatePolicies>();
}

QFuture<Result<QList<CertificatePolicy>>> RemoteEngine::certificatePolicyVersions(const OperatorSession&, qint64 policyId)
{
    return invoke<&Engine::certificatePolicyVersions>(policyId);
}

QFuture<Result<qint64>> RemoteEngine::saveCertificatePolicy(const OperatorSession&, const CertificatePolicy& policy)
{
    return invoke<&Engine::saveCertificatePolicy>(policy);
}

QFuture<Result<CertificatePolicyExample>> RemoteEngine::certificatePolicyExample(const OperatorSession&, const CertificatePolicy& policy, qint64 personId)
{
    return invoke<&Engine::certificatePolicyExample>(policy, personId);
}

QFuture<Result<qint64>> RemoteEngine::saveCredentialProfile(const OperatorSession&, const CredentialProfile& profile)
{
    return invoke<&Engine::saveCredentialProfile>(profile);
}

QFuture<Result<QList<Notification>>> RemoteEngine::notificationsOf(const OperatorSession&, qint64 jobId)
{
    return invoke<&Engine::notificationsOf>(jobId);
}

QFuture<Result<Notification>> RemoteEngine::resendNotification(const OperatorSession&, qint64 notificationId)
{
    return invoke<&Engine::resendNotification>(notificationId);
}

QFuture<Result<QList<MessageTemplate>>> RemoteEngine::messageTemplates(const OperatorSession&)
{
    return invoke<&Engine::messageTemplates>();
}

QFuture<Result<void>> RemoteEngine::saveMessageTemplate(const OperatorSession&, const MessageTemplate& messageTemplate)
{
    return invoke<&Engine::saveMessageTemplate>(messageTemplate);
}

QFuture<Result<DeliveryReport>> RemoteEngine::deliverNotifications()
{
    // The server runs its own delivery worker; a desk has nothing to deliver.
    return settled<DeliveryReport>(DeliveryReport {});
}

QFuture<Result<Settings>> RemoteEngine::settings(const OperatorSession&)
{
    return invoke<&Engine::settings>();
}

QFuture<Result<void>> RemoteEngine::saveSettings(const OperatorSession&, const Settings& settings)
{
    return invoke<&Engine::saveSettings>(settings);
}

QFuture<Result<DirectoryConfig>> RemoteEngine::directoryConfig(const OperatorSession&)
{
    return invoke<&Engine::directoryConfig>();
}

QFuture<Result<void>> RemoteEngine::saveDirectoryConfig(const OperatorSession&, const DirectoryConfig& config)
{
    return invoke<&Engine::saveDirectoryConfig>(config);
}

QFuture<Result<DirectoryProbe>> RemoteEngine::testDirectory(const OperatorSession&, const DirectoryConfig& config)
{
    return invoke<&Engine::testDirectory>(config);
}

QFuture<Result<DirectorySyncReport>> RemoteEngine::syncDirectory(const OperatorSession&, bool full)
{
    return invoke<&Engine::syncDirectory>(full);
}

QFuture<Result<QList<DirectorySyncReport>>> RemoteEngine::directorySyncs(const OperatorSession&)
{
    return invoke<&Engine::directorySyncs>();
}

QFuture<Result<QList<AuditEvent>>> RemoteEngine::audit(const OperatorSession&, const AuditQuery& query)
{
    return invoke<&Engine::audit>(query);
}

QFuture<Result<AuditVerification>> RemoteEngine::verifyAudit(const OperatorSession&)
{
    return invoke<&Engine::verifyAudit>();
}

QFuture<Result<QByteArray>> RemoteEngine::certificateRevocationList()
{
    auto promise = startedPromise<QByteArray>();
    get(QStringLiteral("/api/v1/crl"), [promise](const Result<QByteArray>& body) { settle<QByteArray>(promise, body); });
    return promise->future();
}

QFuture<Result<QByteArray>> RemoteEngine::caCertificate()
{
    auto promise = startedPromise<QByteArray>();
    get(QStringLiteral("/api/v1/ca"), [promise](const Result<QByteArray>& body) { settle<QByteArray>(promise, body); });
    return promise->future();
}

} // namespace lanyard
