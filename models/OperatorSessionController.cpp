#include "OperatorSessionController.h"

#include "core/WhenFinished.h"

namespace lanyard {

OperatorSessionController::OperatorSessionController(Engine& engine, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
{
}

void OperatorSessionController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

void OperatorSessionController::logon(const QString& logonName, const QString& password)
{
    if (m_busy)
        return;
    adopt(m_engine.logon(logonName, password));
}

void OperatorSessionController::resume(QFuture<Result<OperatorSession>> session)
{
    if (m_busy)
        return;
    adopt(std::move(session));
}

void OperatorSessionController::adopt(QFuture<Result<OperatorSession>> future)
{
    setBusy(true);
    whenFinished(future, this, [this](Result<OperatorSession> session) {
        if (!session) {
            setBusy(false);
            Q_EMIT logonFailed(session.error());
            return;
        }
        const OperatorSession s = *session;
        whenFinished(m_engine.workflows(s), this, [this, s](Result<QList<Workflow>> workflows) {
            setBusy(false);
            if (!workflows) {
                Q_EMIT logonFailed(workflows.error());
                return;
            }
            m_session = s;
            m_workflows = *workflows;
            Q_EMIT loggedOn();
        });
    });
}

void OperatorSessionController::logoff()
{
    if (m_session.isValid())
        m_engine.logoff(m_session); // nothing to wait for: the desk is logged off either way
    m_session = {};
    m_workflows.clear();
    Q_EMIT loggedOff();
}

} // namespace lanyard
