#include "PcscHarness.h"

#include "cards/PcscContext.h"
#include "cards/PivClient.h"
#include "pki/DetachedSignature.h"
#include "pki/PrivateKey.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QUuid>

namespace lanyard::test {

namespace {
bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QStringList listReaders()
{
    auto context = PcscContext::establish();
    if (!context)
        return {};
    auto readers = context->readers();
    return readers ? *readers : QStringList();
}
} // namespace

PcscDaemon::PcscDaemon(QString logFile)
    : m_log(std::move(logFile))
{
}

PcscDaemon::~PcscDaemon()
{
    stop();
}

QString PcscDaemon::start()
{
    if (!listReaders().isEmpty() || PcscContext::establish())
        return QStringLiteral("a pcscd is already running here; run the test through with-pcsc-namespace.sh");
    m_process.setProgram(QStringLiteral("/usr/sbin/pcscd"));
    m_process.setArguments({ QStringLiteral("--foreground"), QStringLiteral("--debug"), QStringLiteral("--apdu") });
    m_process.setStandardOutputFile(m_log, QIODevice::Append);
    m_process.setStandardErrorFile(m_log, QIODevice::Append);
    m_process.start();
    if (!m_process.waitForStarted(5000))
        return QStringLiteral("pcscd did not start: %1").arg(m_process.errorString());
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        if (listReaders().contains(QLatin1String(kReader0)))
            return {};
        if (m_process.state() == QProcess::NotRunning)
            return QStringLiteral("pcscd exited; see %1").arg(m_log);
        QThread::msleep(20);
    }
    return QStringLiteral("pcscd offered no virtual readers within 15 s; see %1").arg(m_log);
}

void PcscDaemon::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

TestCardIssuer::TestCardIssuer(QString dir, const QString& name)
    : m_dir(std::move(dir))
{
    DistinguishedName dn;
    dn.append({ QStringLiteral("CN"), name });
    dn.append({ QStringLiteral("O"), QStringLiteral("Lanyard Tests") });
    auto ca = CertificateAuthority::createRoot(dn, KeyAlgorithm::EcP256, 3650);
    if (!ca)
        qFatal("test CA: %s", qPrintable(ca.error().toLogString()));
    m_ca = *ca;
    writeFile(caPem(), m_ca.certificate().toPem());
    makeSigner();
}

TestCardIssuer::TestCardIssuer(QString dir, QString stem, CertificateAuthority ca)
    : m_dir(std::move(dir))
    , m_stem(std::move(stem))
    , m_ca(std::move(ca))
{
    writeFile(caPem(), m_ca.certificate().toPem());
    makeSigner();
}

void TestCardIssuer::makeSigner()
{
    auto key = PrivateKey::generate(KeyAlgorithm::EcP256);
    if (!key)
        qFatal("content signer key: %s", qPrintable(key.error().toLogString()));
    IssuanceParameters p;
    p.subject.append({ QStringLiteral("CN"), QStringLiteral("PIV Content Signer") });
    p.keyUsage = QStringLiteral("digitalSignature");
    p.extendedKeyUsage = QString::fromLatin1(DetachedSignature::kPivContentSigningUsage);
    auto cert = m_ca.issueForKey(*key, p);
    if (!cert)
        qFatal("content signer: %s", qPrintable(cert.error().toLogString()));
    m_signer = *cert;
    m_signerKey = *key;
}

QString TestCardIssuer::caPem() const
{
    return QDir(m_dir).filePath(m_stem + QStringLiteral(".pem"));
}

TestCardIssuer TestCardIssuer::intermediate(const QString& stem, const QString& name) const
{
    DistinguishedName dn;
    dn.append({ QStringLiteral("CN"), name });
    dn.append({ QStringLiteral("O"), QStringLiteral("Lanyard Tests") });
    auto sub = m_ca.createSubordinate(dn, KeyAlgorithm::EcP256, 1825);
    if (!sub)
        qFatal("intermediate CA: %s", qPrintable(sub.error().toLogString()));
    return TestCardIssuer(m_dir, stem, *sub);
}

Fascn TestCardIssuer::fascnFor(const QString& personIdentifier)
{
    Fascn fascn;
    fascn.agencyCode = QStringLiteral("9999");
    fascn.systemCode = QStringLiteral("9999");
    fascn.credentialNumber = QStringLiteral("999999");
    fascn.credentialSeries = QStringLiteral("0");
    fascn.individualCredentialIssue = QStringLiteral("1");
    fascn.personIdentifier = personIdentifier;
    fascn.organizationalCategory = QStringLiteral("1");
    fascn.organizationalIdentifier = QStringLiteral("1234");
    fascn.personOrganizationAssociation = QStringLiteral("1");
    return fascn;
}

QByteArray TestCardIssuer::signedChuid(Chuid chuid) const
{
    chuid.issuerSignature.clear();
    auto unsignedBytes = chuid.encode();
    if (!unsignedBytes)
        qFatal("CHUID: %s", qPrintable(unsignedBytes.error().toLogString()));
    // What is signed: every element before the (empty) signature element.
    auto parsed = Chuid::parse(*unsignedBytes);
    auto signature = DetachedSignature::sign(parsed->signedContent, DetachedSignature::kChuidContentType, m_signer, m_signerKey);
    if (!signature)
        qFatal("CHUID signature: %s", qPrintable(signature.error().toLogString()));
    chuid.issuerSignature = *signature;
    return chuid.encode().value();
}

TestPivCard TestCardIssuer::makeCard(const QString& name, KeyAlgorithm alg, const QString& upn, const QString& personIdentifier,
    QDateTime validFrom, int validDays, const QStringList& corruptTags) const
{
    auto key = PrivateKey::generate(alg);
    if (!key)
        qFatal("card key: %s", qPrintable(key.error().toLogString()));
    TestPivCard card;
    card.chuid.fascn = fascnFor(personIdentifier);
    card.chuid.guid = QUuid::createUuid();
    card.chuid.expiry = QDate::currentDate().addYears(5);
    // As FIPS 201 cards carry them: the FASC-N and the card UUID (the CHUID's GUID) in the
    // certificate, and a CHUID signed by the issuer's content signer.
    IssuanceParameters p;
    p.subject.append({ QStringLiteral("CN"), name });
    p.sanUpn = upn;
    p.sanFascn = card.chuid.fascn.encode().value();
    p.sanCardUuid = card.chuid.guid.toString(QUuid::WithoutBraces);
    p.validityDays = validDays;
    p.notBefore = validFrom;
    p.keyUsage = QStringLiteral("digitalSignature");
    p.extendedKeyUsage = QStringLiteral("clientAuth");
    auto cert = m_ca.issueForKey(*key, p);
    if (!cert)
        qFatal("card certificate: %s", qPrintable(cert.error().toLogString()));
    card.certificate = *cert;
    const QByteArray chuid = signedChuid(card.chuid);
    card.chuid = Chuid::parse(chuid).value();

    const QDir dir(m_dir);
    const QString certPath = dir.filePath(name + QStringLiteral("-9a.pem"));
    const QString keyPath = dir.filePath(name + QStringLiteral("-9a-key.pem"));
    writeFile(certPath, cert->toPem());
    writeFile(keyPath, key->toPem());
    card.statePath = dir.filePath(name + QStringLiteral("-secrets.json"));
    QFile::remove(card.statePath);
    QJsonObject config {
        { QStringLiteral("chuid"), QString::fromLatin1(chuid.toHex()) },
        { QStringLiteral("slots"), QJsonObject { { QStringLiteral("9a"), QJsonObject { { QStringLiteral("cert"), certPath }, { QStringLiteral("key"), keyPath } } } } },
        { QStringLiteral("corrupt"), QJsonArray::fromStringList(corruptTags) },
        { QStringLiteral("state"), card.statePath },
    };
    card.configPath = dir.filePath(name + QStringLiteral("-card.json"));
    writeFile(card.configPath, QJsonDocument(config).toJson());
    return card;
}

TestPivCard TestCardIssuer::blankCard(const QString& name) const
{
    const QDir dir(m_dir);
    TestPivCard card;
    card.statePath = dir.filePath(name + QStringLiteral("-secrets.json"));
    QFile::remove(card.statePath);
    card.configPath = dir.filePath(name + QStringLiteral("-card.json"));
    writeFile(card.configPath, QJsonDocument(QJsonObject { { QStringLiteral("state"), card.statePath } }).toJson());
    return card;
}

QString TestCardIssuer::writeCrl(const QList<Certificate>& revoked, const QString& fileName, int nextUpdateDays) const
{
    QList<RevokedEntry> entries;
    for (const Certificate& c : revoked)
        entries.append({ c.serialHex(), QDateTime::currentDateTimeUtc().addSecs(-60), RevocationReason::KeyCompromise });
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto crl = m_ca.makeCrl(entries, 1, now.addSecs(-3600), now.addDays(nextUpdateDays));
    if (!crl)
        qFatal("CRL: %s", qPrintable(crl.error().toLogString()));
    const QString path = QDir(m_dir).filePath(fileName);
    writeFile(path, *crl);
    return path;
}

VirtualCardProcess::~VirtualCardProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool VirtualCardProcess::waitForCard(const QString& reader, bool present, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        auto context = PcscContext::establish();
        if (context) {
            ReaderState initial;
            initial.name = reader;
            QList<ReaderState> states { initial };
            auto r = context->waitForChange(states, 0);
            if (r && states.first().cardPresent == present) {
                if (!present)
                    return true;
                // Present is not yet usable: pcscd powers the card up after it appears, and
                // vpcd needs a moment after a card was pulled. Usable means it answers.
                auto card = context->connect(reader);
                if (card && card->transaction<void>([](ApduTransport& t) { return PivClient(t).select(); }))
                    return true;
            }
        }
        QThread::msleep(20);
    }
    return false;
}

QString VirtualCardProcess::insert(const TestPivCard& card, int readerIndex)
{
    m_reader = QLatin1String(readerIndex == 0 ? PcscDaemon::kReader0 : PcscDaemon::kReader1);
    m_process.setProgram(QStringLiteral(LANYARD_VIRTUAL_PIV));
    m_process.setArguments({ QStringLiteral("--config"), card.configPath, QStringLiteral("--port"), QString::number(35963 + readerIndex) });
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start();
    if (!m_process.waitForStarted(5000))
        return QStringLiteral("the virtual card did not start: %1").arg(m_process.errorString());
    if (!waitForCard(m_reader, true))
        return QStringLiteral("pcscd did not report the virtual card in %1 within 10 s").arg(m_reader);
    return {};
}

void VirtualCardProcess::remove()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
    waitForCard(m_reader, false);
}

} // namespace lanyard::test
