#include "PivCardVscBackend.h"

#include "cards/CardAccess.h"
#include "cards/PcscContext.h"
#include "cards/PivCardManagement.h"
#include "cards/PivClient.h"
#include "cards/PivSigner.h"
#include "pki/CertificateRequest.h"
#include "pki/SecureRandom.h"

#include <QUuid>

namespace lanyard {

namespace {
QString randomDigits(int count)
{
    QString out;
    for (int i = 0; i < count; ++i)
        out.append(QChar(u'0' + int(secureRandomBelow(10))));
    return out;
}
} // namespace

PivCardVscBackend::PivCardVscBackend(Options options)
    : m_options(std::move(options))
{
    if (m_options.currentManagementKey.isEmpty())
        m_options.currentManagementKey = PivCardManagement::defaultKey();
}

QString PivCardVscBackend::name() const
{
    return QStringLiteral("PIV card (PC/SC)");
}

Result<PivSlot> PivCardVscBackend::slotFor(int index)
{
    static const PivSlot order[] = { PivSlot::Authentication, PivSlot::KeyManagement, PivSlot::Signature };
    if (index < 0 || index >= int(std::size(order)))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("a PIV card holds at most three issued certificates"),
            { { QStringLiteral("problem"), QStringLiteral("card-slots") } });
    return order[index];
}

Result<QStringList> PivCardVscBackend::candidateReaders() const
{
    if (!m_options.reader.isEmpty())
        return QStringList { m_options.reader };
    auto context = PcscContext::establish();
    if (!context)
        return context.error();
    return context->readers();
}

Result<QString> PivCardVscBackend::issuanceReader() const
{
    auto readers = candidateReaders();
    if (!readers)
        return readers.error();
    for (const QString& reader : *readers) {
        // A reader without a card refuses the connection; the first that accepts holds one.
        if (CardAccess::runHere<void>(reader, [](PivClient&) { return Result<void> {}; }))
            return reader;
    }
    return Error(ErrorCode::NoCard, QStringLiteral("no card in any reader"));
}

Result<QList<QByteArray>> PivCardVscBackend::createKeys(const QList<RequestedCertificate>& certificates, const QString& commonName)
{
    auto reader = issuanceReader();
    if (!reader)
        return reader.error();
    m_options.reader = *reader;
    m_made.clear();
    QList<std::pair<PivSlot, KeyAlgorithm>> plan;
    for (int i = 0; i < certificates.size(); ++i) {
        const RequestedCertificate& c = certificates.at(i);
        if (c.serverKey)
            return Error(ErrorCode::InvalidArgument,
                QStringLiteral("certificate %1 (%2) has its key made and archived by the engine, which a PIV card cannot take in").arg(i + 1).arg(c.policyName),
                { { QStringLiteral("problem"), QStringLiteral("card-server-key") } });
        auto slot = slotFor(i);
        if (!slot)
            return slot.error();
        std::optional<KeyAlgorithm> algorithm;
        for (KeyAlgorithm a : c.keyAlgorithms) {
            if (a == KeyAlgorithm::Rsa2048 || a == KeyAlgorithm::EcP256) {
                algorithm = a;
                break;
            }
        }
        if (!algorithm)
            return Error(ErrorCode::InvalidArgument, QStringLiteral("certificate %1 (%2) allows no key a PIV card makes (RSA-2048, P-256)").arg(i + 1).arg(c.policyName),
                { { QStringLiteral("problem"), QStringLiteral("card-key-algorithm") } });
        plan.append({ *slot, *algorithm });
    }
    auto requests = CardAccess::runHere<QList<QByteArray>>(*reader, [&](PivClient& piv) -> Result<QList<QByteArray>> {
        PivCardManagement management(piv.transport());
        if (auto a = management.authenticate(m_options.currentManagementKey); !a)
            return a.error();
        QList<PrivateKey> publicKeys;
        for (const auto& [slot, algorithm] : plan) {
            auto key = management.generateKey(slot, algorithm);
            if (!key)
                return key.error();
            publicKeys << *key;
        }
        // Each request is signed by its own key on the card, which needs the PIN.
        if (auto v = piv.verifyPin(m_options.currentPin); !v)
            return v.error();
        QList<QByteArray> out;
        for (int i = 0; i < plan.size(); ++i) {
            const auto [slot, algorithm] = plan.at(i);
            auto csr = CertificateRequest::create(publicKeys.at(i), commonName,
                [&piv, slot = slot, algorithm = algorithm](const QByteArray& tbs) { return PivSigner::sign(piv, slot, algorithm, tbs); });
            if (!csr)
                return csr.error();
            out << *csr;
        }
        return out;
    }, true);
    if (requests)
        m_made = plan;
    return requests;
}

Result<void> PivCardVscBackend::personalise(const VscPersonalisation& p)
{
    if (p.certificates.size() != m_made.size())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("%1 certificates came back for %2 keys on the card").arg(p.certificates.size()).arg(m_made.size()));
    if (auto f = PivClient::checkPinFormat(PinReference::Pin, p.pin); !f)
        return f;
    if (auto f = PivClient::checkPinFormat(PinReference::Puk, p.puk); !f)
        return f;
    return CardAccess::runHere<void>(m_options.reader, [&](PivClient& piv) -> Result<void> {
        PivCardManagement management(piv.transport());
        if (auto a = management.authenticate(m_options.currentManagementKey); !a)
            return a.error();
        for (int i = 0; i < m_made.size(); ++i) {
            if (auto w = management.writeCertificate(m_made.at(i).first, p.certificates.at(i)); !w)
                return w.error();
        }
        // A new card identity: readers of the CHUID see a card Lanyard issued.
        Chuid chuid;
        chuid.guid = QUuid::createUuid();
        chuid.expiry = QDate::currentDate().addYears(5);
        // Agency 9999: not a federal issuer (SP 800-73-4 leaves it to non-federal issuers).
        chuid.fascn = Fascn { QStringLiteral("9999"), QStringLiteral("9999"), randomDigits(6), QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("0000000000"),
            QStringLiteral("1"), QStringLiteral("9999"), QStringLiteral("1") };
        if (auto w = management.writeChuid(chuid); !w)
            return w.error();
        if (auto c = piv.changeReference(PinReference::Puk, m_options.currentPuk, p.puk); !c)
            return c.error();
        if (auto c = piv.changeReference(PinReference::Pin, m_options.currentPin, p.pin); !c)
            return c.error();
        if (!p.adminKey.isEmpty()) {
            if (auto k = management.setManagementKey(p.adminKey); !k)
                return k.error();
        }
        return {};
    }, true);
}

Result<void> PivCardVscBackend::lock(const VscLockTask& task)
{
    if (task.puk.isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("Lanyard holds no PUK for %1, so it cannot lock it on this computer").arg(task.device.serial),
            { { QStringLiteral("what"), QStringLiteral("held PUK") } });
    auto readers = candidateReaders();
    if (!readers)
        return readers.error();
    for (const QString& reader : *readers) {
        auto matches = CardAccess::runHere<bool>(reader, [&task](PivClient& piv) -> Result<bool> {
            auto der = piv.readCertificate(PivSlot::Authentication);
            if (!der)
                return false; // another kind of card, or an empty one: not this device
            if (!task.certificates.contains(*der))
                return false;
            // A PIN nobody is shown: only the helpdesk's unlock code and the held PUK open it.
            if (auto r = piv.resetRetryCounter(task.puk, randomDigits(8)); !r)
                return r.error();
            return true;
        }, true);
        if (!matches) {
            if (matches.error().code == ErrorCode::NoCard)
                continue;
            return matches.error();
        }
        if (*matches)
            return {};
    }
    return Error(ErrorCode::NoCard, QStringLiteral("the card of %1 is not in a reader").arg(task.device.serial));
}

} // namespace lanyard
