#include "AutomationRun.h"

#include "EngineLauncher.h"
#include "ErrorText.h"
#include "core/WhenFinished.h"
#include "remote/RemoteEngine.h"
#include "secrets/Keychain.h"
#include "vsc/PivCardVscBackend.h"
#include "vsc/VscAutomation.h"

namespace lanyard {

AutomationRun::AutomationRun(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    // Card work is one thing at a time, off the thread that talks to the engine.
    m_cardThread.setMaxThreadCount(1);
    PivCardVscBackend::Options card;
    card.reader = m_options.reader;
    m_backend = std::make_unique<PivCardVscBackend>(card);
    if (m_options.dnsName.isEmpty())
        m_options.dnsName = VscAutomation::localDnsName();
}

AutomationRun::~AutomationRun()
{
    m_cardThread.waitForDone();
}

void AutomationRun::start()
{
    if (m_options.connection.isServer())
        openRemote();
    else
        openEmbedded();
}

void AutomationRun::stop(const Error& error)
{
    Q_EMIT message(ErrorText::describe(error));
    Q_EMIT finished(2);
}

void AutomationRun::openEmbedded()
{
    EngineLauncher::Options launch;
    launch.databasePath = m_options.connection.databasePath.isEmpty() ? EngineLauncher::defaultDatabasePath() : m_options.connection.databasePath;
    launch.forceKeyFile = m_options.forceKeyFile;
    m_launcher = std::make_unique<EngineLauncher>(launch);
    connect(m_launcher.get(), &EngineLauncher::failed, this, &AutomationRun::stop);
    connect(m_launcher.get(), &EngineLauncher::ready, this, [this] {
        m_embedded = m_launcher->takeEngine();
        m_engine = m_embedded.get();
        logOn();
    });
    m_launcher->start();
}

void AutomationRun::openRemote()
{
    auto remote = RemoteEngine::create({ m_options.connection.serverAddress(), m_options.connection.caFile });
    if (!remote)
        return stop(remote.error());
    m_remote = std::move(remote.value());
    m_engine = m_remote.get();
    whenFinished(m_remote->connectToServer(), this, [this](Result<EngineInfo> info) {
        if (!info)
            return stop(info.error());
        logOn();
    });
}

void AutomationRun::logOn()
{
    const auto proceed = [this](Result<OperatorSession> session) {
        if (!session)
            return stop(session.error());
        apply(*session);
    };
    if (!m_options.logonName.isEmpty())
        return whenFinished(m_engine->logon(m_options.logonName, m_options.password), this, proceed);
    if (!m_remote) {
        Q_EMIT message(tr("Automation needs to log on: set LANYARD_LOGON and LANYARD_PASSWORD for the embedded engine."));
        return Q_EMIT finished(2);
    }
    whenFinished(Keychain(m_options.keychainService).read(m_options.connection.tokenKey()), this, [this, proceed](Result<QByteArray> token) {
        if (!token || token->isEmpty()) {
            Q_EMIT message(tr("No remembered Self-Service session: open Self-Service once and log on, or set LANYARD_LOGON and LANYARD_PASSWORD."));
            return Q_EMIT finished(2);
        }
        whenFinished(m_remote->resume(QString::fromUtf8(*token)), this, proceed);
    });
}

void AutomationRun::apply(const OperatorSession& session)
{
    Q_EMIT message(tr("Looking for PIN locks due on %1 (%2)…").arg(m_options.dnsName, m_backend->name()));
    auto* automation = new VscAutomation(*m_engine, session, *m_backend, this);
    whenFinished(automation->run(m_options.dnsName, &m_cardThread), this, [this](Result<VscAutomationReport> report) {
        if (!report)
            return stop(report.error());
        print(*report);
        Q_EMIT finished(report->anyFailed() ? 1 : 0);
    });
}

void AutomationRun::print(const VscAutomationReport& report)
{
    if (report.entries.isEmpty())
        Q_EMIT message(tr("No PIN lock is due on %1.").arg(report.dnsName));
    for (const VscAutomationEntry& e : report.entries) {
        switch (e.outcome) {
        case VscAutomationEntry::Outcome::Completed:
            Q_EMIT message(tr("Lock job %1 on %2: completed; the card is locked.").arg(e.job.id).arg(e.deviceSerial));
            break;
        case VscAutomationEntry::Outcome::Failed:
            Q_EMIT message(tr("Lock job %1 on %2: failed: %3").arg(e.job.id).arg(e.deviceSerial, e.reason));
            break;
        case VscAutomationEntry::Outcome::Waiting:
            Q_EMIT message(tr("Lock job %1 on %2: waiting for the next run (%3).").arg(e.job.id).arg(e.deviceSerial, e.reason));
            break;
        }
    }
}

} // namespace lanyard
