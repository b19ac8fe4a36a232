#include "SmtpSink.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace lanyard::test {

SmtpSink::~SmtpSink()
{
    stop();
}

int SmtpSink::freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool SmtpSink::start(const QString& workDir, int port, const QString& tlsCert, const QString& tlsKey, QString* error)
{
    const auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    const QString script = QDir(QString::fromLocal8Bit(qgetenv("LANYARD_TEST_SOURCE_DIR"))).filePath(QStringLiteral("support/smtp_sink.py"));
    if (!QFile::exists(script))
        return fail(QStringLiteral("smtp_sink.py not found at %1 (LANYARD_TEST_SOURCE_DIR)").arg(script));
    m_port = port > 0 ? port : freePort();
    m_out = QDir(workDir).filePath(QStringLiteral("sink-%1.jsonl").arg(m_port));
    QStringList args { script, QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--out"), m_out };
    if (!tlsCert.isEmpty())
        args << QStringLiteral("--tls-cert") << tlsCert << QStringLiteral("--tls-key") << tlsKey;
    m_process = std::make_unique<QProcess>();
    // Its output goes nowhere: an inherited pipe would keep CTest waiting if the test died.
    m_process->setStandardOutputFile(QProcess::nullDevice());
    m_process->setStandardErrorFile(QDir(workDir).filePath(QStringLiteral("sink-%1.log").arg(m_port)));
    // Debian's interpreter, which has python3-aiosmtpd; not whichever python3 is first on PATH.
    m_process->start(QStringLiteral("/usr/bin/python3"), args);
    if (!m_process->waitForStarted(10000))
        return fail(QStringLiteral("the SMTP sink did not start: %1").arg(m_process->errorString()));
    // Ready when it accepts a connection.
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, quint16(m_port));
        if (probe.waitForConnected(200))
            return true;
        if (m_process->state() == QProcess::NotRunning)
            return fail(QStringLiteral("the SMTP sink exited; see sink-%1.log").arg(m_port));
        QTest::qWait(100);
    }
    return fail(QStringLiteral("the SMTP sink never listened on %1").arg(m_port));
}

void SmtpSink::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    // Stopped by the PID we started, nothing else.
    m_process->terminate();
    if (!m_process->waitForFinished(5000))
        m_process->kill();
    m_process->waitForFinished(5000);
}

QList<QJsonObject> SmtpSink::received() const
{
    QList<QJsonObject> out;
    QFile f(m_out);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            out.append(QJsonDocument::fromJson(line).object());
    }
    return out;
}

} // namespace lanyard::test
