#include "PeopleImportController.h"

#include "core/WhenFinished.h"
#include "engine/PeopleImport.h"

#include <QFile>
#include <QtConcurrent>

namespace lanyard {

PeopleImportController::PeopleImportController(Engine& engine, OperatorSession session, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_session(std::move(session))
{
}

void PeopleImportController::load(const QString& path)
{
    auto read = QtConcurrent::run([path]() -> Result<CsvTable> {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error(ErrorCode::NotFound, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()),
                { { QStringLiteral("problem"), QStringLiteral("file-unreadable") }, { QStringLiteral("path"), path }, { QStringLiteral("reason"), file.errorString() } });
        return CsvTable::parse(file.readAll());
    });
    whenFinished(read, this, [this](const Result<CsvTable>& table) {
        if (!table) {
            Q_EMIT failed(table.error());
            return;
        }
        m_table = *table;
        m_columns = PeopleImport::guessColumns(m_table.header);
        m_outcomes.clear();
        Q_EMIT loaded();
    });
}

void PeopleImportController::setColumn(const QString& field, int column)
{
    if (column < 0)
        m_columns.remove(field);
    else
        m_columns.insert(field, column);
}

void PeopleImportController::start(bool dryRun, qint64 roleForNew)
{
    if (m_running)
        return;
    m_outcomes.clear();
    m_rows = PeopleImport::rowsOf(m_table, m_columns, &m_outcomes);
    m_batch = PeopleImportBatch {};
    m_batch.fields = m_columns.keys();
    m_batch.dryRun = dryRun;
    m_batch.roleForNew = roleForNew;
    m_next = 0;
    m_cancelled = false;
    m_running = true;
    sendNext();
}

void PeopleImportController::sendNext()
{
    const int total = int(m_rows.size());
    Q_EMIT progress(int(m_next), total);
    if (m_next >= m_rows.size() || m_cancelled) {
        m_running = false;
        std::sort(m_outcomes.begin(), m_outcomes.end(), [](const ImportOutcome& a, const ImportOutcome& b) { return a.line < b.line; });
        Q_EMIT finished(m_batch.dryRun, m_next < m_rows.size());
        return;
    }
    m_batch.rows = m_rows.mid(m_next, kBatchRows);
    whenFinished(m_engine.importPeople(m_session, m_batch), this, [this](const Result<QList<ImportOutcome>>& done) {
        if (!done) {
            // The batch is refused whole (rights, the database): nothing of it was applied.
            m_running = false;
            Q_EMIT failed(done.error());
            Q_EMIT finished(m_batch.dryRun, true);
            return;
        }
        m_outcomes += *done;
        m_next += m_batch.rows.size();
        sendNext();
    });
}

} // namespace lanyard
