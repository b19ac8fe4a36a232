#include "EngineLauncher.h"

#include "core/WhenFinished.h"
#include "storage/Database.h"
#include "storage/PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
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
    m_engine = std::make_unique<EmbeddedEngine>(options);
    whenFinished(m_engine->open(), this, [this](Result<EngineInfo> info) {
        if (!info) {
            Q_EMIT failed(info.error());
            return;
        }
        if (m_options.demo)
            seedDemoIfEmpty();
        else
            Q_EMIT ready();
    });
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
