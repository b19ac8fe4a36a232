#pragma once

#include "CertificateService.h"
#include "CredentialProfile.h"
#include "DeviceService.h"
#include "EngineContext.h"
#include "Settings.h"

#include <QJsonArray>
#include <QJsonObject>

namespace lanyard {

// The signed bundle a phone receives at the end of a collection, put together field by field
// as resources/api.md ("The bundle") describes it: every field is present, an empty one too,
// and keys travel only sealed to the phone's transport key. Signed by the content-signing
// identity with the CA's certificate alongside.
class CollectionBundleBuilder {
public:
    CollectionBundleBuilder(const EngineContext& context, QByteArray transportKey);

    void setCollection(const QString& sessionId, qint64 jobId, const QDateTime& issuedAt);
    void setDevice(const CollectedDevice& device, const QDateTime& expires);
    void setHolder(const QString& personName, const CredentialProfile& profile);
    void setAgentPolicy(const Settings& settings);

    // An archived key and its certificate, sealed: {pem, pkcs12, password}.
    Result<QJsonObject> sealArchived(const ArchivedKey& archived) const;
    // A key the server made now for `certificate`, sealed: {pkcs12, password}.
    Result<QJsonObject> sealGenerated(const PrivateKey& key, const Certificate& certificate) const;
    // One entry of "certificates", in the profile's order.
    void addCertificate(const QJsonObject& entry) { m_certificates.append(entry); }

    Result<QByteArray> sign() const;

private:
    const EngineContext& m_ctx;
    QByteArray m_transportKey;
    QJsonObject m_payload;
    QJsonArray m_certificates;
};

} // namespace lanyard
