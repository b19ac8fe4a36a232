#pragma once

#include <QList>
#include <QString>

namespace lanyard {

// The operations a role may be granted. Stored by id; append new ones at the end.
enum class Workflow {
    FindPerson,
    RequestMobile,
    RequestCard,
    RequestMyId,
    CancelDevice,
    EnableDisableDevice,
    RequestReplacement,
    RequestUpdate,
    RequestRenewal,
    UnlockCredential,
    ValidateRequest,
    ManageVscAccess,
    UnlockVscTemporaryAccess,
    ViewAudit,
    EditConfiguration,
    EditRoles,
    EditCredentialProfiles,
    AddEditDevices,
    ManageJobs,
    IssueDerivedCredential, // the kiosk: a PIV card holder gets a derived credential
    EditPeople, // a person's details, among them the identifiers of their PIV card
    EditCertificatePolicies,
    AddPerson, // one by one, or by importing a file
    DisableEnableAccount,
    AssignRoles, // never a role carrying workflows the operator does not hold
    RemovePerson,
    ManageDirectory, // the directory connection, its mapping, and syncing from it
    // The holder's own: report a credential lost, stolen, damaged or forgotten, and cancel
    // their own open requests. Reaches nobody else, whatever the role's scope.
    ReportIncident,
};

// Workflows that act only on their holder's own records (Request My ID, Report Incident):
// holding one gives no power over anyone else, so comparing two people's rights leaves them out.
bool reachesOnlyItsHolder(Workflow w);

QString workflowId(Workflow w);
bool workflowFromId(const QString& id, Workflow* w);
QList<Workflow> allWorkflows();

} // namespace lanyard
