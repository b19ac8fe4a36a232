#include "engine/DeviceLifecycle.h"

#include <QTest>

using namespace lanyard;

using S = DeviceState;
using O = DeviceOperation;

class TestDeviceLifecycle : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Every (state, operation) pair: the allowed ones with their effect, the rest refused.
    void everyTransition()
    {
        struct Expect {
            S from;
            O op;
            S to;
            CertificateAction certs;
            RevocationReason reason;
        };
        const QList<Expect> allowed {
            { S::Active, O::Disable, S::Disabled, CertificateAction::Hold, RevocationReason::Unspecified },
            { S::Disabled, O::Enable, S::Active, CertificateAction::Release, RevocationReason::Unspecified },
            { S::Active, O::ReplaceForgotten, S::Suspended, CertificateAction::Hold, RevocationReason::Unspecified },
            { S::Suspended, O::Reinstate, S::Active, CertificateAction::Release, RevocationReason::Unspecified },
            { S::Active, O::Cancel, S::Canceled, CertificateAction::Revoke, RevocationReason::CessationOfOperation },
            { S::Disabled, O::Cancel, S::Canceled, CertificateAction::Revoke, RevocationReason::CessationOfOperation },
            { S::Suspended, O::Cancel, S::Canceled, CertificateAction::Revoke, RevocationReason::CessationOfOperation },
            { S::Active, O::ReplaceLost, S::Canceled, CertificateAction::Revoke, RevocationReason::KeyCompromise },
            { S::Disabled, O::ReplaceLost, S::Canceled, CertificateAction::Revoke, RevocationReason::KeyCompromise },
            { S::Suspended, O::ReplaceLost, S::Canceled, CertificateAction::Revoke, RevocationReason::KeyCompromise },
            { S::Active, O::ReplaceStolen, S::Canceled, CertificateAction::Revoke, RevocationReason::KeyCompromise },
            { S::Disabled, O::ReplaceStolen, S::Canceled, CertificateAction::Revoke, RevocationReason::KeyCompromise },
            { S::Suspended, O::ReplaceStolen, S::Canceled, CertificateAction::Revoke, RevocationReason::KeyCompromise },
            { S::Active, O::ReplaceDamaged, S::Canceled, CertificateAction::Revoke, RevocationReason::CessationOfOperation },
            { S::Disabled, O::ReplaceDamaged, S::Canceled, CertificateAction::Revoke, RevocationReason::CessationOfOperation },
            { S::Suspended, O::ReplaceDamaged, S::Canceled, CertificateAction::Revoke, RevocationReason::CessationOfOperation },
        };
        int checkedAllowed = 0, checkedRefused = 0;
        for (S from : { S::Active, S::Disabled, S::Suspended, S::Canceled }) {
            for (O op : { O::Disable, O::Enable, O::ReplaceForgotten, O::Reinstate, O::Cancel, O::ReplaceLost, O::ReplaceStolen, O::ReplaceDamaged }) {
                auto it = std::find_if(allowed.cbegin(), allowed.cend(), [&](const Expect& e) { return e.from == from && e.op == op; });
                auto t = DeviceLifecycle::apply(from, op);
                const QByteArray what = (deviceStateId(from) + QLatin1Char(' ') + deviceOperationId(op)).toLatin1();
                if (it == allowed.cend()) {
                    QVERIFY2(!t.ok(), what.constData());
                    QCOMPARE(t.error().code, ErrorCode::InvalidTransition);
                    QCOMPARE(t.error().args.value(QStringLiteral("state")).toString(), deviceStateId(from));
                    ++checkedRefused;
                } else {
                    QVERIFY2(t.ok(), what.constData());
                    QCOMPARE(t->to, it->to);
                    QCOMPARE(t->certificates, it->certs);
                    if (it->certs == CertificateAction::Revoke)
                        QCOMPARE(t->revocationReason, it->reason);
                    ++checkedAllowed;
                }
            }
        }
        QCOMPARE(checkedAllowed, 16);
        QCOMPARE(checkedRefused, 16);
    }

    void sideEffects()
    {
        QVERIFY(DeviceLifecycle::apply(S::Active, O::ReplaceForgotten)->createsTemporaryReplacementJob);
        QVERIFY(DeviceLifecycle::apply(S::Suspended, O::Reinstate)->cancelsTemporaryReplacement);
        QVERIFY(DeviceLifecycle::apply(S::Active, O::ReplaceLost)->createsReplacementJob);
        QVERIFY(!DeviceLifecycle::apply(S::Active, O::Cancel)->createsReplacementJob);
        QVERIFY(DeviceLifecycle::apply(S::Suspended, O::Cancel)->cancelsTemporaryReplacement);
    }

    void cancelTakesTheChosenReason()
    {
        QCOMPARE(DeviceLifecycle::apply(S::Active, O::Cancel, RevocationReason::Superseded)->revocationReason, RevocationReason::Superseded);
        QCOMPARE(DeviceLifecycle::apply(S::Active, O::Cancel, RevocationReason::KeyCompromise)->revocationReason, RevocationReason::KeyCompromise);
        QVERIFY(!DeviceLifecycle::apply(S::Active, O::Cancel, RevocationReason::CertificateHold).ok());
    }

    void idsRoundTrip()
    {
        for (S s : { S::Active, S::Disabled, S::Suspended, S::Canceled }) {
            S back;
            QVERIFY(deviceStateFromId(deviceStateId(s), &back));
            QCOMPARE(back, s);
        }
        S dummy;
        QVERIFY(!deviceStateFromId(QStringLiteral("exploded"), &dummy));
    }
};

QTEST_GUILESS_MAIN(TestDeviceLifecycle)
#include "tst_DeviceLifecycle.moc"
