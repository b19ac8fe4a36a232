#pragma once

#include "AsyncListModel.h"
#include "engine/Engine.h"

#include <QTimer>

namespace lanyard {

// Type-ahead search for people: each keystroke restarts a short timer, the engine answers one
// page at a time, and more pages stream in as the view scrolls (fetchMore).
class PersonSearchModel : public AsyncListModel {
    Q_OBJECT
public:
    enum Column { NameColumn, LogonColumn, EmailColumn, GroupColumn, ColumnCount };
    enum Roles { PersonIdRole = Qt::UserRole + 1 };

    PersonSearchModel(Engine& engine, OperatorSession session, QObject* parent = nullptr);

    void setQuery(const QString& text); // debounced
    void searchNow(const QString& text);
    QString query() const { return m_query; }
    Person personAt(int row) const { return m_people.value(row); }
    bool hasMore() const { return m_more; }
    void setPageSize(int size) { m_pageSize = size; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    Engine& m_engine;
    OperatorSession m_session;
    QTimer m_debounce;
    QString m_query;
    QList<Person> m_people;
    bool m_more = false;
    bool m_fetchingMore = false;
    int m_pageSize = 100;
};

} // namespace lanyard
