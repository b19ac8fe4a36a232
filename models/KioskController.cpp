#include "KioskController.h"

#include "cards/PivSigner.h"
#include "core/WhenFinished.h"

#include <QLoggingCategory>

namespace lanyard {

Q_LOGGING_CATEGORY(lcKiosk, "lanyard.kiosk")

namespace {
constexpr int kDefaultIdleSeconds = 60;
}

KioskController::KioskController(Engine& engine, OperatorSession session, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_session(std::move(session))
    , m_cards(&m_cardThread)
{
    m_cardThread.setMaxThreadCount(1);
    m_idle.setSingleShot(true);
    m_idle.setInterval(kDefaultIdleSeconds * 1000);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        if (m_step != Step::InsertCard) {
            qCInfo(lcKiosk) << "idle: starting over";
            startOver();
        }
    });
    connect(&m_monitor, &ReaderMonitor::readersChanged, this, &KioskController::onReaders);
    connect(&m_monitor, &ReaderMonitor::serviceAvailableChanged, this, [this](bool available) {
        m_serviceAvailable = available;
        Q_EMIT serviceAvailableChanged(available);
    });
}

KioskController::~KioskController()
{
    m_monitor.stop();
    m_cardThread.waitForDone();
}

void KioskController::start()
{
    m_monitor.start();
}

void KioskController::setStep(Step step)
{
    m_step = step;
    if (step == Step::InsertCard)
        m_idle.stop();
    else
        m_idle.start();
    Q_EMIT stepChanged(step);
}

void KioskController::touch()
{
    if (m_step != Step::InsertCard)
        m_idle.start();
}

void KioskController::startOver()
{
    ++m_generation;
    // Whatever was on screen goes: the code, the QR payloads, who the holder is.
    m_card = {};
    m_check = {};
    m_request = {};
    m_problem = {};
    m_triesLeft = -1;
    setStep(Step::InsertCard);
}

void KioskController::fail(const Error& error)
{
    qCInfo(lcKiosk) << "refused:" << error.toLogString();
    m_problem = error;
    setStep(Step::Problem);
}

void KioskController::onReaders(const QList<ReaderState>& readers)
{
    if (!m_reader.isEmpty()) {
        const bool stillThere = std::any_of(readers.cbegin(), readers.cend(), [this](const ReaderState& r) { return r.name == m_reader && r.cardPresent; });
        if (stillThere)
            return;
        qCInfo(lcKiosk) << "card removed from" << m_reader;
        m_reader.clear();
        startOver();
    }
    if (m_step != Step::InsertCard)
        return;
    for (const ReaderState& r : readers) {
        if (r.cardPresent && !r.exclusive)
            return begin(r.name);
    }
}

void KioskController::begin(const QString& reader)
{
    m_reader = reader;
    const quint64 generation = ++m_generation;
    setStep(Step::Reading);
    auto read = m_cards.run<CardRead>(reader, [](PivClient& piv) -> Result<CardRead> {
        CardRead out;
        auto certificate = piv.readAuthenticationCertificate();
        if (!certificate)
            return certificate.error();
        out.certificate = *certificate;
        out.parent.certificateDer = *certificate;
        // The engine finds the holder from the certificate; it checks the CHUID's signature
        // itself and uses a signed one only to cross-check, so it gets the bytes as read.
        if (auto chuid = piv.getData(piv::kChuidTag)) {
            out.parent.chuid = *chuid;
        } else if (chuid.error().code != ErrorCode::NotFound) {
            qCWarning(lcKiosk) << "CHUID unreadable:" << chuid.error().toLogString();
        }
        auto status = piv.pinStatus();
        if (!status)
            return status.error();
        out.triesLeft = status->triesLeft;
        out.blocked = status->blocked;
        return out;
    });
    whenFinished(read, this, [this, generation](const Result<CardRead>& r) {
        if (generation == m_generation)
            onCardRead(r);
    });
}

void KioskController::onCardRead(const Result<CardRead>& read)
{
    if (!read) {
        if (read.error().code == ErrorCode::NoCard)
            return; // pulled out while being read: the monitor starts over
        return fail(read.error());
    }
    m_card = read->parent;
    m_triesLeft = read->triesLeft;
    if (read->blocked)
        return fail(Error(ErrorCode::PinBlocked, QStringLiteral("the card's PIN is blocked"), { { QStringLiteral("reference"), QStringLiteral("pin") } }));
    const quint64 generation = m_generation;
    whenFinished(m_engine.checkParentCard(m_session, m_card), this, [this, generation](const Result<ParentCardCheck>& check) {
        if (generation != m_generation)
            return;
        if (!check)
            return fail(check.error());
        m_check = *check;
        m_idle.setInterval(qMax(15, m_check.idleSeconds) * 1000);
        setStep(Step::EnterPin);
    });
}

void KioskController::submitPin(const QString& pin)
{
    if (m_step != Step::EnterPin)
        return;
    touch();
    if (auto format = PivClient::checkPinFormat(PinReference::Pin, pin); !format) {
        Q_EMIT pinRejected(format.error()); // a slip of the finger costs no try
        return;
    }
    const quint64 generation = m_generation;
    const QByteArray challenge = m_check.challenge;
    setStep(Step::Working);
    // PIN and signature in one transaction, and the card reset afterwards, so the verified
    // PIN is never left usable for anyone else.
    auto signing = m_cards.run<PivSigner::HolderProof>(
        m_reader, [pin, challenge](PivClient& piv) { return PivSigner::proveHolder(piv, pin, challenge); }, true);
    whenFinished(signing, this, [this, generation, challenge](const Result<PivSigner::HolderProof>& proof) {
        if (generation != m_generation)
            return;
        if (!proof) {
            const Error& e = proof.error();
            if (e.code == ErrorCode::WrongPin) {
                m_triesLeft = e.args.value(QStringLiteral("triesLeft")).toInt();
                setStep(Step::EnterPin);
                Q_EMIT pinRejected(e);
                return;
            }
            if (e.code == ErrorCode::NoCard)
                return;
            return fail(e);
        }
        whenFinished(m_engine.requestDerivedCredential(m_session, m_card, challenge, proof->signature), this,
            [this, generation](const Result<IssuedRequest>& issued) {
                if (generation != m_generation)
                    return;
                if (!issued)
                    return fail(issued.error());
                m_request = *issued;
                setStep(Step::Collect);
            });
    });
}

} // namespace lanyard
