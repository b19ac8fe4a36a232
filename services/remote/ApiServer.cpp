#include "ApiServer.h"

#include "JsonCodec.h"
#include "JsonReader.h"
#include "core/WhenFinished.h"
#include "engine/CardLogonService.h"
#include "engine/PeopleService.h"
#include "engine/SettingsSchema.h"
#include "engine/SettingsService.h"

#include <QFutureWatcher>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcApi, "lanyard.api")

namespace lanyard {

namespace {
int statusFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::NotAuthenticated:
    case ErrorCode::LogonFailed:
    case ErrorCode::AccountDisabled:
        return http_status::Unauthorized;
    case ErrorCode::PermissionDenied:
    case ErrorCode::OutOfScope:
    case ErrorCode::ProfileNotAvailable:
    case ErrorCode::DeviceNotAllowed:
    case ErrorCode::CodeInvalid:
        return http_status::Forbidden;
    case ErrorCode::NotFound:
        return http_status::NotFound;
    case ErrorCode::InvalidTransition:
    case ErrorCode::Conflict:
    case ErrorCode::CodeUsed:
    case ErrorCode::CodeLocked:
    case ErrorCode::CodeExpired:
    case ErrorCode::SessionExpired:
    case ErrorCode::ValidationRequired:
    case ErrorCode::BiometricsIncompatible:
    case ErrorCode::MobileIssuanceDisabled:
    case ErrorCode::ChannelDisabled:
        return http_status::Conflict;
    case ErrorCode::ServiceBusy:
    case ErrorCode::StorageBusy:
        return http_status::ServiceUnavailable;
    case ErrorCode::StorageFailure:
    case ErrorCode::StorageReadOnly:
    case ErrorCode::CryptoFailure:
    case ErrorCode::SecretStoreUnavailable:
    case ErrorCode::MasterKeyMismatch:
    case ErrorCode::AuditChainBroken:
    case ErrorCode::SchemaTooNew:
        return http_status::InternalServerError;
    default:
        return http_status::BadRequest;
    }
}

ServerResponse errorResponse(const Error& given)
{
    Error e = given;
    if (statusFor(e.code) == http_status::InternalServerError) {
        // The server's own failure: its detail (SQL, paths, OpenSSL) is for the log, at error
        // level, and the caller gets the code and a plain sentence.
        qCCritical(lcApi).noquote() << e.toLogString();
        e.detail = QStringLiteral("the server could not complete the request (%1); its log says why").arg(errorId(e.code));
        e.args.clear();
    }
    ServerResponse r(QJsonObject { { QStringLiteral("error"), json::fromError(e) } }, statusFor(e.code));
    if (e.code == ErrorCode::ServiceBusy || e.code == ErrorCode::StorageBusy)
        r.addHeader("Retry-After", QByteArray::number(qMax(1, e.args.value(QStringLiteral("retryAfter")).toInt())));
    if (e.code == ErrorCode::LogonFailed && e.args.contains(QStringLiteral("retryAfter")))
        r.addHeader("Retry-After", QByteArray::number(e.args.value(QStringLiteral("retryAfter")).toInt()));
    return r;
}

ApiServer::Promise newPromise()
{
    auto promise = std::make_shared<QFutureInterface<ServerResponse>>();
    promise->reportStarted();
    return promise;
}

QFuture<ServerResponse> ready(ServerResponse&& response)
{
    auto promise = newPromise();
    promise->reportAndMoveResult(std::move(response));
    promise->reportFinished();
    return promise->future();
}

void fulfil(const ApiServer::Promise& promise, ServerResponse&& response)
{
    promise->reportAndMoveResult(std::move(response));
    promise->reportFinished();
}

// Turns an engine answer into a response when it arrives, on the server's thread.
template <typename T, typename Convert>
void answerInto(QObject* context, const ApiServer::Promise& promise, QFuture<Result<T>> future, Convert convert)
{
    whenFinished(future, context, [promise, convert](Result<T> result) {
        if (!result)
            fulfil(promise, errorResponse(result.error()));
        else if constexpr (std::is_void_v<T>)
            fulfil(promise, ServerResponse(convert()));
        else
            fulfil(promise, ServerResponse(convert(*result)));
    });
}

template <typename T, typename Convert>
QFuture<ServerResponse> answer(QObject* context, QFuture<Result<T>> future, Convert convert)
{
    auto promise = newPromise();
    answerInto(context, promise, std::move(future), std::move(convert));
    return promise->future();
}

Result<QJsonObject> jsonBody(const QByteArray& body)
{
    if (body.size() > 1024 * 1024)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("the request body is larger than 1 MiB"));
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("the body is not a JSON object: %1").arg(parse.errorString()));
    return doc.object();
}

Result<QJsonObject> bodyOf(const ServerRequest& request)
{
    return jsonBody(request.body);
}

// {"<key>": [ ... ]} from a list.
template <typename T>
auto listOf(const QString& key, QJsonObject (*convert)(const T&))
{
    return [key, convert](const QList<T>& items) { return QJsonObject { { key, json::array(items, convert) } }; };
}

QJsonObject idObject(qint64 id)
{
    return { { QStringLiteral("id"), id } };
}

// The path as logged: a collection token in it is a bearer secret (whoever has it and the
// code collects), so only its route is kept.
QString loggedPath(const QByteArray& raw)
{
    const QString path = QString::fromLatin1(raw.left(200));
    if (path.startsWith(QLatin1String("/c/")))
        return QStringLiteral("/c/<token>");
    return path;
}

// One log line per request, never the body (it may hold a code or a password); no caching.
void logAnswer(const QString& path, int status, const QString& remote, const QString& note = {})
{
    QJsonObject line { { QStringLiteral("path"), path }, { QStringLiteral("status"), status }, { QStringLiteral("remote"), remote } };
    if (!note.isEmpty())
        line.insert(QStringLiteral("note"), note);
    qCInfo(lcApi).noquote() << QJsonDocument(line).toJson(QJsonDocument::Compact);
}

// What every answer carries, a protocol refusal too.
void addCommonHeaders(ServerResponse& response, const QString& path)
{
    response.addHeader("Cache-Control", "no-store");
    // Only ever served over TLS; nothing is to be sniffed into another type.
    response.addHeader("Strict-Transport-Security", "max-age=31536000");
    response.addHeader("X-Content-Type-Options", "nosniff");
    if (path.startsWith(QLatin1String("/c/")))
        // The collection page: no scripts, no framing (a code typed into a framed copy of it
        // would be someone else's), nothing loaded from anywhere.
        response.addHeader("Content-Security-Policy", "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
}

// The error shape for what the HTTP layer itself refuses (malformed, too large, too slow).
ServerResponse protocolRefusal(int status, const QString& reason)
{
    const ErrorCode code = status == http_status::InternalServerError ? ErrorCode::StorageFailure : ErrorCode::InvalidArgument;
    Error e(code, reason, { { QStringLiteral("problem"), QStringLiteral("http-%1").arg(status) } });
    ServerResponse response(QJsonObject { { QStringLiteral("error"), json::fromError(e) } }, status);
    addCommonHeaders(response, QString());
    return response;
}

qint64 idArg(const QJsonObject& args, const char* name)
{
    return args.value(QLatin1String(name)).toInteger();
}
} // namespace


namespace {

// The path argument when `path` matches the route's pattern; nothing when it does not.
std::optional<QString> match(const char* pattern, const QByteArray& path)
{
    const QByteArray p(pattern);
    const qsizetype brace = p.indexOf('{');
    if (brace < 0)
        return path == p ? std::optional<QString>(QString()) : std::nullopt;
    const QByteArray prefix = p.left(brace);
    if (!path.startsWith(prefix))
        return std::nullopt;
    const QByteArray rest = path.mid(prefix.size());
    if (rest.isEmpty() || rest.contains('/'))
        return std::nullopt;
    return QString::fromLatin1(rest);
}

QString bearerToken(const ServerRequest& request)
{
    const QByteArray auth = request.header("authorization");
    return auth.startsWith("Bearer ") ? QString::fromLatin1(auth.mid(7)) : QString();
}

QJsonObject sessionAnswer(const OperatorSession& s)
{
    return QJsonObject { { QStringLiteral("token"), s.token }, { QStringLiteral("operator"), json::fromSession(s) } };
}
} // namespace

// Every route, declared once: the dispatch, routes() and the API-document test read it.
std::span<const ApiServer::Route> ApiServer::routeTable()
{
    static const Route table[] = {
        { "GET", "/health", &ApiServer::health },
        { "GET", "/c/{token}", &ApiServer::collectionPage },
        { "GET", "/api/v1/ca", &ApiServer::caCertificate },
        { "GET", "/api/v1/crl", &ApiServer::revocationList },
        { "POST", "/api/v1/logon", &ApiServer::logon },
        { "POST", "/api/v1/logon/card/challenge", &ApiServer::cardLogonChallenge },
        { "POST", "/api/v1/logon/card", &ApiServer::cardLogon },
        { "POST", "/api/v1/logoff", &ApiServer::logoff },
        { "POST", "/api/v1/session/renew", &ApiServer::renewSession },
        { "POST", "/api/v1/operator/{method}", &ApiServer::operatorCall },
        { "POST", "/api/v1/collect/start", &ApiServer::collectStart },
        { "POST", "/api/v1/collect/submit", &ApiServer::collectSubmit },
        { "POST", "/api/v1/collect/confirm", &ApiServer::collectConfirm },
    };
    return table;
}

ApiServer::ApiServer(EmbeddedEngine& engine, HttpLimits limits, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
{
    addOperatorCalls();
    m_http = std::make_unique<HttpServer>(
        limits, [this](ServerRequest request, HttpResponder responder) { handle(std::move(request), std::move(responder)); }, protocolRefusal);
}

ApiServer::~ApiServer() = default;

Result<quint16> ApiServer::listen(const QHostAddress& address, quint16 port, const QByteArray& certificateChainPem, const QByteArray& privateKeyPem)
{
    return m_http->listen(address, port, certificateChainPem, privateKeyPem);
}

QStringList ApiServer::routes()
{
    QStringList all;
    for (const Route& route : routeTable())
        all.append(QStringLiteral("%1 %2").arg(QLatin1String(route.verb), QLatin1String(route.path)));
    return all;
}

QStringList ApiServer::operatorMethods()
{
    return { QStringLiteral("session"), QStringLiteral("workflows"), QStringLiteral("findPeople"), QStringLiteral("person"), QStringLiteral("devicesOf"), QStringLiteral("device"),
        QStringLiteral("certificatesOf"), QStringLiteral("jobsOf"), QStringLiteral("findDevices"), QStringLiteral("findJobs"), QStringLiteral("cancelJob"),
        QStringLiteral("requestCredential"), QStringLiteral("validateRequest"), QStringLiteral("regenerateCode"), QStringLiteral("changeDevice"),
        QStringLiteral("unlockCode"), QStringLiteral("requestableProfiles"), QStringLiteral("hardware"), QStringLiteral("addHardware"),
        QStringLiteral("deactivateHardware"), QStringLiteral("roles"), QStringLiteral("saveRole"), QStringLiteral("credentialProfiles"),
        QStringLiteral("profileVersions"), QStringLiteral("certificatePolicies"), QStringLiteral("saveCredentialProfile"), QStringLiteral("notificationsOf"),
        QStringLiteral("resendNotification"), QStringLiteral("messageTemplates"), QStringLiteral("saveMessageTemplate"), QStringLiteral("settings"),
        QStringLiteral("saveSettings"), QStringLiteral("audit"), QStringLiteral("verifyAudit"), QStringLiteral("lockJobs"), QStringLiteral("timezones"), QStringLiteral("requestPinLock"),
        QStringLiteral("updatePinLock"), QStringLiteral("cancelPinLock"), QStringLiteral("temporaryUnlock"), QStringLiteral("checkParentCard"),
        QStringLiteral("requestDerivedCredential"), QStringLiteral("endParentCardTrust"), QStringLiteral("dueLockJobs"), QStringLiteral("reportLockJob"),
        QStringLiteral("vscUnblockChallenge"), QStringLiteral("releaseHeldPuk"), QStringLiteral("setCardIdentifiers") };
}

void ApiServer::handle(ServerRequest request, HttpResponder responder)
{
    const QString path = loggedPath(request.path);
    bool pathKnown = false;
    for (const Route& route : routeTable()) {
        const auto argument = match(route.path, request.path);
        if (!argument)
            continue;
        pathKnown = true;
        if (request.method != route.verb)
            continue;
        deliver(std::move(responder), path, request.remoteAddress, (this->*route.handle)(request, *argument));
        return;
    }
    const Error refusal = pathKnown ? Error(ErrorCode::NotFound, QStringLiteral("this route does not take %1").arg(QString::fromLatin1(request.method.left(16))),
                                          { { QStringLiteral("what"), QStringLiteral("method") } })
                                    : Error(ErrorCode::NotFound, QStringLiteral("no such route"), { { QStringLiteral("what"), QStringLiteral("route") } });
    deliver(std::move(responder), path, request.remoteAddress, ready(errorResponse(refusal)));
}

void ApiServer::deliver(HttpResponder responder, const QString& path, const QString& remote, QFuture<ServerResponse> future)
{
    auto pending = std::make_shared<HttpResponder>(std::move(responder));
    auto* watcher = new QFutureWatcher<ServerResponse>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, pending, path, remote] {
        watcher->deleteLater();
        QFuture<ServerResponse> done = watcher->future();
        ServerResponse response = done.resultCount() > 0 ? done.takeResult() : errorResponse(Error(ErrorCode::StorageFailure, QStringLiteral("the call ended without an answer")));
        if (!pending->isConnected()) {
            logAnswer(path, response.statusCode(), remote, QStringLiteral("client left before the answer"));
            pending->send(std::move(response));
            return;
        }
        logAnswer(path, response.statusCode(), remote);
        addCommonHeaders(response, path);
        pending->send(std::move(response));
    });
    watcher->setFuture(std::move(future));
}

QFuture<ServerResponse> ApiServer::health(const ServerRequest&, const QString&)
{
    const EngineInfo info = m_engine.info();
    return ready(ServerResponse(QJsonObject { { QStringLiteral("status"), QStringLiteral("ok") }, { QStringLiteral("schema"), info.schemaVersion } }));
}

QFuture<ServerResponse> ApiServer::caCertificate(const ServerRequest&, const QString&)
{
    return answer(this, m_engine.caCertificate(), [](const QByteArray& pem) { return ServerResponse("application/x-pem-file", pem); });
}

QFuture<ServerResponse> ApiServer::revocationList(const ServerRequest&, const QString&)
{
    return answer(this, m_engine.certificateRevocationList(), [](const QByteArray& der) { return ServerResponse("application/pkix-crl", der); });
}

QFuture<ServerResponse> ApiServer::logon(const ServerRequest& request, const QString&)
{
    auto body = bodyOf(request);
    if (!body)
        return ready(errorResponse(body.error()));
    // Bounded before anything is stored or echoed: a stranger writes these.
    json::JsonReader r(*body);
    const QString logonName = r.text("logonName", PeopleService::kMaxLogonNameLength);
    const QString password = r.text("password", PeopleService::kMaxPasswordLength);
    if (!r.ok())
        return ready(errorResponse(r.error()));
    return answer(this, m_engine.issueToken(logonName, password, request.remoteAddress), sessionAnswer);
}

QFuture<ServerResponse> ApiServer::cardLogonChallenge(const ServerRequest& request, const QString&)
{
    return answer(this, m_engine.cardLogonChallengeFor(request.remoteAddress), [](const QByteArray& challenge) {
        return QJsonObject { { QStringLiteral("challenge"), QString::fromLatin1(challenge.toBase64()) }, { QStringLiteral("expiresIn"), CardLogonService::kChallengeSeconds } };
    });
}

QFuture<ServerResponse> ApiServer::cardLogon(const ServerRequest& request, const QString&)
{
    auto body = bodyOf(request);
    if (!body)
        return ready(errorResponse(body.error()));
    json::JsonReader r(*body);
    const QByteArray certificate = r.base64("certificate", 64 * 1024);
    const QByteArray challenge = r.base64("challenge", 1024);
    const QByteArray signature = r.base64("signature", 4096);
    if (!r.ok())
        return ready(errorResponse(r.error()));
    return answer(this, m_engine.issueTokenForCard(certificate, challenge, signature), sessionAnswer);
}

QFuture<ServerResponse> ApiServer::logoff(const ServerRequest& request, const QString&)
{
    return answer(this, m_engine.revokeToken(bearerToken(request)), [] { return QJsonObject {}; });
}

QFuture<ServerResponse> ApiServer::renewSession(const ServerRequest& request, const QString&)
{
    const QString token = bearerToken(request);
    if (token.isEmpty())
        return ready(errorResponse(Error(ErrorCode::NotAuthenticated, QStringLiteral("no bearer token"))));
    return answer(this, m_engine.renewToken(token), [](const QDateTime& until) { return QJsonObject { { QStringLiteral("expiresAt"), until.toString(Qt::ISODateWithMs) } }; });
}

QFuture<ServerResponse> ApiServer::collectStart(const ServerRequest& request, const QString&)
{
    auto body = bodyOf(request);
    if (!body)
        return ready(errorResponse(body.error()));
    auto start = json::toCollectionStart(*body);
    if (!start)
        return ready(errorResponse(start.error()));
    return answer(this, m_engine.startCollection(*start), json::fromCollectionSession);
}

QFuture<ServerResponse> ApiServer::collectSubmit(const ServerRequest& request, const QString&)
{
    auto body = bodyOf(request);
    if (!body)
        return ready(errorResponse(body.error()));
    auto submission = json::toCollectionSubmission(*body);
    if (!submission)
        return ready(errorResponse(submission.error()));
    return answer(this, m_engine.submitCollection(*submission), [](const CollectionBundle& b) {
        return QJsonObject { { QStringLiteral("bundle"), QString::fromLatin1(b.signedData.toBase64()) }, { QStringLiteral("device"), b.deviceSerial } };
    });
}

QFuture<ServerResponse> ApiServer::collectConfirm(const ServerRequest& request, const QString&)
{
    auto body = bodyOf(request);
    if (!body)
        return ready(errorResponse(body.error()));
    return answer(this, m_engine.confirmCollection(body->value(QStringLiteral("session")).toString()),
        [](const Device& d) { return QJsonObject { { QStringLiteral("device"), d.serial }, { QStringLiteral("state"), deviceStateId(d.state) } }; });
}

QFuture<ServerResponse> ApiServer::operatorCall(const ServerRequest& request, const QString& method)
{
    // Who is asking comes first: a caller without a session learns nothing, not even which
    // method names exist.
    const QString token = bearerToken(request);
    if (token.isEmpty())
        return ready(errorResponse(Error(ErrorCode::NotAuthenticated, QStringLiteral("no bearer token"))));
    auto promise = newPromise();
    const QByteArray raw = request.body;
    whenFinished(m_engine.resolveToken(token), this, [this, promise, method, raw](Result<OperatorSession> session) {
        if (!session)
            return fulfil(promise, errorResponse(session.error()));
        const auto call = m_calls.constFind(method);
        if (call == m_calls.cend())
            return fulfil(promise, errorResponse(Error(ErrorCode::NotFound, QStringLiteral("no operator method '%1'").arg(method.left(60)), { { QStringLiteral("what"), QStringLiteral("method") } })));
        auto body = jsonBody(raw);
        if (!body)
            return fulfil(promise, errorResponse(body.error()));
        // The engine checks permission and scope itself, as in embedded mode.
        (*call)(*session, *body, promise);
    });
    return promise->future();
}

QFuture<ServerResponse> ApiServer::collectionPage(const ServerRequest&, const QString& token)
{
    Q_UNUSED(token) // the page is the same for every token: it only helps the phone find the app
    auto links = m_engine.runTask<QPair<QString, QString>>([](const EngineContext& ctx, QSqlDatabase db) -> Result<QPair<QString, QString>> {
        auto settings = SettingsService(ctx, db).load();
        if (!settings)
            return settings.error();
        return qMakePair(settings->value(SettingKey::AndroidAppUrl), settings->value(SettingKey::IosAppUrl));
    });
    return answer(this, links, [](const QPair<QString, QString>& l) {
        const auto link = [](const QString& url, const char* label) {
            return url.isEmpty() ? QString() : QStringLiteral("<p><a href=\"%1\">%2</a></p>").arg(url.toHtmlEscaped(), QString::fromLatin1(label));
        };
        const QString html = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                                            "<title>Lanyard</title></head><body><h1>Collect your identity</h1>"
                                            "<p>Open this link with the Lanyard agent app, or scan the QR code with it. Install the app first:</p>%1%2"
                                            "</body></html>")
                                 .arg(link(l.first, "Android app"), link(l.second, "iOS app"));
        return ServerResponse("text/html; charset=utf-8", html.toUtf8());
    });
}


void ApiServer::addOperatorCalls()
{
    Engine& e = m_engine;
    QObject* ctx = this;
    m_calls = {
        { QStringLiteral("workflows"), [&e, ctx](const OperatorSession& s, const QJsonObject&, const Promise& p) {
             answerInto(ctx, p, e.workflows(s), [](const QList<Workflow>& w) { return QJsonObject { { QStringLiteral("workflows"), json::fromWorkflows(w) } }; });
         } },
        { QStringLiteral("findPeople"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             auto q = json::toPersonQuery(a);
             if (!q)
                 return fulfil(p, errorResponse(q.error()));
             answerInto(ctx, p, e.findPeople(s, *q), json::fromPersonPage);
         } },
        { QStringLiteral("person"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             answerInto(ctx, p, e.person(s, idArg(a, "personId")), json::fromPerson);
         } },
        { QStringLiteral("devicesOf"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             answerInto(ctx, p, e.devicesOf(s, idArg(a, "personId")),
                 listOf(QStringLiteral("devices"), json::fromDevice));
         } },
        { QStringLiteral("device"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             answerInto(ctx, p, e.device(s, idArg(a, "deviceId")), json::fromDevice);
         } },
        { QStringLiteral("certificatesOf"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             answerInto(ctx, p, e.certificatesOf(s, idArg(a, "deviceId")),
                 listOf(QStringLiteral("certificates"), json::fromCertificate));
         } },
        { QStringLiteral("jobsOf"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             answerInto(ctx, p, e.jobsOf(s, idArg(a, "personId")),
                 listOf(QStringLiteral("jobs"), json::fromJob));
         } },
        { QStringLiteral("findDevices"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             answerInto(ctx, p, e.findDevices(s, a.value(QStringLiteral("text")).toString()),
                 listOf(QStringLiteral("devices"), json::fromDevice));
         } },
        { QStringLiteral("findJobs"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             auto q = json::toJobQuery(a);
             if (!q)
                 return fulfil(p, errorResponse(q.error()));
             answerInto(ctx, p, e.findJobs(s, *q), listOf(QStringLiteral("jobs"), json::fromJob));
         } },
        { QStringLiteral("cancelJob"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             answerInto(ctx, p, e.cancelJob(s, idArg(a, "jobId"), a.value(QStringLiteral("reason")).toString()), json::fromJob);
         } },
        { QStringLiteral("requestCredential"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             answerInto(ctx, p,
                 e.requestCredential(s, idArg(a, "personId"), idArg(a, "profileId"), a.value(QStringLiteral("showCode")).toBool(),
                     a.value(QStringLiteral("targetComputer")).toString().left(255)),
                 json::fromIssuedRequest);
         } },
        { QStringLiteral("validateRequest"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             answerInto(ctx, p, e.validateRequest(s, idArg(a, "jobId"), a.value(QStringLiteral("approve")).toBool(), a.value(QStringLiteral("showCode")).toBool()),
                 json::fromIssuedRequest);
         } },
        { QStringLiteral("regenerateCode"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             answerInto(ctx, p, e.regenerateCode(s, idArg(a, "jobId"), a.value(QStringLiteral("showCode")).toBool()), json::fromIssuedRequest);
         } },
        { QStringLiteral("changeDevice"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             auto action = json::toDeviceAction(a.value(QStringLiteral("action")).toObject());
             if (!action)
                 return fulfil(p, errorResponse(action.error()));
             answerInto(ctx, p, e.changeDevice(s, idArg(a, "deviceId"), *action), json::fromDevice);
         } },
        { QStringLiteral("requestableProfiles"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             answerInto(ctx, p, e.requestableProfiles(s, idArg(a, "personId")), listOf(QStringLiteral("profiles"), json::fromCredentialProfile));
         } },
        { QStringLiteral("session"), [](const OperatorSession& s, const QJsonObject&, const Promise& p) {
             fulfil(p, ServerResponse(QJsonObject { { QStringLiteral("operator"), json::fromSession(s) } }));
         } },
        { QStringLiteral("hardware"), [&e, ctx](const OperatorSession& s, const QJsonObject&, const Promise& p) {
             answerInto(ctx, p, e.hardware(s), listOf(QStringLiteral("hardware"), json::fromHardware));
         } },
        { QStringLiteral("addHardware"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             auto h = json::toHardware(a.value(QStringLiteral("hardware")).toObject());
             if (!h)
                 return fulfil(p, errorResponse(h.error()));
             answerInto(ctx, p, e.addHardware(s, *h), idObject);
         } },
        { QStringLiteral("setCardIdentifiers"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             json::JsonReader r(a);
             CardIdentifiers ids;
             const qint64 personId = r.integer("personId", 1);
             // Generous for pasted text; the engine normalises and refuses what is not an identifier.
             ids.fascn = r.text("fascn", 100);
             ids.cardUuid = r.text("cardUuid", 100);
             if (!r.ok())
                 return fulfil(p, errorResponse(r.error()));
             answerInto(ctx, p, e.setCardIdentifiers(s, personId, ids), json::fromPerson);
         } },
        { QStringLiteral("deactivateHardware"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             answerInto(ctx, p, e.deactivateHardware(s, idArg(a, "id")), [] { return QJsonObject {}; });
         } },
        { QStringLiteral("roles"), [&e, ctx](const OperatorSession& s, const QJsonObject&, const Promise& p) {
             answerInto(ctx, p, e.roles(s), listOf(QStringLiteral("roles"), json::fromRole));
         } },
        { QStringLiteral("saveRole"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             auto role = json::toRole(a.value(QStringLiteral("role")).toObject());
             if (!role)
                 return fulfil(p, errorResponse(role.error()));
             answerInto(ctx, p, e.saveRole(s, *role), idObject);
         } },
        { QStringLiteral("credentialProfiles"), [&e, ctx](const OperatorSession& s, const QJsonObject&, const Promise& p) {
             answerInto(ctx, p, e.credentialProfiles(s), listOf(QStringLiteral("profiles"), json::fromCredentialProfile));
         } },
        { QStringLiteral("profileVersions"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             answerInto(ctx, p, e.profileVersions(s, idArg(a, "lineage")), listOf(QStringLiteral("profiles"), json::fromCredentialProfile));
         } },
        { QStringLiteral("certificatePolicies"), [&e, ctx](const OperatorSession& s, const QJsonObject&, const Promise& p) {
             answerInto(ctx, p, e.certificatePolicies(s), listOf(QStringLiteral("policies"), json::fromCertificatePolicy));
         } },
        { QStringLiteral("saveCredentialProfile"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             auto profile = json::toCredentialProfile(a.value(QStringLiteral("profile")).toObject());
             if (!profile)
                 return fulfil(p, errorResponse(profile.error()));
             answerInto(ctx, p, e.saveCredentialProfile(s, *profile), idObject);
         } },
        { QStringLiteral("notificationsOf"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             answerInto(ctx, p, e.notificationsOf(s, idArg(a, "jobId")), listOf(QStringLiteral("notifications"), json::fromNotification));
         } },
        { QStringLiteral("resendNotification"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             answerInto(ctx, p, e.resendNotification(s, idArg(a, "notificationId")), json::fromNotification);
         } },
        { QStringLiteral("messageTemplates"), [&e, ctx](const OperatorSession& s, const QJsonObject&, const Promise& p) {
             answerInto(ctx, p, e.messageTemplates(s), listOf(QStringLiteral("templates"), json::fromMessageTemplate));
         } },
        { QStringLiteral("saveMessageTemplate"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             auto t = json::toMessageTemplate(a.value(QStringLiteral("template")).toObject());
             if (!t)
                 return fulfil(p, errorResponse(t.error()));
             answerInto(ctx, p, e.saveMessageTemplate(s, *t), [] { return QJsonObject {}; });
         } },
        { QStringLiteral("settings"), [&e, ctx](const OperatorSession& s, const QJsonObject&, const Promise& p) {
             answerInto(ctx, p, e.settings(s), json::fromSettings);
         } },
        { QStringLiteral("saveSettings"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             auto settings = json::toSettings(a.value(QStringLiteral("settings")).toObject());
             if (!settings)
                 return fulfil(p, errorResponse(settings.error()));
             answerInto(ctx, p, e.saveSettings(s, *settings), [] { return QJsonObject {}; });
         } },
        { QStringLiteral("audit"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             auto q = json::toAuditQuery(a);
             if (!q)
                 return fulfil(p, errorResponse(q.error()));
             answerInto(ctx, p, e.audit(s, *q), listOf(QStringLiteral("events"), json::fromAuditEvent));
         } },
        { QStringLiteral("verifyAudit"), [&e, ctx](const OperatorSession& s, const QJsonObject&, const Promise& p) {
             answerInto(ctx, p, e.verifyAudit(s), json::fromAuditVerification);
         } },
        { QStringLiteral("lockJobs"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             answerInto(ctx, p, e.lockJobs(s, idArg(a, "deviceId")), listOf(QStringLiteral("jobs"), json::fromJob));
         } },
        { QStringLiteral("timezones"), [&e, ctx](const OperatorSession& s, const QJsonObject&, const Promise& p) {
             answerInto(ctx, p, e.timezones(s), [](const QList<Timezone>& zones) {
                 Settings only;
                 only.timezones = zones;
                 return QJsonObject { { QStringLiteral("timezones"), json::fromSettings(only).value(QStringLiteral("timezones")) } };
             });
         } },
        { QStringLiteral("requestPinLock"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             auto when = json::toLockSchedule(a.value(QStringLiteral("when")).toObject());
             if (!when)
                 return fulfil(p, errorResponse(when.error()));
             answerInto(ctx, p, e.requestPinLock(s, idArg(a, "deviceId"), *when, a.value(QStringLiteral("reason")).toString()), json::fromJob);
         } },
        { QStringLiteral("updatePinLock"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             auto when = json::toLockSchedule(a.value(QStringLiteral("when")).toObject());
             if (!when)
                 return fulfil(p, errorResponse(when.error()));
             answerInto(ctx, p, e.updatePinLock(s, idArg(a, "deviceId"), *when, a.value(QStringLiteral("reason")).toString()), json::fromJob);
         } },
        { QStringLiteral("cancelPinLock"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             answerInto(ctx, p, e.cancelPinLock(s, idArg(a, "deviceId"), a.value(QStringLiteral("reason")).toString()), json::fromJob);
         } },
        { QStringLiteral("temporaryUnlock"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             answerInto(ctx, p,
                 e.temporaryUnlock(s, idArg(a, "deviceId"), a.value(QStringLiteral("challenge")).toString(), int(idArg(a, "hours")), a.value(QStringLiteral("reason")).toString()),
                 json::fromTemporaryAccess);
         } },
        { QStringLiteral("dueLockJobs"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             answerInto(ctx, p, e.dueLockJobs(s, a.value(QStringLiteral("dnsName")).toString()), listOf(QStringLiteral("tasks"), json::fromVscLockTask));
         } },
        { QStringLiteral("reportLockJob"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             auto outcome = json::toVscLockOutcome(a.value(QStringLiteral("outcome")).toObject());
             if (!outcome)
                 return fulfil(p, errorResponse(outcome.error()));
             answerInto(ctx, p, e.reportLockJob(s, *outcome), json::fromJob);
         } },
        { QStringLiteral("vscUnblockChallenge"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             const auto der = QByteArray::fromBase64Encoding(a.value(QStringLiteral("certificate")).toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
             if (!der)
                 return fulfil(p, errorResponse(Error(ErrorCode::InvalidArgument, QStringLiteral("certificate: not base64"))));
             answerInto(ctx, p, e.vscUnblockChallenge(s, *der), json::fromVscUnblockChallenge);
         } },
        { QStringLiteral("releaseHeldPuk"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             answerInto(ctx, p, e.releaseHeldPuk(s, idArg(a, "deviceId"), a.value(QStringLiteral("response")).toString()),
                 [](const QString& puk) { return QJsonObject { { QStringLiteral("puk"), puk } }; });
         } },
        { QStringLiteral("checkParentCard"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             auto card = json::toParentCard(a.value(QStringLiteral("card")).toObject());
             if (!card)
                 return fulfil(p, errorResponse(card.error()));
             answerInto(ctx, p, e.checkParentCard(s, *card), json::fromParentCardCheck);
         } },
        { QStringLiteral("requestDerivedCredential"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             auto card = json::toParentCard(a.value(QStringLiteral("card")).toObject());
             if (!card)
                 return fulfil(p, errorResponse(card.error()));
             const auto challenge = QByteArray::fromBase64Encoding(a.value(QStringLiteral("challenge")).toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
             const auto signature = QByteArray::fromBase64Encoding(a.value(QStringLiteral("signature")).toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
             if (!challenge || !signature)
                 return fulfil(p, errorResponse(Error(ErrorCode::InvalidArgument, QStringLiteral("challenge and signature are base64"),
                                      { { QStringLiteral("field"), QStringLiteral("signature") } })));
             answerInto(ctx, p, e.requestDerivedCredential(s, *card, *challenge, *signature), json::fromIssuedRequest);
         } },
        { QStringLiteral("endParentCardTrust"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             auto what = json::toParentTrustEnd(a);
             if (!what)
                 return fulfil(p, errorResponse(what.error()));
             answerInto(ctx, p, e.endParentCardTrust(s, *what), json::fromParentTrustReport);
         } },
        { QStringLiteral("unlockCode"), [&e, ctx](const OperatorSession& s, const QJsonObject& a, const Promise& p) {
             answerInto(ctx, p, e.unlockCode(s, idArg(a, "deviceId"), a.value(QStringLiteral("challenge")).toString()),
                 [](const QString& code) { return QJsonObject { { QStringLiteral("code"), code } }; });
         } },
    };

#ifndef QT_NO_DEBUG
    const QStringList documented = operatorMethods();
    Q_ASSERT(QSet<QString>(m_calls.keyBegin(), m_calls.keyEnd()) == QSet<QString>(documented.cbegin(), documented.cend()));
#endif
}

} // namespace lanyard
