#include "qr/QrCode.h"

#include <QTest>

using namespace lanyard;

class TestQrCode : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void encodesTheCollectionUrl()
    {
        const QString url = QStringLiteral("https://lanyard.example.test/collect/c/AbCdEfGhIjKlMnOpQrStUv");
        auto qr = QrCode::encode(url);
        QVERIFY(qr.ok());
        QVERIFY(qr->size() >= 21);
        QCOMPARE((qr->size() - 17) % 4, 0); // a QR version's side is 17 + 4v
        QCOMPARE(qr->text(), url);
        // Finder patterns: the three corners are dark.
        QVERIFY(qr->isDark(0, 0));
        QVERIFY(qr->isDark(qr->size() - 1, 0));
        QVERIFY(qr->isDark(0, qr->size() - 1));
        const QString svg = qr->toSvg(4);
        QVERIFY(svg.startsWith(QStringLiteral("<?xml")));
        QVERIFY(svg.contains(QStringLiteral("viewBox=\"0 0 %1 %1\"").arg((qr->size() + 8) * 4)));
    }

    void refusesEmptyAndOversized()
    {
        QCOMPARE(QrCode::encode(QString()).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(QrCode::encode(QString(8000, QLatin1Char('x'))).error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestQrCode)
#include "tst_QrCode.moc"
