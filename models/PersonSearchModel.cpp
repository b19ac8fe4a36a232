#include "PersonSearchModel.h"

#include "core/WhenFinished.h"

namespace lanyard {

PersonSearchModel::PersonSearchModel(Engine& engine, OperatorSession session, QObject* parent)
    : AsyncListModel(parent)
    , m_engine(engine)
    , m_session(std::move(session))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, [this] { searchNow(m_query); });
}

void PersonSearchModel::setQuery(const QString& text)
{
    m_query = text;
    m_debounce.start();
}

void PersonSearchModel::searchNow(const QString& text)
{
    m_debounce.stop();
    m_query = text;
    m_fetchingMore = false;
    track(m_engine.findPeople(m_session, PersonQuery { text, 0, m_pageSize }), [this](PersonPage page) {
        m_people = std::move(page.people);
        m_more = page.more;
    });
}

int PersonSearchModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_people.size());
}

int PersonSearchModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PersonSearchModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Person& p = m_people.at(index.row());
    if (role == PersonIdRole)
        return p.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return p.fullName;
    case LogonColumn:
        return p.logonName;
    case EmailColumn:
        return p.email;
    case GroupColumn:
        return p.group;
    }
    return {};
}

QVariant PersonSearchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case LogonColumn:
        return tr("Logon name");
    case EmailColumn:
        return tr("Email");
    case GroupColumn:
        return tr("Group");
    }
    return {};
}

bool PersonSearchModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_more && !m_fetchingMore && !isLoading();
}

void PersonSearchModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetchingMore = true;
    const int generation = this->generation();
    whenFinished(m_engine.findPeople(m_session, PersonQuery { m_query, int(m_people.size()), m_pageSize }), this, [this, generation](Result<PersonPage> page) {
        if (generation != this->generation() || !m_fetchingMore)
            return; // a new search replaced this one
        if (!page) {
            m_fetchingMore = false;
            Q_EMIT failed(page.error());
            return;
        }
        // Still "fetching" while the rows go in: a view that asks for more from inside the
        // insertion signals must not get the same page again.
        m_more = page->more;
        if (!page->people.isEmpty()) {
            beginInsertRows({}, int(m_people.size()), int(m_people.size() + page->people.size() - 1));
            m_people += page->people;
            endInsertRows();
        }
        m_fetchingMore = false;
    });
}

} // namespace lanyard
