#pragma once

#include "AccessControl.h"
#include "CredentialProfile.h"
#include "DerivedCredential.h"
#include "EngineContext.h"
#include "Job.h"
#include "pki/Certificate.h"

#include <QSqlDatabase>

namespace lanyard {

class CertificateValidator;

// Derived PIV credentials (NIST SP 800-157) for the kiosk: a PIV card's certificate is
// validated against the configured anchors and CRLs, its holder found, possession proven by
// a signature over a one-time challenge, and the issue request bound to the card. When the
// card's trust ends, the credentials derived from it end too.
class DerivedCredentialService {
public:
    DerivedCredentialService(const EngineContext& context, QSqlDatabase db);

    static constexpr int kChallengeSeconds = 120;

    Result<ParentCardCheck> check(const AccessControl& ac, const ParentCard& card);
    Result<IssuedRequest> request(const AccessControl& ac, const ParentCard& card, const QByteArray& challenge, const QByteArray& signature);
    Result<ParentTrustReport> endTrust(const AccessControl& ac, const ParentTrustEnd& what);
    // The scheduled check, by the engine itself: every parent card the configured CRLs list as
    // revoked whose derived credentials are still live or requested is ended, as endTrust with
    // neither card nor device does. Nothing to do without CRLs.
    Result<ParentTrustReport> sweepRevokedParents();

private:
    struct Verified {
        Certificate certificate;
        QString fingerprint;
        Person person;
        CredentialProfile profile;
        QString chuidNote; // what became of the CHUID, for the audit
    };
    // Who the certificate says holds the card.
    struct CardIdentity {
        QString fascn; // 32 digits
        QString cardUuid; // lower case, no braces
        QString upn;
    };
    static CardIdentity identityOf(const Certificate& certificate);
    // verifyCard, with every refusal audited.
    Result<Verified> verify(const AccessControl& ac, const ParentCard& card);
    Result<Verified> verifyCard(const AccessControl& ac, const ParentCard& card);
    Result<CertificateValidator> validator();
    // A CHUID signed by a trusted PIV content signer must name the certificate's card; an
    // unsigned or untrusted one is not used. Returns what was done with it.
    Result<QString> crossCheck(const QByteArray& chuidContent, const CardIdentity& identity, const CertificateValidator& trust);
    Result<Person> findPerson(const CardIdentity& identity);
    Result<CredentialProfile> derivedProfile(const AccessControl& ac, qint64 personId);
    // Parent cards the CRLs list as revoked that a live derived credential or an open request
    // still hangs on.
    Result<QStringList> revokedParentsInUse();
    Result<ParentTrustReport> endAll(const AccessControl* ac, const QStringList& fingerprints, const QString& reason);
    // `ac` null: the engine's own sweep.
    Result<ParentTrustReport> endOne(const AccessControl* ac, const QString& fingerprint, const QString& reason);

    EngineContext m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
