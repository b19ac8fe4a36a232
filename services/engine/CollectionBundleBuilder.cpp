#include "CollectionBundleBuilder.h"

#include "PinCheck.h"
#include "SettingsSchema.h"
#include "pki/KeyTransport.h"
#include "pki/SignedBundle.h"

#include <QJsonDocument>

namespace lanyard {

CollectionBundleBuilder::CollectionBundleBuilder(const EngineContext& context, QByteArray transportKey)
    : m_ctx(context)
    , m_transportKey(std::move(transportKey))
{
    m_payload.insert(QStringLiteral("format"), QStringLiteral("lanyard-bundle/1"));
    m_payload.insert(QStringLiteral("chain"), QJsonArray { QString::fromLatin1(m_ctx.authority.certificate().toPem()) });
}

void CollectionBundleBuilder::setCollection(const QString& sessionId, qint64 jobId, const QDateTime& issuedAt)
{
    m_payload.insert(QStringLiteral("session"), sessionId);
    m_payload.insert(QStringLiteral("job"), jobId);
    m_payload.insert(QStringLiteral("issuedAt"), issuedAt.toString(Qt::ISODate));
}

void CollectionBundleBuilder::setDevice(const CollectedDevice& device, const QDateTime& expires)
{
    m_payload.insert(QStringLiteral("device"), QJsonObject { { QStringLiteral("serial"), device.serial }, { QStringLiteral("expires"), expires.toString(Qt::ISODate) } });
    m_payload.insert(QStringLiteral("unlockKey"), QString::fromLatin1(device.unlockKey.toBase64()));
    m_payload.insert(QStringLiteral("vscAdminKey"), QString::fromLatin1(device.vscAdminKey.toBase64()));
    m_payload.insert(QStringLiteral("vscPuk"), device.vscPuk);
}

void CollectionBundleBuilder::setHolder(const QString& personName, const CredentialProfile& profile)
{
    m_payload.insert(QStringLiteral("person"), personName);
    m_payload.insert(QStringLiteral("profile"), profile.name);
    m_payload.insert(QStringLiteral("badgeLayout"), profile.badgeLayout);
    m_payload.insert(QStringLiteral("pinPolicy"), PinCheck::toJson(profile.pinPolicy));
    m_payload.insert(QStringLiteral("authTypes"), QJsonArray::fromStringList(profile.authTypes));
}

void CollectionBundleBuilder::setAgentPolicy(const Settings& settings)
{
    m_payload.insert(QStringLiteral("agentPolicy"),
        QJsonObject { { QStringLiteral("logLevel"), settings.value(SettingKey::AgentLogLevel) },
            { QStringLiteral("retryAttempts"), settings.integer(SettingKey::AgentRetryAttempts) },
            { QStringLiteral("retryDelaySeconds"), settings.integer(SettingKey::AgentRetryDelaySeconds) } });
}

Result<QJsonObject> CollectionBundleBuilder::sealArchived(const ArchivedKey& archived) const
{
    auto certificate = Certificate::fromDer(archived.der);
    if (!certificate)
        return certificate.error();
    auto pem = m_ctx.keyWrapper->unwrap(archived.wrappedKey, "archived-key");
    if (!pem)
        return pem.error();
    auto key = PrivateKey::fromPem(*pem);
    if (!key)
        return key.error();
    auto sealed = sealGenerated(*key, *certificate);
    if (!sealed)
        return sealed;
    sealed->insert(QStringLiteral("pem"), QString::fromLatin1(certificate->toPem()));
    return sealed;
}

Result<QJsonObject> CollectionBundleBuilder::sealGenerated(const PrivateKey& key, const Certificate& certificate) const
{
    auto sealed = KeyTransport::seal(key, certificate, m_transportKey);
    if (!sealed)
        return sealed.error();
    return QJsonObject { { QStringLiteral("pkcs12"), QString::fromLatin1(sealed->pkcs12.toBase64()) },
        { QStringLiteral("password"), QString::fromLatin1(sealed->encryptedPassword.toBase64()) } };
}

Result<QByteArray> CollectionBundleBuilder::sign() const
{
    QJsonObject payload = m_payload;
    payload.insert(QStringLiteral("certificates"), m_certificates);
    return SignedBundle::sign(QJsonDocument(payload).toJson(QJsonDocument::Compact), m_ctx.contentSigningCertificate, m_ctx.contentSigningKey,
        { m_ctx.authority.certificate() });
}

} // namespace lanyard
