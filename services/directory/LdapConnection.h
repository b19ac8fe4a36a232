#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace lanyard {

// Where a directory is and how its certificate is checked.
struct LdapEndpoint {
    QString url; // ldap://host:port or ldaps://host:port
    bool startTls = false; // upgrade an ldap:// connection before binding
    QString caFile; // PEM file of the CA that signs the directory's certificate; empty: the system's
    int timeoutSeconds = 15;
};

// One entry as the directory sent it. Attribute names in lower case; values as bytes (a
// binary attribute such as objectGUID is not text).
struct LdapEntry {
    QString dn;
    QHash<QString, QList<QByteArray>> values;

    QByteArray first(const QString& attribute) const;
    QList<QByteArray> all(const QString& attribute) const { return values.value(attribute.toLower()); }
    bool has(const QString& attribute) const { return values.contains(attribute.toLower()); }
};

enum class LdapScope { Base, Subtree };

// One connection to an LDAP directory through libldap, the only file that speaks it. Calls
// block (the engine runs them on a worker thread) and end within the endpoint's time-out.
// Failures are directory-failure errors whose `problem` names the cause: directory-unreachable,
// directory-tls-untrusted, directory-tls-failed, directory-bind-refused, directory-base-missing,
// directory-filter-syntax, directory-size-limit, directory-timeout, directory-refused.
class LdapConnection {
public:
    ~LdapConnection();
    LdapConnection(const LdapConnection&) = delete;
    LdapConnection& operator=(const LdapConnection&) = delete;

    // Connects (and starts TLS) and binds; an empty DN binds anonymously.
    static Result<std::unique_ptr<LdapConnection>> open(const LdapEndpoint& endpoint, const QString& bindDn, const QString& password);

    using EntryVisitor = std::function<Result<void>(const LdapEntry&)>;
    // Every entry under `base` matching `filter`, `pageSize` at a time (RFC 2696 paged
    // results), handed to `each` as it arrives; an error from `each` stops the search and is
    // returned. An empty attribute list asks for no attributes (DNs only). Returns the count.
    Result<int> search(const QString& base, LdapScope scope, const QString& filter, const QStringList& attributes, int pageSize,
        const EntryVisitor& each);

private:
    struct Handle;
    explicit LdapConnection(std::unique_ptr<Handle> handle);
    std::unique_ptr<Handle> m_handle;
};

} // namespace lanyard
