#pragma once

#include <QAbstractListModel>
#include <QList>

namespace lanyard {

// A list of labelled items the operator ticks, such as a role's workflows. Ids are the
// caller's (an enum value or a record id); order is the order given.
class ChecklistModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles { IdRole = Qt::UserRole + 1 };
    struct Item {
        qint64 id = 0;
        QString label;
        bool checked = false;
    };

    using QAbstractListModel::QAbstractListModel;

    void setItems(QList<Item> items);
    void setChecked(const QList<qint64>& ids);
    QList<qint64> checkedIds() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

Q_SIGNALS:
    void edited();

private:
    QList<Item> m_items;
};

} // namespace lanyard
