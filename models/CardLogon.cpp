#include "CardLogon.h"

#include "CardPinController.h"
#include "OperatorSessionController.h"
#include "core/WhenFinished.h"

#include <QPromise>

namespace lanyard {

CardLogon::CardLogon(OperatorSessionController& session, CardPinController& cards, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_cards(cards)
{
}

void CardLogon::logon(const QString& pin)
{
    if (m_session.isBusy())
        return;
    // One future for the whole exchange, so the session controller is busy from the first
    // step to the last and reports the outcome the way it does for a password.
    auto promise = std::make_shared<QPromise<Result<OperatorSession>>>();
    promise->start();
    m_session.resume(promise->future());
    auto settle = [promise](const Result<OperatorSession>& outcome) {
        promise->addResult(outcome);
        promise->finish();
    };
    Engine& engine = m_session.engine();
    whenFinished(engine.cardLogonChallenge(), this, [this, pin, settle, &engine](const Result<QByteArray>& challenge) {
        if (!challenge)
            return settle(challenge.error());
        whenFinished(m_cards.prove(pin, *challenge), this, [settle, challenge = *challenge, &engine, this](const Result<PivSigner::HolderProof>& proof) {
            if (!proof)
                return settle(proof.error());
            whenFinished(engine.logonWithCard(proof->certificate, challenge, proof->signature), this, settle);
        });
    });
}

} // namespace lanyard
