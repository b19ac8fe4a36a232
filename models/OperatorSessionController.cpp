#include "OperatorSessionController.h"

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
    setBusy(true);
    m_engine.logon(logonName, password).then(this, [this](Result<OperatorSession> session) {
        if (!session) {
            setBusy(false);
            Q_EMIT logonFailed(session.error());
            return;
        }
        const OperatorSession s = *session;
        m_engine.workflows(s).then(this, [this, s](Result<QList<Workflow>> workflows) {
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
    m_session = {};
    m_workflows.clear();
    Q_EMIT loggedOff();
}

} // namespace lanyard
