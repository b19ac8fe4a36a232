#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace lanyard {

// One row of the append-only, hash-chained audit trail.
struct AuditEvent {
    qint64 seq = 0;
    QDateTime at;
    qint64 operatorId = 0;
    QString operatorName;
    QString workflow; // workflow id, or "logon", "system"
    QString targetType; // "person", "device", "job", "settings", ...
    QString targetId;
    QString targetLabel; // a name, serial or DNS name to search by
    qint64 personId = 0;
    qint64 deviceId = 0;
    QString outcome; // "success", "refused", "failed"
    QString details;
    QString prevHash;
    QString hash;
};

struct AuditQuery {
    qint64 personId = 0;
    qint64 deviceId = 0;
    qint64 operatorId = 0;
    QString workflow;
    QString text; // matches the target label (name, serial, DNS name)
    QDateTime from;
    QDateTime until;
    int offset = 0;
    int limit = 200;

    bool operator==(const AuditQuery&) const = default;
};

struct AuditVerification {
    bool intact = true;
    qint64 checked = 0;
    qint64 firstBrokenSeq = 0;
    QString problem;
};

} // namespace lanyard
