#include "OperatorActions.h"

#include "core/WhenFinished.h"

#include <type_traits>

namespace lanyard {

OperatorActions::OperatorActions(Engine& engine, OperatorSession session, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_session(std::move(session))
{
}

template <typename T, typename OnValue>
void OperatorActions::call(QFuture<Result<T>> future, OnValue onValue)
{
    if (m_pending++ == 0)
        Q_EMIT busyChanged(true);
    whenFinished(future, this, [this, onValue](Result<T> result) {
        if (--m_pending == 0)
            Q_EMIT busyChanged(false);
        if (!result)
            Q_EMIT failed(result.error());
        else if constexpr (std::is_void_v<T>)
            onValue();
        else
            onValue(*result);
    });
}

void OperatorActions::loadPerson(qint64 personId)
{
    call(m_engine.person(m_session, personId), [this](const Person& p) { Q_EMIT personLoaded(p); });
}

void OperatorActions::setCardIdentifiers(qint64 personId, const CardIdentifiers& identifiers)
{
    call(m_engine.setCardIdentifiers(m_session, personId, identifiers), [this](const Person& p) { Q_EMIT personLoaded(p); });
}

void OperatorActions::addPerson(const PersonDetails& details)
{
    call(m_engine.addPerson(m_session, details), [this](const Person& p) { Q_EMIT personLoaded(p); });
}

void OperatorActions::editPerson(qint64 personId, const PersonDetails& details)
{
    call(m_engine.editPerson(m_session, personId, details), [this](const Person& p) { Q_EMIT personLoaded(p); });
}

void OperatorActions::setAccountEnabled(qint64 personId, bool enabled, const QString& reason, bool devicesToo)
{
    call(m_engine.setAccountEnabled(m_session, personId, enabled, reason, devicesToo), [this](const Person& p) { Q_EMIT personLoaded(p); });
}

void OperatorActions::setPersonRoles(qint64 personId, const QList<qint64>& roleIds)
{
    call(m_engine.setPersonRoles(m_session, personId, roleIds), [this](const Person& p) { Q_EMIT personLoaded(p); });
}

void OperatorActions::removePerson(qint64 personId, const QString& reason)
{
    call(m_engine.removePerson(m_session, personId, reason), [this, personId] { Q_EMIT personRemoved(personId); });
}

void OperatorActions::loadDevice(qint64 deviceId)
{
    call(m_engine.device(m_session, deviceId), [this](const Device& d) { Q_EMIT deviceLoaded(d); });
}

void OperatorActions::loadRequestableProfiles(qint64 personId)
{
    call(m_engine.requestableProfiles(m_session, personId), [this](const QList<CredentialProfile>& p) { Q_EMIT profilesLoaded(p); });
}

void OperatorActions::requestCredential(qint64 personId, qint64 profileId, bool showCode, const QString& targetComputer)
{
    call(m_engine.requestCredential(m_session, personId, profileId, showCode, targetComputer), [this](const IssuedRequest& r) { Q_EMIT requestIssued(r); });
}

void OperatorActions::validateRequest(qint64 jobId, bool approve)
{
    call(m_engine.validateRequest(m_session, jobId, approve, true), [this](const IssuedRequest& r) { Q_EMIT requestIssued(r); });
}

void OperatorActions::requestRenewal(qint64 deviceId, bool update, bool showCode)
{
    call(m_engine.requestRenewal(m_session, deviceId, update, showCode), [this](const IssuedRequest& r) { Q_EMIT requestIssued(r); });
}

void OperatorActions::regenerateCode(qint64 jobId, bool showCode)
{
    call(m_engine.regenerateCode(m_session, jobId, showCode), [this](const IssuedRequest& r) { Q_EMIT requestIssued(r); });
}

void OperatorActions::cancelJob(qint64 jobId, const QString& reason)
{
    call(m_engine.cancelJob(m_session, jobId, reason), [this](const Job& j) { Q_EMIT jobCancelled(j); });
}

void OperatorActions::changeDevice(qint64 deviceId, const DeviceAction& action)
{
    call(m_engine.changeDevice(m_session, deviceId, action), [this](const DeviceChange& c) { Q_EMIT deviceChanged(c); });
}

void OperatorActions::unlockCode(qint64 deviceId, const QString& challenge, const QStringList& answers)
{
    call(m_engine.unlockCode(m_session, deviceId, challenge, answers), [this](const QString& code) { Q_EMIT unlockCodeReady(code); });
}

void OperatorActions::loadSecurityQuestions(qint64 personId)
{
    call(m_engine.securityQuestions(m_session, personId), [this, personId](const QStringList& q) { Q_EMIT securityQuestionsLoaded(personId, q); });
}

void OperatorActions::loadLockJobs(qint64 deviceId)
{
    call(m_engine.lockJobs(m_session, deviceId), [this](const QList<Job>& jobs) { Q_EMIT lockJobsLoaded(jobs); });
}

void OperatorActions::loadTimezones()
{
    call(m_engine.timezones(m_session), [this](const QList<Timezone>& zones) { Q_EMIT timezonesLoaded(zones); });
}

void OperatorActions::requestPinLock(qint64 deviceId, const LockSchedule& when, const QString& reason)
{
    call(m_engine.requestPinLock(m_session, deviceId, when, reason), [this](const Job& job) { Q_EMIT lockJobChanged(job); });
}

void OperatorActions::updatePinLock(qint64 deviceId, const LockSchedule& when, const QString& reason)
{
    call(m_engine.updatePinLock(m_session, deviceId, when, reason), [this](const Job& job) { Q_EMIT lockJobChanged(job); });
}

void OperatorActions::cancelPinLock(qint64 deviceId, const QString& reason)
{
    call(m_engine.cancelPinLock(m_session, deviceId, reason), [this](const Job& job) { Q_EMIT lockJobChanged(job); });
}

void OperatorActions::temporaryUnlock(qint64 deviceId, const QString& challenge, int hours, const QString& reason)
{
    call(m_engine.temporaryUnlock(m_session, deviceId, challenge, hours, reason), [this](const TemporaryAccess& a) { Q_EMIT temporaryAccessGranted(a); });
}

void OperatorActions::endParentCardTrust(qint64 deviceId, const QString& reason)
{
    call(m_engine.endParentCardTrust(m_session, ParentTrustEnd { {}, deviceId, reason }),
        [this](const ParentTrustReport& report) { Q_EMIT parentTrustEnded(report); });
}

void OperatorActions::loadComputers()
{
    call(m_engine.hardware(m_session), [this](const QList<RegisteredHardware>& hardware) {
        QStringList names;
        for (const RegisteredHardware& h : hardware)
            if (h.kind == HardwareKind::Computer && h.active)
                names << h.identifier;
        Q_EMIT computersLoaded(names);
    });
}

void OperatorActions::addHardware(const RegisteredHardware& hardware)
{
    call(m_engine.addHardware(m_session, hardware), [this](qint64) { Q_EMIT hardwareChanged(); });
}

void OperatorActions::deactivateHardware(qint64 id)
{
    call(m_engine.deactivateHardware(m_session, id), [this] { Q_EMIT hardwareChanged(); });
}

void OperatorActions::loadSettings()
{
    call(m_engine.settings(m_session), [this](const Settings& s) { Q_EMIT settingsLoaded(s); });
}

void OperatorActions::saveSettings(const Settings& settings)
{
    call(m_engine.saveSettings(m_session, settings), [this] { Q_EMIT settingsSaved(); });
}

void OperatorActions::loadDirectory()
{
    call(m_engine.directoryConfig(m_session), [this](const DirectoryConfig& c) { Q_EMIT directoryLoaded(c); });
}

void OperatorActions::saveDirectory(const DirectoryConfig& config)
{
    call(m_engine.saveDirectoryConfig(m_session, config), [this] { Q_EMIT directorySaved(); });
}

void OperatorActions::testDirectory(const DirectoryConfig& config)
{
    call(m_engine.testDirectory(m_session, config), [this](const DirectoryProbe& p) { Q_EMIT directoryTested(p); });
}

void OperatorActions::syncDirectory(bool full)
{
    call(m_engine.syncDirectory(m_session, full), [this](const DirectorySyncReport& r) { Q_EMIT directorySynced(r); });
}

void OperatorActions::loadDirectorySyncs()
{
    call(m_engine.directorySyncs(m_session), [this](const QList<DirectorySyncReport>& s) { Q_EMIT directorySyncsLoaded(s); });
}

void OperatorActions::verifyAudit()
{
    call(m_engine.verifyAudit(m_session), [this](const AuditVerification& v) { Q_EMIT auditVerified(v); });
}

void OperatorActions::loadRoles()
{
    call(m_engine.roles(m_session), [this](const QList<Role>& roles) { Q_EMIT rolesLoaded(roles); });
}

void OperatorActions::saveRole(const Role& role)
{
    call(m_engine.saveRole(m_session, role), [this](qint64 id) { Q_EMIT roleSaved(id); });
}

void OperatorActions::loadCredentialProfiles()
{
    call(m_engine.credentialProfiles(m_session), [this](const QList<CredentialProfile>& p) { Q_EMIT credentialProfilesLoaded(p); });
}

void OperatorActions::loadProfileVersions(qint64 lineage)
{
    call(m_engine.profileVersions(m_session, lineage), [this](const QList<CredentialProfile>& p) { Q_EMIT profileVersionsLoaded(p); });
}

void OperatorActions::loadCertificatePolicies()
{
    call(m_engine.certificatePolicies(m_session), [this](const QList<CertificatePolicy>& p) { Q_EMIT certificatePoliciesLoaded(p); });
}

void OperatorActions::saveCredentialProfile(const CredentialProfile& profile)
{
    call(m_engine.saveCredentialProfile(m_session, profile), [this](qint64 id) { Q_EMIT credentialProfileSaved(id); });
}

void OperatorActions::saveCertificatePolicy(const CertificatePolicy& policy)
{
    call(m_engine.saveCertificatePolicy(m_session, policy), [this](qint64 id) { Q_EMIT certificatePolicySaved(id); });
}

void OperatorActions::resendNotification(qint64 notificationId)
{
    call(m_engine.resendNotification(m_session, notificationId), [this](const Notification& n) { Q_EMIT notificationResent(n); });
}

void OperatorActions::loadMessageTemplates()
{
    call(m_engine.messageTemplates(m_session), [this](const QList<MessageTemplate>& t) { Q_EMIT messageTemplatesLoaded(t); });
}

void OperatorActions::saveMessageTemplate(const MessageTemplate& messageTemplate)
{
    const QString name = messageTemplate.name;
    call(m_engine.saveMessageTemplate(m_session, messageTemplate), [this, name] { Q_EMIT messageTemplateSaved(name); });
}

} // namespace lanyard
