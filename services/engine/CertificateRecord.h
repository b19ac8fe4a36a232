#pragma once

#include "pki/RevocationReason.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace lanyard {

enum class CertificateStatus { Active, OnHold, Revoked };
QString certificateStatusId(CertificateStatus s);
bool certificateStatusFromId(const QString& id, CertificateStatus* s);

// A certificate the engine issued, with its current revocation status.
struct CertificateRecord {
    qint64 id = 0;
    QString serial;
    QString subject;
    QString policyName;
    int policyVersion = 0; // the version of the policy it was issued under; 0 when not known
    qint64 deviceId = 0;
    QDateTime notBefore;
    QDateTime notAfter;
    CertificateStatus status = CertificateStatus::Active;
    QString revocationReason; // RFC 5280 name when revoked
    QDateTime statusChangedAt;
    QByteArray der;
};

} // namespace lanyard
