#pragma once

#include "core/Error.h"
#include "engine/Engine.h"
#include "engine/OperatorSession.h"
#include "engine/Workflow.h"

#include <QObject>

namespace lanyard {

// Logs an operator on through the engine and knows, afterwards, who is logged on and which
// workflows their roles offer (so the UI can hide what the engine would refuse anyway).
class OperatorSessionController : public QObject {
    Q_OBJECT
public:
    explicit OperatorSessionController(Engine& engine, QObject* parent = nullptr);

    Engine& engine() const { return m_engine; }
    const OperatorSession& session() const { return m_session; }
    bool isLoggedOn() const { return m_session.isValid(); }
    bool isBusy() const { return m_busy; }
    bool allows(Workflow w) const { return m_workflows.contains(w); }
    QList<Workflow> workflows() const { return m_workflows; }

public Q_SLOTS:
    void logon(const QString& logonName, const QString& password);
    // Takes up a session the engine already knows (a remembered token), as if logged on.
    void resume(QFuture<lanyard::Result<lanyard::OperatorSession>> session);
    void logoff();

Q_SIGNALS:
    void busyChanged(bool busy);
    void loggedOn();
    void logonFailed(const lanyard::Error& error);
    void loggedOff();

private:
    void setBusy(bool busy);
    void adopt(QFuture<Result<OperatorSession>> session);

    Engine& m_engine;
    OperatorSession m_session;
    QList<Workflow> m_workflows;
    bool m_busy = false;
};

} // namespace lanyard
