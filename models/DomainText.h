#pragma once

#include "engine/CertificateRecord.h"
#include "engine/CredentialProfile.h"
#include "engine/DeviceLifecycle.h"
#include "engine/Job.h"
#include "engine/Role.h"

#include <QCoreApplication>
#include <QDateTime>

namespace lanyard {

// Words for the domain's states and kinds, as the operator reads them.
class DomainText {
    Q_DECLARE_TR_FUNCTIONS(DomainText)
public:
    static QString deviceState(DeviceState s);
    static QString deviceOperation(DeviceOperation op);
    static QString jobStatus(JobStatus s);
    static QString jobType(JobType t);
    static QString cardEncoding(CardEncoding e);
    static QString notificationScheme(NotificationScheme s);
    static QString deviceRestriction(DeviceRestriction r);
    static QString keyRecovery(KeyRecovery r);
    static QString workflow(Workflow w);
    static QString scope(Scope s);
    static QString certificateStatus(CertificateStatus s, const QString& reason);
    static QString channel(const QString& channel);
    static QString keyAlgorithm(KeyAlgorithm a);
    static QString keyAlgorithms(const QList<KeyAlgorithm>& list); // "ECC P-256, RSA 2048"
    static QString keyUsage(const QString& name); // "digitalSignature"
    static QString extendedKeyUsage(const QString& nameOrOid); // "clientAuth", "2.16.840.1.101.3.6.8"
    // A subject alternative name a policy asks for: "email", "upn", "fascn", "card-uuid".
    static QString alternativeName(const QString& id);
    // A person's field by its wire name ("logonName", "mobile", …).
    static QString personField(const QString& field);
    static QString notificationState(const QString& state);
    static QString messageKind(const QString& kind); // "auth-code"
    static QString messageTemplate(const QString& name); // "auth-code-sms"
    static QString dateTime(const QDateTime& t);
    static QString date(const QDateTime& t);
};

} // namespace lanyard
