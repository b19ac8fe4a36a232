#include "JsonCodec.h"

#include "JsonReader.h"

// The directory connection, its probe and its sync reports on the wire.
namespace lanyard::json {

namespace {
QJsonObject fromSyncError(const DirectorySyncError& e)
{
    return { { QStringLiteral("dn"), e.dn }, { QStringLiteral("problem"), e.problem }, { QStringLiteral("field"), e.field }, { QStringLiteral("detail"), e.detail } };
}

DirectorySyncError readSyncError(JsonReader& r)
{
    return { r.text("dn", 4096), r.text("problem", 100), r.text("field", 100), r.text("detail", 4096) };
}

QJsonArray fromSyncErrors(const QList<DirectorySyncError>& errors)
{
    QJsonArray out;
    for (const DirectorySyncError& e : errors)
        out.append(fromSyncError(e));
    return out;
}
} // namespace

QJsonObject fromDirectoryConfig(const DirectoryConfig& c)
{
    QJsonObject attributes;
    for (auto it = c.attributes.cbegin(); it != c.attributes.cend(); ++it)
        attributes.insert(it.key(), it.value());
    QJsonArray groups;
    for (const DirectoryGroupRole& g : c.groupRoles)
        groups.append(QJsonObject { { QStringLiteral("groupDn"), g.groupDn }, { QStringLiteral("roleId"), g.roleId } });
    return { { QStringLiteral("enabled"), c.enabled }, { QStringLiteral("kind"), directoryKindId(c.kind) }, { QStringLiteral("url"), c.url },
        { QStringLiteral("startTls"), c.startTls }, { QStringLiteral("caFile"), c.caFile }, { QStringLiteral("bindDn"), c.bindDn },
        { QStringLiteral("bindPassword"), c.bindPassword }, { QStringLiteral("baseDn"), c.baseDn }, { QStringLiteral("filter"), c.filter },
        { QStringLiteral("pageSize"), c.pageSize }, { QStringLiteral("attributes"), attributes }, { QStringLiteral("idAttribute"), c.idAttribute },
        { QStringLiteral("disabledBy"), disabledById(c.disabledBy) }, { QStringLiteral("disabledAttribute"), c.disabledAttribute },
        { QStringLiteral("disabledValue"), c.disabledValue }, { QStringLiteral("changeAttribute"), c.changeAttribute },
        { QStringLiteral("intervalMinutes"), c.intervalMinutes }, { QStringLiteral("groupRoles"), groups } };
}

Result<DirectoryConfig> toDirectoryConfig(const QJsonObject& o)
{
    JsonReader r(o);
    DirectoryConfig c;
    // Every field named: a configuration that left one out would silently take a default.
    for (const char* name : { "enabled", "kind", "url", "startTls", "caFile", "bindDn", "bindPassword", "baseDn", "filter", "pageSize", "attributes", "idAttribute",
             "disabledBy", "disabledAttribute", "disabledValue", "changeAttribute", "intervalMinutes", "groupRoles" })
        r.require(name);
    c.enabled = r.boolean("enabled");
    c.kind = r.choice<DirectoryConfig::Kind>("kind", directoryKindFromId, DirectoryConfig::Kind::OpenLdap);
    c.url = r.text("url", 2048);
    c.startTls = r.boolean("startTls");
    c.caFile = r.text("caFile", 4096);
    c.bindDn = r.text("bindDn", 4096);
    c.bindPassword = r.text("bindPassword", 1024);
    c.baseDn = r.text("baseDn", 4096);
    c.filter = r.text("filter", 4096);
    c.pageSize = r.number("pageSize", 0, 1000000);
    const QJsonObject attributes = r.object("attributes");
    if (attributes.size() > 50)
        r.fail(QStringLiteral("attributes"), QStringLiteral("more than 50 fields"));
    for (auto it = attributes.constBegin(); r.ok() && it != attributes.constEnd(); ++it) {
        if (!it.value().isString() || it.key().size() > 100 || it.value().toString().size() > 200) {
            r.fail(QStringLiteral("attributes.") + it.key().left(80), QStringLiteral("each attribute is a name of up to 200 characters"));
            break;
        }
        if (!it.value().toString().isEmpty())
            c.attributes.insert(it.key(), it.value().toString());
    }
    c.idAttribute = r.text("idAttribute", 200);
    c.disabledBy = r.choice<DirectoryConfig::DisabledBy>("disabledBy", disabledByFromId, DirectoryConfig::DisabledBy::Nothing);
    c.disabledAttribute = r.text("disabledAttribute", 200);
    c.disabledValue = r.text("disabledValue", 1000);
    c.changeAttribute = r.text("changeAttribute", 200);
    c.intervalMinutes = r.number("intervalMinutes", -1000000, 1000000);
    c.groupRoles = r.objects<DirectoryGroupRole>("groupRoles",
        [](JsonReader& g) {
            g.require("groupDn");
            g.require("roleId");
            return DirectoryGroupRole { g.text("groupDn", 4096), g.integer("roleId", 1) };
        },
        500);
    return finish(r, c);
}

QJsonObject fromDirectoryProbe(const DirectoryProbe& p)
{
    QJsonArray people;
    for (const QMap<QString, QString>& person : p.firstPeople) {
        QJsonObject o;
        for (auto it = person.cbegin(); it != person.cend(); ++it)
            o.insert(it.key(), it.value());
        people.append(o);
    }
    return { { QStringLiteral("matching"), p.matching }, { QStringLiteral("errors"), fromSyncErrors(p.errors) }, { QStringLiteral("firstPeople"), people } };
}

Result<DirectoryProbe> toDirectoryProbe(const QJsonObject& o)
{
    JsonReader r(o);
    DirectoryProbe p;
    p.matching = r.number("matching", 0, std::numeric_limits<int>::max());
    p.errors = r.objects<DirectorySyncError>("errors", readSyncError, 100);
    for (const QJsonValue& v : r.array("firstPeople", 100)) {
        QMap<QString, QString> person;
        const QJsonObject fields = v.toObject();
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
            person.insert(it.key(), it.value().toString());
        p.firstPeople << person;
    }
    return finish(r, p);
}

QJsonObject fromDirectorySyncReport(const DirectorySyncReport& s)
{
    return { { QStringLiteral("id"), s.id }, { QStringLiteral("startedAt"), s.startedAt }, { QStringLiteral("finishedAt"), s.finishedAt },
        { QStringLiteral("full"), s.full }, { QStringLiteral("failed"), s.failed }, { QStringLiteral("entries"), s.entries }, { QStringLiteral("added"), s.added },
        { QStringLiteral("updated"), s.updated }, { QStringLiteral("disabled"), s.disabled }, { QStringLiteral("enabled"), s.enabled },
        { QStringLiteral("roleChanges"), s.roleChanges }, { QStringLiteral("errorCount"), s.errorCount }, { QStringLiteral("problem"), s.problem },
        { QStringLiteral("detail"), s.detail }, { QStringLiteral("errors"), fromSyncErrors(s.errors) } };
}

Result<DirectorySyncReport> toDirectorySyncReport(const QJsonObject& o)
{
    JsonReader r(o);
    DirectorySyncReport s;
    s.id = r.integer("id", 0);
    s.startedAt = r.integer("startedAt", 0);
    s.finishedAt = r.integer("finishedAt", 0);
    s.full = r.boolean("full");
    s.failed = r.boolean("failed");
    constexpr int kMax = std::numeric_limits<int>::max();
    s.entries = r.number("entries", 0, kMax);
    s.added = r.number("added", 0, kMax);
    s.updated = r.number("updated", 0, kMax);
    s.disabled = r.number("disabled", 0, kMax);
    s.enabled = r.number("enabled", 0, kMax);
    s.roleChanges = r.number("roleChanges", 0, kMax);
    s.errorCount = r.number("errorCount", 0, kMax);
    s.problem = r.text("problem", 100);
    s.detail = r.text("detail", 4096);
    s.errors = r.objects<DirectorySyncError>("errors", readSyncError, DirectorySyncReport::kKeptErrors);
    return finish(r, s);
}

} // namespace lanyard::json
