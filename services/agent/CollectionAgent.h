#pragma once

#include "core/Result.h"
#include "engine/Collection.h"
#include "pki/Certificate.h"
#include "pki/PrivateKey.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QSslCertificate>

#include <functional>
#include <memory>

namespace lanyard {

class LocalVscBackend;

struct CollectionOutcome {
    QString deviceSerial;
    bool renewed = false;
    QStringList files;
    int busyRetries = 0;
};

// The reference mobile agent's collection: from the QR payload and the code to a stored,
// verified credential (DESIGN.md §3). Asynchronous: it reports through finished().
class CollectionAgent : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString payload; // the QR code's text: https://host:port/c/<token>
        QString code;
        QString storeDir;
        QByteArray pin; // protects the stored PKCS#12 files
        QList<Certificate> trustedCas; // the bundle must verify against one of these
        Certificate contentSigner; // and be signed by this certificate (from the trust material)
        QList<QSslCertificate> tlsCas; // extra CAs for the server's TLS certificate
        DeviceFacts device;
        int retryAttempts = 5; // until the bundle brings the server's policy
        int retryDelaySeconds = 10;
        // A virtual smart card on this computer: keys are made inside it and it receives the
        // certificates, the engine's administrator key and PUK, and `pin`. Its calls block the
        // agent's thread while the card works, which a command-line agent can afford.
        std::shared_ptr<LocalVscBackend> vsc;
        // A renewal into the credential already in `storeDir`, of this device serial: the new
        // files are put in place only once the server has the confirmation, so an interrupted
        // renewal leaves the old credential as it was.
        QString renewing;
    };
    explicit CollectionAgent(Options options, QObject* parent = nullptr);

    // The token and the server's base URL from a QR payload; refuses anything else clearly.
    static Result<std::pair<QUrl, QString>> parsePayload(const QString& payload);

    void start();
    // Drops kept-alive connections to the server; call before the event loop's last pass.
    void closeConnections();

Q_SIGNALS:
    void progress(const QString& text);
    void finished(const lanyard::Result<lanyard::CollectionOutcome>& outcome);

private:
    void post(const QString& path, const QJsonObject& body, std::function<void(Result<QJsonObject>, int retryAfter)> done);
    void begin();
    void submit(const CollectionSession& session);
    void store(const CollectionSession& session, const QByteArray& bundle);
    void fail(const Error& e);
    // Fails after abandoning the session on the server.
    void giveUp(const CollectionSession& session, const Error& e);

    Options m_options;
    QUrl m_base;
    QString m_token;
    QNetworkAccessManager m_network;
    QList<PrivateKey> m_keys;
    PrivateKey m_transport;
    CollectionOutcome m_outcome;
    int m_attempt = 0;
};

} // namespace lanyard
