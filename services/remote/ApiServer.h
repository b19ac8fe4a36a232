#pragma once

#include "core/Result.h"
#include "engine/EmbeddedEngine.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QFutureInterface>
#include <QHttpServerResponse>
#include <QSslCertificate>
#include <QSslKey>

#include <functional>
#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponse;
class QHttpServerResponder;

namespace lanyard {

// The engine over HTTPS (resources/api.md): operator logon and calls, the collection
// endpoints for phones, the collection page for browsers, the CA and CRL, and a health check.
// Handlers never wait: each hands its work to the engine's worker threads and answers with a
// future, so a slow call never holds up another.
class ApiServer : public QObject {
    Q_OBJECT
public:
    explicit ApiServer(EmbeddedEngine& engine, QObject* parent = nullptr);
    ~ApiServer() override;

    // TLS when a certificate is given; plain HTTP only for tests of the routing itself.
    Result<quint16> listen(const QHostAddress& address, quint16 port, const QSslCertificate& certificate, const QSslKey& key);

    // Every route and operator method, as documented; a test holds the API document to this.
    static QStringList routes();
    static QStringList operatorMethods();

    // QFutureInterface rather than QPromise: Qt 6.4's ~QPromise runs the continuation a
    // second time, which QHttpServer's continuation does not survive.
    using Promise = std::shared_ptr<QFutureInterface<QHttpServerResponse>>;

private:
    using Call = std::function<void(const OperatorSession&, const QJsonObject&, const Promise&)>;
    void addRoutes();
    void deliver(QHttpServerResponder&& responder, const QHttpServerRequest& request, QFuture<QHttpServerResponse> future);
    QFuture<QHttpServerResponse> operatorCall(const QString& method, const QHttpServerRequest& request);
    QFuture<QHttpServerResponse> collectionPage(const QString& token);

    EmbeddedEngine& m_engine;
    std::unique_ptr<QHttpServer> m_http;
    QMap<QString, Call> m_calls;
};

} // namespace lanyard
