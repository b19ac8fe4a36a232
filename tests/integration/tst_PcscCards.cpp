// The card layer through the real pcscd with the virtual PIV card in a vpcd reader: reader
// hot-plug, pcscd stopping and coming back, a card reset by another program, and OpenSC's
// own tools reading and signing with the same card (so the virtual card behaves like one).
// Runs under with-pcsc-namespace.sh: the pcscd here is the test's own.
#include "PcscHarness.h"
#include "TestSupport.h"
#include "cards/CardAccess.h"
#include "cards/PcscContext.h"
#include "cards/PivSigner.h"
#include "cards/ReaderMonitor.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

namespace {
const QString kReader = QString::fromLatin1(PcscDaemon::kReader0);
const QString kPkcs11Module = QStringLiteral("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so");

const ReaderState* findReader(const QList<ReaderState>& readers, const QString& name)
{
    for (const ReaderState& r : readers) {
        if (r.name == name)
            return &r;
    }
    return nullptr;
}
// A running reader monitor and the last thing it said.
struct MonitorProbe {
    ReaderMonitor monitor;
    QList<ReaderState> picture;
    int available = -1;
    MonitorProbe()
    {
        QObject::connect(&monitor, &ReaderMonitor::readersChanged, &monitor, [this](const QList<ReaderState>& r) { picture = r; });
        QObject::connect(&monitor, &ReaderMonitor::serviceAvailableChanged, &monitor, [this](bool a) { available = a; });
        monitor.start();
    }
};
} // namespace

class TestPcscCards : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PcscDaemon> m_daemon;
    std::unique_ptr<TestCardIssuer> m_issuer;
    TestPivCard m_rsaCard;
    TestPivCard m_ecCard;
    QThreadPool m_pool;

    QString file(const QString& name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_daemon = std::make_unique<PcscDaemon>(file(QStringLiteral("pcscd.log")));
        const QString started = m_daemon->start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_issuer = std::make_unique<TestCardIssuer>(m_dir.path());
        m_rsaCard = m_issuer->makeCard(QStringLiteral("rsa"), KeyAlgorithm::Rsa2048, QStringLiteral("ada@example.org"), QStringLiteral("0000012345"));
        m_ecCard = m_issuer->makeCard(QStringLiteral("ec"), KeyAlgorithm::EcP256, QStringLiteral("bob@example.org"), QStringLiteral("0000067890"));
    }

    void cleanupTestCase()
    {
        m_daemon->stop();
    }

    void monitorSeesCardsComeAndGo()
    {
        MonitorProbe probe;
        const QList<ReaderState>& picture = probe.picture;
        const int& available = probe.available;
        QTRY_COMPARE_WITH_TIMEOUT(available, 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(findReader(picture, kReader) && findReader(picture, QLatin1String(PcscDaemon::kReader1)), 5000);
        QVERIFY(!findReader(picture, kReader)->cardPresent);

        VirtualCardProcess card;
        const QString inserted = card.insert(m_ecCard);
        QVERIFY2(inserted.isEmpty(), qPrintable(inserted));
        QTRY_VERIFY_WITH_TIMEOUT(findReader(picture, kReader) && findReader(picture, kReader)->cardPresent, 5000);
        QCOMPARE(findReader(picture, kReader)->atr, QByteArray::fromHex("3B8B0180F9A0000003080000100048"));
        QVERIFY(!findReader(picture, QLatin1String(PcscDaemon::kReader1))->cardPresent);

        card.remove();
        QTRY_VERIFY_WITH_TIMEOUT(findReader(picture, kReader) && !findReader(picture, kReader)->cardPresent, 5000);
    }

    void pivCommandsThroughPcscd()
    {
        VirtualCardProcess card;
        const QString inserted = card.insert(m_rsaCard);
        QVERIFY2(inserted.isEmpty(), qPrintable(inserted));
        CardAccess access(&m_pool);

        auto der = await(access.run<QByteArray>(kReader, [](PivClient& piv) { return piv.readCertificate(PivSlot::Authentication); }));
        QVERIFY2(der.ok(), der.ok() ? "" : qPrintable(der.error().toLogString()));
        QCOMPARE(*der, m_rsaCard.certificate.toDer());

        auto chuid = await(access.run<Chuid>(kReader, [](PivClient& piv) { return piv.readChuid(); }));
        QVERIFY(chuid.ok());
        QCOMPARE(chuid->guid, m_rsaCard.chuid.guid);
        QCOMPARE(chuid->fascn.personIdentifier, QStringLiteral("0000012345"));

        auto wrong = await(access.run<void>(kReader, [](PivClient& piv) { return piv.verifyPin(QStringLiteral("999999")); }));
        QCOMPARE(wrong.error().code, ErrorCode::WrongPin);
        QCOMPARE(wrong.error().args.value(QStringLiteral("triesLeft")).toInt(), 2);

        const QByteArray challenge("fresh challenge");
        auto signature = await(access.run<QByteArray>(
            kReader,
            [&challenge](PivClient& piv) -> Result<QByteArray> {
                if (auto v = piv.verifyPin(QStringLiteral("123456")); !v)
                    return v.error();
                return PivSigner::sign(piv, PivSlot::Authentication, KeyAlgorithm::Rsa2048, challenge);
            },
            true));
        QVERIFY2(signature.ok(), signature.ok() ? "" : qPrintable(signature.error().toLogString()));
        QVERIFY(m_rsaCard.certificate.verifySignature(challenge, *signature).ok());

        // The work was told to reset the card afterwards: the PIN is no longer verified.
        auto status = await(access.run<PinStatus>(kReader, [](PivClient& piv) { return piv.pinStatus(); }));
        QVERIFY(status.ok());
        QVERIFY(!status->verified);
        QCOMPARE(status->triesLeft, 3);

        card.remove();
        auto gone = await(access.run<QByteArray>(kReader, [](PivClient& piv) { return piv.readCertificate(PivSlot::Authentication); }));
        QCOMPARE(gone.error().code, ErrorCode::NoCard);
    }

    void transactionSurvivesAResetByAnotherProgram()
    {
        VirtualCardProcess card;
        QVERIFY(card.insert(m_ecCard).isEmpty());
        auto context = PcscContext::establish();
        QVERIFY(context.ok());
        auto mine = context->connect(kReader);
        QVERIFY(mine.ok());
        QVERIFY(mine->transaction<void>([](ApduTransport& t) { return PivClient(t).select(); }).ok());
        {
            // Another program resets the card when it lets go.
            auto other = PcscContext::establish();
            auto theirs = other->connect(kReader);
            QVERIFY(theirs.ok());
            theirs->resetOnClose();
        }
        auto after = mine->transaction<Chuid>([](ApduTransport& t) -> Result<Chuid> {
            PivClient piv(t);
            if (auto s = piv.select(); !s)
                return s.error();
            return piv.readChuid();
        });
        QVERIFY2(after.ok(), after.ok() ? "" : qPrintable(after.error().toLogString()));
        QCOMPARE(after->guid, m_ecCard.chuid.guid);
    }

    void openscReadsAndSignsWithTheVirtualCard_data()
    {
        QTest::addColumn<bool>("rsa");
        QTest::newRow("RSA-2048") << true;
        QTest::newRow("P-256") << false;
    }
    void openscReadsAndSignsWithTheVirtualCard()
    {
        QFETCH(bool, rsa);
        const TestPivCard& piv = rsa ? m_rsaCard : m_ecCard;
        VirtualCardProcess card;
        QVERIFY(card.insert(piv).isEmpty());

        auto list = run(QStringLiteral("pkcs15-tool"), { QStringLiteral("--list-certificates") });
        QVERIFY2(list.exitCode == 0, list.err.constData());
        QVERIFY2(list.out.contains("PIV AUTH") || list.out.contains("Certificate for PIV Authentication"), list.out.constData());

        auto read = run(QStringLiteral("pkcs15-tool"), { QStringLiteral("--read-certificate"), QStringLiteral("01") });
        QVERIFY2(read.exitCode == 0, read.err.constData());
        auto readBack = Certificate::fromPem(read.out);
        QVERIFY2(readBack.ok(), read.out.constData());
        QCOMPARE(readBack->toDer(), piv.certificate.toDer());

        const QString input = file(QStringLiteral("to-sign.bin"));
        const QString output = file(QStringLiteral("signature.bin"));
        const QByteArray message("signed through OpenSC's PKCS#11 module");
        QFile in(input);
        QVERIFY(in.open(QIODevice::WriteOnly));
        in.write(message);
        in.close();
        QStringList args { QStringLiteral("--module"), kPkcs11Module, QStringLiteral("--login"), QStringLiteral("--pin"), QStringLiteral("123456"),
            QStringLiteral("--sign"), QStringLiteral("--id"), QStringLiteral("01"), QStringLiteral("-i"), input, QStringLiteral("-o"), output };
        if (rsa)
            args << QStringLiteral("--mechanism") << QStringLiteral("SHA256-RSA-PKCS");
        else
            args << QStringLiteral("--mechanism") << QStringLiteral("ECDSA-SHA256") << QStringLiteral("--signature-format") << QStringLiteral("openssl");
        auto sign = run(QStringLiteral("pkcs11-tool"), args);
        QVERIFY2(sign.exitCode == 0, (sign.out + sign.err).constData());
        QFile out(output);
        QVERIFY(out.open(QIODevice::ReadOnly));
        const auto verified = piv.certificate.verifySignature(message, out.readAll());
        QVERIFY2(verified.ok(), verified.ok() ? "" : qPrintable(verified.error().detail));
    }

    // Last: it stops and restarts the test's pcscd.
    void survivesPcscdRestart()
    {
        MonitorProbe probe;
        const QList<ReaderState>& picture = probe.picture;
        const int& available = probe.available;
        VirtualCardProcess card;
        QVERIFY(card.insert(m_ecCard).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(available == 1 && findReader(picture, kReader) && findReader(picture, kReader)->cardPresent, 5000);

        m_daemon->stop();
        QTRY_COMPARE_WITH_TIMEOUT(available, 0, 5000);
        QVERIFY(picture.isEmpty());
        auto none = PcscContext::establish();
        QCOMPARE(none.error().code, ErrorCode::PcscUnavailable);
        CardAccess access(&m_pool);
        auto refused = await(access.run<QByteArray>(kReader, [](PivClient& piv) { return piv.readCertificate(PivSlot::Authentication); }));
        QCOMPARE(refused.error().code, ErrorCode::PcscUnavailable);

        // pcscd comes back; the card (still running) reconnects to vpcd; the monitor notices.
        const QString started = m_daemon->start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QTRY_COMPARE_WITH_TIMEOUT(available, 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(findReader(picture, kReader) && findReader(picture, kReader)->cardPresent, 10000);
        QVERIFY(VirtualCardProcess::waitForCard(kReader, true));
        auto again = await(access.run<Chuid>(kReader, [](PivClient& piv) { return piv.readChuid(); }));
        QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().toLogString()));
    }
};

QTEST_GUILESS_MAIN(TestPcscCards)
#include "tst_PcscCards.moc"
