#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>

#include <memory>

namespace lanyard::test {

// A real OpenLDAP server (slapd) on 127.0.0.1 with a throwaway configuration and database
// under the test's folder, loaded offline from LDIF; started in the foreground as our own
// child and stopped by its PID. With TLS it has a certificate from a test CA made here, offers
// StartTLS on its ldap:// port and listens on an ldaps:// port too.
class SlapdServer {
public:
    static constexpr const char* kBaseDn = "dc=example,dc=test";
    static constexpr const char* kPeopleDn = "ou=people,dc=example,dc=test";
    static constexpr const char* kRootDn = "cn=admin,dc=example,dc=test";
    static constexpr const char* kRootPassword = "directory secret";

    SlapdServer() = default;
    ~SlapdServer();
    SlapdServer(const SlapdServer&) = delete;
    SlapdServer& operator=(const SlapdServer&) = delete;

    // `ldif` is loaded after the base entries (dc=example,dc=test, ou=people, ou=groups).
    bool start(const QString& workDir, const QByteArray& ldif, bool tls, QString* error);
    void stop();
    // Starts the stopped server again on the same ports, with its data as it was.
    bool resume(QString* error);
    bool isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }

    QString url() const { return QStringLiteral("ldap://127.0.0.1:%1").arg(m_port); }
    QString ldapsUrl() const { return QStringLiteral("ldaps://127.0.0.1:%1").arg(m_tlsPort); }
    QString caFile() const { return m_caFile; } // the test CA, PEM
    int port() const { return m_port; }

    // Applies an LDIF change (ldapmodify as the root DN); false with ldapmodify's words.
    bool modify(const QByteArray& ldif, QString* error);
    // An inetOrgPerson under ou=people, as LDIF for start() or modify() ("changetype: add").
    static QByteArray person(const QString& uid, const QString& cn, const QString& mail, const QString& extra = {}, bool asChange = false);
    static QString personDn(const QString& uid) { return QStringLiteral("uid=%1,%2").arg(uid, QLatin1String(kPeopleDn)); }

private:
    bool makeCertificates(const QString& dir, QString* error);
    bool launch(QString* error);
    QString m_listen;

    std::unique_ptr<QProcess> m_process;
    QString m_dir;
    QString m_caFile;
    int m_port = 0;
    int m_tlsPort = 0;
};

} // namespace lanyard::test
