#include "core/CsvTable.h"

#include <QTest>

using namespace lanyard;

// The CSV files people export: RFC 4180 quoting, either separator, a byte order mark or not,
// and each fault named with its line instead of rows quietly read wrong.
class TestCsvTable : public QObject {
    Q_OBJECT

    static QString problemOf(const Result<CsvTable>& r) { return r ? QString() : r.error().args.value(QStringLiteral("problem")).toString(); }

private Q_SLOTS:
    void commasQuotesAndLineBreaksInFields()
    {
        auto t = CsvTable::parse("logon,name,note\r\nrm,\"Murphy, Rosie\",\"says \"\"hi\"\"\r\nand bye\"\r\nlw,Lewis,\r\n");
        QVERIFY(t);
        QCOMPARE(t->delimiter, QLatin1Char(','));
        QCOMPARE(t->header, (QStringList { "logon", "name", "note" }));
        QCOMPARE(t->rows.size(), 2);
        QCOMPARE(t->rows.at(0), (QStringList { "rm", "Murphy, Rosie", "says \"hi\"\r\nand bye" }));
        QCOMPARE(t->rows.at(1), (QStringList { "lw", "Lewis", "" }));
        QCOMPARE(t->lines, (QList<int> { 2, 4 })); // the quoted line break counts
    }

    void semicolonsAndAByteOrderMark()
    {
        auto t = CsvTable::parse("\xEF\xBB\xBF uid ;cn;mail\nrm;Rosie M\xC3\xBCller;rm@example.test\n\n\n");
        QVERIFY(t);
        QCOMPARE(t->delimiter, QLatin1Char(';'));
        QCOMPARE(t->header.first(), QStringLiteral("uid")); // no mark, no padding in a column name
        QCOMPARE(t->rows.size(), 1); // blank lines at the end are no rows
        QCOMPARE(t->rows.first().at(1), QStringLiteral("Rosie M\u00fcller"));
    }

    void aShortRowIsKeptForItsReaderToReport()
    {
        auto t = CsvTable::parse("a,b,c\n1,2\n1,2,3,4\n");
        QVERIFY(t);
        QCOMPARE(t->rows.at(0).size(), 2);
        QCOMPARE(t->rows.at(1).size(), 4);
    }

    void faultsAreNamedWithTheirLine_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("problem");
        QTest::addColumn<int>("line");
        QTest::newRow("never closed") << QByteArray("a,b\n1,2\n\"open,3\n4,5\n") << "csv-quote" << 3;
        QTest::newRow("text after quote") << QByteArray("a,b\n\"x\"y,2\n") << "csv-quote" << 2;
        QTest::newRow("Latin-1") << QByteArray("a,b\nok,ok\nM\xFCller,2\n") << "csv-encoding" << 3;
        QTest::newRow("empty") << QByteArray("\xEF\xBB\xBF\r\n") << "csv-empty" << 0;
    }

    void faultsAreNamedWithTheirLine()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, problem);
        QFETCH(int, line);
        auto t = CsvTable::parse(bytes);
        QCOMPARE(problemOf(t), problem);
        QCOMPARE(t.error().args.value(QStringLiteral("line")).toInt(), line);
    }

    void recordsReadBackAsWritten()
    {
        const QStringList fields { "plain", "with,comma", "with \"quotes\"", "two\nlines", "" };
        auto t = CsvTable::parse(("h\n" + CsvTable::record(fields) + "\n").toUtf8());
        QVERIFY(t);
        QCOMPARE(t->rows.first(), fields);
        auto one = CsvTable::parse(("h\n" + CsvTable::record({ QString() }) + "\n").toUtf8());
        QCOMPARE(one->rows.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCsvTable)
#include "tst_CsvTable.moc"
