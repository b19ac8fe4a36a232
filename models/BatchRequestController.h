#pragma once

#include "core/Error.h"
#include "engine/BatchRequest.h"
#include "engine/Engine.h"

#include <QObject>

namespace lanyard {

// Drives one profile requested for many people through the engine, kChunk people per call,
// so progress shows after each call and Cancel takes effect at the next: requests already
// made stay whole, the rest are never asked for. A group (group:NAME, as Find Person reads
// it) is first resolved to its members within the operator's scope.
class BatchRequestController : public QObject {
    Q_OBJECT
public:
    static constexpr int kChunk = 25;

    struct Target {
        qint64 personId = 0;
        QString name;
    };

    BatchRequestController(Engine& engine, OperatorSession session, QObject* parent = nullptr);

    // The people a batch is for: given (a selection), or the members of a group.
    void setPeople(const QList<Target>& people);
    void loadGroup(const QString& group);
    const QList<Target>& people() const { return m_people; }

    void start(qint64 profileId);
    void cancel();
    bool isRunning() const { return m_running; }
    int done() const { return int(m_outcomes.size()); }
    const QList<BatchOutcome>& outcomes() const { return m_outcomes; }
    QString nameOf(qint64 personId) const;

Q_SIGNALS:
    void peopleReady(int count);
    void progress(int done, int total);
    void outcomesAdded(int first, int count);
    // The batch ended: all asked for, or cancelled with the rest never asked for.
    void finished(bool cancelled);
    // A call failed as a whole (the session ended, the engine went away): the batch stops,
    // and the people of that call are not known to have requests.
    void failed(const lanyard::Error& error);

private:
    void loadGroupPage(const QString& group, int offset);
    void next();

    Engine& m_engine;
    OperatorSession m_session;
    QList<Target> m_people;
    QList<BatchOutcome> m_outcomes;
    qint64 m_profileId = 0;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace lanyard
