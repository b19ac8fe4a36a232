#pragma once

#include "core/Result.h"
#include "engine/EmbeddedEngine.h"
#include "remote/HttpServer.h"

#include <QFutureInterface>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <memory>
#include <span>

namespace lanyard {

// The engine over HTTPS (resources/api.md): operator logon and calls, the collection
// endpoints for phones, the collection page for browsers, the CA and CRL, and a health check.
// Handlers never wait: each hands its work to the engine's worker threads and answers with a
// future, so a slow call never holds up another. The connections themselves are the
// HttpServer's.
class ApiServer : public QObject {
    Q_OBJECT
public:
    // How long a cache may keep a published CRL (never past its nextUpdate): a revocation
    // reaches relying parties within this many seconds.
    static constexpr qint64 kCrlCacheSeconds = 300;

    explicit ApiServer(EmbeddedEngine& engine, HttpLimits limits = {}, QObject* parent = nullptr);
    ~ApiServer() override;

    // TLS only: the certificate chain and key in PEM.
    Result<quint16> listen(const QHostAddress& address, quint16 port, const QByteArray& certificateChainPem, const QByteArray& privateKeyPem);

    // Every route and operator method, as documented; a test holds the API document to this.
    static QStringList routes();
    static QStringList operatorMethods();
    // The HTTP status an error code answers with (api.md lists them; a test compares).
    static int httpStatusOf(ErrorCode code);

    // QFutureInterface rather than QPromise: Qt 6.4's ~QPromise runs the continuation a
    // second time.
    using Promise = std::shared_ptr<QFutureInterface<ServerResponse>>;
    using Handle = QFuture<ServerResponse> (ApiServer::*)(const ServerRequest& request, const QString& pathArgument);
    struct Route {
        const char* verb;
        const char* path; // a last segment "{name}" matches one non-empty segment
        Handle handle;
    };

private:
    using Call = std::function<void(const OperatorSession&, const QJsonObject&, const Promise&)>;
    static std::span<const Route> routeTable();
    void addOperatorCalls();
    template <typename Op>
    void addOperatorCall(const Op& op);
    void handle(ServerRequest request, HttpResponder responder);
    void deliver(HttpResponder responder, const QString& path, const QString& remote, QFuture<ServerResponse> future);

    QFuture<ServerResponse> health(const ServerRequest& request, const QString&);
    QFuture<ServerResponse> collectionPage(const ServerRequest& request, const QString& token);
    QFuture<ServerResponse> caCertificate(const ServerRequest& request, const QString&);
    QFuture<ServerResponse> revocationList(const ServerRequest& request, const QString&);
    QFuture<ServerResponse> publishedCrl(const ServerRequest& request, const QString& file);
    QFuture<ServerResponse> publishedCaCertificate(const ServerRequest& request, const QString& file);
    QFuture<ServerResponse> ocspPost(const ServerRequest& request, const QString&);
    QFuture<ServerResponse> ocspGet(const ServerRequest& request, const QString& encoded);
    QFuture<ServerResponse> logon(const ServerRequest& request, const QString&);
    QFuture<ServerResponse> cardLogonChallenge(const ServerRequest& request, const QString&);
    QFuture<ServerResponse> cardLogon(const ServerRequest& request, const QString&);
    QFuture<ServerResponse> logoff(const ServerRequest& request, const QString&);
    QFuture<ServerResponse> renewSession(const ServerRequest& request, const QString&);
    QFuture<ServerResponse> operatorCall(const ServerRequest& request, const QString& method);
    QFuture<ServerResponse> collectStart(const ServerRequest& request, const QString&);
    QFuture<ServerResponse> collectSubmit(const ServerRequest& request, const QString&);
    QFuture<ServerResponse> collectConfirm(const ServerRequest& request, const QString&);
    QFuture<ServerResponse> collectAbandon(const ServerRequest& request, const QString&);

    EmbeddedEngine& m_engine;
    QMap<QString, Call> m_calls;
    std::unique_ptr<HttpServer> m_http;
};

} // namespace lanyard
