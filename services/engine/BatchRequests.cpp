#include "BatchRequests.h"

#include "RequestService.h"

#include <QSet>

namespace lanyard {

BatchRequests::BatchRequests(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

Result<QList<BatchOutcome>> BatchRequests::request(const AccessControl& ac, const QList<qint64>& personIds, qint64 profileId)
{
    if (personIds.size() > kMaxPeople)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("%1 people in one call; at most %2").arg(personIds.size()).arg(kMaxPeople),
            { { QStringLiteral("problem"), QStringLiteral("batch-too-large") }, { QStringLiteral("maximum"), kMaxPeople } });
    QList<BatchOutcome> out;
    QSet<qint64> seen;
    RequestService requests(m_ctx, m_db);
    for (qint64 personId : personIds) {
        BatchOutcome o;
        o.personId = personId;
        if (seen.contains(personId)) {
            o.problem = Error(ErrorCode::Conflict, QStringLiteral("named twice in the batch"), { { QStringLiteral("problem"), QStringLiteral("batch-duplicate") } });
            out << o;
            continue;
        }
        seen.insert(personId);
        // The single request's own transaction: whole or nothing, whatever the others do.
        auto made = requests.request(ac, personId, profileId, false);
        if (made)
            o.jobId = made->job.id;
        else
            o.problem = made.error();
        out << o;
    }
    return out;
}

} // namespace lanyard
