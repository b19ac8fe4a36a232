#include "ApiServer.h"

#include "JsonCodec.h"
#include "JsonReader.h"
#include "OperatorOperations.h"
#include "core/WhenFinished.h"
#include "engine/CardLogonService.h"
#include "engine/PeopleService.h"
#include "engine/SettingsSchema.h"
#include "engine/SettingsService.h"

#include <QCryptographicHash>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QLocale>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcApi, "lanyard.api")

namespace lanyard {

int ApiServer::httpStatusOf(ErrorCode code)
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
    case ErrorCode::DirectoryFailure:
        return http_status::BadGateway; // the directory behind the server failed, not the server
    default:
        return http_status::BadRequest;
    }
}

namespace {
ServerResponse errorResponse(const Error& given)
{
    Error e = given;
    if (ApiServer::httpStatusOf(e.code) == http_status::InternalServerError) {
        // The server's own failure: its detail (SQL, paths, OpenSSL) is for the log, at error
        // level, and the caller gets the code and a plain sentence.
        qCCritical(lcApi).noquote() << e.toLogString();
        e.detail = QStringLiteral("the server could not complete the request (%1); its log says why").arg(errorId(e.code));
        e.args.clear();
    }
    ServerResponse r(QJsonObject { { QStringLiteral("error"), json::fromError(e) } }, ApiServer::httpStatusOf(e.code));
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
        { "GET", "/crl/{file}", &ApiServer::publishedCrl },
        { "GET", "/ca/{file}", &ApiServer::publishedCaCertificate },
        { "POST", "/ocsp", &ApiServer::ocspPost },
        { "GET", "/ocsp/{request}", &ApiServer::ocspGet },
        { "POST", "/api/v1/logon", &ApiServer::logon },
        { "POST", "/api/v1/logon/card/challenge", &ApiServer::cardLogonChallenge },
        { "POST", "/api/v1/logon/card", &ApiServer::cardLogon },
        { "POST", "/api/v1/logoff", &ApiServer::logoff },
        { "POST", "/api/v1/session/renew", &ApiServer::renewSession },
        { "POST", "/api/v1/operator/{method}", &ApiServer::operatorCall },
        { "POST", "/api/v1/collect/start", &ApiServer::collectStart },
        { "POST", "/api/v1/collect/submit", &ApiServer::collectSubmit },
        { "POST", "/api/v1/collect/confirm", &ApiServer::collectConfirm },
        { "POST", "/api/v1/collect/abandon", &ApiServer::collectAbandon },
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
    QStringList all { QStringLiteral("session") };
    std::apply([&](const auto&... op) { ((all << QLatin1String(op.name)), ...); }, wire::kOperatorOperations);
    return all;
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

namespace {
// "<name>.<extension>" → name; nothing for another extension.
std::optional<QString> publishedName(const QString& file, const char* extension)
{
    const QString suffix = QLatin1Char('.') + QLatin1String(extension);
    if (!file.endsWith(suffix) || file.size() == suffix.size())
        return std::nullopt;
    return file.chopped(suffix.size());
}

Error notPublished(const QString& file)
{
    return Error(ErrorCode::NotFound, QStringLiteral("nothing is published as '%1'").arg(file.left(80)), { { QStringLiteral("what"), QStringLiteral("ca") } });
}

QByteArray httpDate(const QDateTime& at)
{
    return QLocale::c().toString(at.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}
} // namespace

// The CRL a certificate's distribution point names. Caches may keep it a few minutes, never
// past its nextUpdate, so a revocation reaches relying parties soon.
QFuture<ServerResponse> ApiServer::publishedCrl(const ServerRequest&, const QString& file)
{
    const auto name = publishedName(file, "crl");
    if (!name)
        return ready(errorResponse(notPublished(file)));
    return answer(this, m_engine.publishedCrl(*name), [](const CertificateService::PublishedCrl& crl) {
        ServerResponse response("application/pkix-crl", crl.der);
        const qint64 left = qMax<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(crl.nextUpdate));
        response.addHeader("Cache-Control", "public, max-age=" + QByteArray::number(qMin<qint64>(kCrlCacheSeconds, left)));
        response.addHeader("Last-Modified", httpDate(crl.thisUpdate));
        response.addHeader("Expires", httpDate(crl.nextUpdate));
        response.addHeader("ETag", '"' + QCryptographicHash::hash(crl.der, QCryptographicHash::Sha256).toHex().left(32) + '"');
        return response;
    });
}

// The CA certificate a certificate's authority information access names (DER, RFC 5280).
QFuture<ServerResponse> ApiServer::publishedCaCertificate(const ServerRequest&, const QString& file)
{
    const auto name = publishedName(file, "crt");
    if (!name)
        return ready(errorResponse(notPublished(file)));
    return answer(this, m_engine.publishedCaCertificate(*name), [](const QByteArray& der) {
        ServerResponse response("application/pkix-cert", der);
        response.addHeader("Cache-Control", "public, max-age=86400");
        response.addHeader("ETag", '"' + QCryptographicHash::hash(der, QCryptographicHash::Sha256).toHex().left(32) + '"');
        return response;
    });
}

namespace {
ServerResponse ocspAnswer(const QByteArray& der)
{
    ServerResponse response("application/ocsp-response", der);
    // Each answer is signed now and may carry the asker's nonce: a shared cache must not keep it.
    response.addHeader("Cache-Control", "no-store");
    return response;
}
} // namespace

// The OCSP responder (RFC 6960 appendix A): the DER request as the body of a POST…
QFuture<ServerResponse> ApiServer::ocspPost(const ServerRequest& request, const QString&)
{
    return answer(this, m_engine.answerOcsp(request.body), ocspAnswer);
}

// …or, for small requests, base64 in the path of a GET (its '/', '+' and '=' percent-escaped).
QFuture<ServerResponse> ApiServer::ocspGet(const ServerRequest&, const QString& encoded)
{
    const QByteArray der = QByteArray::fromBase64(QByteArray::fromPercentEncoding(encoded.toLatin1()));
    return answer(this, m_engine.answerOcsp(der), ocspAnswer);
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
    json::JsonReader r(*body);
    r.require("session");
    const QString session = r.text("session", 200);
    if (!r.ok())
        return ready(errorResponse(r.error()));
    return answer(this, m_engine.confirmCollection(session),
        [](const Device& d) { return QJsonObject { { QStringLiteral("device"), d.serial }, { QStringLiteral("state"), deviceStateId(d.state) } }; });
}

QFuture<ServerResponse> ApiServer::collectAbandon(const ServerRequest& request, const QString&)
{
    auto body = bodyOf(request);
    if (!body)
        return ready(errorResponse(body.error()));
    json::JsonReader r(*body);
    r.require("session");
    const QString session = r.text("session", 200);
    const QString reason = r.text("reason", 200);
    if (!r.ok())
        return ready(errorResponse(r.error()));
    return answer(this, m_engine.abandonCollection(session, reason), [] { return QJsonObject { { QStringLiteral("abandoned"), true } }; });
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
    auto links = m_engine.runPublicTask<QPair<QString, QString>>([](const EngineContext& ctx, QSqlDatabase db) -> Result<QPair<QString, QString>> {
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


// One call per line of the operation table, plus `session`, which asks nothing of the engine.
void ApiServer::addOperatorCalls()
{
    m_calls.insert(QStringLiteral("session"), [](const OperatorSession& s, const QJsonObject&, const Promise& p) {
        fulfil(p, ServerResponse(QJsonObject { { QStringLiteral("operator"), json::fromSession(s) } }));
    });
    std::apply([this](const auto&... op) { (addOperatorCall(op), ...); }, wire::kOperatorOperations);
}

template <typename Op>
void ApiServer::addOperatorCall(const Op& op)
{
    m_calls.insert(QLatin1String(op.name), [this, op](const OperatorSession& s, const QJsonObject& body, const Promise& p) {
        auto args = op.readArguments(body);
        if (!args)
            return fulfil(p, errorResponse(args.error()));
        Engine& engine = m_engine;
        auto future = std::apply([&](const auto&... a) { return (engine.*Op::method)(s, a...); }, *args);
        if constexpr (std::is_void_v<typename Op::Value>)
            answerInto(this, p, std::move(future), [] { return QJsonObject {}; });
        else
            answerInto(this, p, std::move(future), [op](const typename Op::Value& value) { return op.writeAnswer(value); });
    });
}

} // namespace lanyard
