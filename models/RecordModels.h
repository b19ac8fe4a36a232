#pragma once

#include "RecordListModel.h"
#include "engine/AuditEvent.h"
#include "engine/CertificatePolicy.h"
#include "engine/CertificateRecord.h"
#include "engine/CredentialProfile.h"
#include "engine/Device.h"
#include "engine/Job.h"
#include "engine/Notification.h"
#include "engine/RegisteredHardware.h"
#include "engine/Role.h"

#include <QCoreApplication>

namespace lanyard {

using DeviceListModel = RecordListModel<Device>;
using CertificateListModel = RecordListModel<CertificateRecord>;
using JobListModel = RecordListModel<Job>;
using AuditEventModel = RecordListModel<AuditEvent>;
using HardwareListModel = RecordListModel<RegisteredHardware>;
using ProfileListModel = RecordListModel<CredentialProfile>;
using PolicyListModel = RecordListModel<CertificatePolicy>;
using RoleListModel = RecordListModel<Role>;
using NotificationListModel = RecordListModel<Notification>;

// The columns of each record table, in one place.
class RecordModels {
    Q_DECLARE_TR_FUNCTIONS(RecordModels)
public:
    static DeviceListModel* devices(QObject* parent);
    static CertificateListModel* certificates(QObject* parent);
    static JobListModel* jobs(QObject* parent);
    static AuditEventModel* auditEvents(QObject* parent);
    static HardwareListModel* hardware(QObject* parent);
    static ProfileListModel* profiles(QObject* parent);
    static ProfileListModel* profileVersions(QObject* parent);
    static PolicyListModel* certificatePolicies(QObject* parent);
    static PolicyListModel* certificatePolicyVersions(QObject* parent);
    static RoleListModel* roles(QObject* parent);
    static NotificationListModel* notifications(QObject* parent);
};

} // namespace lanyard
