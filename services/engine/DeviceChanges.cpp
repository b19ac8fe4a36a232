#include "DeviceChanges.h"

#include "DeviceService.h"
#include "RequestService.h"
#include "storage/Transaction.h"

namespace lanyard {

DeviceChanges::DeviceChanges(const EngineContext& context, QSqlDatabase db)
    : m_ctx(context)
    , m_db(std::move(db))
{
}

Result<DeviceChange> DeviceChanges::change(const AccessControl& ac, qint64 deviceId, const DeviceAction& action)
{
    Transaction tx(m_db, m_ctx.dialect());
    if (auto r = tx.begin(); !r)
        return r.error();
    qint64 replacementJob = 0;
    auto device = DeviceService(m_ctx, m_db).change(ac, deviceId, action, &replacementJob);
    if (!device)
        return device.error();
    DeviceChange out { *device, std::nullopt, std::nullopt, {} };
    if (replacementJob > 0) {
        auto issued = RequestService(m_ctx, m_db).deliverReplacement(ac, replacementJob, action.showCode, DeviceLifecycle::workflowFor(action.operation));
        if (issued) {
            out.replacement = *issued;
        } else if (issued.error().code == ErrorCode::StorageFailure || issued.error().code == ErrorCode::StorageBusy) {
            return issued.error();
        } else {
            // A lost or stolen device is revoked whether or not the holder can be reached now.
            out.replacementProblem = issued.error();
            auto job = RequestService(m_ctx, m_db).load(replacementJob);
            if (!job)
                return job.error();
            out.replacement = IssuedRequest { *job, {}, {}, {} };
        }
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return out;
}

} // namespace lanyard
