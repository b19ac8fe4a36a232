#pragma once

#include "Operation.h"

// Every operator operation on the wire, declared once (POST /api/v1/operator/{name}): the
// engine member, the method name, the answer's shape and each argument's JSON name, kind and
// limit. The compiler holds each line to the member's parameters; ApiServer dispatches by it,
// RemoteEngine calls by it, and tst_api_document holds resources/api.md to it. A new
// operation is a member of Engine, its rule in the embedded engine, one line here, a
// forwarding line in RemoteEngine (the compiler asks for it) and its row in api.md.
namespace lanyard::wire {

inline constexpr int kReasonLength = 2000;
inline constexpr int kChallengeLength = 128;

inline constexpr auto kOperatorOperations = std::tuple {
    operation<&Engine::workflows>("workflows", Answer { "workflows" }),
    operation<&Engine::findPeople>("findPeople", itself, Fields<PersonQuery> {}),
    operation<&Engine::person>("person", itself, Id { "personId" }),
    operation<&Engine::setCardIdentifiers>("setCardIdentifiers", itself, Id { "personId" }, Fields<CardIdentifiers> {}),
    operation<&Engine::addPerson>("addPerson", itself, Object<PersonDetails> { "person" }),
    operation<&Engine::editPerson>("editPerson", itself, Id { "personId" }, Object<PersonDetails> { "person" }),
    operation<&Engine::setAccountEnabled>("setAccountEnabled", itself, Id { "personId" }, Flag { "enabled" }, Text { "reason", kReasonLength, true }, Flag { "devicesToo" }),
    operation<&Engine::setPersonRoles>("setPersonRoles", itself, Id { "personId" }, Ids { "roleIds", 100 }),
    operation<&Engine::importPeople>("importPeople", Answer { "outcomes" }, Object<PeopleImportBatch> { "batch" }),
    operation<&Engine::removePerson>("removePerson", itself, Id { "personId" }, Text { "reason", kReasonLength }),
    operation<&Engine::devicesOf>("devicesOf", Answer { "devices" }, Id { "personId" }),
    operation<&Engine::device>("device", itself, Id { "deviceId" }),
    operation<&Engine::certificatesOf>("certificatesOf", Answer { "certificates" }, Id { "deviceId" }),
    operation<&Engine::jobsOf>("jobsOf", Answer { "jobs" }, Id { "personId" }),
    operation<&Engine::findDevices>("findDevices", Answer { "devices" }, Text { "text", 200 }),
    operation<&Engine::findJobs>("findJobs", Answer { "jobs" }, Fields<JobQuery> {}),
    operation<&Engine::cancelJob>("cancelJob", itself, Id { "jobId" }, Text { "reason", kReasonLength }),
    operation<&Engine::requestableProfiles>("requestableProfiles", Answer { "profiles" }, Id { "personId" }),
    operation<&Engine::requestCredential>("requestCredential", itself, Id { "personId" }, Id { "profileId" }, Flag { "showCode" }, Text { "targetComputer", 255, true }),
    operation<&Engine::requestCredentials>("requestCredentials", Answer { "outcomes" }, Ids { "personIds", 100 }, Id { "profileId" }),
    operation<&Engine::validateRequest>("validateRequest", itself, Id { "jobId" }, Flag { "approve" }, Flag { "showCode" }),
    operation<&Engine::regenerateCode>("regenerateCode", itself, Id { "jobId" }, Flag { "showCode" }),
    operation<&Engine::changeDevice>("changeDevice", itself, Id { "deviceId" }, Object<DeviceAction> { "action" }),
    operation<&Engine::requestRenewal>("requestRenewal", itself, Id { "deviceId" }, Flag { "update" }, Flag { "showCode" }),
    operation<&Engine::unlockCode>("unlockCode", Answer { "code" }, Id { "deviceId" }, Text { "challenge", kChallengeLength }, Texts { "answers", 5, 200 }),
    operation<&Engine::reportIncident>("reportIncident", itself, Id { "deviceId" }, Object<DeviceAction> { "report" }),
    operation<&Engine::securityQuestions>("securityQuestions", Answer { "questions" }, Id { "personId" }),
    operation<&Engine::setSecurityQuestions>("setSecurityQuestions", itself, Texts { "questions", 5, 200 }, Texts { "answers", 5, 200 }),
    operation<&Engine::lockJobs>("lockJobs", Answer { "jobs" }, Id { "deviceId" }),
    operation<&Engine::timezones>("timezones", Answer { "timezones" }),
    operation<&Engine::requestPinLock>("requestPinLock", itself, Id { "deviceId" }, Object<LockSchedule> { "when" }, Text { "reason", kReasonLength }),
    operation<&Engine::updatePinLock>("updatePinLock", itself, Id { "deviceId" }, Object<LockSchedule> { "when" }, Text { "reason", kReasonLength }),
    operation<&Engine::cancelPinLock>("cancelPinLock", itself, Id { "deviceId" }, Text { "reason", kReasonLength }),
    operation<&Engine::temporaryUnlock>("temporaryUnlock", itself, Id { "deviceId" }, Text { "challenge", kChallengeLength }, Number { "hours", 0, 168 },
        Text { "reason", kReasonLength }),
    operation<&Engine::dueLockJobs>("dueLockJobs", Answer { "tasks" }, Text { "dnsName", 255 }),
    operation<&Engine::reportLockJob>("reportLockJob", itself, Object<VscLockOutcome> { "outcome" }),
    operation<&Engine::vscUnblockChallenge>("vscUnblockChallenge", itself, Bytes { "certificate", 64 * 1024 }),
    operation<&Engine::releaseHeldPuk>("releaseHeldPuk", Answer { "puk" }, Id { "deviceId" }, Text { "response", kChallengeLength }),
    operation<&Engine::checkParentCard>("checkParentCard", itself, Object<ParentCard> { "card" }),
    operation<&Engine::requestDerivedCredential>("requestDerivedCredential", itself, Object<ParentCard> { "card" }, Bytes { "challenge", 1024 },
        Bytes { "signature", 4096 }),
    operation<&Engine::endParentCardTrust>("endParentCardTrust", itself, Fields<ParentTrustEnd> {}),
    operation<&Engine::hardware>("hardware", Answer { "hardware" }),
    operation<&Engine::addHardware>("addHardware", Answer { "id" }, Object<RegisteredHardware> { "hardware" }),
    operation<&Engine::deactivateHardware>("deactivateHardware", itself, Id { "id" }),
    operation<&Engine::roles>("roles", Answer { "roles" }),
    operation<&Engine::saveRole>("saveRole", Answer { "id" }, Object<Role> { "role" }),
    operation<&Engine::credentialProfiles>("credentialProfiles", Answer { "profiles" }),
    operation<&Engine::profileVersions>("profileVersions", Answer { "profiles" }, Id { "lineage" }),
    operation<&Engine::certificatePolicies>("certificatePolicies", Answer { "policies" }),
    operation<&Engine::certificatePolicyVersions>("certificatePolicyVersions", Answer { "policies" }, Id { "policyId" }),
    operation<&Engine::saveCertificatePolicy>("saveCertificatePolicy", Answer { "id" }, Object<CertificatePolicy> { "policy" }),
    operation<&Engine::certificatePolicyExample>("certificatePolicyExample", itself, Object<CertificatePolicy> { "policy" }, Id { "personId" }),
    operation<&Engine::saveCredentialProfile>("saveCredentialProfile", Answer { "id" }, Object<CredentialProfile> { "profile" }),
    operation<&Engine::notificationsOf>("notificationsOf", Answer { "notifications" }, Id { "jobId" }),
    operation<&Engine::resendNotification>("resendNotification", itself, Id { "notificationId" }),
    operation<&Engine::messageTemplates>("messageTemplates", Answer { "templates" }),
    operation<&Engine::saveMessageTemplate>("saveMessageTemplate", itself, Object<MessageTemplate> { "template" }),
    operation<&Engine::settings>("settings", itself),
    operation<&Engine::saveSettings>("saveSettings", itself, Object<Settings> { "settings" }),
    operation<&Engine::directoryConfig>("directoryConfig", itself),
    operation<&Engine::saveDirectoryConfig>("saveDirectoryConfig", itself, Object<DirectoryConfig> { "directory" }),
    operation<&Engine::testDirectory>("testDirectory", itself, Object<DirectoryConfig> { "directory" }),
    operation<&Engine::syncDirectory>("syncDirectory", itself, Flag { "full" }),
    operation<&Engine::directorySyncs>("directorySyncs", Answer { "syncs" }),
    operation<&Engine::audit>("audit", Answer { "events" }, Fields<AuditQuery> {}),
    operation<&Engine::verifyAudit>("verifyAudit", itself),
};

static_assert(namesAreUnique(kOperatorOperations), "two operations share a name");

// The entry for an engine member; naming a member that has none fails the build.
template <auto Method>
constexpr const auto& operatorOperation()
{
    return find<Method>(kOperatorOperations);
}

} // namespace lanyard::wire
