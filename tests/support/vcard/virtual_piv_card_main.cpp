// lanyard-virtual-piv: a PIV card in a virtual reader. It connects to pcscd's vpcd driver on
// 127.0.0.1 (the card is "inserted" while connected) and answers as VirtualPivCard does.
// Killing the process removes the card; if pcscd goes away it waits for it to come back.
//
//   lanyard-virtual-piv --config card.json [--port 35963]
//
// card.json: { "chuid": "<hex of the CHUID content>", "triesUnreported": false,
//              "compressed": ["9a"], "compressedCertificates": { "9a": "<hex of gzip>" },
//              "slots": { "9a": { "cert": "auth.der|pem", "key": "auth-key.pem" }, ... },
//              "corrupt": ["5fc105"], "state": "secrets.json",
//              "pin": "123456", "puk": "12345678" }
#include "VirtualPivCard.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <openssl/pem.h>
#include <openssl/x509.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>

using lanyard::test::VirtualPivCard;

namespace {

QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "lanyard-virtual-piv: cannot read %s\n", qPrintable(path));
        std::exit(2);
    }
    return f.readAll();
}

QByteArray certificateDer(const QByteArray& bytes)
{
    if (!bytes.startsWith("-----"))
        return bytes;
    BIO* bio = BIO_new_mem_buf(bytes.constData(), int(bytes.size()));
    X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!cert)
        return bytes; // stored as given: the card holds what it was told to hold
    unsigned char* der = nullptr;
    const int n = i2d_X509(cert, &der);
    QByteArray out(reinterpret_cast<const char*>(der), n);
    OPENSSL_free(der);
    X509_free(cert);
    return out;
}

bool readExactly(int fd, char* buffer, size_t n)
{
    size_t got = 0;
    while (got < n) {
        const ssize_t r = ::read(fd, buffer + got, n - got);
        if (r <= 0)
            return false;
        got += size_t(r);
    }
    return true;
}

bool sendMessage(int fd, const QByteArray& payload)
{
    QByteArray frame;
    frame.append(char(payload.size() >> 8)).append(char(payload.size() & 0xFF)).append(payload);
    return ::send(fd, frame.constData(), size_t(frame.size()), MSG_NOSIGNAL) == frame.size();
}

int connectToVpcd(quint16 port)
{
    for (;;) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr {};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
            int one = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            return fd;
        }
        ::close(fd);
        QThread::msleep(100); // pcscd not (yet) listening: poll
    }
}

void saveSecrets(const QString& path, const VirtualPivCard::Secrets& s)
{
    if (path.isEmpty())
        return;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return;
    f.write(QJsonDocument(QJsonObject { { QStringLiteral("pin"), s.pin }, { QStringLiteral("puk"), s.puk },
                                        { QStringLiteral("pinTriesLeft"), s.pinTriesLeft }, { QStringLiteral("pukTriesLeft"), s.pukTriesLeft },
                                        { QStringLiteral("managementKey"), QString::fromLatin1(s.managementKey.toHex()) } })
                .toJson());
}

} // namespace

int main(int argc, char** argv)
{
    QString configPath;
    quint16 port = 35963;
    for (int i = 1; i < argc; ++i) {
        const QByteArray a = argv[i];
        if (a == "--config" && i + 1 < argc)
            configPath = QString::fromLocal8Bit(argv[++i]);
        else if (a == "--port" && i + 1 < argc)
            port = quint16(QByteArray(argv[++i]).toUShort());
    }
    if (configPath.isEmpty()) {
        std::fprintf(stderr, "usage: lanyard-virtual-piv --config card.json [--port 35963]\n");
        return 2;
    }
    const QJsonObject config = QJsonDocument::fromJson(readFile(configPath)).object();

    VirtualPivCard card;
    if (config.contains(QStringLiteral("chuid")))
        card.setChuid(QByteArray::fromHex(config.value(QStringLiteral("chuid")).toString().toLatin1()));
    const QJsonObject keySlots = config.value(QStringLiteral("slots")).toObject();
    for (auto it = keySlots.begin(); it != keySlots.end(); ++it) {
        const QJsonObject s = it.value().toObject();
        VirtualPivCard::KeySlot slot;
        slot.certificateDer = certificateDer(readFile(s.value(QStringLiteral("cert")).toString()));
        slot.key = VirtualPivCard::keyFromPem(readFile(s.value(QStringLiteral("key")).toString()));
        if (!slot.key) {
            std::fprintf(stderr, "lanyard-virtual-piv: slot %s has no usable key\n", qPrintable(it.key()));
            return 2;
        }
        card.setSlot(quint8(it.key().toUInt(nullptr, 16)), slot);
    }
    for (const QJsonValue& tag : config.value(QStringLiteral("corrupt")).toArray())
        card.corruptObject(tag.toString().toUInt(nullptr, 16));
    for (const QJsonValue& slot : config.value(QStringLiteral("compressed")).toArray()) {
        const QByteArray gzip = QByteArray::fromHex(config.value(QStringLiteral("compressedCertificates")).toObject().value(slot.toString()).toString().toLatin1());
        card.setCompressedCertificate(quint8(slot.toString().toUInt(nullptr, 16)), gzip);
    }
    card.setTriesUnreported(config.value(QStringLiteral("triesUnreported")).toBool());

    VirtualPivCard::Secrets secrets;
    secrets.pin = config.value(QStringLiteral("pin")).toString(secrets.pin);
    secrets.puk = config.value(QStringLiteral("puk")).toString(secrets.puk);
    // A card keeps its PIN and counters when it is pulled out: so does this one.
    const QString statePath = config.value(QStringLiteral("state")).toString();
    if (!statePath.isEmpty() && QFile::exists(statePath)) {
        const QJsonObject st = QJsonDocument::fromJson(readFile(statePath)).object();
        secrets.pin = st.value(QStringLiteral("pin")).toString(secrets.pin);
        secrets.puk = st.value(QStringLiteral("puk")).toString(secrets.puk);
        secrets.pinTriesLeft = st.value(QStringLiteral("pinTriesLeft")).toInt(secrets.pinTriesLeft);
        secrets.pukTriesLeft = st.value(QStringLiteral("pukTriesLeft")).toInt(secrets.pukTriesLeft);
        if (st.contains(QStringLiteral("managementKey")))
            secrets.managementKey = QByteArray::fromHex(st.value(QStringLiteral("managementKey")).toString().toLatin1());
    }
    card.setSecrets(secrets);
    card.onSecretsChanged([statePath](const VirtualPivCard::Secrets& s) { saveSecrets(statePath, s); });

    for (;;) {
        const int fd = connectToVpcd(port);
        bool connected = true;
        while (connected) {
            char header[2];
            if (!readExactly(fd, header, 2))
                break;
            const size_t n = (size_t(quint8(header[0])) << 8) | quint8(header[1]);
            QByteArray payload(qsizetype(n), '\0');
            if (n > 0 && !readExactly(fd, payload.data(), n))
                break;
            if (n == 1) {
                switch (payload[0]) {
                case 0x00: // power off
                case 0x01: // power on
                case 0x02: // reset
                    card.powerOn();
                    break;
                case 0x04:
                    connected = sendMessage(fd, card.atr());
                    break;
                default:
                    break;
                }
                continue;
            }
            connected = sendMessage(fd, card.process(payload));
        }
        ::close(fd);
        card.powerOn();
    }
}
