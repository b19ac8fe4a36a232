#pragma once

#include "demo/DemoDataGenerator.h"
#include "engine/EmbeddedEngine.h"
#include "engine/Role.h"
#include "pki/KeyAlgorithm.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFuture>
#include <QFutureWatcher>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <memory>

namespace lanyard::test {

// Tests may block; the product may not. Runs the event loop so continuations still run, and
// sleeps in it between events: the watcher's "finished" is the event that wakes it, the timer
// a bound on how late a deadline is noticed. (Spinning instead took a core from the engine
// and the daemons under test on these 2-core machines.)
template <typename T>
T await(QFuture<T> future, int timeoutMs = 120000)
{
    QDeadlineTimer deadline(timeoutMs);
    QFutureWatcher<T> watcher;
    watcher.setFuture(future);
    QTimer tick;
    tick.start(50);
    while (!future.isFinished() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    if (!future.isFinished())
        qFatal("a future did not finish within %d ms", timeoutMs);
    return future.result();
}

struct ProcessOutput {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
ProcessOutput run(const QString& program, const QStringList& args, const QByteArray& input = {}, int timeoutMs = 60000);

QByteArray makeCsr(KeyAlgorithm alg, const QString& cn = QStringLiteral("test"));
QByteArray makeCsrForCurve(const char* curve); // e.g. "P-384": a key type no policy allows
QByteArray makeRsaCsr(int bits);

// An embedded engine on a temporary SQLite file with its key in a key file, and a clock the
// test can move.
class EngineFixture {
public:
    EngineFixture();
    ~EngineFixture();

    QString databasePath() const { return m_dir.filePath(QStringLiteral("engine.db")); }
    QString dir() const { return m_dir.path(); }
    EmbeddedEngineOptions options() const;
    EngineInfo open(EmbeddedEngineOptions options);
    EngineInfo open() { return open(options()); }
    void close() { m_engine.reset(); }
    // Closes the engine and removes its database (with WAL and shared memory) and key file.
    void discard();
    EmbeddedEngine& engine() { return *m_engine; }

    void advanceClock(qint64 seconds) { *m_now += seconds * 1000; }
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(*m_now, Qt::UTC); }

    DemoSummary seedDemo(int people = 40, int devices = 4);
    OperatorSession logon(const QString& logonName, const QString& password = QStringLiteral("pw"));
    OperatorSession demoOperator() { return logon(QString::fromLatin1(DemoDataGenerator::kOperatorLogon), QString::fromLatin1(DemoDataGenerator::kOperatorPassword)); }
    // A person with one role made of these workflows and scope; password "pw".
    qint64 createOperator(const QString& logonName, const QString& group, Scope scope, const QList<Workflow>& workflows);
    qint64 personIdByLogon(const QString& logonName);
    qint64 firstPersonInGroup(const QString& group, qint64 notId = 0);
    qint64 profileIdByName(const QString& name);
    qint64 firstDeviceId();
    // Takes a job from request to an active device the way a phone would.
    Device collect(const IssuedRequest& request, KeyAlgorithm alg = KeyAlgorithm::EcP256);
    QVariant scalar(const QString& sql, const QVariantList& values = {});
    // Sets these settings through the engine as the operator would; false with the reason.
    bool configure(const OperatorSession& op, const QMap<QString, QString>& values, QString* error = nullptr);
    void execSql(const QString& sql, const QVariantList& values = {});

private:
    QTemporaryDir m_dir;
    std::shared_ptr<std::atomic<qint64>> m_now;
    std::unique_ptr<EmbeddedEngine> m_engine;
};

} // namespace lanyard::test
