#pragma once

#include "cards/Chuid.h"
#include "pki/CertificateAuthority.h"

#include <QProcess>
#include <QString>

namespace lanyard::test {

// The test's own pcscd (run the test under with-pcsc-namespace.sh so it cannot meet the
// machine's). Started in the foreground and waited for by polling until its virtual readers
// are listed; stopped by its PID. It never touches a pcscd it did not start.
class PcscDaemon {
public:
    static constexpr const char* kReader0 = "Virtual PCD 00 00";
    static constexpr const char* kReader1 = "Virtual PCD 00 01";

    explicit PcscDaemon(QString logFile);
    ~PcscDaemon();
    QString start(); // the error text, or empty
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

private:
    QString m_log;
    QProcess m_process;
};

// A PIV card issued by a throwaway test CA, as files a virtual card process can load.
struct TestPivCard {
    QString configPath;
    Certificate certificate; // PIV Authentication (9A)
    Chuid chuid;
    QString statePath;
};

// A test CA that makes PIV cards and CRLs for them.
class TestCardIssuer {
public:
    explicit TestCardIssuer(QString dir, const QString& name = QStringLiteral("Lanyard Test PIV CA"));
    const CertificateAuthority& ca() const { return m_ca; }
    QString caPem() const; // path of the CA certificate
    // A CA below this one, with its certificate in `<stem>.pem`: cards issued by an
    // intermediate, as organisations have them.
    TestCardIssuer intermediate(const QString& stem, const QString& name) const;
    // A FASC-N with this 10-digit person identifier (agency 9999), as a CHUID and a
    // certificate carry it.
    static Fascn fascnFor(const QString& personIdentifier);
    // The CHUID's bytes with its issuer signature (tag 3E), made by this CA's PIV content
    // signer (extended key usage id-PIV-content-signing).
    QByteArray signedChuid(Chuid chuid) const;
    // A card whose 9A key is `alg`, for `upn`, with the FASC-N of `personIdentifier` and a
    // random card UUID in its certificate and in its CHUID, which this CA's content signer signs.
    // `validFrom`/`validDays` let a test make an expired certificate.
    TestPivCard makeCard(const QString& name, KeyAlgorithm alg, const QString& upn, const QString& personIdentifier,
        QDateTime validFrom = {}, int validDays = 365, const QStringList& corruptTags = {}) const;
    // A card straight from the factory: no keys or certificates, default PIN, PUK and
    // management key (what Lanyard issues a virtual smart card onto).
    TestPivCard blankCard(const QString& name) const;
    // Writes a CRL listing these certificates; returns its path.
    QString writeCrl(const QList<Certificate>& revoked, const QString& fileName = QStringLiteral("piv-ca.crl"), int nextUpdateDays = 7) const;

private:
    TestCardIssuer(QString dir, QString stem, CertificateAuthority ca);
    void makeSigner();
    QString m_dir;
    QString m_stem = QStringLiteral("piv-ca");
    CertificateAuthority m_ca;
    Certificate m_signer;
    PrivateKey m_signerKey;
};

// One run of lanyard-virtual-piv: the card is in the reader while the process runs.
class VirtualCardProcess {
public:
    VirtualCardProcess() = default;
    ~VirtualCardProcess();
    // Starts the card in reader 0 (port 35963) or 1 (35964) and waits until pcscd reports it.
    QString insert(const TestPivCard& card, int readerIndex = 0);
    void remove(); // kills the process; waits until the reader is empty
    bool isInserted() const { return m_process.state() != QProcess::NotRunning; }

    static bool waitForCard(const QString& reader, bool present, int timeoutMs = 10000);

private:
    QProcess m_process;
    QString m_reader;
};

} // namespace lanyard::test
