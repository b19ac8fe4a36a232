#include "TestSupport.h"
#include "cards/Fascn.h"

#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

namespace {
const QString kFascnDigits = QStringLiteral("70999100000001110000000000013319");
const QString kCardUuid = QStringLiteral("3f1c2a5e-9b7d-4e21-8c36-0a1b2c3d4e5f");
} // namespace

// Certificate policies as the engine keeps them (Edit Certificate Policies): versions that
// issued certificates keep, the rules a policy must follow in this engine, the subject
// alternative names drawn from the person's record, and who may see which example.
class TestEngineCertificatePolicies : public QObject {
    Q_OBJECT

    EngineFixture m_fx;
    OperatorSession m_admin;

    CertificatePolicy policyNamed(const QString& name)
    {
        auto policies = await(m_fx.engine().certificatePolicies(m_admin));
        for (const CertificatePolicy& p : *policies) {
            if (p.name == name)
                return p;
        }
        qFatal("no policy %s", qPrintable(name));
    }

    qint64 personOutside(const QString& group, const QList<qint64>& notThese = {})
    {
        QStringList ids { QStringLiteral("0") };
        for (qint64 id : notThese)
            ids << QString::number(id);
        return m_fx
            .scalar(QStringLiteral("SELECT MIN(id) FROM people WHERE group_name <> ? AND logon_name NOT IN ('demo', 'validator', 'kiosk') "
                                   "AND email <> '' AND id NOT IN (%1)")
                        .arg(ids.join(QLatin1Char(','))),
                { group })
            .toLongLong();
    }

    CertificateRecord certificateUnder(qint64 deviceId, const QString& policyName)
    {
        auto certs = await(m_fx.engine().certificatesOf(m_admin, deviceId));
        for (const CertificateRecord& c : *certs) {
            if (c.policyName == policyName)
                return c;
        }
        qFatal("device %lld has no certificate under %s", deviceId, qPrintable(policyName));
    }

    Device issueMobileIdentity(qint64 personId)
    {
        auto r = await(m_fx.engine().requestCredential(m_admin, personId, m_fx.profileIdByName(QStringLiteral("Mobile Identity")), true));
        if (!r)
            qFatal("request failed: %s", qPrintable(r.error().toLogString()));
        return m_fx.collect(*r);
    }

    static QString problemOf(const Result<qint64>& r) { return r.ok() ? QString() : r.error().args.value(QStringLiteral("problem")).toString(); }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx.open();
        m_fx.seedDemo(16, 0);
        m_admin = m_fx.demoOperator();
        m_fx.createOperator(QStringLiteral("profiler"), QStringLiteral("Sales"), Scope::All, { Workflow::FindPerson, Workflow::EditCredentialProfiles });
        m_fx.createOperator(QStringLiteral("groupeditor"), QStringLiteral("Sales"), Scope::Group, { Workflow::FindPerson, Workflow::EditCertificatePolicies });
    }

    void aSavedPolicyIsANewVersionAndCertificatesKeepTheirs()
    {
        const qint64 first = personOutside(QStringLiteral("-"));
        const Device before = issueMobileIdentity(first);
        const CertificateRecord old = certificateUnder(before.id, QStringLiteral("Mobile Authentication"));
        QCOMPARE(old.policyVersion, 1);
        QCOMPARE(old.notBefore.daysTo(old.notAfter), 365);

        CertificatePolicy auth = policyNamed(QStringLiteral("Mobile Authentication"));
        QCOMPARE(auth.version, 1);
        auth.validityDays = 200;
        auto saved = await(m_fx.engine().saveCertificatePolicy(m_admin, auth));
        QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().toLogString()));
        QCOMPARE(*saved, auth.id); // the same policy; profiles keep pointing at it

        auto versions = await(m_fx.engine().certificatePolicyVersions(m_admin, auth.id));
        QVERIFY(versions.ok());
        QCOMPARE(versions->size(), 2);
        QCOMPARE(versions->at(0).version, 2);
        QVERIFY(versions->at(0).isCurrent);
        QCOMPARE(versions->at(0).validityDays, 200);
        QCOMPARE(versions->at(0).createdAt, m_fx.now());
        QCOMPARE(versions->at(1).version, 1);
        QVERIFY(!versions->at(1).isCurrent);
        QCOMPARE(versions->at(1).validityDays, 365);
        QCOMPARE(policyNamed(QStringLiteral("Mobile Authentication")).validityDays, 200);

        // The certificate issued before still names version 1; a new one is issued under 2.
        QCOMPARE(certificateUnder(before.id, QStringLiteral("Mobile Authentication")).policyVersion, 1);
        const Device after = issueMobileIdentity(personOutside(QStringLiteral("-"), { first }));
        const CertificateRecord fresh = certificateUnder(after.id, QStringLiteral("Mobile Authentication"));
        QCOMPARE(fresh.policyVersion, 2);
        QCOMPARE(fresh.notBefore.daysTo(fresh.notAfter), 200);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE workflow = 'edit-certificate-policies' AND details = 'version 2' "
                                            "AND target_label = 'Mobile Authentication'"))
                     .toInt(),
            1);
    }

    void aStaleEditOrATakenNameIsRefused()
    {
        const CertificatePolicy opened = policyNamed(QStringLiteral("Mobile Signing"));
        CertificatePolicy first = opened;
        first.validityDays = 300;
        QVERIFY(await(m_fx.engine().saveCertificatePolicy(m_admin, first)).ok());
        CertificatePolicy second = opened; // still says the version it was opened at
        second.validityDays = 100;
        auto stale = await(m_fx.engine().saveCertificatePolicy(m_admin, second));
        QCOMPARE(stale.error().code, ErrorCode::Conflict);
        QCOMPARE(problemOf(stale), QStringLiteral("policy-stale"));
        QCOMPARE(policyNamed(QStringLiteral("Mobile Signing")).validityDays, 300);

        CertificatePolicy renamed = policyNamed(QStringLiteral("Mobile Signing"));
        renamed.name = QStringLiteral("VSC Logon");
        QCOMPARE(problemOf(await(m_fx.engine().saveCertificatePolicy(m_admin, renamed))), QStringLiteral("policy-name-taken"));
        CertificatePolicy twin;
        twin.name = QStringLiteral(" Mobile Signing ");
        QCOMPARE(problemOf(await(m_fx.engine().saveCertificatePolicy(m_admin, twin))), QStringLiteral("policy-name-taken"));

        CertificatePolicy content;
        content.name = QStringLiteral("Content Signing");
        content.keyUsage = QStringLiteral("digitalSignature");
        content.extendedKeyUsage = QStringLiteral("2.16.840.1.101.3.6.7");
        auto made = await(m_fx.engine().saveCertificatePolicy(m_admin, content));
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().toLogString()));
        const CertificatePolicy listed = policyNamed(QStringLiteral("Content Signing"));
        QCOMPARE(listed.id, *made);
        QCOMPARE(listed.version, 1);
        QCOMPARE(listed.extendedKeyUsage, content.extendedKeyUsage);
    }

    void policyRulesAreEnforced_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::newRow("no name") << QStringLiteral("policy-name");
        QTest::newRow("no algorithm") << QStringLiteral("policy-algorithms");
        QTest::newRow("no validity") << QStringLiteral("policy-validity");
        QTest::newRow("archived signing key") << QStringLiteral("archive-not-encipherment");
        QTest::newRow("a key the card cannot make") << QStringLiteral("algorithm-not-made");
        QTest::newRow("an archived key for a card") << QStringLiteral("archive-on-card");
    }

    // Each on "VSC Logon", which the Virtual Smart Card profile issues.
    void policyRulesAreEnforced()
    {
        QFETCH(QString, problem);
        const CertificatePolicy before = policyNamed(QStringLiteral("VSC Logon"));
        CertificatePolicy p = before;
        if (problem == QLatin1String("policy-name"))
            p.name = QStringLiteral("  ");
        else if (problem == QLatin1String("policy-algorithms"))
            p.keyAlgorithms.clear();
        else if (problem == QLatin1String("policy-validity"))
            p.validityDays = 0;
        else if (problem == QLatin1String("archive-not-encipherment"))
            p.archiveKeys = true;
        else if (problem == QLatin1String("algorithm-not-made"))
            p.keyAlgorithms = { KeyAlgorithm::Rsa3072 };
        else if (problem == QLatin1String("archive-on-card")) {
            p.archiveKeys = true;
            p.keyUsage = QStringLiteral("keyEncipherment");
        }
        auto r = await(m_fx.engine().saveCertificatePolicy(m_admin, p));
        QCOMPARE(problemOf(r), problem);
        QCOMPARE(policyNamed(QStringLiteral("VSC Logon")).version, before.version);
    }

    void unknownUsagesAreRefused()
    {
        for (const auto& [ku, eku] : { std::pair { QStringLiteral("digitalSignature,signEverything"), QStringLiteral("clientAuth") },
                 std::pair { QStringLiteral("digitalSignature"), QStringLiteral("clientAuth,1.2.x") }, std::pair { QString(), QStringLiteral("clientAuth") } }) {
            CertificatePolicy p = policyNamed(QStringLiteral("VSC Logon"));
            p.keyUsage = ku;
            p.extendedKeyUsage = eku;
            auto r = await(m_fx.engine().saveCertificatePolicy(m_admin, p));
            QVERIFY2(!r.ok(), qPrintable(ku + QLatin1Char(' ') + eku));
            QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        }
        CertificatePolicy p = policyNamed(QStringLiteral("VSC Logon"));
        p.dnTemplate = QStringLiteral("CN=[[People.Salary]]");
        QVERIFY(!await(m_fx.engine().saveCertificatePolicy(m_admin, p)).ok());
    }

    void aProfileCannotTakeAPolicyItsCardCannotIssue()
    {
        CertificatePolicy wide;
        wide.name = QStringLiteral("RSA 3072 only");
        wide.keyAlgorithms = { KeyAlgorithm::Rsa3072 };
        auto id = await(m_fx.engine().saveCertificatePolicy(m_admin, wide));
        QVERIFY(id.ok());
        auto profiles = await(m_fx.engine().credentialProfiles(m_admin));
        for (const CredentialProfile& profile : *profiles) {
            if (profile.name != QLatin1String("Virtual Smart Card"))
                continue;
            CredentialProfile p = profile;
            p.policies.append(ProfilePolicy { *id, {}, KeyRecovery::IssueNew });
            auto r = await(m_fx.engine().saveCredentialProfile(m_admin, p));
            QCOMPARE(problemOf(r), QStringLiteral("algorithm-not-made"));
        }
    }

    void cardIdentifiersAreNamedAndRequiredWhenThePolicyAsks()
    {
        const qint64 person = personOutside(QStringLiteral("-"), { m_fx.personIdByLogon(QStringLiteral("profiler")) });
        CertificatePolicy auth = policyNamed(QStringLiteral("Mobile Authentication"));
        auth.sanFascn = true;
        auth.sanCardUuid = true;

        // The example shows the policy as typed, before it is saved.
        auto example = await(m_fx.engine().certificatePolicyExample(m_admin, auth, person));
        QVERIFY2(example.ok(), example.ok() ? "" : qPrintable(example.error().toLogString()));
        QCOMPARE(example->missing, QStringList({ QStringLiteral("fascn"), QStringLiteral("card-uuid") }));
        QVERIFY2(example->subject.startsWith(QStringLiteral("CN=")), qPrintable(example->subject));
        QVERIFY(example->alternativeNames.contains(QStringLiteral("UPN:") + m_fx.scalar(QStringLiteral("SELECT upn FROM people WHERE id = ?"), { person }).toString()));

        QVERIFY(await(m_fx.engine().saveCertificatePolicy(m_admin, auth)).ok());
        auto refused = await(m_fx.engine().requestCredential(m_admin, person, m_fx.profileIdByName(QStringLiteral("Mobile Identity")), true));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("san-value-missing"));
        QCOMPARE(refused.error().args.value(QStringLiteral("value")).toString(), QStringLiteral("fascn"));

        QVERIFY(await(m_fx.engine().setCardIdentifiers(m_admin, person, CardIdentifiers { kFascnDigits, kCardUuid.toUpper() })).ok());
        example = await(m_fx.engine().certificatePolicyExample(m_admin, policyNamed(QStringLiteral("Mobile Authentication")), person));
        QVERIFY(example.ok());
        QVERIFY(example->missing.isEmpty());
        QVERIFY2(example->alternativeNames.contains(QStringLiteral("FASC-N:") + kFascnDigits), qPrintable(example->alternativeNames.join(QLatin1Char(' '))));
        QVERIFY(example->alternativeNames.contains(QStringLiteral("URI:urn:uuid:") + kCardUuid));

        // The certificate carries both, as a relying party reads them.
        const Device device = issueMobileIdentity(person);
        const CertificateRecord cert = certificateUnder(device.id, QStringLiteral("Mobile Authentication"));
        const QByteArray encodedFascn = *Fascn::fromDigits(kFascnDigits)->encode();
        QVERIFY(cert.der.contains(encodedFascn));
        const ProcessOutput shown = run(QStringLiteral("openssl"), { QStringLiteral("x509"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-noout"),
                                                                  QStringLiteral("-ext"), QStringLiteral("subjectAltName") },
            cert.der);
        QVERIFY2(shown.out.contains("URI:urn:uuid:" + kCardUuid.toLatin1()), shown.out.constData());
        QVERIFY2(shown.out.contains("2.16.840.1.101.3.6.6"), shown.out.constData());

        // Back to what the other tests expect.
        CertificatePolicy plain = policyNamed(QStringLiteral("Mobile Authentication"));
        plain.sanFascn = false;
        plain.sanCardUuid = false;
        QVERIFY(await(m_fx.engine().saveCertificatePolicy(m_admin, plain)).ok());
    }

    void theEditorsAndTheExampleFollowTheOperatorsRights()
    {
        const OperatorSession profiler = m_fx.logon(QStringLiteral("profiler"));
        const CertificatePolicy auth = policyNamed(QStringLiteral("Mobile Authentication"));
        QVERIFY(await(m_fx.engine().certificatePolicies(profiler)).ok()); // the profile editor chooses among them
        QCOMPARE(await(m_fx.engine().certificatePolicyVersions(profiler, auth.id)).error().code, ErrorCode::PermissionDenied);
        CertificatePolicy changed = auth;
        changed.validityDays = 5;
        QCOMPARE(await(m_fx.engine().saveCertificatePolicy(profiler, changed)).error().code, ErrorCode::PermissionDenied);
        QCOMPARE(await(m_fx.engine().certificatePolicyExample(profiler, auth, m_fx.personIdByLogon(QStringLiteral("profiler")))).error().code,
            ErrorCode::PermissionDenied);
        QCOMPARE(policyNamed(QStringLiteral("Mobile Authentication")).version, auth.version);

        // A policy editor of one group sees examples for that group and themself only: the
        // example would otherwise read anyone's name, e-mail and card identifiers.
        const OperatorSession groupEditor = m_fx.logon(QStringLiteral("groupeditor"));
        QVERIFY(await(m_fx.engine().certificatePolicyExample(groupEditor, auth, groupEditor.personId)).ok());
        QVERIFY(await(m_fx.engine().certificatePolicyExample(groupEditor, auth, m_fx.personIdByLogon(QStringLiteral("profiler")))).ok());
        const qint64 stranger = personOutside(QStringLiteral("Sales"));
        QCOMPARE(await(m_fx.engine().certificatePolicyExample(groupEditor, auth, stranger)).error().code, ErrorCode::NotFound);
    }

    // Last: it moves the clock to a year before the CA ends.
    void aPolicyNeverOutlivesItsCa()
    {
        const qint64 moved = 19 * 365 * 86400LL;
        m_fx.advanceClock(moved);
        m_admin = m_fx.demoOperator();
        CertificatePolicy signing = policyNamed(QStringLiteral("Mobile Signing"));
        signing.validityDays = 400;
        auto r = await(m_fx.engine().saveCertificatePolicy(m_admin, signing));
        QCOMPARE(problemOf(r), QStringLiteral("policy-outlives-ca"));
        const int maximum = r.error().args.value(QStringLiteral("maximum")).toInt();
        QVERIFY2(maximum > 0 && maximum < 400, qPrintable(QString::number(maximum)));
        signing.validityDays = maximum;
        QVERIFY(await(m_fx.engine().saveCertificatePolicy(m_admin, signing)).ok());
        m_fx.advanceClock(-moved);
        m_admin = m_fx.demoOperator();
    }
};

QTEST_GUILESS_MAIN(TestEngineCertificatePolicies)
#include "tst_EngineCertificatePolicies.moc"
