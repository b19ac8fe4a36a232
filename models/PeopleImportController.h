#pragma once

#include "core/CsvTable.h"
#include "engine/Engine.h"

#include <QHash>
#include <QObject>

namespace lanyard {

// A people import from a CSV file as the operator runs it: the file read off the GUI
// thread, a column chosen for each field (guessed from the header first), then the rows sent
// to the engine a batch at a time, so that progress shows and Cancel stops between batches:
// every row is then either applied whole or untouched. A dry run checks each batch on its
// own; rows repeated across batches are caught by the import itself.
class PeopleImportController : public QObject {
    Q_OBJECT
public:
    static constexpr int kBatchRows = 200;

    PeopleImportController(Engine& engine, OperatorSession session, QObject* parent = nullptr);

    void load(const QString& path); // answers with loaded or failed
    const CsvTable& table() const { return m_table; }
    // The column (index into the header) for each field, -1 for none.
    int column(const QString& field) const { return m_columns.value(field, -1); }
    void setColumn(const QString& field, int column);
    void start(bool dryRun, qint64 roleForNew);
    void cancel() { m_cancelled = true; }
    bool isRunning() const { return m_running; }
    const QList<ImportOutcome>& outcomes() const { return m_outcomes; }

Q_SIGNALS:
    void loaded();
    void failed(const lanyard::Error& error);
    void progress(int done, int total);
    // `cancelled`: stopped before every row was sent.
    void finished(bool dryRun, bool cancelled);

private:
    void sendNext();

    Engine& m_engine;
    OperatorSession m_session;
    CsvTable m_table;
    QHash<QString, int> m_columns;
    QList<ImportedPerson> m_rows;
    QList<ImportOutcome> m_outcomes;
    PeopleImportBatch m_batch;
    qsizetype m_next = 0;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace lanyard
