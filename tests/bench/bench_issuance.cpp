// Certificates issued per second from PKCS#10 requests by the embedded CA (verify request,
// build subject, sign), next to the raw signing rate of the same CA key type from
// `openssl speed` in the same run. The ratio is the share of the raw signing rate we keep.

#include "TestSupport.h"
#include "pki/CertificateAuthority.h"
#include "pki/CertificateRequest.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTextStream>

using namespace lanyard;
using namespace lanyard::test;

namespace {

double opensslSignsPerSecond(KeyAlgorithm alg, int seconds)
{
    const QString algorithm = alg == KeyAlgorithm::EcP256 ? QStringLiteral("ecdsap256") : QStringLiteral("rsa2048");
    auto out = run(QStringLiteral("openssl"), { QStringLiteral("speed"), QStringLiteral("-seconds"), QString::number(seconds), QStringLiteral("-mr"), algorithm }, {}, 120000);
    // Machine-readable lines (OpenSSL 3): "+F4:<n>:256:<signs/s>:<verifies/s>" (ECDSA) or "+F2:<n>:2048:<signs/s>:<verifies/s>" (RSA).
    static const QRegularExpression re(QStringLiteral("^\\+F[24]:\\d+:\\d+:([0-9.eE+-]+):"), QRegularExpression::MultilineOption);
    const auto m = re.match(QString::fromLatin1(out.out));
    if (!m.hasMatch())
        return 0;
    return m.captured(1).toDouble();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const int count = quick ? 100 : 2000;
    QTextStream out(stdout);
    for (KeyAlgorithm caAlg : { KeyAlgorithm::EcP256, KeyAlgorithm::Rsa2048 }) {
        auto ca = CertificateAuthority::createRoot({ { QStringLiteral("CN"), QStringLiteral("Bench CA") } }, caAlg, 365);
        if (!ca)
            return 1;
        QList<QByteArray> requests;
        for (int i = 0; i < count; ++i)
            requests << makeCsr(KeyAlgorithm::EcP256, QStringLiteral("bench"));
        IssuanceParameters p;
        p.subject = { { QStringLiteral("CN"), QStringLiteral("Bench Person") }, { QStringLiteral("OU"), QStringLiteral("Finance") }, { QStringLiteral("O"), QStringLiteral("Lanyard") } };
        p.keyUsage = QStringLiteral("digitalSignature");
        p.extendedKeyUsage = QStringLiteral("clientAuth");
        p.sanEmails = { QStringLiteral("bench@example.test") };
        QElapsedTimer timer;
        timer.start();
        for (const QByteArray& der : requests) {
            auto csr = CertificateRequest::fromBytes(der);
            auto cert = ca->issue(*csr, p);
            if (!cert)
                return 2;
        }
        const double perSecond = count * 1000.0 / qMax<qint64>(1, timer.elapsed());
        const double reference = opensslSignsPerSecond(caAlg, quick ? 1 : 3);
        out << QStringLiteral("issuance CA=%1: %2 certificates/s; openssl speed sign: %3/s; ratio %4\n")
                   .arg(keyAlgorithmId(caAlg))
                   .arg(perSecond, 0, 'f', 0)
                   .arg(reference, 0, 'f', 0)
                   .arg(reference > 0 ? perSecond / reference : 0, 0, 'f', 3);
        out.flush();
        // A reference below 100 signatures/s means the output was not understood.
        if (reference < 100 || perSecond <= 0)
            return 3;
    }
    return 0;
}
