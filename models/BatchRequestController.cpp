#include "BatchRequestController.h"

#include "core/WhenFinished.h"

#include <QSet>

namespace lanyard {

namespace {
constexpr int kGroupPage = 500;
}

BatchRequestController::BatchRequestController(Engine& engine, OperatorSession session, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_session(std::move(session))
{
}

void BatchRequestController::setPeople(const QList<Target>& people)
{
    // Once each: a person selected twice gets one request.
    m_people.clear();
    QSet<qint64> seen;
    for (const Target& t : people) {
        if (!seen.contains(t.personId))
            m_people << t;
        seen.insert(t.personId);
    }
    Q_EMIT peopleReady(int(m_people.size()));
}

void BatchRequestController::loadGroup(const QString& group)
{
    m_people.clear();
    loadGroupPage(group, 0);
}

void BatchRequestController::loadGroupPage(const QString& group, int offset)
{
    PersonQuery query;
    query.text = QStringLiteral("group:") + group;
    query.offset = offset;
    query.limit = kGroupPage;
    whenFinished(m_engine.findPeople(m_session, query), this, [this, group, offset](const Result<PersonPage>& page) {
        if (!page) {
            Q_EMIT failed(page.error());
            return;
        }
        for (const Person& p : page->people)
            m_people << Target { p.id, p.fullName };
        if (page->more)
            loadGroupPage(group, offset + int(page->people.size()));
        else
            Q_EMIT peopleReady(int(m_people.size()));
    });
}

QString BatchRequestController::nameOf(qint64 personId) const
{
    for (const Target& t : m_people) {
        if (t.personId == personId)
            return t.name;
    }
    return QString::number(personId);
}

void BatchRequestController::start(qint64 profileId)
{
    if (m_running)
        return;
    m_profileId = profileId;
    m_outcomes.clear();
    m_cancelled = false;
    m_running = true;
    Q_EMIT progress(0, int(m_people.size()));
    next();
}

void BatchRequestController::cancel()
{
    m_cancelled = true; // the call on its way finishes; the next is never made
}

void BatchRequestController::next()
{
    const int first = int(m_outcomes.size());
    if (m_cancelled || first >= m_people.size()) {
        m_running = false;
        Q_EMIT finished(m_cancelled && first < m_people.size());
        return;
    }
    QList<qint64> ids;
    for (int i = first; i < qMin<int>(first + kChunk, int(m_people.size())); ++i)
        ids << m_people[i].personId;
    whenFinished(m_engine.requestCredentials(m_session, ids, m_profileId), this, [this, first](const Result<QList<BatchOutcome>>& outcomes) {
        if (!outcomes) {
            m_running = false;
            Q_EMIT failed(outcomes.error());
            return;
        }
        m_outcomes << *outcomes;
        Q_EMIT outcomesAdded(first, int(outcomes->size()));
        Q_EMIT progress(int(m_outcomes.size()), int(m_people.size()));
        next();
    });
}

} // namespace lanyard
