#include "HttpServer.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMetaObject>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <openssl/ssl.h>

#include <sys/resource.h>

#include <array>
#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

Q_LOGGING_CATEGORY(lcHttp, "lanyard.http")

namespace lanyard {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace ssl = boost::asio::ssl;
using tcp = boost::asio::ip::tcp;
using boost::system::error_code;

namespace {
// TLS 1.2: forward secrecy and authenticated encryption only (no static RSA key exchange, no
// CBC). TLS 1.3 keeps OpenSSL's suites, which all are.
constexpr const char* kTls12Ciphers = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
                                      "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";
constexpr int kServerThreads = 2;
constexpr auto kShutdownTime = std::chrono::seconds(2);
constexpr auto kAcceptRetry = std::chrono::milliseconds(100);

QByteArray bytes(beast::string_view s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

bool quietEnd(const error_code& ec)
{
    return ec == bhttp::error::end_of_stream || ec == asio::error::eof || ec == beast::error::timeout || ec == asio::error::operation_aborted
        || ec == asio::error::connection_reset || ec == ssl::error::stream_truncated || ec == bhttp::error::partial_message;
}

// Raises the open-file limit to what the system allows: every connection is a descriptor,
// and the default soft limit (1024) is less than the connection cap.
int openFileBudget()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 1024;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
        getrlimit(RLIMIT_NOFILE, &limit);
    }
    return int(qMin<rlim_t>(limit.rlim_cur, 1 << 20));
}
} // namespace

QByteArray ServerRequest::header(const QByteArray& lowerCaseName) const
{
    for (const auto& [name, value] : headers)
        if (name == lowerCaseName)
            return value;
    return {};
}

ServerResponse::ServerResponse(const QJsonObject& json, int status)
    : m_status(status)
    , m_contentType("application/json")
    , m_body(QJsonDocument(json).toJson(QJsonDocument::Compact))
{
}

ServerResponse::ServerResponse(const QByteArray& contentType, const QByteArray& body, int status)
    : m_status(status)
    , m_contentType(contentType)
    , m_body(body)
{
}

struct HttpServer::Core {
    HttpLimits limits;
    Handler handler;
    Refusal refusal;
    // Lives on the owner's thread; requests reach the handler through its event queue.
    std::unique_ptr<QObject> dispatcher = std::make_unique<QObject>();
    std::optional<asio::io_context> io { std::in_place };
    ssl::context tls { ssl::context::tls_server };
    std::optional<tcp::acceptor> acceptor;
    std::optional<asio::steady_timer> retry;
    std::vector<std::thread> threads;
    std::atomic<bool> stopping { false };

    std::mutex mutex; // guards what follows
    struct ClientCount {
        int connections = 0;
        int handshakes = 0;
    };
    std::unordered_map<std::string, ClientCount> perClient;
    std::unordered_set<HttpResponder::Connection*> connections;
    int handshakes = 0;
    quint64 refusedSinceLog = 0;
    std::chrono::steady_clock::time_point lastRefusalLog {};

    void accept();
    void onAccept(const error_code& ec, tcp::socket socket);
    void noteRefused(const std::string& client, const char* why);
};

struct HttpResponder::Connection : std::enable_shared_from_this<Connection> {
    Connection(HttpServer::Core& core, tcp::socket socket, std::string client)
        : core(core)
        , stream(std::move(socket), core.tls)
        , buffer(std::size_t(core.limits.headerBytes) + 64 * 1024)
        , client(std::move(client))
    {
    }
    ~Connection()
    {
        std::lock_guard lock(core.mutex);
        core.connections.erase(this);
        auto it = core.perClient.find(client);
        if (handshaking) {
            --core.handshakes;
            if (it != core.perClient.end())
                --it->second.handshakes;
        }
        if (it != core.perClient.end() && --it->second.connections <= 0)
            core.perClient.erase(it);
    }

    HttpServer::Core& core;
    beast::ssl_stream<beast::tcp_stream> stream;
    beast::flat_buffer buffer;
    std::optional<bhttp::request_parser<bhttp::string_body>> parser;
    std::string client;
    bool handshaking = true; // under core.mutex
    bool keepAlive = false;
    bool refused = false;
    std::atomic<bool> open { true };
    // Holds this connection while its request is with the handler, which has only a weak
    // reference: the server drops it when it stops.
    std::shared_ptr<Connection> awaitingAnswer;

    void start()
    {
        stream.next_layer().expires_after(std::chrono::seconds(core.limits.handshakeSeconds));
        stream.async_handshake(ssl::stream_base::server, [self = shared_from_this()](const error_code& ec) { self->onHandshake(ec); });
    }

    void onHandshake(const error_code& ec)
    {
        {
            std::lock_guard lock(core.mutex);
            handshaking = false;
            --core.handshakes;
            if (auto it = core.perClient.find(client); it != core.perClient.end())
                --it->second.handshakes;
        }
        if (ec) {
            // A port scan, a client that does not trust us, a timeout: nothing to answer.
            qCDebug(lcHttp).noquote() << "TLS handshake with" << QString::fromStdString(client) << "failed:" << QString::fromStdString(ec.message());
            return;
        }
        readHeader();
    }

    void readHeader()
    {
        parser.emplace();
        parser->header_limit(std::uint32_t(core.limits.headerBytes));
        parser->body_limit(std::uint64_t(core.limits.bodyBytes));
        stream.next_layer().expires_after(std::chrono::seconds(core.limits.headerSeconds));
        bhttp::async_read_header(stream, buffer, *parser, [self = shared_from_this()](const error_code& ec, std::size_t) { self->onHeader(ec); });
    }

    void onHeader(const error_code& ec)
    {
        if (ec == bhttp::error::header_limit || ec == bhttp::error::buffer_overflow)
            return refuse(http_status::HeaderFieldsTooLarge, QStringLiteral("the request header is larger than %1 bytes").arg(core.limits.headerBytes));
        if (ec == bhttp::error::body_limit)
            return refuse(http_status::PayloadTooLarge, QStringLiteral("the request body is larger than %1 bytes").arg(core.limits.bodyBytes));
        if (ec && quietEnd(ec))
            return;
        if (ec)
            return refuse(http_status::BadRequest, QStringLiteral("the request is not valid HTTP (%1)").arg(QString::fromStdString(ec.message())));
        if (const QString framing = framingProblem(); !framing.isEmpty())
            return refuse(http_status::BadRequest, framing);
        const auto& request = parser->get();
        const beast::string_view expect = request[bhttp::field::expect];
        if (!expect.empty() && !beast::iequals(expect, "100-continue"))
            return refuse(http_status::BadRequest, QStringLiteral("the only expectation served is 100-continue"));
        if (parser->is_done())
            return dispatch();
        if (!expect.empty()) {
            auto interim = std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::continue_, 11);
            stream.next_layer().expires_after(std::chrono::seconds(core.limits.writeSeconds));
            bhttp::async_write(stream, *interim, [self = shared_from_this(), interim](const error_code& e, std::size_t) {
                if (!e)
                    self->readBody();
            });
            return;
        }
        readBody();
    }

    // Beast refuses a conflicting or malformed Content-Length and Content-Length together with
    // chunked; what it lets through, and another server in front of us might read
    // differently, is refused here: a repeated Content-Length (even an equal one), a transfer
    // coding other than exactly "chunked", chunked in HTTP/1.0.
    QString framingProblem() const
    {
        const auto& request = parser->get();
        int lengths = 0, codings = 0;
        beast::string_view coding;
        for (const auto& field : request) {
            if (field.name() == bhttp::field::content_length) {
                ++lengths;
                if (field.value().find(',') != beast::string_view::npos)
                    ++lengths;
            } else if (field.name() == bhttp::field::transfer_encoding) {
                ++codings;
                coding = field.value();
            }
        }
        if (lengths > 1)
            return QStringLiteral("the request has more than one Content-Length");
        if (codings > 1 || (codings == 1 && !beast::iequals(coding, "chunked")))
            return QStringLiteral("the only transfer coding accepted is 'chunked'");
        if (codings == 1 && lengths == 1)
            return QStringLiteral("the request has both Content-Length and Transfer-Encoding");
        if (codings == 1 && request.version() < 11)
            return QStringLiteral("chunked transfer coding needs protocol version 1.1");
        if (request.target().empty() || request.target().front() != '/')
            return QStringLiteral("the request target must be a path");
        return {};
    }

    void readBody()
    {
        stream.next_layer().expires_after(std::chrono::seconds(core.limits.bodySeconds));
        bhttp::async_read(stream, buffer, *parser, [self = shared_from_this()](const error_code& ec, std::size_t) { self->onBody(ec); });
    }

    void onBody(const error_code& ec)
    {
        if (ec == bhttp::error::body_limit)
            return refuse(http_status::PayloadTooLarge, QStringLiteral("the request body is larger than %1 bytes").arg(core.limits.bodyBytes));
        if (ec && quietEnd(ec))
            return;
        if (ec)
            return refuse(http_status::BadRequest, QStringLiteral("the request body is not valid (%1)").arg(QString::fromStdString(ec.message())));
        dispatch();
    }

    void dispatch()
    {
        auto& message = parser->get();
        keepAlive = message.keep_alive();
        auto request = std::make_shared<ServerRequest>();
        request->method = bytes(message.method_string());
        const QByteArray target = bytes(message.target());
        const qsizetype question = target.indexOf('?');
        request->path = question < 0 ? target : target.left(question);
        request->query = question < 0 ? QByteArray() : target.mid(question + 1);
        for (const auto& field : message)
            request->headers.append({ bytes(field.name_string()).toLower(), bytes(field.value()) });
        request->body = QByteArray::fromStdString(message.body());
        request->remoteAddress = QString::fromStdString(client);
        parser.reset();
        stream.next_layer().expires_never();
        awaitingAnswer = shared_from_this();
        auto responder = std::make_shared<HttpResponder>(weak_from_this());
        HttpServer::Core* c = &core;
        QMetaObject::invokeMethod(
            core.dispatcher.get(), [c, request, responder] { c->handler(std::move(*request), std::move(*responder)); }, Qt::QueuedConnection);
    }

    void refuse(int status, const QString& reason)
    {
        qCInfo(lcHttp).noquote() << QJsonDocument(QJsonObject { { QStringLiteral("event"), QStringLiteral("refused") }, { QStringLiteral("status"), status },
                                                     { QStringLiteral("remote"), QString::fromStdString(client) }, { QStringLiteral("reason"), reason } })
                                        .toJson(QJsonDocument::Compact);
        keepAlive = false;
        refused = true;
        answer(core.refusal(status, reason));
    }

    void answer(const ServerResponse& given)
    {
        awaitingAnswer.reset(); // the write below holds the connection from here
        auto response = std::make_shared<bhttp::response<bhttp::string_body>>(bhttp::int_to_status(unsigned(given.statusCode())), 11);
        if (!given.contentType().isEmpty())
            response->set(bhttp::field::content_type, given.contentType().toStdString());
        for (const auto& [name, value] : given.headers())
            response->insert(name.toStdString(), value.toStdString());
        response->body() = given.body().toStdString();
        response->keep_alive(keepAlive && !core.stopping);
        response->prepare_payload();
        stream.next_layer().expires_after(std::chrono::seconds(core.limits.writeSeconds));
        bhttp::async_write(stream, *response, [self = shared_from_this(), response](const error_code& ec, std::size_t) {
            if (ec)
                return;
            if (response->keep_alive())
                self->readHeader();
            else if (self->refused)
                self->drainAndClose();
            else
                self->close();
        });
    }

    // After a refusal the client may still be sending (the rest of a huge header or body):
    // closing with unread data resets the connection, and a reset can destroy the answer in
    // the client's buffers before it is read. So the sending side is ended and what still
    // comes is read and dropped until the client stops or kShutdownTime has passed. The bound
    // is time, not bytes: on loopback megabytes are already waiting in the receive buffer,
    // and a byte bound closed the connection before the client had seen its answer.
    void drainAndClose()
    {
        open = false;
        error_code ignored;
        stream.next_layer().socket().shutdown(tcp::socket::shutdown_send, ignored);
        stream.next_layer().expires_after(kShutdownTime);
        drainSome(std::make_shared<std::array<char, 16 * 1024>>());
    }

    void drainSome(std::shared_ptr<std::array<char, 16 * 1024>> scratch)
    {
        auto* into = scratch.get();
        stream.next_layer().async_read_some(asio::buffer(*into), [self = shared_from_this(), scratch = std::move(scratch)](const error_code& ec, std::size_t) mutable {
            if (ec) {
                error_code ignored;
                self->stream.next_layer().socket().close(ignored);
                return;
            }
            self->drainSome(std::move(scratch));
        });
    }

    void close()
    {
        open = false;
        stream.next_layer().expires_after(kShutdownTime);
        stream.async_shutdown([self = shared_from_this()](const error_code&) { self->stream.next_layer().close(); });
    }
};

HttpResponder::HttpResponder(std::weak_ptr<Connection> connection)
    : m_connection(std::move(connection))
{
}

HttpResponder::HttpResponder(HttpResponder&& other) noexcept
    : m_connection(std::move(other.m_connection))
    , m_sent(std::exchange(other.m_sent, true))
{
}

HttpResponder& HttpResponder::operator=(HttpResponder&& other) noexcept
{
    if (this != &other) {
        if (!m_sent)
            send(ServerResponse());
        m_connection = std::move(other.m_connection);
        m_sent = std::exchange(other.m_sent, true);
    }
    return *this;
}

HttpResponder::~HttpResponder()
{
    if (!m_sent) {
        qCWarning(lcHttp) << "a request was left unanswered; it gets 500";
        send(ServerResponse());
    }
}

bool HttpResponder::isConnected() const
{
    const auto connection = m_connection.lock();
    return connection && connection->open && !connection->core.stopping;
}

void HttpResponder::send(ServerResponse response)
{
    m_sent = true;
    auto connection = m_connection.lock();
    if (!connection)
        return;
    if (response.body().isEmpty() && response.statusCode() == http_status::InternalServerError)
        response = connection->core.refusal(http_status::InternalServerError, QStringLiteral("the server gave no answer"));
    asio::post(connection->stream.get_executor(), [connection, response = std::move(response)] { connection->answer(response); });
}

void HttpServer::Core::accept()
{
    acceptor->async_accept(asio::make_strand(*io), [this](const error_code& ec, tcp::socket socket) { onAccept(ec, std::move(socket)); });
}

void HttpServer::Core::onAccept(const error_code& ec, tcp::socket socket)
{
    if (stopping || ec == asio::error::operation_aborted)
        return;
    if (ec) {
        // Out of descriptors, most likely: wait a moment and go on. Accepting never stops.
        qCWarning(lcHttp).noquote() << "cannot accept a connection:" << QString::fromStdString(ec.message());
        retry->expires_after(kAcceptRetry);
        retry->async_wait([this](const error_code& e) {
            if (!e && !stopping)
                accept();
        });
        return;
    }
    error_code peerError;
    const tcp::endpoint peer = socket.remote_endpoint(peerError);
    if (peerError) {
        accept();
        return;
    }
    std::string client = peer.address().to_string();
    const char* refused = nullptr;
    {
        std::lock_guard lock(mutex);
        if (int(connections.size()) >= limits.maxConnections)
            refused = "the server's connection limit";
        else if (handshakes >= limits.maxPendingHandshakes)
            refused = "the limit of pending TLS handshakes";
        else {
            ClientCount& count = perClient[client];
            if (count.connections >= limits.maxConnectionsPerClient)
                refused = "the limit of connections from one client address";
            else if (count.handshakes >= limits.maxPendingHandshakesPerClient)
                refused = "the limit of pending TLS handshakes from one client address";
            else {
                ++count.connections;
                ++count.handshakes;
                ++handshakes;
            }
            if (count.connections == 0)
                perClient.erase(client);
        }
    }
    if (refused) {
        socket.close(peerError);
        noteRefused(client, refused);
    } else {
        auto connection = std::make_shared<HttpResponder::Connection>(*this, std::move(socket), std::move(client));
        {
            std::lock_guard lock(mutex);
            connections.insert(connection.get());
        }
        connection->start();
    }
    accept();
}

// One log line per ten seconds at most: a flood must not become a flood of log lines.
void HttpServer::Core::noteRefused(const std::string& client, const char* why)
{
    std::lock_guard lock(mutex);
    ++refusedSinceLog;
    const auto now = std::chrono::steady_clock::now();
    if (now - lastRefusalLog < std::chrono::seconds(10))
        return;
    qCWarning(lcHttp).noquote() << QJsonDocument(QJsonObject { { QStringLiteral("event"), QStringLiteral("connections refused") },
                                                     { QStringLiteral("count"), qint64(refusedSinceLog) }, { QStringLiteral("last"), QString::fromStdString(client) },
                                                     { QStringLiteral("reason"), QString::fromLatin1(why) } })
                                       .toJson(QJsonDocument::Compact);
    refusedSinceLog = 0;
    lastRefusalLog = now;
}

HttpServer::HttpServer(HttpLimits limits, Handler handler, Refusal refusal, QObject* parent)
    : QObject(parent)
    , m_core(std::make_shared<Core>())
{
    m_core->limits = limits;
    m_core->handler = std::move(handler);
    m_core->refusal = std::move(refusal);
}

HttpServer::~HttpServer()
{
    Core& core = *m_core;
    core.stopping = true;
    if (core.io)
        core.io->stop();
    for (auto& t : core.threads)
        t.join();
    // Requests still queued for the handler are dropped with their responders.
    core.dispatcher.reset();
    std::vector<std::shared_ptr<HttpResponder::Connection>> held;
    {
        std::lock_guard lock(core.mutex);
        for (auto* connection : core.connections)
            if (connection->awaitingAnswer)
                held.push_back(std::move(connection->awaitingAnswer));
    }
    held.clear();
    if (core.acceptor) {
        error_code ignored;
        core.acceptor->close(ignored);
    }
    core.retry.reset();
    core.acceptor.reset();
    core.io.reset(); // destroys the connections still waiting in it
}

Result<quint16> HttpServer::listen(const QHostAddress& address, quint16 port, const QByteArray& certificateChainPem, const QByteArray& privateKeyPem)
{
    Core& core = *m_core;
    if (core.acceptor)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("the server is already listening"));
    const auto failed = [](const QString& what, const error_code& ec) {
        return Error(ErrorCode::InvalidArgument, QStringLiteral("%1: %2").arg(what, QString::fromStdString(ec.message())), { { QStringLiteral("problem"), QStringLiteral("listen") } });
    };

    error_code ec;
    SSL_CTX* ctx = core.tls.native_handle();
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_COMPRESSION);
    if (SSL_CTX_set_cipher_list(ctx, kTls12Ciphers) != 1 || SSL_CTX_set1_groups_list(ctx, "X25519:P-256:P-384") != 1)
        return Error(ErrorCode::CryptoFailure, QStringLiteral("the TLS library refused the cipher configuration"));
    core.tls.use_certificate_chain(asio::buffer(certificateChainPem.constData(), std::size_t(certificateChainPem.size())), ec);
    if (ec)
        return failed(QStringLiteral("the TLS certificate is not usable"), ec);
    core.tls.use_private_key(asio::buffer(privateKeyPem.constData(), std::size_t(privateKeyPem.size())), ssl::context::pem, ec);
    if (ec)
        return failed(QStringLiteral("the TLS private key is not usable"), ec);
    if (SSL_CTX_check_private_key(ctx) != 1)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("the TLS private key does not belong to the certificate"), { { QStringLiteral("problem"), QStringLiteral("listen") } });

    core.limits.maxConnections = qMin(core.limits.maxConnections, openFileBudget() - 64);

    const auto ip = asio::ip::make_address(address.toString().toStdString(), ec);
    if (ec)
        return failed(QStringLiteral("cannot listen on %1").arg(address.toString()), ec);
    core.acceptor.emplace(*core.io);
    const tcp::endpoint endpoint(ip, port);
    core.acceptor->open(endpoint.protocol(), ec);
    if (!ec)
        core.acceptor->set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        core.acceptor->bind(endpoint, ec);
    if (!ec)
        core.acceptor->listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        core.acceptor.reset();
        return failed(QStringLiteral("cannot listen on %1:%2").arg(address.toString()).arg(port), ec);
    }
    const quint16 bound = core.acceptor->local_endpoint().port();
    core.retry.emplace(*core.io);
    core.accept();
    for (int i = 0; i < kServerThreads; ++i)
        core.threads.emplace_back([&core] {
            for (;;) {
                try {
                    core.io->run();
                    return;
                } catch (const std::exception& e) {
                    qCCritical(lcHttp) << "the HTTP layer caught" << e.what();
                }
            }
        });
    return bound;
}

} // namespace lanyard
