#include "storage/Database.h"
#include "storage/IndexRebuild.h"
#include "storage/Transaction.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace lanyard;

// Transactions nest: the outermost is BEGIN…COMMIT, an inner one a savepoint that keeps or
// undoes only its own work. On SQLite, and on PostgreSQL when run through with-postgres.sh.
class TestTransaction : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    QSqlDatabase m_db;
    SqlDialect m_dialect = SqlDialect::Sqlite;

    QStringList rows()
    {
        auto q = exec(m_db, QStringLiteral("SELECT what FROM tx_probe ORDER BY id"));
        if (!q)
            qFatal("%s", qPrintable(q.error().toLogString()));
        QStringList out;
        const SqlRow row(*q);
        while (q->next())
            out << row.value("what").toString();
        return out;
    }
    Result<void> add(const QString& what)
    {
        auto q = exec(m_db, QStringLiteral("INSERT INTO tx_probe (what) VALUES (?)"), { what });
        if (!q)
            return q.error();
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString url = qEnvironmentVariable("LANYARD_TEST_PG_URL");
        auto config = url.isEmpty() ? Result<DatabaseConfig>(DatabaseConfig::sqlite(m_dir.filePath(QStringLiteral("tx.db")))) : DatabaseConfig::fromUrl(url);
        QVERIFY(config.ok());
        m_dialect = config->dialect;
        m_database = std::make_unique<Database>(*config);
        auto db = m_database->connection();
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toLogString()));
        m_db = *db;
        const QString key = m_dialect == SqlDialect::Sqlite ? QStringLiteral("INTEGER PRIMARY KEY") : QStringLiteral("SERIAL PRIMARY KEY");
        QVERIFY(execDirect(m_db, QStringLiteral("CREATE TABLE tx_probe (id %1, what TEXT NOT NULL UNIQUE)").arg(key)).ok());
    }

    void init() { QVERIFY(execDirect(m_db, QStringLiteral("DELETE FROM tx_probe")).ok()); }

    void innerCommitsWithTheOuter()
    {
        Transaction outer(m_db, m_dialect);
        QVERIFY(outer.begin().ok());
        QVERIFY(add(QStringLiteral("outer")).ok());
        {
            Transaction inner(m_db, m_dialect);
            QVERIFY(inner.begin().ok());
            QCOMPARE(Transaction::depth(m_db), 2);
            QVERIFY(add(QStringLiteral("inner")).ok());
            QVERIFY(inner.commit().ok());
        }
        QCOMPARE(Transaction::depth(m_db), 1);
        QVERIFY(outer.commit().ok());
        QCOMPARE(Transaction::depth(m_db), 0);
        QCOMPARE(rows(), QStringList({ QStringLiteral("outer"), QStringLiteral("inner") }));
    }

    // An inner unit that fails undoes only itself; the outer one goes on and commits.
    void innerLeftUncommittedUndoesOnlyItself()
    {
        Transaction outer(m_db, m_dialect);
        QVERIFY(outer.begin().ok());
        QVERIFY(add(QStringLiteral("before")).ok());
        {
            Transaction inner(m_db, m_dialect);
            QVERIFY(inner.begin().ok());
            QVERIFY(add(QStringLiteral("inner")).ok());
            // A failing statement: on PostgreSQL this poisons everything up to the savepoint.
            QVERIFY(!add(QStringLiteral("before")).ok());
        }
        QCOMPARE(Transaction::depth(m_db), 1);
        QVERIFY(add(QStringLiteral("after")).ok());
        QVERIFY(outer.commit().ok());
        QCOMPARE(rows(), QStringList({ QStringLiteral("before"), QStringLiteral("after") }));
    }

    // What an inner unit committed is still undone when the outer one is not committed.
    void outerLeftUncommittedUndoesAll()
    {
        {
            Transaction outer(m_db, m_dialect);
            QVERIFY(outer.begin().ok());
            QVERIFY(add(QStringLiteral("outer")).ok());
            Transaction inner(m_db, m_dialect);
            QVERIFY(inner.begin().ok());
            QVERIFY(add(QStringLiteral("inner")).ok());
            QVERIFY(inner.commit().ok());
        }
        QCOMPARE(Transaction::depth(m_db), 0);
        QCOMPARE(rows(), QStringList());
    }

    void threeLevelsAndSiblings()
    {
        Transaction a(m_db, m_dialect);
        QVERIFY(a.begin().ok());
        QVERIFY(add(QStringLiteral("a")).ok());
        {
            Transaction b(m_db, m_dialect);
            QVERIFY(b.begin().ok());
            QVERIFY(add(QStringLiteral("b")).ok());
            {
                Transaction c(m_db, m_dialect);
                QVERIFY(c.begin().ok());
                QCOMPARE(Transaction::depth(m_db), 3);
                QVERIFY(add(QStringLiteral("c")).ok());
            } // c undone
            {
                Transaction sibling(m_db, m_dialect);
                QVERIFY(sibling.begin().ok());
                QCOMPARE(Transaction::depth(m_db), 3);
                QVERIFY(add(QStringLiteral("c2")).ok());
                QVERIFY(sibling.commit().ok());
            }
            QVERIFY(b.commit().ok());
        }
        QVERIFY(a.commit().ok());
        QCOMPARE(rows(), QStringList({ QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c2") }));
    }

    // A transaction on its own is the outermost again once the earlier one ended.
    void sequentialTransactionsAreEachOutermost()
    {
        for (const QString& what : { QStringLiteral("one"), QStringLiteral("two") }) {
            Transaction tx(m_db, m_dialect);
            QVERIFY(tx.begin().ok());
            QCOMPARE(Transaction::depth(m_db), 1);
            QVERIFY(add(what).ok());
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(rows(), QStringList({ QStringLiteral("one"), QStringLiteral("two") }));
    }

    // IndexRebuild: a table's own indexes set aside for a bulk write come back as they were —
    // after rebuild(), after a rollback, and when the caller forgot rebuild().
    QStringList probeIndexes()
    {
        if (m_dialect != SqlDialect::Sqlite)
            return {};
        auto q = exec(m_db, QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tx_probe' AND sql IS NOT NULL ORDER BY name"));
        if (!q)
            qFatal("%s", qPrintable(q.error().toLogString()));
        QStringList out;
        const SqlRow row(*q);
        while (q->next())
            out << row.value("sql").toString();
        return out;
    }
    void makeProbeIndexes()
    {
        QVERIFY(execDirect(m_db, QStringLiteral("DROP INDEX IF EXISTS tx_probe_lower")).ok());
        QVERIFY(execDirect(m_db, QStringLiteral("DROP INDEX IF EXISTS tx_probe_length")).ok());
        QVERIFY(execDirect(m_db, QStringLiteral("CREATE UNIQUE INDEX tx_probe_lower ON tx_probe (lower(what))")).ok());
        QVERIFY(execDirect(m_db, QStringLiteral("CREATE INDEX tx_probe_length ON tx_probe (length(what))")).ok());
    }

    void indexesSetAsideAreMadeAgain()
    {
        makeProbeIndexes();
        const QStringList before = probeIndexes();
        Transaction tx(m_db, m_dialect);
        QVERIFY(tx.begin().ok());
        auto aside = IndexRebuild::setAside(m_db, m_dialect, QStringLiteral("tx_probe"));
        QVERIFY2(aside.ok(), qPrintable(aside.ok() ? QString() : aside.error().toLogString()));
        if (m_dialect == SqlDialect::Sqlite) {
            QCOMPARE(aside->pending(), 2);
            QVERIFY(probeIndexes().isEmpty());
        } else {
            QCOMPARE(aside->pending(), 0); // PostgreSQL keeps them: dropping would lock out readers
        }
        for (int i = 0; i < 1000; ++i)
            QVERIFY(add(QStringLiteral("row %1").arg(i)).ok());
        QVERIFY(aside->rebuild().ok());
        QCOMPARE(aside->pending(), 0);
        QVERIFY(tx.commit().ok());
        QCOMPARE(probeIndexes(), before);
        // The unique one acts again.
        QVERIFY(!add(QStringLiteral("ROW 1")).ok());
    }

    void aRollbackBringsTheIndexesBack()
    {
        makeProbeIndexes();
        const QStringList before = probeIndexes();
        {
            Transaction tx(m_db, m_dialect);
            QVERIFY(tx.begin().ok());
            auto aside = IndexRebuild::setAside(m_db, m_dialect, QStringLiteral("tx_probe"));
            QVERIFY(aside.ok());
            QVERIFY(add(QStringLiteral("undone")).ok());
            // Neither rebuilt nor committed: the transaction is undone as it ends (the
            // IndexRebuild goes first and makes them once more, inside it).
        }
        QCOMPARE(probeIndexes(), before);
        QVERIFY(rows().isEmpty());
    }

    void rowsThatBreakAUniqueIndexFailTheRebuild()
    {
        if (m_dialect != SqlDialect::Sqlite)
            QSKIP("PostgreSQL keeps its indexes, so the second row is refused at once");
        makeProbeIndexes();
        const QStringList before = probeIndexes();
        {
            Transaction tx(m_db, m_dialect);
            QVERIFY(tx.begin().ok());
            auto aside = IndexRebuild::setAside(m_db, m_dialect, QStringLiteral("tx_probe"));
            QVERIFY(aside.ok());
            QVERIFY(add(QStringLiteral("Same")).ok());
            QVERIFY(add(QStringLiteral("same")).ok()); // only lower(what) tells them apart
            const auto rebuilt = aside->rebuild();
            QVERIFY(!rebuilt.ok());
            QCOMPARE(rebuilt.error().code, ErrorCode::StorageFailure);
        }
        QCOMPARE(probeIndexes(), before);
        QVERIFY(rows().isEmpty());
    }

    void forgettingTheRebuildStillLeavesTheIndexes()
    {
        makeProbeIndexes();
        const QStringList before = probeIndexes();
        Transaction tx(m_db, m_dialect);
        QVERIFY(tx.begin().ok());
        {
            auto aside = IndexRebuild::setAside(m_db, m_dialect, QStringLiteral("tx_probe"));
            QVERIFY(aside.ok());
            QVERIFY(add(QStringLiteral("kept")).ok());
        }
        QVERIFY(tx.commit().ok());
        QCOMPARE(probeIndexes(), before);
        QCOMPARE(rows(), QStringList { QStringLiteral("kept") });
    }

    void cleanupTestCase()
    {
        m_db = {};
        m_database.reset();
        Database::releaseThreadConnections();
    }
};

QTEST_GUILESS_MAIN(TestTransaction)
#include "tst_Transaction.moc"
