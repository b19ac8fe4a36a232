#include "CollectionAgent.h"

#include "vsc/LocalVscBackend.h"

#include "engine/PinCheck.h"

#include "pki/CertificateRequest.h"
#include "pki/KeyTransport.h"
#include "pki/Pkcs12.h"
#include "pki/SignedBundle.h"
#include "remote/JsonCodec.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>

namespace lanyard {

CollectionAgent::CollectionAgent(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

Result<std::pair<QUrl, QString>> CollectionAgent::parsePayload(const QString& payload)
{
    const QUrl url(payload.trimmed(), QUrl::StrictMode);
    const QStringList parts = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty() || parts.size() < 2 || parts.at(parts.size() - 2) != QLatin1String("c")
        || parts.last().size() < 16 || parts.last().size() > 64
        || !std::all_of(parts.last().cbegin(), parts.last().cend(), [](QChar c) { return c.isLetterOrNumber() && c.unicode() < 128 ? true : c == u'-' || c == u'_'; }))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("not a Lanyard collection QR code: expected https://HOST/c/TOKEN"),
            { { QStringLiteral("problem"), QStringLiteral("qr-payload") } });
    QUrl base = url;
    base.setPath(QString());
    base.setQuery(QString());
    base.setFragment(QString());
    return std::pair { base, parts.last() };
}

void CollectionAgent::start()
{
    auto parsed = parsePayload(m_options.payload);
    if (!parsed)
        return fail(parsed.error());
    m_base = parsed->first;
    m_token = parsed->second;
    if (!m_options.tlsCas.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_options.tlsCas);
        QSslConfiguration::setDefaultConfiguration(tls);
    }
    begin();
}

void CollectionAgent::closeConnections()
{
    m_network.clearConnectionCache();
}

void CollectionAgent::fail(const Error& e)
{
    Q_EMIT finished(e);
}

void CollectionAgent::giveUp(const CollectionSession& session, const Error& e)
{
    // The server rolls the session back at once, so the holder can start again with the same
    // code rather than wait for it to expire (every try until then would be code-used).
    post(QStringLiteral("/api/v1/collect/abandon"), QJsonObject { { QStringLiteral("session"), session.id }, { QStringLiteral("reason"), e.detail.left(200) } },
        [this, e](Result<QJsonObject> answer, int) {
            Error out = e;
            if (answer) {
                out.detail += QStringLiteral(" (the collection was abandoned: the same code works again)");
                out.args.insert(QStringLiteral("abandoned"), true);
            }
            fail(out);
        });
}

void CollectionAgent::post(const QString& path, const QJsonObject& body, std::function<void(Result<QJsonObject>, int)> done)
{
    QUrl url = m_base;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(60000);
    QNetworkReply* reply = m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [reply, done] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        if (status == 0) {
            const bool tls = reply->error() == QNetworkReply::SslHandshakeFailedError;
            return done(Error(tls ? ErrorCode::TrustFailure : ErrorCode::NetworkFailure, reply->errorString()), 0);
        }
        if (status >= 400)
            return done(json::toError(answer.value(QStringLiteral("error")).toObject(), status), reply->rawHeader("Retry-After").toInt());
        done(answer, 0);
    });
}

void CollectionAgent::begin()
{
    ++m_attempt;
    Q_EMIT progress(tr("Starting the collection (attempt %1)…").arg(m_attempt));
    CollectionStart start { m_token, m_options.code, m_options.device };
    post(QStringLiteral("/api/v1/collect/start"), json::fromCollectionStart(start), [this](Result<QJsonObject> answer, int retryAfter) {
        if (!answer && answer.error().code == ErrorCode::ServiceBusy && m_attempt < m_options.retryAttempts) {
            ++m_outcome.busyRetries;
            const int delay = qMax(1, retryAfter > 0 ? retryAfter : m_options.retryDelaySeconds);
            Q_EMIT progress(tr("The server is busy; trying again in %n second(s).", nullptr, delay));
            QTimer::singleShot(delay * 1000, this, &CollectionAgent::begin);
            return;
        }
        if (!answer)
            return fail(answer.error());
        auto session = json::toCollectionSession(*answer);
        if (!session)
            return fail(session.error());
        submit(*session);
    });
}

void CollectionAgent::submit(const CollectionSession& session)
{
    // Before any key is made: a PIN the profile does not allow protects nothing it should.
    if (auto r = PinCheck::check(session.pinPolicy, QString::fromUtf8(m_options.pin)); !r) {
        Error e = r.error();
        e.detail = QStringLiteral("%1 (%2 asks for: %3)").arg(e.detail, session.profileName, PinCheck::describe(session.pinPolicy));
        return giveUp(session, e);
    }
    Q_EMIT progress(tr("Making %n key(s)…", nullptr, int(session.certificates.size())));
    CollectionSubmission submission;
    submission.sessionId = session.id;
    m_keys.clear();
    if (m_options.vsc) {
        Q_EMIT progress(tr("Making the keys on the card (%1)…").arg(m_options.vsc->name()));
        auto requests = m_options.vsc->createKeys(session.certificates, m_options.device.dnsName.isEmpty() ? m_options.device.hardwareSerial : m_options.device.dnsName);
        if (!requests)
            return giveUp(session, requests.error());
        submission.requests = *requests;
        for (int i = 0; i < requests->size(); ++i)
            m_keys << PrivateKey();
    }
    for (const RequestedCertificate& c : m_options.vsc ? QList<RequestedCertificate>() : session.certificates) {
        if (c.serverKey) {
            m_keys << PrivateKey();
            submission.requests << QByteArray();
            continue;
        }
        auto key = PrivateKey::generate(c.keyAlgorithms.first());
        if (!key)
            return giveUp(session, key.error());
        auto csr = CertificateRequest::create(*key, m_options.device.hardwareSerial);
        if (!csr)
            return giveUp(session, csr.error());
        m_keys << *key;
        submission.requests << *csr;
    }
    if (session.needsTransportKey) {
        auto transport = PrivateKey::generate(KeyAlgorithm::Rsa2048);
        if (!transport)
            return giveUp(session, transport.error());
        m_transport = *transport;
        submission.transportKey = m_transport.publicKeyDer();
    }
    post(QStringLiteral("/api/v1/collect/submit"), json::fromCollectionSubmission(submission), [this, session](Result<QJsonObject> answer, int) {
        if (!answer)
            return giveUp(session, answer.error());
        store(session, QByteArray::fromBase64(answer->value(QStringLiteral("bundle")).toString().toLatin1()));
    });
}

void CollectionAgent::store(const CollectionSession& session, const QByteArray& bundle)
{
    // Nothing in the bundle is believed before its signature and chain verify.
    auto payload = SignedBundle::verify(bundle, m_options.trustedCas, m_options.contentSigner);
    if (!payload)
        return giveUp(session, Error(ErrorCode::TrustFailure, payload.error().detail));
    const QJsonObject content = QJsonDocument::fromJson(*payload).object();
    if (content.value(QStringLiteral("session")).toString() != session.id)
        return giveUp(session, Error(ErrorCode::TrustFailure, QStringLiteral("the bundle belongs to another collection")));
    // The session's policy came over TLS; the bundle's is signed. A PIN checked against a
    // weaker one than the signed policy is not kept.
    auto signedPolicy = PinCheck::fromJson(content.value(QStringLiteral("pinPolicy")).toObject());
    if (!signedPolicy)
        return giveUp(session, signedPolicy.error());
    if (auto r = PinCheck::check(*signedPolicy, QString::fromUtf8(m_options.pin)); !r)
        return giveUp(session, r.error());
    QList<Certificate> chain;
    for (const QJsonValue& v : content.value(QStringLiteral("chain")).toArray()) {
        auto c = Certificate::fromPem(v.toString().toLatin1());
        if (!c)
            return giveUp(session, c.error());
        chain << *c;
    }
    const QString deviceSerial = content.value(QStringLiteral("device")).toObject().value(QStringLiteral("serial")).toString();
    if (!m_options.renewing.isEmpty() && deviceSerial != m_options.renewing)
        return giveUp(session, Error(ErrorCode::InvalidArgument, QStringLiteral("the code renews %1; this store holds %2").arg(deviceSerial, m_options.renewing),
                                   { { QStringLiteral("problem"), QStringLiteral("renewal-other-device") } }));
    // A renewal is written beside the credential it replaces, and swapped in once confirmed.
    const QString target = m_options.renewing.isEmpty() ? m_options.storeDir : QDir(m_options.storeDir).filePath(QStringLiteral(".renewal"));
    if (!m_options.renewing.isEmpty())
        QDir(target).removeRecursively();
    QDir dir(target);
    if (!dir.mkpath(QStringLiteral(".")))
        return giveUp(session, Error(ErrorCode::StorageReadOnly, QStringLiteral("cannot create %1").arg(target)));
    const auto write = [this, &dir](const QString& name, const QByteArray& data, bool secret) -> Result<void> {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return Error(ErrorCode::StorageReadOnly, QStringLiteral("cannot write %1").arg(f.fileName()));
        if (secret)
            f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        f.write(data);
        m_outcome.files << f.fileName();
        return {};
    };
    VscPersonalisation card { {}, QByteArray::fromBase64(content.value(QStringLiteral("vscAdminKey")).toString().toLatin1()),
        content.value(QStringLiteral("vscPuk")).toString(), QString::fromUtf8(m_options.pin) };
    for (const QJsonValue& v : content.value(QStringLiteral("certificates")).toArray()) {
        const QJsonObject entry = v.toObject();
        const int index = entry.value(QStringLiteral("index")).toInt();
        auto cert = Certificate::fromPem(entry.value(QStringLiteral("pem")).toString().toLatin1());
        if (!cert)
            return giveUp(session, cert.error());
        if (auto r = cert->verifiedBy(m_options.trustedCas); !r)
            return giveUp(session, r.error());
        if (m_options.vsc) {
            if (index != card.certificates.size())
                return giveUp(session, Error(ErrorCode::InvalidArgument, QStringLiteral("the bundle's certificates are out of order")));
            card.certificates << cert->toDer();
            if (auto r = write(QStringLiteral("certificate-%1.pem").arg(index + 1), cert->toPem(), false); !r)
                return giveUp(session, r.error());
            continue;
        }
        PrivateKey key = m_keys.value(index);
        if (entry.contains(QStringLiteral("sealedKey"))) {
            const QJsonObject sealedJson = entry.value(QStringLiteral("sealedKey")).toObject();
            SealedKey sealed { QByteArray::fromBase64(sealedJson.value(QStringLiteral("pkcs12")).toString().toLatin1()),
                QByteArray::fromBase64(sealedJson.value(QStringLiteral("password")).toString().toLatin1()) };
            auto opened = KeyTransport::open(sealed, m_transport);
            if (!opened)
                return giveUp(session, opened.error());
            key = opened->key;
        }
        if (key.isNull())
            return giveUp(session, Error(ErrorCode::InvalidArgument, QStringLiteral("the bundle names certificate %1, which this agent did not ask for").arg(index + 1)));
        const QString stem = QStringLiteral("certificate-%1").arg(index + 1);
        // The key only inside the PIN-protected PKCS#12: the PIN (and its lock) guards it.
        if (auto r = write(stem + QStringLiteral(".pem"), cert->toPem(), false); !r)
            return giveUp(session, r.error());
        auto p12 = Pkcs12::create(key, *cert, chain, m_options.pin);
        if (!p12)
            return giveUp(session, p12.error());
        if (auto r = write(stem + QStringLiteral(".p12"), *p12, true); !r)
            return giveUp(session, r.error());
    }
    if (m_options.vsc) {
        if (card.puk.isEmpty() || card.adminKey.isEmpty())
            return giveUp(session, Error(ErrorCode::InvalidArgument, QStringLiteral("the bundle is not for a virtual smart card: it brings no administrator key or PUK")));
        Q_EMIT progress(tr("Writing the certificates to the card…"));
        if (auto r = m_options.vsc->personalise(card); !r)
            return giveUp(session, r.error());
    }
    QByteArray chainPem;
    for (const Certificate& c : chain)
        chainPem += c.toPem();
    if (auto r = write(QStringLiteral("chain.pem"), chainPem, false); !r)
        return giveUp(session, r.error());
    // The agent's own state: device, policy and the unlock key (readable by its owner only).
    QJsonObject state { { QStringLiteral("device"), content.value(QStringLiteral("device")) }, { QStringLiteral("agentPolicy"), content.value(QStringLiteral("agentPolicy")) },
        { QStringLiteral("unlockKey"), content.value(QStringLiteral("unlockKey")) }, { QStringLiteral("pinFailures"), 0 },
        { QStringLiteral("pinPolicy"), PinCheck::toJson(*signedPolicy) }, { QStringLiteral("authTypes"), content.value(QStringLiteral("authTypes")) },
        { QStringLiteral("hardwareSerial"), m_options.device.hardwareSerial } };
    if (auto r = write(QStringLiteral("agent.json"), QJsonDocument(state).toJson(), true); !r)
        return giveUp(session, r.error());
    m_outcome.deviceSerial = deviceSerial;
    Q_EMIT progress(tr("Stored; confirming…"));
    post(QStringLiteral("/api/v1/collect/confirm"), QJsonObject { { QStringLiteral("session"), session.id } }, [this, target](Result<QJsonObject> answer, int) {
        if (!answer) {
            if (!m_options.renewing.isEmpty())
                QDir(target).removeRecursively(); // the old credential stays as it was
            return fail(answer.error());
        }
        if (!m_options.renewing.isEmpty()) {
            // Confirmed: the server superseded the old certificates, so the new files replace
            // the old ones (each rename is atomic; the old files are gone only after it).
            QStringList placed;
            for (const QString& staged : std::as_const(m_outcome.files)) {
                const QString final = QDir(m_options.storeDir).filePath(QFileInfo(staged).fileName());
                QFile::remove(final);
                if (!QFile::rename(staged, final))
                    return fail(Error(ErrorCode::StorageReadOnly, QStringLiteral("cannot put %1 in place").arg(final)));
                placed << final;
            }
            QDir(target).removeRecursively();
            m_outcome.files = placed;
            m_outcome.renewed = true;
        }
        Q_EMIT finished(m_outcome);
    });
}

} // namespace lanyard
