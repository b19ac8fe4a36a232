// JSON shapes of the card holder's VSC calls: due locks, their outcome, unblocking with the
// held PUK (declared in JsonCodec.h).
#include "JsonCodec.h"
#include "JsonReader.h"

#include <QJsonArray>

namespace lanyard::json {

QJsonObject fromVscLockTask(const VscLockTask& t)
{
    QJsonArray certificates;
    for (const QByteArray& der : t.certificates)
        certificates.append(QString::fromLatin1(der.toBase64()));
    return { { QStringLiteral("job"), fromJob(t.job) }, { QStringLiteral("device"), fromDevice(t.device) }, { QStringLiteral("certificates"), certificates },
        { QStringLiteral("puk"), t.puk } };
}

Result<VscLockTask> toVscLockTask(const QJsonObject& o)
{
    VscLockTask t;
    auto job = toJob(o.value(QStringLiteral("job")).toObject());
    if (!job)
        return job.error();
    auto device = toDevice(o.value(QStringLiteral("device")).toObject());
    if (!device)
        return device.error();
    t.job = *job;
    t.device = *device;
    JsonReader r(o);
    t.puk = r.text("puk", 8);
    for (const QJsonValue& v : o.value(QStringLiteral("certificates")).toArray()) {
        auto der = QByteArray::fromBase64Encoding(v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!der)
            r.fail(QStringLiteral("certificates"), QStringLiteral("not base64"));
        else
            t.certificates.append(*der);
    }
    return finish(r, t);
}

QJsonObject fromVscLockOutcome(const VscLockOutcome& o)
{
    return { { QStringLiteral("jobId"), o.jobId }, { QStringLiteral("applied"), o.applied }, { QStringLiteral("reason"), o.reason } };
}

Result<VscLockOutcome> toVscLockOutcome(const QJsonObject& o)
{
    JsonReader r(o);
    VscLockOutcome out;
    r.require("jobId");
    r.require("applied");
    out.jobId = r.integer("jobId", 1);
    out.applied = r.boolean("applied");
    out.reason = r.text("reason", 2000);
    return finish(r, out);
}

QJsonObject fromVscUnblockChallenge(const VscUnblockChallenge& c)
{
    return { { QStringLiteral("deviceId"), c.deviceId }, { QStringLiteral("deviceSerial"), c.deviceSerial }, { QStringLiteral("challenge"), c.challenge },
        { QStringLiteral("expiresAt"), isoTime(c.expiresAt) } };
}

Result<VscUnblockChallenge> toVscUnblockChallenge(const QJsonObject& o)
{
    JsonReader r(o);
    VscUnblockChallenge c;
    c.deviceId = r.integer("deviceId", 1);
    c.deviceSerial = r.text("deviceSerial", 200);
    c.challenge = r.text("challenge", 40);
    c.expiresAt = r.time("expiresAt");
    return finish(r, c);
}

} // namespace lanyard::json
