#include "Workflow.h"

#include "core/IdTable.h"

namespace lanyard {

namespace {
constexpr auto kTable = makeIdTable<Workflow>(
    std::pair { Workflow::FindPerson, "find-person" },
    std::pair { Workflow::RequestMobile, "request-mobile" },
    std::pair { Workflow::RequestCard, "request-card" },
    std::pair { Workflow::RequestMyId, "request-my-id" },
    std::pair { Workflow::CancelDevice, "cancel-device" },
    std::pair { Workflow::EnableDisableDevice, "enable-disable-device" },
    std::pair { Workflow::RequestReplacement, "request-replacement" },
    std::pair { Workflow::RequestUpdate, "request-update" },
    std::pair { Workflow::RequestRenewal, "request-renewal" },
    std::pair { Workflow::UnlockCredential, "unlock-credential" },
    std::pair { Workflow::ValidateRequest, "validate-request" },
    std::pair { Workflow::ManageVscAccess, "manage-vsc-access" },
    std::pair { Workflow::UnlockVscTemporaryAccess, "unlock-vsc-temporary-access" },
    std::pair { Workflow::ViewAudit, "view-audit" },
    std::pair { Workflow::EditConfiguration, "edit-configuration" },
    std::pair { Workflow::EditRoles, "edit-roles" },
    std::pair { Workflow::EditCredentialProfiles, "edit-credential-profiles" },
    std::pair { Workflow::AddEditDevices, "add-edit-devices" },
    std::pair { Workflow::ManageJobs, "manage-jobs" }, std::pair { Workflow::IssueDerivedCredential, "issue-derived-credential" },
    std::pair { Workflow::EditPeople, "edit-people" }, std::pair { Workflow::EditCertificatePolicies, "edit-certificate-policies" },
    std::pair { Workflow::AddPerson, "add-person" }, std::pair { Workflow::DisableEnableAccount, "disable-enable-account" },
    std::pair { Workflow::AssignRoles, "assign-roles" }, std::pair { Workflow::RemovePerson, "remove-person" },
    std::pair { Workflow::ManageDirectory, "manage-directory" }, std::pair { Workflow::ReportIncident, "report-incident" });
} // namespace

bool reachesOnlyItsHolder(Workflow w)
{
    return w == Workflow::RequestMyId || w == Workflow::ReportIncident;
}

QString workflowId(Workflow w)
{
    return kTable.id(w);
}

bool workflowFromId(const QString& id, Workflow* w)
{
    const auto found = kTable.find(id);
    if (found)
        *w = *found;
    return found.has_value();
}

QList<Workflow> allWorkflows()
{
    QList<Workflow> out;
    for (const auto& [w, id] : kTable.entries)
        out.append(w);
    return out;
}

} // namespace lanyard
