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

    // What a policy must be on its own.
    static Result<void> validatePolicy(const CertificatePolicy& policy);
    Result<void> validateProfile(const CredentialProfile& profile);

    // Adds a version (the first for a new policy) and returns the policy's id. Refused when
    // the policy is invalid, outlives the CA, or no longer suits a profile that issues it
    // (ac null: set-up).
    Result<qint64> savePolicy(const AccessControl* ac, const CertificatePolicy& policy);
    // The current version.
    Result<CertificatePolicy> policy(qint64 id);
    // Every version of one policy, newest first.
    Result<QList<CertificatePolicy>> policyVersions(const AccessControl& ac, qint64 id);
    // The policy as typed, applied to a person the operator can see.
    Result<CertificatePolicyExample> policyExample(const AccessControl& ac, const CertificatePolicy& policy, qint64 personId);
    // Returns the id of the new version. The version, its policies, its role rights and the
    // audit event land together (ac null: set-up).
    Result<qint64> saveProfile(const AccessControl* ac, const CredentialProfile& profile);
    Result<CredentialProfile> profile(qint64 id);
    // For the profile editor (Edit Credential Profiles): the current version of each profile,
    // every version of one, newest first, and the certificate policies.
    Result<QList<CredentialProfile>> currentProfiles(const AccessControl& ac);
    Result<QList<CredentialProfile>> versions(const AccessControl& ac, qint64 lineage);
    // The current version of each, for the policy editor and the profile editor.
    Result<QList<CertificatePolicy>> policies(const AccessControl& ac);
    // Whether one of these roles holds the right in the matrix of this profile version.
    Result<bool> rolesHold(const QList<qint64>& roleIds, qint64 profileId, ProfileRight right);
    // The same for the roles a person holds.
    Result<bool> personHolds(qint64 personId, qint64 profileId, ProfileRight right);
    // Current profiles the operator Can Request and the person Can Receive, by their roles.
    Result<QList<CredentialProfile>> requestable(const QList<qint64>& operatorRoles, qint64 personId);
    // The same for a person the operator can see.
    Result<QList<CredentialProfile>> requestableFor(const AccessControl& ac, qint64 personId);

private:
    // validatePolicy, and what it must be in this engine: within the CA's life, and usable by
    // the profiles that issue it.
    Result<void> validatePolicyHere(const CertificatePolicy& policy);
    // Whether a profile of this encoding can issue under the policy as `use` says.
    static Result<void> usableBy(const CertificatePolicy& policy, const ProfilePolicy& use, CardEncoding encoding, const QString& profileName);
    Result<QList<CertificatePolicy>> policiesWhere(const QString& where, const QVariantList& binds = {});
    Result<QList<CredentialProfile>> current();
    Result<qint64> insertVersion(const AccessControl* ac, const CredentialProfile& profile);
    Result<QList<qint64>> ids(const QString& sql, const QVariantList& binds = {});
    Result<QList<CredentialProfile>> profilesById(const QString& sql, const QVariantList& binds = {});

    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
