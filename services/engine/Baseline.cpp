#include "Baseline.h"

#include "CertificatePolicy.h"
#include "CredentialProfile.h"
#include "PeopleService.h"
#include "ProfileService.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

namespace lanyard {

namespace {

// PIV's four keys (SP 800-73): authentication, digital signature, key management and card
// authentication. Only the key management key is made by the engine and archived, so that
// mail encrypted to a lost phone can still be read on its replacement.
QList<CertificatePolicy> standardPolicies()
{
    CertificatePolicy authentication;
    authentication.name = QStringLiteral("PIV Authentication");
    authentication.keyAlgorithms = { KeyAlgorithm::EcP256, KeyAlgorithm::Rsa2048 };
    authentication.validityDays = 365;
    authentication.keyUsage = QStringLiteral("digitalSignature");
    authentication.extendedKeyUsage = QStringLiteral("clientAuth,msSmartcardLogin");
    authentication.dnTemplate = QStringLiteral("CN=[[People.FullName]]");
    authentication.sanUpn = true;

    CertificatePolicy signature = authentication;
    signature.name = QStringLiteral("Digital Signature");
    signature.keyUsage = QStringLiteral("digitalSignature,nonRepudiation");
    signature.extendedKeyUsage = QStringLiteral("emailProtection");
    signature.sanUpn = false;
    signature.sanEmail = true;

    CertificatePolicy keyManagement = signature;
    keyManagement.name = QStringLiteral("Key Management");
    keyManagement.keyAlgorithms = { KeyAlgorithm::Rsa2048 };
    keyManagement.keyUsage = QStringLiteral("keyEncipherment");
    keyManagement.archiveKeys = true;

    CertificatePolicy cardAuthentication = authentication;
    cardAuthentication.name = QStringLiteral("Card Authentication");
    cardAuthentication.extendedKeyUsage = QStringLiteral("2.16.840.1.101.3.6.8"); // id-PIV-cardAuth
    cardAuthentication.sanUpn = false;

    return { authentication, signature, keyManagement, cardAuthentication };
}

} // namespace

QList<Role> Baseline::standardRoles()
{
    const auto role = [](const char* name, Scope scope, QList<Workflow> workflows) {
        Role r;
        r.name = QString::fromLatin1(name);
        r.scope = scope;
        r.workflows = std::move(workflows);
        return r;
    };
    return {
        Baseline::administratorRole(),
        role("Helpdesk Operator", Scope::All,
            { Workflow::FindPerson, Workflow::RequestMobile, Workflow::RequestCard, Workflow::CancelDevice, Workflow::EnableDisableDevice,
                Workflow::RequestReplacement, Workflow::RequestUpdate, Workflow::RequestRenewal, Workflow::UnlockCredential, Workflow::ManageVscAccess,
                Workflow::UnlockVscTemporaryAccess, Workflow::ViewAudit, Workflow::ManageJobs }),
        role("Validator", Scope::All, { Workflow::FindPerson, Workflow::ValidateRequest, Workflow::ViewAudit }),
        role("End User", Scope::Self, { Workflow::RequestMyId, Workflow::ReportIncident }),
        // The kiosk requests a derived credential for the card holder in front of it.
        role("Kiosk", Scope::All, { Workflow::IssueDerivedCredential, Workflow::RequestMobile }),
    };
}

Role Baseline::standardRole(const QString& name)
{
    for (const Role& role : standardRoles())
        if (role.name == name)
            return role;
    return {};
}

Role Baseline::administratorRole()
{
    Role admin;
    admin.name = QString::fromLatin1(kAdministratorRole);
    admin.scope = Scope::All;
    admin.workflows = allWorkflows();
    return admin;
}

Baseline::Baseline(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

Result<qint64> Baseline::ensureRole(const Role& role, Report& report)
{
    auto row = fetchOne(m_db, QStringLiteral("SELECT id FROM roles WHERE name = ?"), { role.name });
    if (!row)
        return row.error();
    if (!row->isEmpty()) {
        report.kept << QStringLiteral("role %1").arg(role.name);
        return row->value("id").toLongLong();
    }
    auto id = PeopleService(m_ctx, m_db).createRole(role);
    if (id)
        report.made << QStringLiteral("role %1").arg(role.name);
    return id;
}

Result<Baseline::Report> Baseline::ensure()
{
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    Report report;
    QHash<QString, qint64> roles;
    for (const Role& role : standardRoles()) {
        auto id = ensureRole(role, report);
        if (!id)
            return id.error();
        roles.insert(role.name, *id);
    }

    ProfileService profiles(m_ctx, m_db);
    QHash<QString, qint64> policies;
    for (const CertificatePolicy& policy : standardPolicies()) {
        auto row = fetchOne(m_db, QStringLiteral("SELECT id FROM cert_policies WHERE name = ?"), { policy.name });
        if (!row)
            return row.error();
        if (!row->isEmpty()) {
            report.kept << QStringLiteral("certificate policy %1").arg(policy.name);
            policies.insert(policy.name, row->value("id").toLongLong());
            continue;
        }
        auto id = profiles.savePolicy(nullptr, policy);
        if (!id)
            return id.error();
        report.made << QStringLiteral("certificate policy %1").arg(policy.name);
        policies.insert(policy.name, *id);
    }

    // Helpdesk operators (and administrators) request for anyone; each person receives and
    // collects their own; validators approve what needs a second operator.
    const QList<ProfileRoleRights> helpdeskIssues {
        { roles.value(Baseline::administratorRole().name), {}, true, false, false, true, true },
        { roles.value(QStringLiteral("Helpdesk Operator")), {}, true, false, false, false, true },
        { roles.value(QStringLiteral("Validator")), {}, false, false, false, true, false },
        { roles.value(QStringLiteral("End User")), {}, true, true, true, false, false },
    };
    const auto uses = [&](std::initializer_list<const char*> names) {
        QList<ProfilePolicy> out;
        for (const char* name : names)
            out << ProfilePolicy { policies.value(QString::fromLatin1(name)), {}, KeyRecovery::IssueNew };
        return out;
    };
    CredentialProfile mobile;
    mobile.name = QStringLiteral("Mobile Identity");
    mobile.encoding = CardEncoding::IdentityAgent;
    mobile.notificationScheme = NotificationScheme::Default;
    mobile.lifetimeDays = 365;
    mobile.pinPolicy = { 6, 8 };
    mobile.policies = uses({ "PIV Authentication", "Digital Signature", "Key Management" });
    // The encryption key is the archived one: a replacement phone reads old mail.
    mobile.policies[2].recovery = KeyRecovery::UseExisting;
    mobile.roleRights = helpdeskIssues;

    CredentialProfile card = mobile;
    card.name = QStringLiteral("Virtual Smart Card");
    card.encoding = CardEncoding::VirtualSmartCard;
    card.pinPolicy = { 8, 24 };
    card.policies = uses({ "PIV Authentication" });

    CredentialProfile derived = mobile;
    derived.name = QStringLiteral("Derived PIV Credential");
    derived.encoding = CardEncoding::DerivedCredential;
    // The kiosk shows the code to the card holder in front of it.
    derived.notificationScheme = NotificationScheme::None;
    derived.policies = uses({ "PIV Authentication" });
    derived.roleRights = { { roles.value(QStringLiteral("Kiosk")), {}, true, false, false, false, false },
        { roles.value(QStringLiteral("End User")), {}, false, true, true, false, false } };

    for (const CredentialProfile& profile : { mobile, card, derived }) {
        auto row = fetchOne(m_db, QStringLiteral("SELECT id FROM profiles WHERE name = ? AND is_current = 1"), { profile.name });
        if (!row)
            return row.error();
        if (!row->isEmpty()) {
            report.kept << QStringLiteral("credential profile %1").arg(profile.name);
            continue;
        }
        if (auto id = profiles.saveProfile(nullptr, profile); !id)
            return id.error();
        report.made << QStringLiteral("credential profile %1").arg(profile.name);
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return report;
}

} // namespace lanyard
