#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

#include <functional>
#include <memory>

namespace lanyard {

// What one connection may cost the server before it is closed. Every field is a bound an
// attacker would otherwise choose (resources/api.md, "Limits").
struct HttpLimits {
    qsizetype headerBytes = 64 * 1024; // request line and every header together; beyond: 431
    qsizetype bodyBytes = 1024 * 1024; // beyond: 413, from Content-Length before any is read
    int handshakeSeconds = 10;
    // From the connection (or the previous answer) to the end of the request header: a
    // client that trickles its header, or holds an idle connection, is closed after this.
    int headerSeconds = 10;
    int bodySeconds = 30;
    int writeSeconds = 30; // a client that does not read its answer
    int maxConnections = 4096; // lowered to what the process may open
    int maxConnectionsPerClient = 64; // open connections from one client address
    // Beyond these, new connections are closed at once, never queued: connections that never
    // finish their handshake from a few addresses cannot take every handshake slot.
    int maxPendingHandshakes = 1024;
    int maxPendingHandshakesPerClient = 8;
};

struct ServerRequest {
    QByteArray method;
    QByteArray path; // decoded neither of percent escapes nor of dots: routes are matched exactly
    QByteArray query;
    QList<QPair<QByteArray, QByteArray>> headers; // names in lower case
    QByteArray body;
    QString remoteAddress;

    QByteArray header(const QByteArray& lowerCaseName) const;
};

namespace http_status {
inline constexpr int Ok = 200;
inline constexpr int BadRequest = 400;
inline constexpr int Unauthorized = 401;
inline constexpr int Forbidden = 403;
inline constexpr int NotFound = 404;
inline constexpr int MethodNotAllowed = 405;
inline constexpr int Conflict = 409;
inline constexpr int PayloadTooLarge = 413;
inline constexpr int HeaderFieldsTooLarge = 431;
inline constexpr int InternalServerError = 500;
inline constexpr int BadGateway = 502;
inline constexpr int ServiceUnavailable = 503;
} // namespace http_status

class ServerResponse {
public:
    ServerResponse() = default; // 500, empty: what an unanswered request gets
    explicit ServerResponse(const QJsonObject& json, int status = http_status::Ok);
    ServerResponse(const QByteArray& contentType, const QByteArray& body, int status = http_status::Ok);

    int statusCode() const { return m_status; }
    const QByteArray& contentType() const { return m_contentType; }
    const QByteArray& body() const { return m_body; }
    const QList<QPair<QByteArray, QByteArray>>& headers() const { return m_headers; }
    void addHeader(const QByteArray& name, const QByteArray& value) { m_headers.append({ name, value }); }

private:
    int m_status = http_status::InternalServerError;
    QByteArray m_contentType;
    QByteArray m_body;
    QList<QPair<QByteArray, QByteArray>> m_headers;
};

// The way back to the client of one request. Used once, from any thread; a responder
// dropped unused answers 500, so no connection is left waiting.
class HttpResponder {
public:
    struct Connection;
    explicit HttpResponder(std::weak_ptr<Connection> connection);
    HttpResponder(HttpResponder&&) noexcept;
    HttpResponder& operator=(HttpResponder&&) noexcept;
    HttpResponder(const HttpResponder&) = delete;
    HttpResponder& operator=(const HttpResponder&) = delete;
    ~HttpResponder();

    // False once the client has gone or the server is stopping.
    bool isConnected() const;
    void send(ServerResponse response);

private:
    std::weak_ptr<Connection> m_connection;
    bool m_sent = false;
};

// HTTPS/1.1 for the engine's API on Boost.Beast: TLS 1.2 with ECDHE and AEAD only, or TLS 1.3;
// strict framing (one Content-Length or chunked, nothing else); the limits above. Connections
// are served on its own threads, so no client, however slow or hostile, holds up another or
// the thread that owns this object; each complete request is handed to `handler` on that
// thread, one at a time per connection. Protocol refusals (400, 413, 431) are formed by
// `refusal`, which is called on the server's threads.
class HttpServer : public QObject {
    Q_OBJECT
public:
    using Handler = std::function<void(ServerRequest, HttpResponder)>;
    using Refusal = std::function<ServerResponse(int status, const QString& reason)>;

    HttpServer(HttpLimits limits, Handler handler, Refusal refusal, QObject* parent = nullptr);
    ~HttpServer() override;

    // Port 0 picks a free one; the bound port comes back.
    Result<quint16> listen(const QHostAddress& address, quint16 port, const QByteArray& certificateChainPem, const QByteArray& privateKeyPem);

    struct Core;

private:
    std::shared_ptr<Core> m_core;
};

} // namespace lanyard
