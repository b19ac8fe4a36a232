#include "SlapdServer.h"

#include "SmtpSink.h"
#include "TestSupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QTcpSocket>
#include <QTest>

#include <csignal>
#include <sys/prctl.h>

namespace lanyard::test {

namespace {
bool writeFile(const QString& path, const QByteArray& content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

QString sbin(const char* name)
{
    const QString path = QStringLiteral("/usr/sbin/") + QLatin1String(name);
    return QFile::exists(path) ? path : QLatin1String(name);
}
} // namespace

SlapdServer::~SlapdServer()
{
    stop();
}

QByteArray SlapdServer::person(const QString& uid, const QString& cn, const QString& mail, const QString& extra, bool asChange)
{
    QString out = QStringLiteral("dn: %1\n").arg(personDn(uid));
    if (asChange)
        out += QStringLiteral("changetype: add\n");
    out += QStringLiteral("objectClass: inetOrgPerson\nuid: %1\ncn: %2\nsn: %3\n").arg(uid, cn, cn.section(QLatin1Char(' '), -1));
    if (!mail.isEmpty())
        out += QStringLiteral("mail: %1\n").arg(mail);
    if (!extra.isEmpty())
        out += extra.endsWith(QLatin1Char('\n')) ? extra : extra + QLatin1Char('\n');
    return out.toUtf8() + '\n';
}

bool SlapdServer::makeCertificates(const QString& dir, QString* error)
{
    const QString ca = dir + QStringLiteral("/ca");
    const QString server = dir + QStringLiteral("/server");
    writeFile(dir + QStringLiteral("/server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
    const QList<QStringList> steps {
        { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
            QStringLiteral("-nodes"), QStringLiteral("-keyout"), ca + QStringLiteral(".key"), QStringLiteral("-out"), ca + QStringLiteral(".pem"), QStringLiteral("-days"),
            QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=Directory Test CA"), QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
            QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign") },
        { QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
            QStringLiteral("-keyout"), server + QStringLiteral(".key"), QStringLiteral("-out"), server + QStringLiteral(".csr"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1") },
        { QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), server + QStringLiteral(".csr"), QStringLiteral("-CA"), ca + QStringLiteral(".pem"),
            QStringLiteral("-CAkey"), ca + QStringLiteral(".key"), QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), server + QStringLiteral(".pem"), QStringLiteral("-days"),
            QStringLiteral("2"), QStringLiteral("-extfile"), dir + QStringLiteral("/server.ext") },
    };
    for (const QStringList& args : steps) {
        const ProcessOutput out = run(QStringLiteral("openssl"), args);
        if (out.exitCode != 0) {
            *error = QStringLiteral("openssl %1: %2").arg(args.first(), QString::fromUtf8(out.err));
            return false;
        }
    }
    m_caFile = ca + QStringLiteral(".pem");
    return true;
}

bool SlapdServer::start(const QString& workDir, const QByteArray& ldif, bool tls, QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    m_dir = QDir(workDir).filePath(QStringLiteral("slapd"));
    QDir(m_dir).removeRecursively();
    if (!QDir().mkpath(m_dir + QStringLiteral("/db"))) {
        *error = QStringLiteral("cannot make %1").arg(m_dir);
        return false;
    }
    if (tls && !makeCertificates(m_dir, error))
        return false;
    QByteArray conf = "include /etc/ldap/schema/core.schema\n"
                      "include /etc/ldap/schema/cosine.schema\n"
                      "include /etc/ldap/schema/inetorgperson.schema\n"
                      "include /etc/ldap/schema/nis.schema\n"
                      "modulepath /usr/lib/ldap\n"
                      "moduleload back_mdb\n";
    if (tls)
        conf += QStringLiteral("TLSCACertificateFile %1/ca.pem\nTLSCertificateFile %1/server.pem\nTLSCertificateKeyFile %1/server.key\n").arg(m_dir).toUtf8();
    conf += QStringLiteral("pidfile %1/slapd.pid\n"
                           "database mdb\n"
                           "maxsize 1073741824\n"
                           "suffix \"%2\"\n"
                           "rootdn \"%3\"\n"
                           "rootpw \"%4\"\n"
                           "directory %1/db\n"
                           "index objectClass,uid,entryUUID eq\n"
                           "limits users size=unlimited\n")
                .arg(m_dir, QLatin1String(kBaseDn), QLatin1String(kRootDn), QLatin1String(kRootPassword))
                .toUtf8();
    const QByteArray base = "dn: dc=example,dc=test\nobjectClass: dcObject\nobjectClass: organization\no: Example\ndc: example\n\n"
                            "dn: ou=people,dc=example,dc=test\nobjectClass: organizationalUnit\nou: people\n\n"
                            "dn: ou=groups,dc=example,dc=test\nobjectClass: organizationalUnit\nou: groups\n\n";
    writeFile(m_dir + QStringLiteral("/slapd.conf"), conf);
    writeFile(m_dir + QStringLiteral("/data.ldif"), base + ldif);
    const ProcessOutput loaded = run(sbin("slapadd"), { QStringLiteral("-q"), QStringLiteral("-f"), m_dir + QStringLiteral("/slapd.conf"), QStringLiteral("-l"),
                                                          m_dir + QStringLiteral("/data.ldif") },
        {}, 600000);
    if (loaded.exitCode != 0) {
        *error = QStringLiteral("slapadd: %1").arg(QString::fromUtf8(loaded.err));
        return false;
    }
    m_port = SmtpSink::freePort();
    m_listen = QStringLiteral("ldap://127.0.0.1:%1/").arg(m_port);
    if (tls) {
        m_tlsPort = SmtpSink::freePort();
        m_listen += QStringLiteral(" ldaps://127.0.0.1:%1/").arg(m_tlsPort);
    }
    return launch(error);
}

bool SlapdServer::resume(QString* error)
{
    QString ignored;
    return launch(error ? error : &ignored);
}

bool SlapdServer::launch(QString* error)
{
    m_process = std::make_unique<QProcess>();
    m_process->setStandardOutputFile(QProcess::nullDevice());
    m_process->setStandardErrorFile(m_dir + QStringLiteral("/slapd.log"));
    // A test that dies takes its directory with it.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    // -d 0: in the foreground, our child, so we stop it by the PID we started.
    m_process->start(sbin("slapd"), { QStringLiteral("-d"), QStringLiteral("0"), QStringLiteral("-f"), m_dir + QStringLiteral("/slapd.conf"), QStringLiteral("-h"), m_listen });
    if (!m_process->waitForStarted(10000)) {
        *error = QStringLiteral("slapd did not start: %1").arg(m_process->errorString());
        return false;
    }
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, quint16(m_port));
        if (probe.waitForConnected(200))
            return true;
        if (m_process->state() == QProcess::NotRunning) {
            QFile log(m_dir + QStringLiteral("/slapd.log"));
            log.open(QIODevice::ReadOnly);
            *error = QStringLiteral("slapd exited: %1").arg(QString::fromUtf8(log.readAll().right(2000)));
            return false;
        }
        QTest::qWait(50);
    }
    *error = QStringLiteral("slapd never listened on %1").arg(m_port);
    return false;
}

void SlapdServer::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(10000))
        m_process->kill();
    m_process->waitForFinished(5000);
}

bool SlapdServer::modify(const QByteArray& ldif, QString* error)
{
    const ProcessOutput out = run(QStringLiteral("ldapmodify"), { QStringLiteral("-x"), QStringLiteral("-H"), url(), QStringLiteral("-D"), QLatin1String(kRootDn),
                                                                  QStringLiteral("-w"), QLatin1String(kRootPassword) },
        ldif);
    if (out.exitCode != 0 && error)
        *error = QString::fromUtf8(out.err + out.out);
    return out.exitCode == 0;
}

} // namespace lanyard::test
