#pragma once

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace lanyard::test {

// A PIV card in software, for tests: what a real card answers to SELECT, GET DATA, VERIFY,
// CHANGE REFERENCE DATA, RESET RETRY COUNTER, GENERAL AUTHENTICATE (also the 9B management
// key's challenges), GENERATE ASYMMETRIC KEY PAIR, PUT DATA, the YubiKey-style SET MANAGEMENT
// KEY and GET VERSION, with GET RESPONSE for long answers and command chaining. Plugged into pcscd by
// lanyard-virtual-piv (through vpcd) or driven in-process through process().
class VirtualPivCard {
public:
    struct KeySlot {
        QByteArray certificateDer;
        std::shared_ptr<EVP_PKEY> key;
    };

    struct Secrets {
        QString pin = QStringLiteral("123456");
        QString puk = QStringLiteral("12345678");
        int pinTriesLeft = 3;
        int pukTriesLeft = 3;
        QByteArray managementKey = QByteArray::fromHex("010203040506070801020304050607080102030405060708");
    };

    static constexpr int kMaxPinTries = 3;
    static constexpr int kMaxPukTries = 3;

    VirtualPivCard();

    void setChuid(const QByteArray& chuidContent) { m_objects.insert(0x5FC102, wrap(chuidContent)); }
    void setSlot(quint8 slot, const KeySlot& keySlot);
    // The object answers with bytes that are not a certificate (a damaged card).
    void corruptObject(quint32 tag) { m_objects.insert(tag, wrap(QByteArray::fromHex("70037E7F7F"))); }
    void setSecrets(const Secrets& secrets) { m_secrets = secrets; }
    // The slot's certificate object holds these gzip bytes with CertInfo "compressed".
    void setCompressedCertificate(quint8 slot, const QByteArray& gzip);
    // Answers a VERIFY status query (no data) with 6700, as cards do that cannot report tries.
    void setTriesUnreported(bool unreported) { m_triesUnreported = unreported; }
    const Secrets& secrets() const { return m_secrets; }
    // Called whenever PIN, PUK or a retry counter changes, so a process can keep them.
    void onSecretsChanged(std::function<void(const Secrets&)> callback) { m_secretsChanged = std::move(callback); }

    QByteArray atr() const;
    void powerOn(); // also reset: clears the PIN state, selects PIV
    QByteArray process(const QByteArray& command);

    // Loads a key from PEM; an empty pointer when it is not a key.
    static std::shared_ptr<EVP_PKEY> keyFromPem(const QByteArray& pem);

private:
    QByteArray respond(const QByteArray& data, quint16 sw = 0x9000);
    QByteArray handle(quint8 ins, quint8 p1, quint8 p2, const QByteArray& data);
    QByteArray getData(const QByteArray& data);
    QByteArray verify(quint8 p1, quint8 p2, const QByteArray& data);
    QByteArray changeReference(quint8 p2, const QByteArray& data);
    QByteArray resetRetryCounter(quint8 p2, const QByteArray& data);
    QByteArray generalAuthenticate(quint8 alg, quint8 slot, const QByteArray& data);
    QByteArray managementAuthenticate(quint8 alg, const QByteArray& template7c);
    QByteArray generateKey(quint8 slot, const QByteArray& data);
    QByteArray putData(const QByteArray& data);
    QByteArray setManagementKey(quint8 p1, quint8 p2, const QByteArray& data);
    QByteArray tripleDes(const QByteArray& block) const;
    QByteArray triesStatus(int left) const;
    void secretsChanged();
    static QByteArray wrap(const QByteArray& content);
    static QByteArray padded(const QString& value);

    QHash<quint32, QByteArray> m_objects; // tag -> full answer (53 … or 7E …)
    QHash<quint8, KeySlot> m_slots;
    Secrets m_secrets;
    std::function<void(const Secrets&)> m_secretsChanged;
    bool m_pinVerified = false;
    bool m_triesUnreported = false;
    bool m_adminVerified = false;
    QByteArray m_witness; // what the host must decrypt, or the challenge it must encrypt
    bool m_witnessIsChallenge = false;
    QByteArray m_pending; // what GET RESPONSE hands out next
    QByteArray m_chain; // data of chained blocks so far
    quint8 m_chainIns = 0;
};

} // namespace lanyard::test
