// The Debian packages as an administrator gets them: CPack makes them from the optimised tree
// built beside this one; lintian, desktop-file-validate and appstreamcli judge them; then, as
// root, apt installs them, the installed server is prepared and served with
// /etc/lanyard/server.conf as its unit would start it, and a purge leaves nothing behind but
// the system user Debian keeps.
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace lanyard::test;

namespace {

const QStringList kPackages { QStringLiteral("lanyard"), QStringLiteral("lanyard-server"), QStringLiteral("lanyard-agent") };

QString text(const ProcessOutput& p)
{
    return QString::fromUtf8(p.out + p.err);
}

bool installed(const QString& package)
{
    const ProcessOutput q = run(QStringLiteral("dpkg-query"), { QStringLiteral("-W"), QStringLiteral("-f=${Status}"), package });
    return q.exitCode == 0 && q.out.contains("install ok installed");
}

bool onPath(const QString& program)
{
    return !QStandardPaths::findExecutable(program).isEmpty();
}

} // namespace

class TestDebianPackages : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_version;
    QMap<QString, QString> m_debs; // package name → .deb path
    QString m_root; // the three packages unpacked
    bool m_weInstalled = false;

    QString deb(const QString& package) const { return m_debs.value(package); }

    ProcessOutput dpkgDeb(const QStringList& args) { return run(QStringLiteral("dpkg-deb"), args); }

    void purgeIfWeInstalled()
    {
        if (!m_weInstalled)
            return;
        run(QStringLiteral("apt-get"), QStringList { QStringLiteral("purge"), QStringLiteral("-y"), QStringLiteral("-q") } + kPackages, {}, 300000);
        m_weInstalled = false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString tree = qEnvironmentVariable("LANYARD_PACKAGE_TREE");
        QVERIFY2(QFileInfo::exists(tree + QStringLiteral("/CPackConfig.cmake")), qPrintable(QStringLiteral("no package tree at '%1'").arg(tree)));
        m_version = qEnvironmentVariable("LANYARD_VERSION");
        QVERIFY(!m_version.isEmpty());
        const QString out = m_dir.filePath(QStringLiteral("packages"));
        const ProcessOutput made = run(qEnvironmentVariable("LANYARD_CPACK"),
            { QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"), tree + QStringLiteral("/CPackConfig.cmake"), QStringLiteral("-B"), out }, {}, 300000);
        QVERIFY2(made.exitCode == 0, qPrintable(text(made)));
        for (const QString& package : kPackages) {
            const QString path = QStringLiteral("%1/%2_%3_amd64.deb").arg(out, package, m_version);
            QVERIFY2(QFileInfo::exists(path), qPrintable(QStringLiteral("%1 was not made; cpack said: %2").arg(path, text(made))));
            m_debs.insert(package, path);
        }
        m_root = m_dir.filePath(QStringLiteral("root"));
        for (const QString& package : kPackages) {
            const ProcessOutput x = dpkgDeb({ QStringLiteral("-x"), deb(package), m_root });
            QVERIFY2(x.exitCode == 0, qPrintable(text(x)));
        }
    }

    void cleanupTestCase() { purgeIfWeInstalled(); }

    void eachPackageHoldsItsFiles_data()
    {
        QTest::addColumn<QString>("package");
        QTest::addColumn<QStringList>("paths");
        QTest::newRow("lanyard") << "lanyard"
                                 << QStringList { "./usr/bin/lanyard", "./usr/share/applications/org.lanyard.Lanyard.desktop",
                                        "./usr/share/metainfo/org.lanyard.Lanyard.metainfo.xml", "./usr/share/icons/hicolor/scalable/apps/org.lanyard.Lanyard.svg",
                                        "./usr/share/man/man1/lanyard.1.gz", "./usr/share/doc/lanyard/copyright", "./usr/share/doc/lanyard/changelog.gz" };
        QTest::newRow("lanyard-server") << "lanyard-server"
                                        << QStringList { "./usr/sbin/lanyard-server", "./lib/systemd/system/lanyard-server.service", "./etc/lanyard/server.conf",
                                               "./usr/share/man/man8/lanyard-server.8.gz", "./usr/share/man/man5/lanyard-server.conf.5.gz",
                                               "./usr/share/doc/lanyard-server/copyright", "./usr/share/doc/lanyard-server/changelog.gz" };
        QTest::newRow("lanyard-agent") << "lanyard-agent"
                                       << QStringList { "./usr/bin/lanyard-agent", "./usr/share/man/man1/lanyard-agent.1.gz", "./usr/share/doc/lanyard-agent/copyright",
                                              "./usr/share/doc/lanyard-agent/changelog.gz" };
    }
    void eachPackageHoldsItsFiles()
    {
        QFETCH(QString, package);
        QFETCH(QStringList, paths);
        const ProcessOutput listing = dpkgDeb({ QStringLiteral("-c"), deb(package) });
        QCOMPARE(listing.exitCode, 0);
        QStringList files;
        for (const QByteArray& line : listing.out.split('\n'))
            if (!line.isEmpty())
                files << QString::fromUtf8(line).section(QLatin1Char(' '), -1);
        for (const QString& path : paths)
            QVERIFY2(files.contains(path), qPrintable(QStringLiteral("%1 lacks %2; it holds:\n%3").arg(package, path, files.join(QLatin1Char('\n')))));
        // No test, fuzz or benchmark program and nothing of the build tree rides along.
        for (const QString& file : files)
            QVERIFY2(!file.contains(QLatin1String("tst_")) && !file.contains(QLatin1String("fuzz_")) && !file.contains(QLatin1String("bench_"))
                    && !file.contains(QLatin1String("virtual-piv")) && !file.endsWith(QLatin1String(".a")) && !file.endsWith(QLatin1String(".h")),
                qPrintable(file));
    }

    // Debian's dependencies: libraries from dpkg-shlibdeps, plugins and helpers by name, and
    // nothing that only builds or tests Lanyard.
    void dependenciesAreDeclaredAndRuntimeOnly()
    {
        const QStringList buildOrTestOnly { "cmake", "ninja-build", "clang", "g++", "pkg-config", "qt6-tools-dev", "qt6-l10n-tools", "xvfb", "xauth", "imagemagick",
            "vsmartcard-vpcd", "pcsc-tools", "opensc", "dbus", "libsecret-tools", "postgresql", "iproute2", "python3-aiosmtpd", "zbar-tools", "wrk", "hyperfine",
            "sqlite3", "lintian", "dpkg-dev", "desktop-file-utils", "appstream" };
        const auto names = [&](const QString& package) {
            const ProcessOutput depends = dpkgDeb({ QStringLiteral("-f"), deb(package), QStringLiteral("Depends") });
            QStringList out;
            for (const QString& item : QString::fromUtf8(depends.out).split(QRegularExpression(QStringLiteral("[,|]")), Qt::SkipEmptyParts))
                out << item.section(QLatin1Char('('), 0, 0).trimmed();
            return out;
        };
        for (const QString& package : kPackages) {
            const QStringList depends = names(package);
            QVERIFY2(depends.contains(QLatin1String("libqt6core6")) && depends.contains(QLatin1String("libc6")), qPrintable(package + QStringLiteral(": ") + depends.join(QStringLiteral(", "))));
            for (const QString& name : depends)
                QVERIFY2(!name.endsWith(QLatin1String("-dev")) && !name.startsWith(QLatin1String("libboost")) && !name.startsWith(QLatin1String("libclang"))
                        && !buildOrTestOnly.contains(name),
                    qPrintable(QStringLiteral("%1 depends on %2, which only builds or tests Lanyard").arg(package, name)));
        }
        const QStringList server = names(QStringLiteral("lanyard-server"));
        for (const char* needed : { "adduser", "openssl", "libqt6sql6-sqlite", "libqt6sql6-psql", "libssl3" })
            QVERIFY2(server.contains(QLatin1String(needed)), needed);
        QVERIFY2(names(QStringLiteral("lanyard")).contains(QLatin1String("libqt6widgets6")), "the client needs Qt Widgets");
        QVERIFY2(!names(QStringLiteral("lanyard-server")).contains(QLatin1String("libqt6widgets6")), "the server never links Qt Widgets");
    }

    void lintianFindsNoErrorsOrWarnings()
    {
        if (!onPath(QStringLiteral("lintian")))
            QSKIP("lintian is not installed (packaging/install-deps.sh installs it)");
        const ProcessOutput lint = run(QStringLiteral("lintian"),
            QStringList { QStringLiteral("--fail-on"), QStringLiteral("error,warning"), QStringLiteral("--display-level"), QStringLiteral(">=warning") } + m_debs.values(), {},
            300000);
        QVERIFY2(lint.exitCode == 0, qPrintable(text(lint)));
        qInfo().noquote() << "lintian:" << (text(lint).trimmed().isEmpty() ? QStringLiteral("no errors, no warnings") : text(lint));
    }

    void desktopEntryAndAppStreamValidate()
    {
        const QString desktop = m_root + QStringLiteral("/usr/share/applications/org.lanyard.Lanyard.desktop");
        const ProcessOutput entry = run(QStringLiteral("desktop-file-validate"), { desktop });
        QVERIFY2(entry.exitCode == 0 && !entry.out.contains("error:") && !entry.out.contains("warning:"), qPrintable(text(entry)));
        const ProcessOutput meta = run(QStringLiteral("appstreamcli"),
            { QStringLiteral("validate"), QStringLiteral("--no-net"), m_root + QStringLiteral("/usr/share/metainfo/org.lanyard.Lanyard.metainfo.xml") });
        QVERIFY2(meta.exitCode == 0, qPrintable(text(meta)));
        QVERIFY2(meta.out.contains("Validation was successful"), qPrintable(text(meta)));
    }

    void manPagesRenderWithoutWarnings()
    {
        if (!onPath(QStringLiteral("man")))
            QSKIP("man is not installed");
        for (const char* page : { "/usr/share/man/man1/lanyard.1.gz", "/usr/share/man/man1/lanyard-agent.1.gz", "/usr/share/man/man8/lanyard-server.8.gz",
                 "/usr/share/man/man5/lanyard-server.conf.5.gz" }) {
            const ProcessOutput shown
                = run(QStringLiteral("man"), { QStringLiteral("--warnings"), QStringLiteral("-E"), QStringLiteral("UTF-8"), QStringLiteral("-l"), m_root + QLatin1String(page) });
            QVERIFY2(shown.exitCode == 0 && shown.err.isEmpty(), qPrintable(QLatin1String(page) + QStringLiteral(": ") + QString::fromUtf8(shown.err)));
            QVERIFY2(shown.out.contains(m_version.toUtf8()), page);
        }
    }

    void installServeAndPurge()
    {
        if (::geteuid() != 0)
            QSKIP("installing packages needs root; CI runs as root");
        if (!onPath(QStringLiteral("apt-get")))
            QSKIP("no apt-get here");
        for (const QString& package : kPackages)
            if (installed(package))
                QSKIP(qPrintable(QStringLiteral("%1 is already installed on this machine; this test installs and purges only what it brought").arg(package)));
        if (QFileInfo::exists(QStringLiteral("/etc/lanyard")) || QFileInfo::exists(QStringLiteral("/var/lib/lanyard")))
            QSKIP("/etc/lanyard or /var/lib/lanyard exists already; this test does not touch another installation's files");

        QStringList debs;
        for (const QString& package : kPackages)
            debs << deb(package);
        m_weInstalled = true;
        qputenv("DEBIAN_FRONTEND", "noninteractive");
        const ProcessOutput install = run(QStringLiteral("apt-get"), QStringList { QStringLiteral("install"), QStringLiteral("-y"), QStringLiteral("-q") } + debs, {}, 600000);
        QVERIFY2(install.exitCode == 0, qPrintable(text(install)));
        for (const QString& package : kPackages)
            QVERIFY2(installed(package), qPrintable(package));

        // The programs run from the installed paths.
        const QString versionLine = QStringLiteral(" %1\n").arg(m_version);
        for (const char* program : { "/usr/bin/lanyard", "/usr/sbin/lanyard-server", "/usr/bin/lanyard-agent" }) {
            const ProcessOutput v = run(QLatin1String(program), { QStringLiteral("--version") });
            QVERIFY2(v.exitCode == 0 && QString::fromUtf8(v.out).endsWith(versionLine), qPrintable(QLatin1String(program) + QStringLiteral(": ") + text(v)));
        }

        // What postinst made: the user, a private state folder, the configuration readable by
        // the service's group only, and a TLS pair for this host.
        QVERIFY(run(QStringLiteral("getent"), { QStringLiteral("passwd"), QStringLiteral("lanyard") }).exitCode == 0);
        const auto mode = [](const char* path) {
            struct stat st {};
            return ::stat(path, &st) == 0 ? int(st.st_mode & 07777) : -1;
        };
        QCOMPARE(mode("/var/lib/lanyard"), 0700);
        QCOMPARE(mode("/etc/lanyard/server.conf"), 0640);
        QCOMPARE(mode("/etc/lanyard/tls/server.key"), 0640);
        QCOMPARE(QFileInfo(QStringLiteral("/etc/lanyard/server.conf")).group(), QStringLiteral("lanyard"));
        QCOMPARE(QFileInfo(QStringLiteral("/var/lib/lanyard")).owner(), QStringLiteral("lanyard"));

        if (onPath(QStringLiteral("systemd-analyze")) && onPath(QStringLiteral("man"))) {
            const ProcessOutput verify = run(QStringLiteral("systemd-analyze"), { QStringLiteral("verify"), QStringLiteral("/lib/systemd/system/lanyard-server.service") });
            QVERIFY2(verify.exitCode == 0 && verify.err.trimmed().isEmpty(), qPrintable(text(verify)));
        } else {
            qInfo("systemd-analyze or man is not installed: the unit was not verified here");
        }

        // As the unit starts it: the service's user, the configuration file; only the port is
        // a flag, which wins over the file.
        const QString conf = QStringLiteral("/etc/lanyard/server.conf");
        const QStringList asService { QStringLiteral("--reuid=lanyard"), QStringLiteral("--regid=lanyard"), QStringLiteral("--init-groups"), QStringLiteral("--") };
        const ProcessOutput init = run(QStringLiteral("setpriv"),
            asService + QStringList { QStringLiteral("/usr/sbin/lanyard-server"), QStringLiteral("init"), QStringLiteral("--config"), conf, QStringLiteral("--logon"), QStringLiteral("first-admin") },
            "installed horse battery\n", 300000);
        QVERIFY2(init.exitCode == 0 && init.out.contains("made the first administrator 'first-admin'"), qPrintable(text(init)));
        QCOMPARE(QFileInfo(QStringLiteral("/var/lib/lanyard/engine.db")).owner(), QStringLiteral("lanyard"));
        QCOMPARE(mode("/var/lib/lanyard/engine.key"), 0600);
        const ProcessOutput op = run(QStringLiteral("setpriv"),
            asService + QStringList { QStringLiteral("/usr/sbin/lanyard-server"), QStringLiteral("create-operator"), QStringLiteral("--config"), conf, QStringLiteral("--logon"), QStringLiteral("helpdesk"), QStringLiteral("--role"), QStringLiteral("Helpdesk Operator") },
            "installed helpdesk battery\n");
        QVERIFY2(op.exitCode == 0, qPrintable(text(op)));

        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        QProcess server;
        server.setProcessChannelMode(QProcess::SeparateChannels);
        server.start(QStringLiteral("setpriv"),
            asService + QStringList { QStringLiteral("/usr/sbin/lanyard-server"), QStringLiteral("serve"), QStringLiteral("--config"), conf, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port) });
        QVERIFY(server.waitForStarted(10000));

        QNetworkAccessManager net;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(QStringLiteral("/etc/lanyard/tls/server.crt")));
        const auto call = [&](const QString& route, const QJsonObject& body) -> std::pair<int, QJsonObject> {
            QNetworkRequest request(QUrl(QStringLiteral("https://127.0.0.1:%1%2").arg(port).arg(route)));
            request.setSslConfiguration(tls);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            QNetworkReply* reply = body.isEmpty() ? net.get(request) : net.post(request, QJsonDocument(body).toJson());
            QSignalSpy done(reply, &QNetworkReply::finished);
            if (!reply->isFinished())
                done.wait(20000);
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
            reply->deleteLater();
            return { status, json };
        };
        int health = 0;
        QDeadlineTimer deadline(60000);
        while (!deadline.hasExpired() && server.state() == QProcess::Running) {
            health = call(QStringLiteral("/health"), {}).first;
            if (health == 200)
                break;
            QTest::qWait(200);
        }
        QByteArray said = server.readAllStandardOutput(); // QVERIFY2 reads its message even when it passes
        QVERIFY2(health == 200, qPrintable(QString::fromUtf8(said + server.readAllStandardError())));
        const auto [logonStatus, logon] = call(QStringLiteral("/api/v1/logon"), { { QStringLiteral("logonName"), QStringLiteral("first-admin") }, { QStringLiteral("password"), QStringLiteral("installed horse battery") } });
        QCOMPARE(logonStatus, 200);
        QVERIFY(!logon.value(QStringLiteral("token")).toString().isEmpty());

        server.terminate(); // SIGTERM to the server itself: setpriv execs it
        QVERIFY(server.waitForFinished(30000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
        // Its log is JSON lines on standard output, for the journal.
        said += server.readAllStandardOutput();
        const QList<QByteArray> log = said.split('\n');
        bool listening = false;
        for (const QByteArray& line : log)
            listening = listening || QJsonDocument::fromJson(line).object().value(QStringLiteral("data")).toObject().value(QStringLiteral("event")).toString() == QLatin1String("listening");
        QVERIFY2(listening, "no 'listening' event on standard output");

        const ProcessOutput purge
            = run(QStringLiteral("apt-get"), QStringList { QStringLiteral("purge"), QStringLiteral("-y"), QStringLiteral("-q") } + kPackages, {}, 300000);
        QVERIFY2(purge.exitCode == 0, qPrintable(text(purge)));
        m_weInstalled = false;
        for (const QString& package : kPackages)
            QVERIFY2(!installed(package), qPrintable(package));
        for (const char* gone : { "/usr/bin/lanyard", "/usr/sbin/lanyard-server", "/usr/bin/lanyard-agent", "/etc/lanyard", "/var/lib/lanyard",
                 "/lib/systemd/system/lanyard-server.service", "/etc/systemd/system/lanyard-server.service", "/usr/share/doc/lanyard", "/usr/share/doc/lanyard-server",
                 "/usr/share/doc/lanyard-agent", "/usr/share/applications/org.lanyard.Lanyard.desktop", "/usr/share/man/man8/lanyard-server.8.gz" })
            QVERIFY2(!QFileInfo::exists(QLatin1String(gone)) && !QFileInfo(QLatin1String(gone)).isSymLink(), gone);
        QVERIFY(!run(QStringLiteral("dpkg-statoverride"), { QStringLiteral("--list"), QStringLiteral("/etc/lanyard/server.conf") }).out.contains("lanyard"));
        // Debian keeps system users on purge (files they owned may remain elsewhere).
        qInfo("after the purge only the system user 'lanyard' remains, as Debian policy keeps it");
    }
};

QTEST_GUILESS_MAIN(TestDebianPackages)
#include "tst_DebianPackages.moc"
