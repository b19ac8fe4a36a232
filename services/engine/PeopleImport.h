#pragma once

#include "AccessControl.h"
#include "EngineContext.h"
#include "PeopleImportBatch.h"
#include "core/CsvTable.h"

#include <QHash>
#include <QSqlDatabase>

namespace lanyard {

// Applies a batch row by row: each row is applied whole or not at all, its outcome said;
// a refused row never stops the others.
class PeopleImport {
public:
    static constexpr int kMaxRows = kMaxImportRows;

    PeopleImport(const EngineContext& context, QSqlDatabase db);
    Result<QList<ImportOutcome>> apply(const AccessControl& ac, const PeopleImportBatch& batch);

    // Which column holds which field, guessed from a header: the wire names and the
    // attribute names directories export (sAMAccountName, displayName, mail, …), in any case.
    static QHash<QString, int> guessColumns(const QStringList& header);
    // The table's rows as people, by the columns chosen for each field. A row whose field
    // count is not the header's is not guessed at: it goes to `refused` (problem
    // csv-columns) and is left out.
    static QList<ImportedPerson> rowsOf(const CsvTable& table, const QHash<QString, int>& columns, QList<ImportOutcome>* refused);

private:
    Result<ImportOutcome> applyRow(const AccessControl& ac, const PeopleImportBatch& batch, const ImportedPerson& row);

    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
