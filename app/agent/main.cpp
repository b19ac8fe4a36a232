// lanyard-agent: the reference mobile agent on the command line.
//   lanyard-agent collect <QR payload or PNG of the QR code> --code CODE --store DIR --trust CA.pem [--tls-ca F] [--pin PIN] [--serial S]
//   lanyard-agent renew <QR payload or PNG> --code CODE --store DIR --trust CA.pem [--tls-ca F] --pin PIN
//                                                    (the renewal into the credential already in DIR)
//   lanyard-agent status --store DIR
//   lanyard-agent pin --store DIR --pin PIN          (uses the credential: a wrong PIN counts, the last locks)
//   lanyard-agent unlock-challenge --store DIR       (when locked: the challenge to read to the helpdesk)
//   lanyard-agent unlock CODE --store DIR            (the helpdesk's unlock code)

#include "agent/AgentWallet.h"
#include "agent/CollectionAgent.h"
#include "pki/TrustMaterial.h"
#include "vsc/PivCardVscBackend.h"
#include "vsc/VscAutomation.h"
#include "qr/QrImageReader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <QTimer>

using namespace lanyard;

namespace {
int fail(const QString& text)
{
    QTextStream(stderr) << "lanyard-agent: " << text << Qt::endl;
    return 2;
}

// Exit code 1 with the stable error id first, so scripts and tests can tell refusals apart.
int refuse(const Error& e)
{
    QTextStream(stderr) << "lanyard-agent: " << errorId(e.code) << ": " << e.detail << Qt::endl;
    return 1;
}

int runWallet(const QString& command, const QStringList& args, const QString& storeDir, const QByteArray& pin, bool pinGiven)
{
    auto wallet = AgentWallet::open(storeDir);
    if (!wallet)
        return refuse(wallet.error());
    QTextStream out(stdout);
    if (command == QLatin1String("status")) {
        const AgentWallet::Status s = wallet->status();
        out << "device " << s.deviceSerial << ", expires " << s.deviceExpires.toString(Qt::ISODate) << Qt::endl;
        for (const QString& c : s.certificates)
            out << "certificate " << c << Qt::endl;
        out << (s.locked ? QStringLiteral("locked: too many wrong PINs") : QStringLiteral("unlocked, %1 PIN attempt(s) left").arg(s.pinAttemptsLeft)) << Qt::endl;
        if (!s.pendingChallenge.isEmpty())
            out << "challenge pending" << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("pin")) {
        if (!pinGiven)
            return fail(QStringLiteral("--pin is required"));
        if (auto r = wallet->verifyPin(pin); !r)
            return refuse(r.error());
        out << "PIN accepted" << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("unlock-challenge")) {
        auto challenge = wallet->newChallenge();
        if (!challenge)
            return refuse(challenge.error());
        out << "challenge " << *challenge << Qt::endl;
        return 0;
    }
    if (args.size() != 2)
        return fail(QStringLiteral("usage: lanyard-agent unlock CODE --store DIR"));
    if (auto r = wallet->unlock(args.at(1)); !r)
        return refuse(r.error());
    out << "unlocked" << Qt::endl;
    return 0;
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("lanyard-agent"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LANYARD_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Lanyard reference mobile agent"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("collect, renew, status, pin, unlock-challenge or unlock"));
    parser.addPositionalArgument(QStringLiteral("argument"), QStringLiteral("collect: the QR code's text (https://HOST/c/TOKEN) or a PNG picture of it; unlock: the code"));
    const QCommandLineOption code(QStringLiteral("code"), QStringLiteral("The authentication code"), QStringLiteral("code"));
    const QCommandLineOption store(QStringLiteral("store"), QStringLiteral("Folder for the credential"), QStringLiteral("dir"));
    const QCommandLineOption trust(QStringLiteral("trust"), QStringLiteral("the server's trust material (PEM from /api/v1/ca: its CA and its content-signing certificate)"), QStringLiteral("file"));
    const QCommandLineOption tlsCa(QStringLiteral("tls-ca"), QStringLiteral("Extra CA (PEM) for the server's TLS certificate"), QStringLiteral("file"));
    const QCommandLineOption pin(QStringLiteral("pin"), QStringLiteral("PIN protecting the stored PKCS#12 files"), QStringLiteral("pin"), QStringLiteral("123456"));
    const QCommandLineOption serial(QStringLiteral("serial"), QStringLiteral("This phone's serial number"), QStringLiteral("serial"), QStringLiteral("AGENT-0001"));
    const QCommandLineOption platform(QStringLiteral("platform"), QStringLiteral("Platform"), QStringLiteral("name"), QStringLiteral("Linux"));
    const QCommandLineOption retries(QStringLiteral("retries"), QStringLiteral("Attempts while the server is busy"), QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption vsc(QStringLiteral("vsc"), QStringLiteral("Collect a virtual smart card into the blank PIV card in a local reader"));
    const QCommandLineOption reader(QStringLiteral("reader"), QStringLiteral("With --vsc: the reader (default: the first holding a card)"), QStringLiteral("name"));
    const QCommandLineOption dnsName(QStringLiteral("dns-name"), QStringLiteral("This computer's full DNS name"), QStringLiteral("name"));
    parser.addOptions({ code, store, trust, tlsCa, pin, serial, platform, retries, vsc, reader, dnsName });
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    const QString command = args.value(0);
    if (command == QLatin1String("status") || command == QLatin1String("pin") || command == QLatin1String("unlock-challenge") || command == QLatin1String("unlock")) {
        if (!parser.isSet(store))
            return fail(QStringLiteral("--store is required"));
        return runWallet(command, args, parser.value(store), parser.value(pin).toUtf8(), parser.isSet(pin));
    }
    const bool renew = command == QLatin1String("renew");
    if ((command != QLatin1String("collect") && !renew) || args.size() != 2)
        return fail(QStringLiteral("usage: lanyard-agent collect|renew <QR payload or PNG> --code CODE --store DIR --trust CA.pem"));
    if (!parser.isSet(code) || !parser.isSet(store) || !parser.isSet(trust))
        return fail(QStringLiteral("--code, --store and --trust are required"));
    CollectionAgent::Options options;
    if (renew) {
        // The holder shows they hold the credential: its PIN, counted like any other use.
        if (!parser.isSet(pin))
            return fail(QStringLiteral("renew: --pin (the credential's PIN) is required"));
        auto wallet = AgentWallet::open(parser.value(store));
        if (!wallet)
            return refuse(wallet.error());
        if (auto r = wallet->verifyPin(parser.value(pin).toUtf8()); !r)
            return refuse(r.error());
        options.renewing = wallet->status().deviceSerial;
        if (!parser.isSet(serial) && !wallet->hardwareSerial().isEmpty())
            options.device.hardwareSerial = wallet->hardwareSerial();
    }
    options.payload = args.at(1);
    if (options.payload.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) && !options.payload.contains(QLatin1String("://"))) {
        auto text = QrImageReader::readPng(options.payload);
        if (!text)
            return refuse(text.error());
        options.payload = *text;
    }
    options.code = parser.value(code);
    options.storeDir = parser.value(store);
    options.pin = parser.value(pin).toUtf8();
    if (options.device.hardwareSerial.isEmpty())
        options.device.hardwareSerial = parser.value(serial);
    options.device.platform = parser.value(platform);
    options.device.model = QStringLiteral("lanyard-agent");
    if (parser.isSet(dnsName))
        options.device.dnsName = parser.value(dnsName);
    else if (parser.isSet(vsc))
        options.device.dnsName = VscAutomation::localDnsName();
    if (parser.isSet(vsc)) {
        PivCardVscBackend::Options card;
        card.reader = parser.value(reader);
        options.vsc = std::make_shared<PivCardVscBackend>(card);
    }
    options.retryAttempts = qBound(1, parser.value(retries).toInt(), 1000);
    QFile trusted(parser.value(trust));
    if (!trusted.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read %1").arg(trusted.fileName()));
    auto material = TrustMaterial::fromPem(trusted.readAll());
    if (!material)
        return fail(QStringLiteral("%1: %2").arg(trusted.fileName(), material.error().detail));
    options.trustedCas = material->authorities;
    options.contentSigner = material->contentSigner;
    if (parser.isSet(tlsCa)) {
        options.tlsCas = QSslCertificate::fromPath(parser.value(tlsCa));
        if (options.tlsCas.isEmpty())
            return fail(QStringLiteral("no certificate in %1").arg(parser.value(tlsCa)));
    }
    CollectionAgent agent(options);
    QObject::connect(&agent, &CollectionAgent::progress, &app, [](const QString& text) { QTextStream(stdout) << text << Qt::endl; });
    QObject::connect(&agent, &CollectionAgent::finished, &app, [&app](const Result<CollectionOutcome>& outcome) {
        if (!outcome)
            return app.exit(refuse(outcome.error()));
        QTextStream out(stdout);
        out << (outcome->renewed ? "renewed device " : "collected device ") << outcome->deviceSerial << Qt::endl;
        if (outcome->busyRetries > 0)
            out << "server busy; retried " << outcome->busyRetries << " time(s)" << Qt::endl;
        for (const QString& f : outcome->files)
            out << "stored " << f << Qt::endl;
        app.exit(0);
    });
    // Started from the event loop, so an early refusal can end it.
    QTimer::singleShot(0, &agent, &CollectionAgent::start);
    const int rc = app.exec();
    // The network's connections (and their TLS state) are released through deferred deletes,
    // which need one more pass now that the loop has stopped.
    agent.closeConnections();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return rc;
}
