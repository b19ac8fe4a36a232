#include "CurlTransport.h"

#include <QUrl>

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace lanyard {

namespace {
void globalInit()
{
    // curl_global_init is not thread-safe; every transfer passes here first.
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlDeleter {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using CurlPtr = std::unique_ptr<CURL, CurlDeleter>;
using SlistPtr = std::unique_ptr<curl_slist, SlistDeleter>;

struct Upload {
    const QByteArray* data;
    qsizetype offset = 0;
};

size_t readUpload(char* buffer, size_t size, size_t count, void* user)
{
    auto* up = static_cast<Upload*>(user);
    const size_t room = size * count;
    const size_t left = size_t(up->data->size() - up->offset);
    const size_t n = std::min(room, left);
    memcpy(buffer, up->data->constData() + up->offset, n);
    up->offset += qsizetype(n);
    return n;
}

size_t collect(char* data, size_t size, size_t count, void* user)
{
    static_cast<QByteArray*>(user)->append(data, qsizetype(size * count));
    return size * count;
}

Error transferError(CURLcode code, const char* detail, const QString& what)
{
    const QString message = QString::fromUtf8(*detail ? detail : curl_easy_strerror(code));
    QString problem = QStringLiteral("transfer");
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
        problem = QStringLiteral("unreachable");
        break;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_USE_SSL_FAILED:
        problem = QStringLiteral("tls");
        break;
    case CURLE_LOGIN_DENIED:
        problem = QStringLiteral("authentication");
        break;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
        problem = QStringLiteral("connection-lost");
        break;
    default:
        break;
    }
    return Error(ErrorCode::DeliveryFailed, QStringLiteral("%1: %2").arg(what, message),
        { { QStringLiteral("problem"), problem }, { QStringLiteral("reason"), message } });
}

void commonOptions(CURL* c, const QByteArray& caFile, int timeoutSeconds, char* errors)
{
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errors);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, long(std::min(timeoutSeconds, 15)));
    curl_easy_setopt(c, CURLOPT_TIMEOUT, long(timeoutSeconds));
    curl_easy_setopt(c, CURLOPT_SSLVERSION, long(CURL_SSLVERSION_TLSv1_2));
    if (!caFile.isEmpty())
        curl_easy_setopt(c, CURLOPT_CAINFO, caFile.constData());
}
} // namespace

Result<void> CurlTransport::sendMail(const SmtpServer& server, const QString& from, const QStringList& recipients, const QByteArray& mime)
{
    globalInit();
    CurlPtr c(curl_easy_init());
    if (!c)
        return Error(ErrorCode::DeliveryFailed, QStringLiteral("curl could not start"), { { QStringLiteral("problem"), QStringLiteral("transfer") } });
    char errors[CURL_ERROR_SIZE] = {};
    const QByteArray scheme = server.security == SmtpServer::Security::Tls ? "smtps" : "smtp";
    const QByteArray url = scheme + "://" + server.host.toUtf8() + ":" + QByteArray::number(server.port);
    const QByteArray caFile = server.caFile.toUtf8();
    const QByteArray user = server.username.toUtf8();
    const QByteArray password = server.password.toUtf8();
    const QByteArray sender = "<" + from.toUtf8() + ">";
    SlistPtr rcpt;
    for (const QString& r : recipients)
        rcpt.reset(curl_slist_append(rcpt.release(), ("<" + r.toUtf8() + ">").constData()));
    Upload upload { &mime };
    curl_easy_setopt(c.get(), CURLOPT_URL, url.constData());
    commonOptions(c.get(), caFile, server.timeoutSeconds, errors);
    if (server.security == SmtpServer::Security::StartTls)
        curl_easy_setopt(c.get(), CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
    if (!user.isEmpty()) {
        curl_easy_setopt(c.get(), CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(c.get(), CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(c.get(), CURLOPT_MAIL_FROM, sender.constData());
    curl_easy_setopt(c.get(), CURLOPT_MAIL_RCPT, rcpt.get());
    curl_easy_setopt(c.get(), CURLOPT_READFUNCTION, &readUpload);
    curl_easy_setopt(c.get(), CURLOPT_READDATA, &upload);
    curl_easy_setopt(c.get(), CURLOPT_UPLOAD, 1L);
    const CURLcode rc = curl_easy_perform(c.get());
    if (rc != CURLE_OK)
        return transferError(rc, errors, QStringLiteral("SMTP %1:%2").arg(server.host).arg(server.port));
    return {};
}

Result<QByteArray> CurlTransport::http(const HttpRequest& request)
{
    globalInit();
    CurlPtr c(curl_easy_init());
    if (!c)
        return Error(ErrorCode::DeliveryFailed, QStringLiteral("curl could not start"), { { QStringLiteral("problem"), QStringLiteral("transfer") } });
    char errors[CURL_ERROR_SIZE] = {};
    const QByteArray url = request.url.toUtf8();
    const QByteArray caFile = request.caFile.toUtf8();
    const QByteArray user = request.username.toUtf8();
    const QByteArray password = request.password.toUtf8();
    const QByteArray method = request.method.toUpper().toLatin1();
    SlistPtr headers;
    if (!request.contentType.isEmpty())
        headers.reset(curl_slist_append(nullptr, ("Content-Type: " + request.contentType.toUtf8()).constData()));
    QByteArray answer;
    curl_easy_setopt(c.get(), CURLOPT_URL, url.constData());
    curl_easy_setopt(c.get(), CURLOPT_PROTOCOLS_STR, "http,https");
    commonOptions(c.get(), caFile, request.timeoutSeconds, errors);
    if (!user.isEmpty()) {
        curl_easy_setopt(c.get(), CURLOPT_HTTPAUTH, long(CURLAUTH_BASIC));
        curl_easy_setopt(c.get(), CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(c.get(), CURLOPT_PASSWORD, password.constData());
    }
    if (method == "POST" || method == "PUT") {
        curl_easy_setopt(c.get(), CURLOPT_CUSTOMREQUEST, method.constData());
        curl_easy_setopt(c.get(), CURLOPT_POSTFIELDS, request.body.constData());
        curl_easy_setopt(c.get(), CURLOPT_POSTFIELDSIZE, long(request.body.size()));
    }
    curl_easy_setopt(c.get(), CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(c.get(), CURLOPT_WRITEFUNCTION, &collect);
    curl_easy_setopt(c.get(), CURLOPT_WRITEDATA, &answer);
    const CURLcode rc = curl_easy_perform(c.get());
    const QString where = QUrl(request.url).adjusted(QUrl::RemoveQuery | QUrl::RemoveUserInfo).toString();
    if (rc != CURLE_OK)
        return transferError(rc, errors, QStringLiteral("HTTP %1").arg(where));
    long status = 0;
    curl_easy_getinfo(c.get(), CURLINFO_RESPONSE_CODE, &status);
    if (status < 200 || status > 299)
        return Error(ErrorCode::DeliveryFailed, QStringLiteral("HTTP %1 answered %2").arg(where).arg(status),
            { { QStringLiteral("problem"), QStringLiteral("refused") }, { QStringLiteral("reason"), QStringLiteral("HTTP %1").arg(status) },
                { QStringLiteral("status"), int(status) } });
    return answer;
}

} // namespace lanyard
