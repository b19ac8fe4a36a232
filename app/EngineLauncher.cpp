#include "EngineLauncher.h"

#include "core/WhenFinished.h"
#include "storage/Database.h"
#include "engine/EngineBootstrap.h"
#include "secrets/Keychain.h"
#include "storage/PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace lanyard {

EngineLauncher::EngineLauncher(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

QString EngineLauncher::defaultDatabasePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("lanyard.db"));
}

void EngineLauncher::start()
{
    const QFileInfo file(m_options.databasePath);
    if (auto made = PrivateFiles::ensureFolder(file.absolutePath()); !made) {
        Q_EMIT failed(Error(ErrorCode::StorageReadOnly,
            tr("cannot create the folder %1").arg(file.absolutePath())));
        return;
    }
    EmbeddedEngineOptions options;
    options.database = DatabaseConfig::sqlite(file.absoluteFilePath());
    if (m_options.forceKeyFile)
        options.keyStore = EmbeddedEngineOptions::KeyStore::FileOnly;
    options.keychainService = m_options.keychainService;
    if (m_options.setup) {
        if (file.exists()) {
            Q_EMIT failed(Error(ErrorCode::Conflict, tr("%1 exists already; the first-run set-up makes a new database").arg(file.absoluteFilePath())));
            return;
        }
        auto subject = m_options.setup->caSubject();
        if (!subject) {
            Q_EMIT failed(subject.error());
            return;
        }
        options.caSubject = *subject;
        options.caKeyAlgorithm = m_options.setup->caKeyAlgorithm;
        options.caValidityDays = m_options.setup->caValidityYears * 365;
    }
    m_engine = std::make_unique<EmbeddedEngine>(options);
    whenFinished(m_engine->open(), this, [this](Result<EngineInfo> info) {
        if (!info) {
            if (m_options.setup)
                return discardNewDatabase(info.error());
            Q_EMIT failed(info.error());
            return;
        }
        if (m_options.setup)
            applySetup();
        else if (m_options.demo)
            seedDemoIfEmpty();
        else
            Q_EMIT ready();
    });
}

void EngineLauncher::applySetup()
{
    Q_EMIT message(tr("Setting up %1…").arg(m_options.setup->organisation));
    auto applying = m_engine->runTask<Baseline::Report>([plan = *m_options.setup](const EngineContext& ctx, QSqlDatabase db) {
        return FirstSetup(ctx, db).apply(plan);
    });
    whenFinished(applying, this, [this](Result<Baseline::Report> report) {
        if (!report)
            return discardNewDatabase(report.error());
        for (const QString& made : report->made)
            Q_EMIT message(tr("Made %1").arg(made));
        Q_EMIT ready();
    });
}

void EngineLauncher::discardNewDatabase(const Error& why)
{
    const EngineInfo info = m_engine ? m_engine->info() : EngineInfo {};
    m_engine.reset();
    const QString path = QFileInfo(m_options.databasePath).absoluteFilePath();
    for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal"), QStringLiteral(".key") })
        QFile::remove(path + suffix);
    if (info.secretStore == SecretStoreKind::Keychain && !info.engineId.isEmpty()) {
        // Reported, not waited for: the entry holds a key for a database that no longer exists.
        whenFinished(Keychain(m_options.keychainService).remove(EngineBootstrap::keychainEntry(info.engineId)), this, [this](Result<void> removed) {
            if (!removed)
                Q_EMIT message(tr("The new database's key could not be removed from the keychain: %1").arg(removed.error().detail));
        });
    }
    Q_EMIT failed(why);
}

void EngineLauncher::seedDemoIfEmpty()
{
    auto* timer = new QElapsedTimer;
    timer->start();
    const int people = m_options.demoPeople;
    const int devices = m_options.demoDevices;
    auto counting
        = m_engine->runTask<int>([](const EngineContext&, QSqlDatabase db) -> Result<int> {
              auto people = fetchValue(db, QStringLiteral("SELECT COUNT(*) FROM people"));
              if (!people)
                  return people.error();
              return people->toInt();
          });
    whenFinished(counting, this, [this, timer, people, devices](Result<int> count) {
        if (!count) {
            delete timer;
            Q_EMIT failed(count.error());
            return;
        }
        if (*count > 0) {
            delete timer;
            Q_EMIT ready();
            return;
        }
        Q_EMIT message(tr("Creating demo data (%n people)…", nullptr, people));
        auto generating = m_engine->runTask<DemoSummary>(
            [this, people, devices](const EngineContext& ctx, QSqlDatabase db) {
                DemoOptions options;
                options.people = people;
                options.issuedDevices = devices;
                // Called on the worker: hand the text to this object's thread.
                options.progress = [this](int done, int total) {
                    if (total >= 100000 && (done % 100000 == 0 || done == total))
                        QMetaObject::invokeMethod(
                            this,
                            [this, done, total] {
                                Q_EMIT message(tr("%1 of %2 people").arg(done).arg(total));
                            },
                            Qt::QueuedConnection);
                };
                return DemoDataGenerator(ctx, db).generate(options);
            });
        whenFinished(generating, this, [this, timer](Result<DemoSummary> summary) {
            const qint64 ms = timer->elapsed();
            delete timer;
            if (!summary) {
                Q_EMIT failed(summary.error());
                return;
            }
            m_demoCreated = true;
            Q_EMIT message(
                tr("Demo data ready in %1 s: %2 people, %3 issued devices, %4 pending requests.")
                    .arg(ms / 1000.0, 0, 'f', 1)
                    .arg(summary->people)
                    .arg(summary->devices)
                    .arg(summary->pendingRequests));
            Q_EMIT ready();
        });
    });
}

} // namespace lanyard
