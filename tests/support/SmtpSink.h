#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>

#include <memory>

namespace lanyard::test {

// A real SMTP server on 127.0.0.1 (aiosmtpd, smtp_sink.py) that records each message it
// accepts as one JSON line. Started and stopped by its own PID; it also exits when the test
// process dies.
class SmtpSink {
public:
    SmtpSink() = default;
    ~SmtpSink();
    SmtpSink(const SmtpSink&) = delete;
    SmtpSink& operator=(const SmtpSink&) = delete;

    // `workDir` holds its record and log. With a certificate and key it offers STARTTLS. A
    // port of 0 picks a free one. Returns false with the reason in `error`.
    bool start(const QString& workDir, int port = 0, const QString& tlsCert = {}, const QString& tlsKey = {}, QString* error = nullptr);
    void stop();

    int port() const { return m_port; }
    QList<QJsonObject> received() const;

    static int freePort();

private:
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
    QString m_out;
};

} // namespace lanyard::test
