#pragma once

#include <QString>

class QAbstractItemModel;
class QTableView;
class QWidget;

namespace lanyard {

// A read-only table of records as every page shows them: whole rows selected, one at a time,
// last column stretched, no row numbers.
QTableView* makeRecordTable(QAbstractItemModel* model, const QString& objectName, QWidget* parent);

} // namespace lanyard
