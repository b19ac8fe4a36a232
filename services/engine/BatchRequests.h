#pragma once

#include "AccessControl.h"
#include "BatchRequest.h"
#include "EngineContext.h"

#include <QSqlDatabase>

namespace lanyard {

// One profile requested for many people at once (Find Person's selection, or a group): each
// person's request is made, refused and audited exactly as a single request would be, in its
// own transaction, so a caller that stops between calls leaves only whole requests behind.
// Codes always go by the profile's notification scheme: nobody reads out a hundred codes.
class BatchRequests {
public:
    static constexpr int kMaxPeople = 100; // per call: a longer list is sent in several

    BatchRequests(const EngineContext& context, QSqlDatabase db);

    // An outcome for every person, in the order given; a person named twice is requested once.
    Result<QList<BatchOutcome>> request(const AccessControl& ac, const QList<qint64>& personIds, qint64 profileId);

private:
    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
