#include "ServerProcess.h"

#include "TestSupport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace lanyard::test {

ServerProcess::ServerProcess(QString dir)
    : m_dir(std::move(dir))
{
    const QString pg = qEnvironmentVariable("LANYARD_TEST_PG_URL");
    m_db = pg.isEmpty() ? QStringLiteral("sqlite:") + path(QStringLiteral("engine.db")) : pg;
    if (!pg.isEmpty())
        m_keyArgs = { QStringLiteral("--key-file"), path(QStringLiteral("master.key")) };
}

ServerProcess::~ServerProcess()
{
    if (isRunning())
        stop();
}

QString ServerProcess::tool(const char* name)
{
    return QStringLiteral(LANYARD_APP_BINARY_DIR "/") + QLatin1String(name);
}

QString ServerProcess::path(const QString& name) const
{
    return QDir(m_dir).filePath(name);
}

QJsonObject ServerProcess::Reply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString ServerProcess::createOperator(const QString& logon, const QString& name, const QStringList& roles, const QString& password)
{
    QStringList args { QStringLiteral("create-operator"), QStringLiteral("--db"), m_db, QStringLiteral("--logon"), logon, QStringLiteral("--name"), name };
    for (const QString& role : roles)
        args << QStringLiteral("--role") << role;
    const ProcessOutput created = run(tool("lanyard-server"), args + m_keyArgs, password.toUtf8() + '\n');
    if (created.exitCode != 0)
        return QStringLiteral("create-operator: ") + QString::fromLocal8Bit(created.err);
    return {};
}

ServerProcess::CommandOutput ServerProcess::command(const QString& name, const QStringList& args, const QByteArray& input)
{
    const ProcessOutput done = run(tool("lanyard-server"), QStringList { name, QStringLiteral("--db"), m_db } + m_keyArgs + args, input);
    return { done.exitCode, done.out, done.err };
}

QString ServerProcess::makeTlsCertificate()
{
    const ProcessOutput cert = run(QStringLiteral("openssl"),
        { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
            QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
            QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"), path(QStringLiteral("tls.key")), QStringLiteral("-out"), tlsCertificate() });
    if (cert.exitCode != 0)
        return QStringLiteral("openssl req: ") + QString::fromLocal8Bit(cert.err);
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    m_port = probe.serverPort();
    probe.close();
    return {};
}

QString ServerProcess::prepareBaseline(CommandOutput* init)
{
    if (const QString error = makeTlsCertificate(); !error.isEmpty())
        return error;
    *init = command(QStringLiteral("init"), { QStringLiteral("--logon"), QStringLiteral("admin"), QStringLiteral("--name"), QStringLiteral("Ada Admin") },
        QByteArray(kAdminPassword) + '\n');
    if (init->exitCode != 0)
        return QStringLiteral("init: ") + QString::fromLocal8Bit(init->err);
    return {};
}

QString ServerProcess::prepare()
{
    if (const QString error = makeTlsCertificate(); !error.isEmpty())
        return error;
    const ProcessOutput init = run(tool("lanyard-server"), QStringList { QStringLiteral("init"), QStringLiteral("--db"), m_db, QStringLiteral("--demo") } + m_keyArgs, {}, 300000);
    if (init.exitCode != 0)
        return QStringLiteral("init: ") + QString::fromLocal8Bit(init.err);
    const struct {
        const char* logon;
        const char* name;
        QStringList roles;
        const char* password;
    } operators[] = { { "helpdesk", "Hal Helpdesk", { QStringLiteral("Helpdesk Operator") }, kHelpdeskPassword },
        { "admin", "Ada Admin", { QStringLiteral("Administrator"), QStringLiteral("Helpdesk Operator") }, kAdminPassword } };
    for (const auto& op : operators) {
        QStringList roles;
        for (const QString& role : op.roles)
            roles << role;
        if (const QString error = createOperator(QLatin1String(op.logon), QLatin1String(op.name), roles, QLatin1String(op.password)); !error.isEmpty())
            return error;
    }
    return {};
}

QString ServerProcess::prepareSharing(const ServerProcess& other)
{
    m_db = other.m_db;
    m_keyArgs = other.m_keyArgs;
    for (const char* name : { "tls.crt", "tls.key" })
        if (!QFile::copy(other.path(QLatin1String(name)), path(QLatin1String(name))))
            return QStringLiteral("cannot copy %1").arg(QLatin1String(name));
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    m_port = probe.serverPort();
    probe.close();
    return {};
}

QString ServerProcess::start(const QStringList& serveArguments)
{
    // The server logs to standard output (the journal under systemd), errors before serving to
    // standard error: one file holds both.
    m_process.setStandardOutputFile(logFile(), QIODevice::Append);
    m_process.setStandardErrorFile(logFile(), QIODevice::Append);
    m_process.start(tool("lanyard-server"),
        QStringList { QStringLiteral("serve"), QStringLiteral("--db"), m_db, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_port), QStringLiteral("--tls-cert"),
            tlsCertificate(), QStringLiteral("--tls-key"), path(QStringLiteral("tls.key")), QStringLiteral("--delivery-interval"), QStringLiteral("2") }
            + m_keyArgs + serveArguments);
    if (!m_process.waitForStarted(10000))
        return QStringLiteral("the server did not start: ") + m_process.errorString();
    // Ready when the port accepts and the health check answers.
    QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired()) {
        if (m_process.state() == QProcess::NotRunning) {
            QFile log(logFile());
            log.open(QIODevice::ReadOnly);
            return QStringLiteral("the server exited early: %1").arg(QString::fromUtf8(log.readAll().right(2000)));
        }
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, quint16(m_port));
        if (s.waitForConnected(200) && http(QStringLiteral("GET"), QStringLiteral("/health")).status == 200)
            break;
        QTest::qWait(100);
    }
    if (deadline.hasExpired())
        return QStringLiteral("the server did not answer its health check");
    const Reply ca = http(QStringLiteral("GET"), QStringLiteral("/api/v1/ca"));
    QFile caFile(caCertificate());
    if (ca.status != 200 || !caFile.open(QIODevice::WriteOnly))
        return QStringLiteral("no CA certificate from the server");
    caFile.write(ca.body);
    return {};
}

bool ServerProcess::stop()
{
    m_process.terminate();
    if (!m_process.waitForFinished(30000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
        return false;
    }
    return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
}

ServerProcess::Reply ServerProcess::http(const QString& verb, const QString& route, const QJsonObject& body, const QString& token)
{
    QNetworkRequest request(QUrl(url() + route));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(tlsCertificate()));
    request.setSslConfiguration(tls);
    QNetworkReply* reply = verb == QLatin1String("GET") ? m_net.get(request) : m_net.post(request, QJsonDocument(body).toJson());
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !done.wait(60000))
        qFatal("no answer from %s", qPrintable(route));
    Reply r { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(), {} };
    for (const auto& [name, value] : reply->rawHeaderPairs())
        r.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return r;
}

QString ServerProcess::logon(const QString& logonName, const QString& password)
{
    const Reply r = http(QStringLiteral("POST"), QStringLiteral("/api/v1/logon"), { { QStringLiteral("logonName"), logonName }, { QStringLiteral("password"), password } });
    return r.status == 200 ? r.json().value(QStringLiteral("token")).toString() : QString();
}

QString ServerProcess::setSettings(const QMap<QString, QString>& values)
{
    const QString token = logon(QStringLiteral("admin"), QLatin1String(kAdminPassword));
    if (token.isEmpty())
        return QStringLiteral("the administrator cannot log on");
    const Reply current = http(QStringLiteral("POST"), QStringLiteral("/api/v1/operator/settings"), {}, token);
    if (current.status != 200)
        return QStringLiteral("settings: HTTP %1 %2").arg(current.status).arg(QString::fromUtf8(current.body));
    QJsonObject settings = current.json();
    QJsonObject v = settings.value(QStringLiteral("values")).toObject();
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        v.insert(it.key(), it.value());
    settings.insert(QStringLiteral("values"), v);
    const Reply saved = http(QStringLiteral("POST"), QStringLiteral("/api/v1/operator/saveSettings"), { { QStringLiteral("settings"), settings } }, token);
    http(QStringLiteral("POST"), QStringLiteral("/api/v1/logoff"), {}, token);
    if (saved.status != 200)
        return QStringLiteral("saveSettings: HTTP %1 %2").arg(saved.status).arg(QString::fromUtf8(saved.body));
    return {};
}

QJsonObject ServerProcess::operatorCall(const QString& token, const QString& method, const QJsonObject& args, int expected)
{
    const Reply r = http(QStringLiteral("POST"), QStringLiteral("/api/v1/operator/") + method, args, token);
    if (r.status != expected) {
        QTest::qFail(qPrintable(QStringLiteral("%1: HTTP %2 %3").arg(method).arg(r.status).arg(QString::fromUtf8(r.body))), __FILE__, __LINE__);
        return {};
    }
    return r.json();
}

ServerProcess::IssuedVsc ServerProcess::issueVscOntoCard(const QString& personText, const QString& store, const QString& dnsName, const QString& pin)
{
    IssuedVsc out;
    const QString admin = logon(QStringLiteral("admin"), QLatin1String(kAdminPassword));
    if (admin.isEmpty()) {
        out.error = QStringLiteral("the administrator cannot log on");
        return out;
    }
    const auto call = [&](const char* method, const QJsonObject& args) -> QJsonObject {
        const Reply r = http(QStringLiteral("POST"), QStringLiteral("/api/v1/operator/") + QLatin1String(method), args, admin);
        if (r.status != 200 && out.error.isEmpty())
            out.error = QStringLiteral("%1: HTTP %2 %3").arg(QLatin1String(method)).arg(r.status).arg(QString::fromUtf8(r.body));
        return r.json();
    };
    const QJsonArray people = call("findPeople", { { QStringLiteral("text"), personText } }).value(QStringLiteral("people")).toArray();
    if (people.size() != 1) {
        out.error = QStringLiteral("'%1' finds %2 people").arg(personText).arg(people.size());
        return out;
    }
    out.personId = people.first().toObject().value(QStringLiteral("id")).toInteger();
    qint64 profile = 0;
    for (const QJsonValue& p : call("requestableProfiles", { { QStringLiteral("personId"), out.personId } }).value(QStringLiteral("profiles")).toArray())
        if (p.toObject().value(QStringLiteral("name")).toString() == QStringLiteral("Virtual Smart Card"))
            profile = p.toObject().value(QStringLiteral("id")).toInteger();
    if (!profile) {
        out.error = QStringLiteral("the Virtual Smart Card profile cannot be requested for '%1'").arg(personText);
        return out;
    }
    const QJsonObject issued = call("requestCredential", { { QStringLiteral("personId"), out.personId }, { QStringLiteral("profileId"), profile }, { QStringLiteral("showCode"), true } });
    if (!out.error.isEmpty())
        return out;

    qputenv("ASAN_OPTIONS", qgetenv("ASAN_OPTIONS") + ":detect_leaks=0"); // as in tst_ServerEndToEnd: libcrypto at the agent's exit
    const ProcessOutput collected = run(tool("lanyard-agent"),
        { QStringLiteral("collect"), issued.value(QStringLiteral("collectionUrl")).toString(), QStringLiteral("--code"), issued.value(QStringLiteral("code")).toString(),
            QStringLiteral("--store"), store, QStringLiteral("--trust"), caCertificate(), QStringLiteral("--tls-ca"), tlsCertificate(), QStringLiteral("--vsc"),
            QStringLiteral("--dns-name"), dnsName, QStringLiteral("--pin"), pin },
        {}, 120000);
    out.agentOutput = QString::fromUtf8(collected.out + collected.err);
    if (collected.exitCode != 0) {
        out.error = QStringLiteral("lanyard-agent: %1").arg(out.agentOutput);
        return out;
    }
    const QJsonArray devices = call("devicesOf", { { QStringLiteral("personId"), out.personId } }).value(QStringLiteral("devices")).toArray();
    for (const QJsonValue& d : devices)
        out.deviceId = qMax(out.deviceId, d.toObject().value(QStringLiteral("id")).toInteger());
    http(QStringLiteral("POST"), QStringLiteral("/api/v1/logoff"), {}, admin);
    if (!out.deviceId && out.error.isEmpty())
        out.error = QStringLiteral("no device after the collection");
    return out;
}

} // namespace lanyard::test
