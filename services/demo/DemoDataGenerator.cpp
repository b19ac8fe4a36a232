#include "DemoDataGenerator.h"

#include "engine/AccessControl.h"
#include "engine/Baseline.h"
#include "engine/PeopleService.h"
#include "engine/ProfileService.h"
#include "engine/RequestService.h"
#include "pki/CertificateRequest.h"
#include "storage/Database.h"
#include "engine/CollectionService.h"
#include "storage/Transaction.h"

#include <QSqlError>
#include <QSqlQuery>

#include <random>

namespace lanyard {

namespace {
const char* const kFirstNames[] = { "Amelia", "Oliver", "Isla", "George", "Ava", "Noah", "Mia", "Arthur", "Ivy", "Leo", "Freya", "Oscar",
    "Lily", "Harry", "Florence", "Jack", "Willow", "Charlie", "Rosie", "Theo", "Sophia", "Jacob", "Evie", "Alfie", "Grace", "Thomas",
    "Poppy", "Henry", "Ella", "Finley", "Ada", "Samuel", "Chloe", "Joshua", "Maya", "Luca", "Zara", "Elijah", "Hannah", "Ibrahim",
    "Priya", "Mateo", "Aisha", "Kenji", "Ingrid", "Tomasz", "Nadia", "Pierre", "Lucia", "Sven" };
const char* const kLastNames[] = { "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson",
    "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Thomas", "Clarke", "Jackson", "Wood", "Harris",
    "Edwards", "Turner", "Martin", "Cooper", "Hill", "Ward", "Hughes", "Moore", "Clark", "King", "Harrison", "Lewis", "Baker", "Lee",
    "Allen", "Morris", "Khan", "Scott", "Watson", "Davis", "Parker", "James", "Bennett", "Young", "Phillips", "Richardson", "O'Brien",
    "Nakamura", "Kowalski", "Müller", "García", "Rossi", "Nguyen", "Okafor", "Larsen", "Dubois", "Silva" };
const char* const kGroups[] = { "Finance", "Human Resources", "IT Operations", "Service Desk", "Legal", "Sales", "Marketing", "Research",
    "Engineering", "Facilities", "Procurement", "Security", "Customer Support", "Logistics", "Training", "Executive Office" };

template <typename T, std::size_t N>
constexpr std::size_t count(const T (&)[N])
{
    return N;
}

Result<qint64> role(PeopleService& people, const QString& name, Scope scope, QList<Workflow> workflows)
{
    Role r;
    r.name = name;
    r.scope = scope;
    r.workflows = std::move(workflows);
    return people.createRole(r);
}
} // namespace

DemoDataGenerator::DemoDataGenerator(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

Result<DemoSummary> DemoDataGenerator::generate(const DemoOptions& options)
{
    auto existing = fetchValue(m_db, QStringLiteral("SELECT COUNT(*) FROM people"));
    if (!existing)
        return existing.error();
    if (existing->toLongLong() > 0)
        return Error(ErrorCode::Conflict, QStringLiteral("the database already holds people; demo data goes only into an empty engine"));
    if (options.people < 1)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("the demo needs at least one person"));

    DemoSummary summary;
    PeopleService people(m_ctx, m_db);
    ProfileService profiles(m_ctx, m_db);
    qint64 operatorRole = 0, validatorRole = 0, adminRole = 0, userRole = 0, kioskRole = 0, demoOperator = 0, validator = 0, kiosk = 0;
    {
        Transaction tx(m_db, m_ctx.dialect());
        if (auto r = tx.begin(); !r)
            return r.error();
        // The roles an organisation starts with, as init makes them; the demo's administrator
        // and kiosk differ (narrower, and named for the demo).
        auto op = people.createRole(Baseline::standardRole(QStringLiteral("Helpdesk Operator")));
        auto val = people.createRole(Baseline::standardRole(QStringLiteral("Validator")));
        auto adm = role(people, QStringLiteral("Administrator"), Scope::All,
            { Workflow::FindPerson, Workflow::EditConfiguration, Workflow::EditRoles, Workflow::EditCredentialProfiles, Workflow::AddEditDevices, Workflow::ViewAudit,
                Workflow::EditPeople, Workflow::EditCertificatePolicies, Workflow::AddPerson, Workflow::DisableEnableAccount, Workflow::AssignRoles,
                Workflow::RemovePerson, Workflow::ManageDirectory });
        auto usr = people.createRole(Baseline::standardRole(QStringLiteral("End User")));
        Role kioskAccountRole = Baseline::standardRole(QStringLiteral("Kiosk"));
        kioskAccountRole.name = QStringLiteral("Derived Credential Kiosk");
        auto ksk = people.createRole(kioskAccountRole);
        for (const auto* r : { &op, &val, &adm, &usr, &ksk }) {
            if (!*r)
                return r->error();
        }
        operatorRole = *op;
        validatorRole = *val;
        adminRole = *adm;
        userRole = *usr;
        kioskRole = *ksk;

        CertificatePolicy auth;
        auth.name = QStringLiteral("Mobile Authentication");
        auth.keyAlgorithms = { KeyAlgorithm::EcP256, KeyAlgorithm::Rsa2048 };
        auth.validityDays = 365;
        auth.keyUsage = QStringLiteral("digitalSignature");
        auth.extendedKeyUsage = QStringLiteral("clientAuth,msSmartcardLogin");
        auth.dnTemplate = QStringLiteral("CN=[[People.FullName]],OU=[[People.Group]]");
        auth.sanUpn = true;
        CertificatePolicy signing = auth;
        signing.name = QStringLiteral("Mobile Signing");
        signing.keyUsage = QStringLiteral("digitalSignature,nonRepudiation");
        signing.extendedKeyUsage = QStringLiteral("emailProtection");
        signing.sanEmail = true;
        signing.sanUpn = false;
        CertificatePolicy vsc = auth;
        vsc.name = QStringLiteral("VSC Logon");
        vsc.keyAlgorithms = { KeyAlgorithm::Rsa2048, KeyAlgorithm::Rsa3072 };
        CertificatePolicy derived = auth;
        derived.name = QStringLiteral("Derived PIV Authentication");
        derived.dnTemplate = QStringLiteral("CN=[[People.FullName]] (Derived),OU=[[People.Group]]");
        QList<qint64> policyIds;
        for (const CertificatePolicy& p : { auth, signing, vsc, derived }) {
            auto id = profiles.savePolicy(nullptr, p);
            if (!id)
                return id.error();
            policyIds << *id;
        }
        const QList<ProfileRoleRights> rights {
            { operatorRole, {}, true, false, false, false, true },
            { validatorRole, {}, false, false, false, true, false },
            { userRole, {}, true, true, true, false, false },
        };
        CredentialProfile mobile;
        mobile.name = QStringLiteral("Mobile Identity");
        mobile.encoding = CardEncoding::IdentityAgent;
        mobile.notificationScheme = NotificationScheme::Default;
        mobile.lifetimeDays = 365;
        mobile.pinPolicy = { 6, 8 };
        mobile.policies = { { policyIds[0], {}, KeyRecovery::IssueNew }, { policyIds[1], {}, KeyRecovery::IssueNew } };
        mobile.roleRights = rights;
        CredentialProfile validated = mobile;
        validated.name = QStringLiteral("Mobile Identity (validated)");
        validated.requiresValidation = true;
        CredentialProfile vscProfile = mobile;
        vscProfile.name = QStringLiteral("Virtual Smart Card");
        vscProfile.encoding = CardEncoding::VirtualSmartCard;
        vscProfile.pinPolicy = { 8, 24 };
        vscProfile.policies = { { policyIds[2], {}, KeyRecovery::IssueNew } };
        CredentialProfile derivedProfile = mobile;
        derivedProfile.name = QStringLiteral("Derived PIV Credential");
        derivedProfile.encoding = CardEncoding::DerivedCredential;
        derivedProfile.notificationScheme = NotificationScheme::None;
        derivedProfile.policies = { { policyIds[3], {}, KeyRecovery::IssueNew } };
        // Only the kiosk issues derived credentials: it needs the card in front of it.
        derivedProfile.roleRights = { { kioskRole, {}, true, false, false, false, false }, { userRole, {}, false, true, true, false, false } };
        for (const CredentialProfile& p : { mobile, validated, vscProfile, derivedProfile }) {
            if (auto id = profiles.saveProfile(nullptr, p); !id)
                return id.error();
        }

        Person demo;
        demo.logonName = QString::fromLatin1(kOperatorLogon);
        demo.fullName = QStringLiteral("Dana Demo");
        demo.email = QStringLiteral("dana.demo@example.test");
        demo.group = QStringLiteral("Service Desk");
        demo.userPrincipalName = QStringLiteral("demo@corp.example.test");
        auto d = people.createPerson(demo, QString::fromLatin1(kOperatorPassword));
        if (!d)
            return d.error();
        demoOperator = *d;
        Person val2;
        val2.logonName = QString::fromLatin1(kValidatorLogon);
        val2.fullName = QStringLiteral("Victor Validator");
        val2.email = QStringLiteral("victor.validator@example.test");
        val2.group = QStringLiteral("Security");
        auto v = people.createPerson(val2, QString::fromLatin1(kOperatorPassword));
        if (!v)
            return v.error();
        validator = *v;
        Person kioskAccount;
        kioskAccount.logonName = QString::fromLatin1(kKioskLogon);
        kioskAccount.fullName = QStringLiteral("Lobby Kiosk");
        kioskAccount.group = QStringLiteral("Kiosks");
        auto k = people.createPerson(kioskAccount, QString::fromLatin1(kOperatorPassword));
        if (!k)
            return k.error();
        kiosk = *k;
        for (const auto& [person, r] : { std::pair { demoOperator, operatorRole }, std::pair { demoOperator, adminRole },
                 std::pair { demoOperator, userRole }, std::pair { validator, validatorRole }, std::pair { validator, userRole },
                 std::pair { kiosk, kioskRole } }) {
            if (auto a = people.assignRole(person, r); !a)
                return a.error();
        }
        if (auto r = tx.commit(); !r)
            return r.error();
    }

    // People in batches: one transaction per batch keeps memory flat for a million rows.
    std::mt19937 rng(options.seed);
    const int batch = 20000;
    QSqlQuery insertPerson(m_db);
    insertPerson.prepare(QStringLiteral("INSERT INTO people (logon_name, full_name, full_name_key, email, mobile, upn, group_name) VALUES (?,?,?,?,?,?,?) RETURNING id"));
    QSqlQuery insertRole(m_db);
    insertRole.prepare(QStringLiteral("INSERT INTO person_roles (person_id, role_id) VALUES (?, ?)"));
    QList<qint64> firstPeople;
    for (int start = 0; start < options.people; start += batch) {
        Transaction tx(m_db, m_ctx.dialect());
        if (auto r = tx.begin(); !r)
            return r.error();
        const int end = qMin(options.people, start + batch);
        for (int i = start; i < end; ++i) {
            const QString first = QString::fromUtf8(kFirstNames[rng() % count(kFirstNames)]);
            const QString last = QString::fromUtf8(kLastNames[rng() % count(kLastNames)]);
            const QString group = QString::fromLatin1(kGroups[rng() % count(kGroups)]);
            QString ascii = last.toLower();
            ascii.replace(QStringLiteral("ü"), QStringLiteral("u")).replace(QStringLiteral("í"), QStringLiteral("i")).remove(QLatin1Char('\''));
            const QString logon = QStringLiteral("%1%2%3").arg(first.left(1).toLower(), ascii).arg(i + 1);
            const QString fullName = first + QLatin1Char(' ') + last;
            // Every tenth person has no mobile number and every twenty-fifth no email, as in real directories.
            const QString mobile = i % 10 == 9 ? QStringLiteral("") : QStringLiteral("+44 7700 9%1").arg(rng() % 100000, 5, 10, QLatin1Char('0'));
            const QString email = i % 25 == 24 ? QStringLiteral("") : QStringLiteral("%1.%2.%3@example.test").arg(first.toLower(), ascii).arg(i + 1);
            const QVariantList values { logon, fullName, PeopleService::nameKey(fullName), email, mobile, logon + QStringLiteral("@corp.example.test"), group };
            for (int v = 0; v < values.size(); ++v)
                insertPerson.bindValue(v, values.at(v));
            if (!insertPerson.exec() || !insertPerson.next())
                return sqlError(insertPerson.lastError(), QStringLiteral("inserting demo people"));
            const qint64 id = SqlRow(insertPerson).value("id").toLongLong();
            insertPerson.finish();
            insertRole.bindValue(0, id);
            insertRole.bindValue(1, userRole);
            if (!insertRole.exec())
                return sqlError(insertRole.lastError(), QStringLiteral("assigning demo roles"));
            if (firstPeople.size() < options.issuedDevices + 10)
                firstPeople << id;
        }
        if (auto r = tx.commit(); !r)
            return r.error();
        if (options.progress)
            options.progress(end, options.people);
    }
    summary.people = options.people + 2;

    // Devices issued the way a phone would collect them, so certificates, jobs and audit agree.
    auto ac = AccessControl::load(m_db, demoOperator);
    if (!ac)
        return ac.error();
    auto mobileProfiles = profiles.requestable(ac->roleIds(), firstPeople.isEmpty() ? 0 : firstPeople.constFirst());
    if (!mobileProfiles)
        return mobileProfiles.error();
    qint64 mobileProfile = 0;
    for (const CredentialProfile& p : *mobileProfiles) {
        if (p.name == QLatin1String("Mobile Identity"))
            mobileProfile = p.id;
    }
    RequestService requests(m_ctx, m_db);
    const int devices = qMin(options.issuedDevices, int(firstPeople.size()));
    for (int i = 0; i < devices + 3 && i < firstPeople.size(); ++i) {
        auto issued = requests.request(*ac, firstPeople.at(i), mobileProfile, true);
        if (!issued)
            return issued.error();
        if (i >= devices) {
            ++summary.pendingRequests; // left for the operator to see in the requests list
            continue;
        }
        CollectionStart start { issued->job.collectionToken, issued->code, {} };
        start.device.hardwareSerial = QStringLiteral("PHONE-%1").arg(i + 1, 5, 10, QLatin1Char('0'));
        start.device.platform = i % 2 ? QStringLiteral("Android") : QStringLiteral("iOS");
        start.device.model = i % 2 ? QStringLiteral("Pixel 8") : QStringLiteral("iPhone 15");
        CollectionService collection(m_ctx, m_db);
        auto session = collection.start(start);
        if (!session)
            return session.error();
        CollectionSubmission submission;
        submission.sessionId = session->id;
        for (int c = 0; c < session->certificates.size(); ++c) {
            auto key = PrivateKey::generate(KeyAlgorithm::EcP256);
            if (!key)
                return key.error();
            auto csr = CertificateRequest::create(*key, QStringLiteral("demo"));
            if (!csr)
                return csr.error();
            submission.requests << *csr;
        }
        if (auto b = collection.submit(submission); !b)
            return b.error();
        if (auto d = collection.confirm(session->id); !d)
            return d.error();
        ++summary.devices;
    }
    summary.operatorLogon = QString::fromLatin1(kOperatorLogon);
    summary.operatorPassword = QString::fromLatin1(kOperatorPassword);
    return summary;
}

} // namespace lanyard
