#include "remote/ApiServer.h"

#include <QFile>
#include <QTest>

using namespace lanyard;

// The API document in resources/ names every route and operator method the server serves.
class TestApiDocument : public QObject {
    Q_OBJECT

    QString document()
    {
        QFile f(QString::fromLocal8Bit(qgetenv("LANYARD_TEST_SOURCE_DIR")) + QStringLiteral("/../resources/api.md"));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(f.fileName()));
        return QString::fromUtf8(f.readAll());
    }

private Q_SLOTS:
    void everyRouteIsDocumented()
    {
        const QString doc = document();
        for (const QString& route : ApiServer::routes())
            QVERIFY2(doc.contains(QStringLiteral("### ") + route), qPrintable(route));
    }

    void everyOperatorMethodIsDocumented()
    {
        const QString doc = document();
        QVERIFY(ApiServer::operatorMethods().size() >= 15);
        for (const QString& method : ApiServer::operatorMethods())
            QVERIFY2(doc.contains(QStringLiteral("| `%1` |").arg(method)), qPrintable(method));
    }
};

QTEST_GUILESS_MAIN(TestApiDocument)
#include "tst_ApiDocument.moc"
