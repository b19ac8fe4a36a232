// A profile requested for 1,000 people through the batch operation (calls of 25, as the
// window sends them), next to 1,000 single requests for 1,000 others through the same engine
// in the same run. The ratio is the batch's requests per second against the singles'.

#include "BatchRequestController.h"
#include "TestSupport.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

using namespace lanyard;
using namespace lanyard::test;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const int count = quick ? 50 : 1000;
    QTextStream out(stdout);
    EngineFixture fx;
    fx.open();
    fx.seedDemo(2 * count + 10, 0);
    fx.execSql(QStringLiteral("UPDATE people SET email = logon_name || '@example.test' WHERE email = ''"));
    const OperatorSession op = fx.demoOperator();
    const qint64 profile = fx.profileIdByName(QStringLiteral("Mobile Identity"));
    // People the demo made (not its own operator, validator or kiosk accounts), two sets.
    auto ids = await(fx.engine().runTask<QList<qint64>>([count](const EngineContext&, QSqlDatabase db) -> Result<QList<qint64>> {
        auto q = exec(db, QStringLiteral("SELECT p.id FROM people p WHERE NOT EXISTS (SELECT 1 FROM person_roles r JOIN roles o ON o.id = r.role_id "
                                         "WHERE r.person_id = p.id AND o.name <> 'End User') ORDER BY p.id LIMIT ?"),
            { 2 * count });
        if (!q)
            return q.error();
        QList<qint64> out;
        while (q->next())
            out << q->value(0).toLongLong();
        return out;
    }));
    if (!ids)
        return 1;
    const QList<qint64> people = *ids;
    if (people.size() < 2 * count) {
        out << "not enough demo people: " << people.size() << "\n";
        return 1;
    }

    QElapsedTimer timer;
    timer.start();
    int singlesMade = 0;
    for (int i = 0; i < count; ++i) {
        auto r = await(fx.engine().requestCredential(op, people[i], profile, false, QString()));
        singlesMade += r.ok() ? 1 : 0;
    }
    const qint64 singlesMs = qMax<qint64>(1, timer.elapsed());

    timer.restart();
    int batchMade = 0;
    const QList<qint64> second = people.mid(count, count);
    for (int at = 0; at < second.size(); at += BatchRequestController::kChunk) {
        auto outcomes = await(fx.engine().requestCredentials(op, second.mid(at, BatchRequestController::kChunk), profile));
        if (!outcomes)
            return 2;
        for (const BatchOutcome& o : *outcomes)
            batchMade += o.jobId > 0 ? 1 : 0;
    }
    const qint64 batchMs = qMax<qint64>(1, timer.elapsed());
    const double singlesRate = singlesMade * 1000.0 / singlesMs;
    const double batchRate = batchMade * 1000.0 / batchMs;
    out << QStringLiteral("batch requests: %1 of %2 made in %3 ms (%4/s); single requests: %5 of %2 in %6 ms (%7/s); ratio %8\n")
               .arg(batchMade)
               .arg(count)
               .arg(batchMs)
               .arg(batchRate, 0, 'f', 1)
               .arg(singlesMade)
               .arg(singlesMs)
               .arg(singlesRate, 0, 'f', 1)
               .arg(singlesRate > 0 ? batchRate / singlesRate : 0, 0, 'f', 3);
    return batchMade == count && singlesMade == count ? 0 : 3;
}
