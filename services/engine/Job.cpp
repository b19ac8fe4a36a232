#include "Job.h"

#include "core/IdTable.h"

namespace lanyard {

namespace {
constexpr auto kTypes = makeIdTable<JobType>(std::pair { JobType::Issue, "issue" }, std::pair { JobType::Replacement, "replacement" },
    std::pair { JobType::TemporaryReplacement, "temporary-replacement" }, std::pair { JobType::Update, "update" },
    std::pair { JobType::Renewal, "renewal" }, std::pair { JobType::PinLock, "pin-lock" },
    std::pair { JobType::TemporaryUnlock, "temporary-unlock" });
constexpr auto kStatuses = makeIdTable<JobStatus>(std::pair { JobStatus::AwaitingValidation, "awaiting-validation" },
    std::pair { JobStatus::AwaitingIssue, "awaiting-issue" }, std::pair { JobStatus::InProgress, "in-progress" },
    std::pair { JobStatus::Completed, "completed" }, std::pair { JobStatus::Cancelled, "cancelled" },
    std::pair { JobStatus::Failed, "failed" }, std::pair { JobStatus::Expired, "expired" }, std::pair { JobStatus::Locked, "locked" });
} // namespace

QString jobTypeId(JobType t) { return kTypes.id(t); }
bool jobTypeFromId(const QString& id, JobType* t)
{
    const auto f = kTypes.find(id);
    if (f)
        *t = *f;
    return f.has_value();
}
QString jobStatusId(JobStatus s) { return kStatuses.id(s); }
bool jobStatusFromId(const QString& id, JobStatus* s)
{
    const auto f = kStatuses.find(id);
    if (f)
        *s = *f;
    return f.has_value();
}
bool isTerminal(JobStatus s)
{
    return s == JobStatus::Completed || s == JobStatus::Cancelled || s == JobStatus::Failed || s == JobStatus::Expired;
}

} // namespace lanyard
