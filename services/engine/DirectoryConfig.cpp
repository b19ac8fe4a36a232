#include "DirectoryConfig.h"

#include "core/IdTable.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace lanyard {

namespace {
constexpr auto kKinds = makeIdTable<DirectoryConfig::Kind>(
    std::pair { DirectoryConfig::Kind::ActiveDirectory, "active-directory" }, std::pair { DirectoryConfig::Kind::OpenLdap, "openldap" });
constexpr auto kDisabledBy = makeIdTable<DirectoryConfig::DisabledBy>(std::pair { DirectoryConfig::DisabledBy::Nothing, "nothing" },
    std::pair { DirectoryConfig::DisabledBy::AccountControl, "account-control" }, std::pair { DirectoryConfig::DisabledBy::Attribute, "attribute" });

Error invalid(const QString& field, const QString& problem, const QString& detail)
{
    return Error(ErrorCode::InvalidArgument, QStringLiteral("%1: %2").arg(field, detail),
        { { QStringLiteral("problem"), problem }, { QStringLiteral("field"), field } });
}

bool balancedFilter(const QString& filter)
{
    if (!filter.startsWith(QLatin1Char('(')) || !filter.endsWith(QLatin1Char(')')))
        return false;
    int depth = 0;
    for (qsizetype i = 0; i < filter.size(); ++i) {
        const QChar c = filter.at(i);
        if (c == QLatin1Char('\\')) {
            ++i; // an escaped character (RFC 4515 \XX) is never a parenthesis
            continue;
        }
        if (c == QLatin1Char('(')) {
            ++depth;
        } else if (c == QLatin1Char(')')) {
            if (--depth < 0)
                return false;
        } else if (depth == 0) {
            return false; // text between top-level filters
        }
    }
    return depth == 0;
}
} // namespace

QString directoryKindId(DirectoryConfig::Kind kind)
{
    return kKinds.id(kind);
}

bool directoryKindFromId(const QString& id, DirectoryConfig::Kind* kind)
{
    const auto found = kKinds.find(id);
    if (found)
        *kind = *found;
    return found.has_value();
}

QString disabledById(DirectoryConfig::DisabledBy by)
{
    return kDisabledBy.id(by);
}

bool disabledByFromId(const QString& id, DirectoryConfig::DisabledBy* by)
{
    const auto found = kDisabledBy.find(id);
    if (found)
        *by = *found;
    return found.has_value();
}

QStringList DirectoryConfig::changeAttributes()
{
    return { QStringLiteral("entryCSN"), QStringLiteral("modifyTimestamp"), QStringLiteral("uSNChanged") };
}

QStringList DirectoryConfig::mappableFields()
{
    return { QStringLiteral("logonName"), QStringLiteral("fullName"), QStringLiteral("email"), QStringLiteral("mobile"), QStringLiteral("userPrincipalName"),
        QStringLiteral("group"), QStringLiteral("employeeId") };
}

DirectoryConfig DirectoryConfig::defaultsFor(Kind kind)
{
    DirectoryConfig c;
    c.kind = kind;
    if (kind == Kind::ActiveDirectory) {
        c.url = QStringLiteral("ldaps://dc.example.test");
        c.filter = QStringLiteral("(&(objectCategory=person)(objectClass=user))");
        c.attributes = { { QStringLiteral("logonName"), QStringLiteral("sAMAccountName") }, { QStringLiteral("fullName"), QStringLiteral("displayName") },
            { QStringLiteral("email"), QStringLiteral("mail") }, { QStringLiteral("mobile"), QStringLiteral("mobile") },
            { QStringLiteral("userPrincipalName"), QStringLiteral("userPrincipalName") }, { QStringLiteral("group"), QStringLiteral("department") },
            { QStringLiteral("employeeId"), QStringLiteral("employeeID") } };
        c.idAttribute = QStringLiteral("objectGUID");
        c.disabledBy = DisabledBy::AccountControl;
        c.changeAttribute = QStringLiteral("uSNChanged");
    } else {
        c.url = QStringLiteral("ldaps://ldap.example.test");
        c.filter = QStringLiteral("(objectClass=inetOrgPerson)");
        c.attributes = { { QStringLiteral("logonName"), QStringLiteral("uid") }, { QStringLiteral("fullName"), QStringLiteral("cn") },
            { QStringLiteral("email"), QStringLiteral("mail") }, { QStringLiteral("mobile"), QStringLiteral("mobile") },
            { QStringLiteral("group"), QStringLiteral("departmentNumber") }, { QStringLiteral("employeeId"), QStringLiteral("employeeNumber") } };
        c.idAttribute = QStringLiteral("entryUUID");
        c.disabledBy = DisabledBy::Nothing;
        // Microseconds and a counter, where modifyTimestamp has whole seconds: a sync reads
        // again only the last change, not everything changed in that second.
        c.changeAttribute = QStringLiteral("entryCSN");
    }
    return c;
}

bool DirectoryConfig::isAttributeName(const QString& text)
{
    static const QRegularExpression name(QStringLiteral(R"(^([A-Za-z][A-Za-z0-9-]*|[0-9]+(\.[0-9]+)+)$)"));
    return name.match(text).hasMatch();
}

bool DirectoryConfig::isDistinguishedName(const QString& text)
{
    if (text.trimmed().isEmpty())
        return false;
    // Split at commas not escaped by a backslash; each part is attribute=value.
    QStringList rdns;
    QString current;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\') && i + 1 < text.size()) {
            current += c;
            current += text.at(++i);
        } else if (c == QLatin1Char(',')) {
            rdns << current;
            current.clear();
        } else {
            current += c;
        }
    }
    rdns << current;
    for (const QString& rdn : rdns) {
        for (const QString& ava : rdn.split(QLatin1Char('+'))) {
            const qsizetype eq = ava.indexOf(QLatin1Char('='));
            if (eq <= 0 || !isAttributeName(ava.left(eq).trimmed()) || ava.mid(eq + 1).trimmed().isEmpty())
                return false;
        }
    }
    return true;
}

Result<void> DirectoryConfig::validate(const DirectoryConfig& c)
{
    const QUrl url(c.url.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("ldap") && scheme != QLatin1String("ldaps")) || url.host().isEmpty()
        || (!url.path().isEmpty() && url.path() != QLatin1String("/")))
        return invalid(QStringLiteral("url"), QStringLiteral("directory-url"), QStringLiteral("'%1' is not an ldap:// or ldaps:// address").arg(c.url));
    if (c.startTls && scheme == QLatin1String("ldaps"))
        return invalid(QStringLiteral("startTls"), QStringLiteral("directory-starttls-ldaps"), QStringLiteral("StartTLS is for ldap:// addresses; ldaps:// is TLS already"));
    if (!c.bindDn.trimmed().isEmpty() && !isDistinguishedName(c.bindDn))
        return invalid(QStringLiteral("bindDn"), QStringLiteral("directory-dn"), QStringLiteral("'%1' is not a distinguished name").arg(c.bindDn));
    if (!isDistinguishedName(c.baseDn))
        return invalid(QStringLiteral("baseDn"), QStringLiteral("directory-dn"), QStringLiteral("'%1' is not a distinguished name").arg(c.baseDn));
    if (!balancedFilter(c.filter.trimmed()))
        return invalid(QStringLiteral("filter"), QStringLiteral("directory-filter"), QStringLiteral("'%1' is not an LDAP filter in parentheses").arg(c.filter));
    if (c.pageSize < 1 || c.pageSize > 10000) {
        Error e = invalid(QStringLiteral("pageSize"), QStringLiteral("out-of-range"), QStringLiteral("the page size must be 1 to 10000"));
        e.args.insert(QStringLiteral("minimum"), 1);
        e.args.insert(QStringLiteral("maximum"), 10000);
        return e;
    }
    if (c.intervalMinutes < 0 || c.intervalMinutes > 7 * 24 * 60) {
        Error e = invalid(QStringLiteral("intervalMinutes"), QStringLiteral("out-of-range"), QStringLiteral("the interval must be 0 to 10080 minutes"));
        e.args.insert(QStringLiteral("minimum"), 0);
        e.args.insert(QStringLiteral("maximum"), 7 * 24 * 60);
        return e;
    }
    const QStringList fields = mappableFields();
    for (auto it = c.attributes.cbegin(); it != c.attributes.cend(); ++it) {
        if (!fields.contains(it.key()))
            return invalid(it.key(), QStringLiteral("directory-field-unknown"), QStringLiteral("'%1' is not a person field a directory fills").arg(it.key()));
        if (!isAttributeName(it.value()))
            return invalid(it.key(), QStringLiteral("directory-attribute"), QStringLiteral("'%1' is not an attribute name").arg(it.value()));
    }
    if (c.attributes.value(QStringLiteral("logonName")).isEmpty())
        return invalid(QStringLiteral("logonName"), QStringLiteral("directory-logon-unmapped"), QStringLiteral("the logon name needs an attribute"));
    if (!isAttributeName(c.idAttribute))
        return invalid(QStringLiteral("idAttribute"), QStringLiteral("directory-attribute"), QStringLiteral("'%1' is not an attribute name").arg(c.idAttribute));
    if (c.disabledBy == DisabledBy::Attribute && !isAttributeName(c.disabledAttribute))
        return invalid(QStringLiteral("disabledAttribute"), QStringLiteral("directory-attribute"),
            QStringLiteral("'%1' is not an attribute name").arg(c.disabledAttribute));
    if (!c.changeAttribute.isEmpty() && !changeAttributes().contains(c.changeAttribute))
        return invalid(QStringLiteral("changeAttribute"), QStringLiteral("directory-change-attribute"),
            QStringLiteral("changes are read by %1, not '%2'").arg(changeAttributes().join(QStringLiteral(", ")), c.changeAttribute));
    QSet<QString> groups;
    for (const DirectoryGroupRole& g : c.groupRoles) {
        if (!isDistinguishedName(g.groupDn))
            return invalid(QStringLiteral("groupRoles"), QStringLiteral("directory-dn"), QStringLiteral("'%1' is not a distinguished name").arg(g.groupDn));
        const QString key = g.groupDn.trimmed().toLower() + QLatin1Char('|') + QString::number(g.roleId);
        if (groups.contains(key))
            return invalid(QStringLiteral("groupRoles"), QStringLiteral("directory-group-twice"), QStringLiteral("'%1' is listed twice for one role").arg(g.groupDn));
        groups.insert(key);
    }
    return {};
}

} // namespace lanyard
