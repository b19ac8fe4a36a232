// JSON shapes of the derived-credential kiosk calls (declared in JsonCodec.h).
#include "JsonCodec.h"
#include "JsonReader.h"

namespace lanyard::json {

namespace {
QString base64(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QByteArray fromBase64(JsonReader& r, const char* name, int maxLength)
{
    const QString text = r.text(name, maxLength);
    auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        r.fail(QLatin1String(name), QStringLiteral("not base64"));
    return decoded ? *decoded : QByteArray();
}
} // namespace

QJsonObject fromParentCard(const ParentCard& c)
{
    return { { QStringLiteral("certificate"), base64(c.certificateDer) }, { QStringLiteral("chuid"), base64(c.chuid) } };
}

Result<ParentCard> toParentCard(const QJsonObject& o)
{
    JsonReader r(o);
    ParentCard c;
    c.certificateDer = fromBase64(r, "certificate", 64 * 1024);
    // A CHUID with its issuer's signature and certificate stays well under 16 KiB.
    c.chuid = fromBase64(r, "chuid", 24 * 1024);
    return finish(r, c);
}

QJsonObject fromParentCardCheck(const ParentCardCheck& c)
{
    return { { QStringLiteral("personId"), c.personId }, { QStringLiteral("personName"), c.personName },
        { QStringLiteral("profileName"), c.profileName }, { QStringLiteral("challenge"), base64(c.challenge) },
        { QStringLiteral("challengeExpires"), isoTime(c.challengeExpires) }, { QStringLiteral("certificateExpires"), isoTime(c.certificateExpires) },
        { QStringLiteral("androidAppUrl"), c.androidAppUrl }, { QStringLiteral("iosAppUrl"), c.iosAppUrl }, { QStringLiteral("idleSeconds"), c.idleSeconds } };
}

Result<ParentCardCheck> toParentCardCheck(const QJsonObject& o)
{
    JsonReader r(o);
    ParentCardCheck c;
    c.personId = r.integer("personId", 0);
    c.personName = r.text("personName", 500);
    c.profileName = r.text("profileName", 500);
    c.challenge = fromBase64(r, "challenge", 1024);
    c.challengeExpires = r.time("challengeExpires");
    c.certificateExpires = r.time("certificateExpires");
    c.androidAppUrl = r.text("androidAppUrl", 2000);
    c.iosAppUrl = r.text("iosAppUrl", 2000);
    c.idleSeconds = r.numberOr("idleSeconds", 60, 15, 600);
    return finish(r, c);
}

QJsonObject fromParentTrustEnd(const ParentTrustEnd& t)
{
    return { { QStringLiteral("fingerprint"), t.fingerprint }, { QStringLiteral("deviceId"), t.deviceId }, { QStringLiteral("reason"), t.reason } };
}

Result<ParentTrustEnd> toParentTrustEnd(const QJsonObject& o)
{
    JsonReader r(o);
    ParentTrustEnd t;
    t.fingerprint = r.text("fingerprint", 128);
    t.deviceId = r.integer("deviceId", 0);
    t.reason = r.text("reason", 2000);
    return finish(r, t);
}

QJsonObject fromParentTrustReport(const ParentTrustReport& t)
{
    return { { QStringLiteral("devicesCancelled"), t.devicesCancelled }, { QStringLiteral("requestsCancelled"), t.requestsCancelled },
        { QStringLiteral("parents"), QJsonArray::fromStringList(t.parents) } };
}

Result<ParentTrustReport> toParentTrustReport(const QJsonObject& o)
{
    JsonReader r(o);
    ParentTrustReport t;
    t.devicesCancelled = r.number("devicesCancelled", 0);
    t.requestsCancelled = r.number("requestsCancelled", 0);
    t.parents = r.texts("parents");
    return finish(r, t);
}

} // namespace lanyard::json
