#include "VirtualPivCard.h"

#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>

namespace lanyard::test {

namespace {
const QByteArray kAid = QByteArray::fromHex("A000000308000010000100");
constexpr quint16 kNotFound = 0x6A82;
constexpr quint16 kSecurityNotSatisfied = 0x6982;
constexpr quint16 kBlocked = 0x6983;
constexpr quint16 kWrongData = 0x6A80;
constexpr quint16 kWrongP1P2 = 0x6A86;
constexpr quint16 kWrongLength = 0x6700;
constexpr quint16 kInsNotSupported = 0x6D00;

// The card encodes and parses its TLVs on its own, not with services/cards: a bug that a
// shared codec made on both sides would otherwise cancel out and go unseen.
QByteArray tlv(quint32 tag, const QByteArray& value)
{
    QByteArray out;
    if (tag > 0xFFFF)
        out.append(char(tag >> 16));
    if (tag > 0xFF)
        out.append(char(tag >> 8));
    out.append(char(tag));
    const qsizetype n = value.size();
    if (n < 0x80)
        out.append(char(n));
    else if (n <= 0xFF)
        out.append(char(0x81)).append(char(n));
    else
        out.append(char(0x82)).append(char(n >> 8)).append(char(n));
    return out + value;
}

// Reads the top-level elements with single-byte tags the card's commands use (7C, 80–82, 5C).
QHash<quint8, QByteArray> simpleTlv(const QByteArray& data, bool* ok)
{
    QHash<quint8, QByteArray> out;
    qsizetype i = 0;
    *ok = true;
    while (i < data.size()) {
        if (i + 2 > data.size()) {
            *ok = false;
            return out;
        }
        const quint8 tag = quint8(data[i++]);
        qsizetype n = quint8(data[i++]);
        if (n == 0x81 || n == 0x82) {
            const int bytes = n == 0x81 ? 1 : 2;
            if (i + bytes > data.size()) {
                *ok = false;
                return out;
            }
            n = 0;
            for (int k = 0; k < bytes; ++k)
                n = (n << 8) | quint8(data[i++]);
        }
        if (i + n > data.size()) {
            *ok = false;
            return out;
        }
        out.insert(tag, data.mid(i, n));
        i += n;
    }
    return out;
}
} // namespace

VirtualPivCard::VirtualPivCard()
{
    // Discovery: the PIV AID and a PIN usage policy of "PIV PIN only".
    m_objects.insert(0x7E, tlv(0x7E, tlv(0x4F, kAid) + tlv(0x5F2F, QByteArray::fromHex("4000"))));
}

QByteArray VirtualPivCard::wrap(const QByteArray& content)
{
    return tlv(0x53, content);
}

QByteArray VirtualPivCard::padded(const QString& value)
{
    QByteArray out = value.toLatin1();
    out.append(QByteArray(8 - out.size(), char(0xFF)));
    return out;
}

void VirtualPivCard::setSlot(quint8 slot, const KeySlot& keySlot)
{
    m_slots.insert(slot, keySlot);
    quint32 tag = 0;
    switch (slot) {
    case 0x9A: tag = 0x5FC105; break;
    case 0x9C: tag = 0x5FC10A; break;
    case 0x9D: tag = 0x5FC10B; break;
    case 0x9E: tag = 0x5FC101; break;
    default: return;
    }
    m_objects.insert(tag, wrap(tlv(0x70, keySlot.certificateDer) + tlv(0x71, QByteArray(1, '\0')) + tlv(0xFE, {})));
}

void VirtualPivCard::setCompressedCertificate(quint8 slot, const QByteArray& gzip)
{
    quint32 tag = 0;
    switch (slot) {
    case 0x9A: tag = 0x5FC105; break;
    case 0x9C: tag = 0x5FC10A; break;
    default: return;
    }
    m_objects.insert(tag, wrap(tlv(0x70, gzip) + tlv(0x71, QByteArray(1, '\1')) + tlv(0xFE, {})));
}

std::shared_ptr<EVP_PKEY> VirtualPivCard::keyFromPem(const QByteArray& pem)
{
    BIO* bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY* key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

QByteArray VirtualPivCard::atr() const
{
    return QByteArray::fromHex("3B8B0180F9A0000003080000100048");
}

void VirtualPivCard::powerOn()
{
    m_pinVerified = false;
    m_adminVerified = false;
    m_witness.clear();
    m_pending.clear();
    m_chain.clear();
}

void VirtualPivCard::secretsChanged()
{
    if (m_secretsChanged)
        m_secretsChanged(m_secrets);
}

QByteArray VirtualPivCard::respond(const QByteArray& data, quint16 sw)
{
    if (data.size() <= 256) {
        m_pending.clear();
        QByteArray out = data;
        out.append(char(sw >> 8)).append(char(sw & 0xFF));
        return out;
    }
    m_pending = data.mid(256);
    QByteArray out = data.left(256);
    out.append(char(0x61)).append(char(m_pending.size() >= 256 ? 0 : m_pending.size()));
    return out;
}

QByteArray VirtualPivCard::process(const QByteArray& command)
{
    if (command.size() < 4)
        return respond({}, kWrongLength);
    const quint8 cla = quint8(command[0]);
    const quint8 ins = quint8(command[1]);
    const quint8 p1 = quint8(command[2]);
    const quint8 p2 = quint8(command[3]);
    QByteArray data;
    if (command.size() > 5) {
        const int lc = quint8(command[4]);
        if (command.size() < 5 + lc)
            return respond({}, kWrongLength);
        data = command.mid(5, lc); // a trailing Le is ignored, as on real cards for case 3
    }

    if (ins == 0xC0) {
        if (m_pending.isEmpty())
            return respond({}, 0x6985);
        const QByteArray rest = m_pending;
        return respond(rest);
    }
    m_pending.clear();

    if (cla & 0x10) {
        if (!m_chain.isEmpty() && m_chainIns != ins) {
            m_chain.clear();
            return respond({}, 0x6883);
        }
        m_chainIns = ins;
        m_chain += data;
        return respond({});
    }
    if (!m_chain.isEmpty()) {
        data = m_chain + data;
        m_chain.clear();
    }
    return handle(ins, p1, p2, data);
}

QByteArray VirtualPivCard::handle(quint8 ins, quint8 p1, quint8 p2, const QByteArray& data)
{
    switch (ins) {
    case 0xA4: // SELECT: the PIV AID or any prefix of it; anything else is not here
        if (p1 == 0x04 && !data.isEmpty() && kAid.startsWith(data))
            return respond(QByteArray::fromHex("61114F0600001000010079074F05A000000308"));
        return respond({}, kNotFound);
    case 0xCB:
        return getData(data);
    case 0x20:
        return verify(p1, p2, data);
    case 0x24:
        return changeReference(p2, data);
    case 0x2C:
        return resetRetryCounter(p2, data);
    case 0x87:
        return generalAuthenticate(p1, p2, data);
    case 0x47:
        return p1 == 0x00 ? generateKey(p2, data) : respond({}, kWrongP1P2);
    case 0xDB:
        return p1 == 0x3F && p2 == 0xFF ? putData(data) : respond({}, kWrongP1P2);
    case 0xFF:
        return setManagementKey(p1, p2, data);
    case 0xFD:
        return respond(QByteArray::fromHex("050403"));
    default:
        return respond({}, kInsNotSupported);
    }
}

QByteArray VirtualPivCard::getData(const QByteArray& data)
{
    bool ok = false;
    const auto elements = simpleTlv(data, &ok);
    if (!ok || !elements.contains(0x5C))
        return respond({}, kWrongData);
    quint32 tag = 0;
    for (char c : elements.value(0x5C))
        tag = (tag << 8) | quint8(c);
    if (!m_objects.contains(tag))
        return respond({}, kNotFound);
    return respond(m_objects.value(tag));
}

QByteArray VirtualPivCard::triesStatus(int left) const
{
    QByteArray out;
    out.append(char(0x63)).append(char(0xC0 | (left & 0x0F)));
    return out;
}

QByteArray VirtualPivCard::verify(quint8 p1, quint8 p2, const QByteArray& data)
{
    if (p2 != 0x80)
        return respond({}, kNotFound);
    if (p1 == 0xFF) {
        m_pinVerified = false;
        return respond({});
    }
    if (data.isEmpty()) {
        if (m_triesUnreported)
            return respond({}, kWrongLength); // some cards take VERIFY only with a PIN
        if (m_pinVerified)
            return respond({});
        if (m_secrets.pinTriesLeft == 0)
            return respond({}, kBlocked);
        return triesStatus(m_secrets.pinTriesLeft);
    }
    if (data.size() != 8)
        return respond({}, kWrongLength);
    if (m_secrets.pinTriesLeft == 0)
        return respond({}, kBlocked);
    if (data != padded(m_secrets.pin)) {
        m_pinVerified = false;
        --m_secrets.pinTriesLeft;
        secretsChanged();
        return triesStatus(m_secrets.pinTriesLeft);
    }
    m_pinVerified = true;
    if (m_secrets.pinTriesLeft != kMaxPinTries) {
        m_secrets.pinTriesLeft = kMaxPinTries;
        secretsChanged();
    }
    return respond({});
}

QByteArray VirtualPivCard::changeReference(quint8 p2, const QByteArray& data)
{
    if (p2 != 0x80 && p2 != 0x81)
        return respond({}, kNotFound);
    if (data.size() != 16)
        return respond({}, kWrongLength);
    const bool puk = p2 == 0x81;
    int& tries = puk ? m_secrets.pukTriesLeft : m_secrets.pinTriesLeft;
    QString& secret = puk ? m_secrets.puk : m_secrets.pin;
    if (tries == 0)
        return respond({}, kBlocked);
    if (data.left(8) != padded(secret)) {
        --tries;
        secretsChanged();
        return triesStatus(tries);
    }
    QByteArray fresh = data.mid(8);
    while (fresh.endsWith(char(0xFF)))
        fresh.chop(1);
    secret = QString::fromLatin1(fresh);
    tries = puk ? kMaxPukTries : kMaxPinTries;
    if (!puk)
        m_pinVerified = true;
    secretsChanged();
    return respond({});
}

QByteArray VirtualPivCard::resetRetryCounter(quint8 p2, const QByteArray& data)
{
    if (p2 != 0x80)
        return respond({}, kNotFound);
    if (data.size() != 16)
        return respond({}, kWrongLength);
    if (m_secrets.pukTriesLeft == 0)
        return respond({}, kBlocked);
    if (data.left(8) != padded(m_secrets.puk)) {
        --m_secrets.pukTriesLeft;
        secretsChanged();
        return triesStatus(m_secrets.pukTriesLeft);
    }
    QByteArray fresh = data.mid(8);
    while (fresh.endsWith(char(0xFF)))
        fresh.chop(1);
    m_secrets.pin = QString::fromLatin1(fresh);
    m_secrets.pinTriesLeft = kMaxPinTries;
    m_secrets.pukTriesLeft = kMaxPukTries;
    secretsChanged();
    return respond({});
}

QByteArray VirtualPivCard::generalAuthenticate(quint8 alg, quint8 slot, const QByteArray& data)
{
    if (slot == 0x9B)
        return managementAuthenticate(alg, data);
    if (!m_slots.contains(slot) || !m_slots.value(slot).key)
        return respond({}, kWrongP1P2);
    EVP_PKEY* key = m_slots.value(slot).key.get();
    const bool isRsa = EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA;
    if ((isRsa && alg != 0x07) || (!isRsa && alg != 0x11))
        return respond({}, kWrongP1P2);
    if (slot != 0x9E && !m_pinVerified)
        return respond({}, kSecurityNotSatisfied);

    bool ok = false;
    const auto outer = simpleTlv(data, &ok);
    if (!ok || !outer.contains(0x7C))
        return respond({}, kWrongData);
    const auto inner = simpleTlv(outer.value(0x7C), &ok);
    if (!ok || !inner.contains(0x81) || !inner.contains(0x82))
        return respond({}, kWrongData);
    const QByteArray input = inner.value(0x81);

    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(EVP_PKEY_CTX_new(key, nullptr), EVP_PKEY_CTX_free);
    QByteArray result;
    if (isRsa) {
        if (input.size() != EVP_PKEY_get_size(key))
            return respond({}, kWrongLength);
        // The raw private-key operation: the host did the padding.
        size_t n = 0;
        if (EVP_PKEY_decrypt_init(ctx.get()) != 1 || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_NO_PADDING) != 1
            || EVP_PKEY_decrypt(ctx.get(), nullptr, &n, reinterpret_cast<const unsigned char*>(input.constData()), size_t(input.size())) != 1)
            return respond({}, 0x6F00);
        result.resize(qsizetype(n));
        if (EVP_PKEY_decrypt(ctx.get(), reinterpret_cast<unsigned char*>(result.data()), &n,
                reinterpret_cast<const unsigned char*>(input.constData()), size_t(input.size())) != 1)
            return respond({}, 0x6F00);
        result.resize(qsizetype(n));
    } else {
        size_t n = 0;
        if (EVP_PKEY_sign_init(ctx.get()) != 1
            || EVP_PKEY_sign(ctx.get(), nullptr, &n, reinterpret_cast<const unsigned char*>(input.constData()), size_t(input.size())) != 1)
            return respond({}, 0x6F00);
        result.resize(qsizetype(n));
        if (EVP_PKEY_sign(ctx.get(), reinterpret_cast<unsigned char*>(result.data()), &n,
                reinterpret_cast<const unsigned char*>(input.constData()), size_t(input.size())) != 1)
            return respond({}, 0x6F00);
        result.resize(qsizetype(n));
    }
    return respond(tlv(0x7C, tlv(0x82, result)));
}

QByteArray VirtualPivCard::tripleDes(const QByteArray& block) const
{
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    QByteArray out(8, '\0');
    int n = 0;
    if (EVP_EncryptInit_ex(ctx.get(), EVP_des_ede3_ecb(), nullptr, reinterpret_cast<const unsigned char*>(m_secrets.managementKey.constData()), nullptr) != 1
        || EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1
        || EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &n, reinterpret_cast<const unsigned char*>(block.constData()), 8) != 1)
        return {};
    return out;
}

// The 9B key's two ways in (SP 800-73-4 appendix A): mutual (the card sends E_K(W), the host
// returns W and its own challenge) and external (the card sends a challenge, the host returns
// E_K(challenge)) — the second is what an unlock code answers.
QByteArray VirtualPivCard::managementAuthenticate(quint8 alg, const QByteArray& data)
{
    if (alg != 0x03)
        return respond({}, kWrongP1P2);
    bool ok = false;
    const auto outer = simpleTlv(data, &ok);
    if (!ok || !outer.contains(0x7C))
        return respond({}, kWrongData);
    const auto inner = simpleTlv(outer.value(0x7C), &ok);
    if (!ok)
        return respond({}, kWrongData);
    m_adminVerified = false;
    auto fresh = []() {
        QByteArray bytes(8, '\0');
        RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), 8);
        return bytes;
    };
    if (inner.contains(0x80) && inner.value(0x80).isEmpty()) {
        m_witness = fresh();
        m_witnessIsChallenge = false;
        return respond(tlv(0x7C, tlv(0x80, tripleDes(m_witness))));
    }
    if (inner.contains(0x81) && inner.value(0x81).isEmpty()) {
        m_witness = fresh();
        m_witnessIsChallenge = true;
        return respond(tlv(0x7C, tlv(0x81, m_witness)));
    }
    const QByteArray expected = m_witness;
    const bool wasChallenge = m_witnessIsChallenge;
    m_witness.clear();
    if (expected.isEmpty())
        return respond({}, 0x6985);
    if (!wasChallenge && inner.contains(0x80) && inner.contains(0x81)) {
        if (inner.value(0x80) != expected || inner.value(0x81).size() != 8)
            return respond({}, kSecurityNotSatisfied);
        m_adminVerified = true;
        return respond(tlv(0x7C, tlv(0x82, tripleDes(inner.value(0x81)))));
    }
    if (wasChallenge && inner.contains(0x82)) {
        if (inner.value(0x82) != tripleDes(expected))
            return respond({}, kSecurityNotSatisfied);
        m_adminVerified = true;
        return respond({});
    }
    return respond({}, kWrongData);
}

QByteArray VirtualPivCard::generateKey(quint8 slot, const QByteArray& data)
{
    if (slot != 0x9A && slot != 0x9C && slot != 0x9D && slot != 0x9E)
        return respond({}, kWrongP1P2);
    if (!m_adminVerified)
        return respond({}, kSecurityNotSatisfied);
    bool ok = false;
    const auto outer = simpleTlv(data, &ok);
    if (!ok || !outer.contains(0xAC))
        return respond({}, kWrongData);
    const auto inner = simpleTlv(outer.value(0xAC), &ok);
    if (!ok || inner.value(0x80).size() != 1)
        return respond({}, kWrongData);
    const quint8 alg = quint8(inner.value(0x80).at(0));
    EVP_PKEY* made = nullptr;
    if (alg == 0x07)
        made = EVP_RSA_gen(2048);
    else if (alg == 0x11)
        made = EVP_EC_gen("P-256");
    else
        return respond({}, kWrongData);
    if (!made)
        return respond({}, 0x6F00);
    std::shared_ptr<EVP_PKEY> key(made, EVP_PKEY_free);
    QByteArray publicPart;
    if (alg == 0x07) {
        BIGNUM* n = nullptr;
        BIGNUM* e = nullptr;
        EVP_PKEY_get_bn_param(made, "n", &n);
        EVP_PKEY_get_bn_param(made, "e", &e);
        QByteArray nb(BN_num_bytes(n), '\0');
        QByteArray eb(BN_num_bytes(e), '\0');
        BN_bn2bin(n, reinterpret_cast<unsigned char*>(nb.data()));
        BN_bn2bin(e, reinterpret_cast<unsigned char*>(eb.data()));
        BN_free(n);
        BN_free(e);
        publicPart = tlv(0x81, nb) + tlv(0x82, eb);
    } else {
        size_t len = 0;
        EVP_PKEY_get_octet_string_param(made, "encoded-pub-key", nullptr, 0, &len);
        QByteArray point(qsizetype(len), '\0');
        EVP_PKEY_get_octet_string_param(made, "encoded-pub-key", reinterpret_cast<unsigned char*>(point.data()), len, &len);
        publicPart = tlv(0x86, point);
    }
    // The new key has no certificate until the host writes one.
    m_slots.insert(slot, KeySlot { {}, key });
    return respond(tlv(0x7F49, publicPart));
}

QByteArray VirtualPivCard::putData(const QByteArray& data)
{
    if (!m_adminVerified)
        return respond({}, kSecurityNotSatisfied);
    bool ok = false;
    const auto elements = simpleTlv(data, &ok);
    if (!ok || !elements.contains(0x5C) || !data.contains(char(0x53)))
        return respond({}, kWrongData);
    quint32 tag = 0;
    for (char c : elements.value(0x5C))
        tag = (tag << 8) | quint8(c);
    const qsizetype at = data.indexOf(char(0x53), 2 + elements.value(0x5C).size());
    if (at < 0)
        return respond({}, kWrongData);
    m_objects.insert(tag, data.mid(at));
    return respond({});
}

// YubiKey's SET MANAGEMENT KEY (INS FF, P1 FF, P2 FF or FE): 03 9B 18 <24-byte 3DES key>.
QByteArray VirtualPivCard::setManagementKey(quint8 p1, quint8 p2, const QByteArray& data)
{
    if (p1 != 0xFF || (p2 != 0xFF && p2 != 0xFE))
        return respond({}, kWrongP1P2);
    if (!m_adminVerified)
        return respond({}, kSecurityNotSatisfied);
    if (data.size() != 27 || quint8(data[0]) != 0x03 || quint8(data[1]) != 0x9B || quint8(data[2]) != 24)
        return respond({}, kWrongData);
    m_secrets.managementKey = data.mid(3);
    secretsChanged();
    return respond({});
}

} // namespace lanyard::test
