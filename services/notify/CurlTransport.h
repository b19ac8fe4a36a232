#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace lanyard {

struct SmtpServer {
    enum class Security { None, StartTls, Tls };
    QString host;
    int port = 25;
    Security security = Security::StartTls;
    QString username;
    QString password;
    QString caFile; // empty: the system's trusted CAs
    int timeoutSeconds = 30;
};

struct HttpRequest {
    QString method = QStringLiteral("POST");
    QString url;
    QByteArray body;
    QString contentType;
    QString username;
    QString password;
    QString caFile;
    int timeoutSeconds = 30;
};

// The only code that includes curl.h: SMTP submission and one HTTP request, blocking, for the
// delivery worker's threads. Errors name what failed (connect, TLS, authentication, refusal)
// with the server's own words, and never the password or the message.
class CurlTransport {
public:
    static Result<void> sendMail(const SmtpServer& server, const QString& from, const QStringList& recipients, const QByteArray& mime);
    // Succeeds for a 2xx answer; returns the answer's body.
    static Result<QByteArray> http(const HttpRequest& request);
};

} // namespace lanyard
