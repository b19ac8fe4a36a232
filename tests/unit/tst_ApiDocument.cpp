#include "remote/ApiServer.h"
#include "engine/CertificateRecord.h"
#include "engine/CredentialProfile.h"
#include "engine/DeviceLifecycle.h"
#include "engine/DirectoryConfig.h"
#include "engine/Job.h"
#include "engine/RegisteredHardware.h"
#include "engine/Role.h"
#include "engine/Workflow.h"
#include "pki/RevocationReason.h"
#include "remote/OperatorOperations.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace lanyard;

namespace {
template <typename E>
void checkIds(const QString& table, QString (*id)(E), const char* what)
{
    int count = 0;
    for (int i = 0; i < 64; ++i) {
        const QString text = id(E(i));
        if (text.isEmpty())
            break;
        ++count;
        QVERIFY2(table.contains(QStringLiteral("`%1`").arg(text)), qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(what), text)));
    }
    QVERIFY2(count >= 2, what);
}

} // namespace

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

    // The row of an operation, split into its cells: method, arguments, answer.
    QStringList rowOf(const QString& doc, const QString& method)
    {
        const qsizetype at = doc.indexOf(QStringLiteral("| `%1` |").arg(method));
        if (at < 0)
            return {};
        const QString line = doc.mid(at, doc.indexOf(QLatin1Char('\n'), at) - at);
        QStringList cells = line.split(QStringLiteral(" | "));
        return cells;
    }

    // Each argument of the table is named in the method's row, and an answer under a key
    // shows that key: the document cannot drift from what the server reads and writes.
    void everyArgumentAndAnswerKeyIsDocumented()
    {
        const QString doc = document();
        std::apply(
            [&](const auto&... op) {
                const auto check = [&](const auto& o) {
                    const QString method = QLatin1String(o.name);
                    const QStringList cells = rowOf(doc, method);
                    QVERIFY2(cells.size() >= 3, qPrintable(method));
                    for (const QString& argument : o.argumentNames())
                        QVERIFY2(cells.at(1).contains(QStringLiteral("`%1`").arg(argument)), qPrintable(method + QStringLiteral(": argument ") + argument));
                    if (o.answer.key)
                        QVERIFY2(cells.at(2).contains(QStringLiteral("{\"%1\"").arg(QLatin1String(o.answer.key))),
                            qPrintable(method + QStringLiteral(": answer key ") + QLatin1String(o.answer.key)));
                };
                (check(op), ...);
            },
            wire::kOperatorOperations);
    }

    // And the other way: every row of the method table is a method the server has.
    void everyDocumentedMethodExists()
    {
        const QString doc = document();
        const qsizetype start = doc.indexOf(QStringLiteral("## Operator methods"));
        const QString table = doc.mid(start, doc.indexOf(QStringLiteral("\n## "), start + 1) - start);
        static const QRegularExpression row(QStringLiteral("^\\| `(\\w+)` \\|"), QRegularExpression::MultilineOption);
        int rows = 0;
        for (auto it = row.globalMatch(table); it.hasNext(); ++rows) {
            const QString method = it.next().captured(1);
            QVERIFY2(ApiServer::operatorMethods().contains(method), qPrintable(method));
        }
        QCOMPARE(rows, ApiServer::operatorMethods().size());
    }

    // Every stable error code, with its number and HTTP status, is in the table.
    void everyErrorCodeAndItsStatusIsDocumented()
    {
        const QString doc = document();
        for (int n = int(ErrorCode::InvalidArgument); n <= int(ErrorCode::DirectoryFailure); ++n) {
            const QString row = QStringLiteral("| `%1` | %2 | %3 |").arg(errorId(ErrorCode(n))).arg(n).arg(ApiServer::httpStatusOf(ErrorCode(n)));
            QVERIFY2(doc.contains(row), qPrintable(row));
        }
    }

    // Every id an enum travels as is listed, so a third-party client need not guess.
    void everyEnumIdIsDocumented()
    {
        const QString doc = document();
        const QString table = doc.mid(doc.indexOf(QStringLiteral("## Enum ids")));
        checkIds(table, deviceStateId, "device state");
        checkIds(table, deviceOperationId, "device operation");
        checkIds(table, jobTypeId, "job type");
        checkIds(table, jobStatusId, "job status");
        checkIds(table, certificateStatusId, "certificate status");
        checkIds(table, revocationReasonId, "revocation reason");
        checkIds(table, cardEncodingId, "card encoding");
        checkIds(table, notificationSchemeId, "notification scheme");
        checkIds(table, deviceRestrictionId, "device restriction");
        checkIds(table, keyRecoveryId, "key recovery");
        checkIds(table, charRuleId, "character rule");
        checkIds(table, scopeId, "scope");
        checkIds(table, workflowId, "workflow");
        checkIds(table, directoryKindId, "directory kind");
        checkIds(table, disabledById, "directory disabled-by");
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
