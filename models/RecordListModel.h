#pragma once

#include "AsyncListModel.h"

#include <QList>

#include <functional>

namespace lanyard {

// A table of engine records (devices, certificates, jobs, audit events) described by its
// columns. The loader is any engine call returning the rows; reload() asks again.
template <typename T>
class RecordListModel : public AsyncListModel {
public:
    enum Roles { IdRole = Qt::UserRole + 1 };
    struct Column {
        QString title;
        std::function<QVariant(const T&)> display;
    };
    using Loader = std::function<QFuture<Result<QList<T>>>()>;

    RecordListModel(QList<Column> columns, std::function<qint64(const T&)> id, QObject* parent = nullptr)
        : AsyncListModel(parent)
        , m_columns(std::move(columns))
        , m_id(std::move(id))
    {
    }

    void setLoader(Loader loader)
    {
        m_loader = std::move(loader);
        reload();
    }
    void reload()
    {
        if (m_loader)
            this->track(m_loader(), [this](QList<T> rows) { m_rows = std::move(rows); });
    }
    void clear()
    {
        this->cancelPending();
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }
    const T& at(int row) const { return m_rows.at(row); }
    const QList<T>& rows() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : int(m_columns.size()); }
    QVariant data(const QModelIndex& index, int role) const override
    {
        if (!this->checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid | QAbstractItemModel::CheckIndexOption::ParentIsInvalid))
            return {};
        const T& row = m_rows.at(index.row());
        if (role == IdRole)
            return m_id(row);
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return m_columns.at(index.column()).display(row);
        return {};
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < m_columns.size())
            return m_columns.at(section).title;
        return {};
    }

private:
    QList<Column> m_columns;
    std::function<qint64(const T&)> m_id;
    QList<T> m_rows;
    Loader m_loader;
};

} // namespace lanyard
