#pragma once

#include "AccessControl.h"
#include "CertificatePolicy.h"
#include "CredentialProfile.h"
#include "EngineContext.h"

#include <QSqlDatabase>

namespace lanyard {

// Certificate policies and versioned credential profiles. Saving an existing profile makes a
// new version of the same lineage; devices keep pointing at the version they were issued with.
class ProfileService {
public:
    ProfileService(const EngineContext& context, QSqlDatabase db);

    static Result<void> validatePolicy(const CertificatePolicy& policy);
    Result<void> validateProfile(const CredentialProfile& profile);

    Result<qint64> savePolicy(const AccessControl* ac, const CertificatePolicy& policy); // ac null: set-up
    Result<CertificatePolicy> policy(qint64 id);
    // Returns the id of the new version. The version, its policies, its role rights and the
    // audit event land together (ac null: set-up).
    Result<qint64> saveProfile(const AccessControl* ac, const CredentialProfile& profile);
    Result<CredentialProfile> profile(qint64 id);
    // For the profile editor (Edit Credential Profiles): the current version of each profile,
    // every version of one, newest first, and the certificate policies.
    Result<QList<CredentialProfile>> currentProfiles(const AccessControl& ac);
    Result<QList<CredentialProfile>> versions(const AccessControl& ac, qint64 lineage);
    Result<QList<CertificatePolicy>> policies(const AccessControl& ac);
    // Current profiles the operator Can Request and the person Can Receive, by their roles.
    Result<QList<CredentialProfile>> requestable(const QList<qint64>& operatorRoles, qint64 personId);
    // The same for a person the operator can see.
    Result<QList<CredentialProfile>> requestableFor(const AccessControl& ac, qint64 personId);

private:
    Result<QList<CredentialProfile>> current();
    Result<qint64> insertVersion(const AccessControl* ac, const CredentialProfile& profile);
    Result<QList<qint64>> ids(const QString& sql, const QVariantList& binds = {});
    Result<QList<CredentialProfile>> profilesById(const QString& sql, const QVariantList& binds = {});

    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
