// A people import from a CSV file through the embedded engine (read, check every field, add
// each person with their audit event), next to the sqlite3 shell's `.import` of the same
// file into a bare table in the same run; and the same file imported again (nothing changes),
// next to the same reference. The ratios are rows per second against the shell's.

#include "TestSupport.h"
#include "core/CsvTable.h"
#include "engine/PeopleImport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

using namespace lanyard;
using namespace lanyard::test;

namespace {
// Milliseconds the engine takes for the file, or -1.
qint64 importMs(EngineFixture& fx, const OperatorSession& op, const QString& path, int* added, int* unchanged)
{
    QElapsedTimer timer;
    timer.start();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    auto table = CsvTable::parse(file.readAll());
    if (!table)
        return -1;
    PeopleImportBatch batch;
    const QHash<QString, int> columns = PeopleImport::guessColumns(table->header);
    batch.fields = columns.keys();
    const QList<ImportedPerson> rows = PeopleImport::rowsOf(*table, columns, nullptr);
    for (qsizetype at = 0; at < rows.size(); at += kMaxImportRows) {
        batch.rows = rows.mid(at, kMaxImportRows);
        auto done = await(fx.engine().importPeople(op, batch));
        if (!done)
            return -1;
        for (const ImportOutcome& o : *done) {
            *added += o.action == ImportAction::Added ? 1 : 0;
            *unchanged += o.action == ImportAction::Unchanged ? 1 : 0;
        }
    }
    return timer.elapsed();
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const int count = quick ? 2000 : 100000;
    QTextStream out(stdout);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("people.csv"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        QTextStream csv(&file);
        csv << "logonName,fullName,email,mobile,group,employeeId\n";
        for (int i = 0; i < count; ++i)
            csv << QStringLiteral("user%1,\"Person %1, Imported\",user%1@example.test,+44 7700 %2,Group %3,E%1\n").arg(i).arg(100000 + i % 900000).arg(i % 50);
    }

    // The reference: the sqlite3 shell reading the same file into a table of its own.
    const QString refDb = dir.filePath(QStringLiteral("reference.db"));
    QElapsedTimer timer;
    timer.start();
    const ProcessOutput shell = run(QStringLiteral("sqlite3"), { refDb }, QStringLiteral(".mode csv\n.import %1 people\n").arg(path).toUtf8(), 600000);
    const qint64 referenceMs = qMax<qint64>(1, timer.elapsed());
    if (shell.exitCode != 0) {
        out << "sqlite3 .import failed: " << shell.err << "\n";
        return 2;
    }

    EngineFixture fx;
    fx.open();
    fx.createOperator(QStringLiteral("importer"), QString(), Scope::All, { Workflow::FindPerson, Workflow::AddPerson, Workflow::EditPeople });
    const OperatorSession op = fx.logon(QStringLiteral("importer"));
    int added = 0, unchanged = 0;
    const qint64 firstMs = importMs(fx, op, path, &added, &unchanged);
    int addedAgain = 0;
    const qint64 againMs = importMs(fx, op, path, &addedAgain, &unchanged);
    if (firstMs < 0 || againMs < 0 || added != count || unchanged != count || addedAgain != 0) {
        out << QStringLiteral("import went wrong: %1 added, %2 unchanged of %3\n").arg(added).arg(unchanged).arg(count);
        return 3;
    }
    const auto rate = [count](qint64 ms) { return count * 1000.0 / qMax<qint64>(1, ms); };
    out << QStringLiteral("people import (%1 rows): %2 rows/s; again, nothing changed: %3 rows/s; sqlite3 .import: %4 rows/s; ratio %5, again %6\n")
               .arg(count)
               .arg(rate(firstMs), 0, 'f', 0)
               .arg(rate(againMs), 0, 'f', 0)
               .arg(rate(referenceMs), 0, 'f', 0)
               .arg(rate(firstMs) / rate(referenceMs), 0, 'f', 4)
               .arg(rate(againMs) / rate(referenceMs), 0, 'f', 4);
    return 0;
}
