#pragma once

#include "LocalVscBackend.h"
#include "engine/Engine.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>

namespace lanyard {

// One line of an automation run: what happened to a due lock job.
struct VscAutomationEntry {
    enum class Outcome {
        Completed, // the card is locked and the engine knows
        Failed, // reported as Failed with the reason
        Waiting, // the card is not here; the job stays due for the next run
    };
    Job job;
    QString deviceSerial;
    Outcome outcome = Outcome::Waiting;
    QString reason;
};

struct VscAutomationReport {
    QString dnsName;
    QList<VscAutomationEntry> entries;

    bool anyFailed() const
    {
        return std::any_of(entries.begin(), entries.end(), [](const VscAutomationEntry& e) { return e.outcome == VscAutomationEntry::Outcome::Failed; });
    }
};

// Self-Service automation (`lanyard --self-service --automation`): asks the engine for this
// computer's due PIN-lock jobs, applies each through the backend, and reports each outcome.
// A job is only reported Completed after the backend said the card is locked. Engine calls
// are made on this object's thread (a remote engine's network lives there); card work runs
// on the pool.
class VscAutomation : public QObject {
    Q_OBJECT
public:
    VscAutomation(Engine& engine, OperatorSession session, LocalVscBackend& backend, QObject* parent = nullptr)
        : QObject(parent)
        , m_engine(engine)
        , m_session(std::move(session))
        , m_backend(backend)
    {
    }

    QFuture<Result<VscAutomationReport>> run(const QString& dnsName, QThreadPool* pool);

    // This computer's full DNS name as the system knows it (host name and domain).
    static QString localDnsName();

private:
    struct Run;
    void reportNext(std::shared_ptr<Run> run);

    Engine& m_engine;
    OperatorSession m_session;
    LocalVscBackend& m_backend;
};

} // namespace lanyard
