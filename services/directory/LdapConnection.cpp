#include "LdapConnection.h"

#include <ldap.h>

#include <sys/time.h>

namespace lanyard {

namespace {

Error failure(const QString& problem, const QString& detail, QVariantMap args = {})
{
    args.insert(QStringLiteral("problem"), problem);
    return Error(ErrorCode::DirectoryFailure, detail, std::move(args));
}

QString diagnostic(LDAP* ld)
{
    char* message = nullptr;
    if (ldap_get_option(ld, LDAP_OPT_DIAGNOSTIC_MESSAGE, &message) != LDAP_OPT_SUCCESS || !message)
        return {};
    const QString text = QString::fromUtf8(message);
    ldap_memfree(message);
    return text;
}

QString describe(LDAP* ld, int rc)
{
    const QString extra = ld ? diagnostic(ld) : QString();
    const QString text = QString::fromUtf8(ldap_err2string(rc));
    return extra.isEmpty() || extra == text ? text : QStringLiteral("%1 (%2)").arg(text, extra);
}

bool isConnectionFailure(int rc)
{
    return rc == LDAP_SERVER_DOWN || rc == LDAP_CONNECT_ERROR || rc == LDAP_TIMEOUT;
}

// What went wrong with an operation after connecting, by its result code.
Error operationFailure(LDAP* ld, int rc, const QString& what, const QString& url)
{
    const QString detail = QStringLiteral("%1: %2").arg(what, describe(ld, rc));
    switch (rc) {
    case LDAP_SERVER_DOWN:
    case LDAP_CONNECT_ERROR:
        return failure(QStringLiteral("directory-unreachable"), detail, { { QStringLiteral("url"), url } });
    case LDAP_TIMEOUT:
    case LDAP_TIMELIMIT_EXCEEDED:
        return failure(QStringLiteral("directory-timeout"), detail, { { QStringLiteral("url"), url } });
    case LDAP_INVALID_CREDENTIALS:
    case LDAP_INAPPROPRIATE_AUTH:
    case LDAP_UNWILLING_TO_PERFORM:
    case LDAP_CONFIDENTIALITY_REQUIRED:
    case LDAP_STRONG_AUTH_REQUIRED:
        return failure(QStringLiteral("directory-bind-refused"), detail);
    case LDAP_NO_SUCH_OBJECT:
    case LDAP_INVALID_DN_SYNTAX:
        return failure(QStringLiteral("directory-base-missing"), detail);
    case LDAP_FILTER_ERROR:
        return failure(QStringLiteral("directory-filter-syntax"), detail);
    case LDAP_SIZELIMIT_EXCEEDED:
    case LDAP_ADMINLIMIT_EXCEEDED:
        return failure(QStringLiteral("directory-size-limit"), detail);
    default:
        return failure(QStringLiteral("directory-refused"), detail, { { QStringLiteral("reason"), describe(ld, rc) } });
    }
}

// A handle with the endpoint's options; nothing sent yet.
Result<LDAP*> initialise(const LdapEndpoint& endpoint, bool verifyCertificate)
{
    LDAP* ld = nullptr;
    const QByteArray url = endpoint.url.toUtf8();
    if (int rc = ldap_initialize(&ld, url.constData()); rc != LDAP_SUCCESS)
        return failure(QStringLiteral("directory-unreachable"), QStringLiteral("%1: %2").arg(endpoint.url, QString::fromUtf8(ldap_err2string(rc))),
            { { QStringLiteral("url"), endpoint.url } });
    const int version = LDAP_VERSION3;
    ldap_set_option(ld, LDAP_OPT_PROTOCOL_VERSION, &version);
    ldap_set_option(ld, LDAP_OPT_REFERRALS, LDAP_OPT_OFF);
    timeval timeout {};
    timeout.tv_sec = qMax(1, endpoint.timeoutSeconds);
    ldap_set_option(ld, LDAP_OPT_NETWORK_TIMEOUT, &timeout);
    ldap_set_option(ld, LDAP_OPT_TIMEOUT, &timeout);
    const int require = verifyCertificate ? LDAP_OPT_X_TLS_DEMAND : LDAP_OPT_X_TLS_NEVER;
    ldap_set_option(ld, LDAP_OPT_X_TLS_REQUIRE_CERT, &require);
    if (!endpoint.caFile.isEmpty()) {
        const QByteArray ca = endpoint.caFile.toLocal8Bit();
        ldap_set_option(ld, LDAP_OPT_X_TLS_CACERTFILE, ca.constData());
    }
    const int isServer = 0;
    ldap_set_option(ld, LDAP_OPT_X_TLS_NEWCTX, &isServer);
    return ld;
}

// Opens the connection (with TLS when asked); LDAP_SUCCESS or the failure's code.
int reach(LDAP* ld, const LdapEndpoint& endpoint)
{
    if (endpoint.startTls)
        return ldap_start_tls_s(ld, nullptr, nullptr);
    return ldap_connect(ld);
}

bool usesTls(const LdapEndpoint& endpoint)
{
    return endpoint.startTls || endpoint.url.startsWith(QLatin1String("ldaps://"), Qt::CaseInsensitive);
}

} // namespace

QByteArray LdapEntry::first(const QString& attribute) const
{
    const auto it = values.constFind(attribute.toLower());
    return it == values.cend() || it->isEmpty() ? QByteArray() : it->first();
}

struct LdapConnection::Handle {
    LDAP* ld = nullptr;
    QString url;
    int timeoutSeconds = 15;
    ~Handle()
    {
        if (ld)
            ldap_unbind_ext_s(ld, nullptr, nullptr);
    }
};

LdapConnection::LdapConnection(std::unique_ptr<Handle> handle)
    : m_handle(std::move(handle))
{
}

LdapConnection::~LdapConnection() = default;

Result<std::unique_ptr<LdapConnection>> LdapConnection::open(const LdapEndpoint& endpoint, const QString& bindDn, const QString& password)
{
    auto handle = std::make_unique<Handle>();
    handle->url = endpoint.url;
    handle->timeoutSeconds = endpoint.timeoutSeconds;
    auto ld = initialise(endpoint, true);
    if (!ld)
        return ld.error();
    handle->ld = *ld;
    if (int rc = reach(handle->ld, endpoint); rc != LDAP_SUCCESS) {
        const QString detail = QStringLiteral("%1: %2").arg(endpoint.url, describe(handle->ld, rc));
        if (rc == LDAP_TIMEOUT)
            return failure(QStringLiteral("directory-timeout"), detail, { { QStringLiteral("url"), endpoint.url } });
        if (usesTls(endpoint)) {
            // Was it the certificate? The same connection without checking it tells; nothing
            // is sent over it (no bind, no password) and it is closed at once.
            auto probe = initialise(endpoint, false);
            if (probe) {
                const int probeRc = reach(*probe, endpoint);
                ldap_unbind_ext_s(*probe, nullptr, nullptr);
                if (probeRc == LDAP_SUCCESS)
                    return failure(QStringLiteral("directory-tls-untrusted"), detail, { { QStringLiteral("url"), endpoint.url } });
            }
            if (endpoint.startTls && !isConnectionFailure(rc))
                return failure(QStringLiteral("directory-tls-failed"), detail, { { QStringLiteral("url"), endpoint.url } });
        }
        return failure(QStringLiteral("directory-unreachable"), detail, { { QStringLiteral("url"), endpoint.url } });
    }
    QByteArray secret = password.toUtf8();
    berval credentials {};
    credentials.bv_val = secret.data();
    credentials.bv_len = ber_len_t(secret.size());
    const QByteArray dn = bindDn.toUtf8();
    const int rc = ldap_sasl_bind_s(handle->ld, bindDn.isEmpty() ? nullptr : dn.constData(), LDAP_SASL_SIMPLE, &credentials, nullptr, nullptr, nullptr);
    secret.fill('\0');
    if (rc != LDAP_SUCCESS) {
        Error e = operationFailure(handle->ld, rc, QStringLiteral("bind as %1").arg(bindDn.isEmpty() ? QStringLiteral("(anonymous)") : bindDn), endpoint.url);
        e.args.insert(QStringLiteral("bindDn"), bindDn);
        return e;
    }
    return std::unique_ptr<LdapConnection>(new LdapConnection(std::move(handle)));
}

Result<int> LdapConnection::search(const QString& base, LdapScope scope, const QString& filter, const QStringList& attributes, int pageSize,
    const EntryVisitor& each)
{
    LDAP* ld = m_handle->ld;
    // The attribute list as C strings; "1.1" asks for none (RFC 4511).
    QList<QByteArray> names;
    for (const QString& a : attributes)
        names << a.toUtf8();
    if (names.isEmpty())
        names << QByteArrayLiteral("1.1");
    std::vector<char*> attrs;
    for (QByteArray& n : names)
        attrs.push_back(n.data());
    attrs.push_back(nullptr);
    const QByteArray baseDn = base.toUtf8();
    const QByteArray filterText = filter.toUtf8();
    const int ldapScope = scope == LdapScope::Base ? LDAP_SCOPE_BASE : LDAP_SCOPE_SUBTREE;
    timeval timeout {};
    timeout.tv_sec = qMax(1, m_handle->timeoutSeconds);

    berval* cookie = nullptr;
    int count = 0;
    const auto freeCookie = [&cookie] {
        if (cookie)
            ber_bvfree(cookie);
        cookie = nullptr;
    };
    // Entries are taken as they arrive, not a page at a time: a page's first entries are read
    // and checked here while the directory is still sending its last.
    const auto toEntry = [ld](LDAPMessage* m) {
        LdapEntry entry;
        if (char* dn = ldap_get_dn(ld, m)) {
            entry.dn = QString::fromUtf8(dn);
            ldap_memfree(dn);
        }
        BerElement* ber = nullptr;
        for (char* a = ldap_first_attribute(ld, m, &ber); a; a = ldap_next_attribute(ld, m, ber)) {
            QList<QByteArray> values;
            if (berval** vals = ldap_get_values_len(ld, m, a)) {
                for (int i = 0; vals[i]; ++i)
                    values << QByteArray(vals[i]->bv_val, qsizetype(vals[i]->bv_len));
                ldap_value_free_len(vals);
            }
            entry.values.insert(QString::fromUtf8(a).toLower(), values);
            ldap_memfree(a);
        }
        if (ber)
            ber_free(ber, 0);
        return entry;
    };
    const auto searchFailure = [&](int code) {
        Error e = operationFailure(ld, code, QStringLiteral("search %1 for %2").arg(base, filter), m_handle->url);
        e.args.insert(QStringLiteral("base"), base);
        e.args.insert(QStringLiteral("filter"), filter);
        return e;
    };
    for (;;) {
        LDAPControl* page = nullptr;
        if (pageSize > 0) {
            if (int rc = ldap_create_page_control(ld, ber_int_t(pageSize), cookie, 0, &page); rc != LDAP_SUCCESS) {
                freeCookie();
                return operationFailure(ld, rc, QStringLiteral("paged results"), m_handle->url);
            }
        }
        freeCookie();
        LDAPControl* controls[] = { page, nullptr };
        int msgId = 0;
        int rc = ldap_search_ext(ld, baseDn.constData(), ldapScope, filterText.constData(), attrs.data(), 0, page ? controls : nullptr, nullptr, &timeout,
            LDAP_NO_LIMIT, &msgId);
        if (page)
            ldap_control_free(page);
        if (rc != LDAP_SUCCESS)
            return searchFailure(rc);
        // Stops the search on the server when this side gives up on it.
        const auto abandon = [&] { ldap_abandon_ext(ld, msgId, nullptr, nullptr); };
        LDAPMessage* done = nullptr;
        while (!done) {
            LDAPMessage* message = nullptr;
            const int type = ldap_result(ld, msgId, LDAP_MSG_ONE, &timeout, &message);
            if (type <= 0) {
                // 0: nothing came within the time-out; -1: the connection failed.
                int code = LDAP_TIMEOUT;
                if (type < 0)
                    ldap_get_option(ld, LDAP_OPT_RESULT_CODE, &code);
                if (message)
                    ldap_msgfree(message);
                abandon();
                return searchFailure(code);
            }
            if (type == LDAP_RES_SEARCH_ENTRY) {
                const LdapEntry entry = toEntry(message);
                ldap_msgfree(message);
                ++count;
                if (auto r = each(entry); !r) {
                    abandon();
                    return r.error();
                }
            } else if (type == LDAP_RES_SEARCH_RESULT) {
                done = message;
            } else {
                ldap_msgfree(message); // a referral to another server: not followed
            }
        }
        int resultCode = LDAP_SUCCESS;
        LDAPControl** serverControls = nullptr;
        rc = ldap_parse_result(ld, done, &resultCode, nullptr, nullptr, nullptr, &serverControls, 1);
        if (rc != LDAP_SUCCESS || (resultCode != LDAP_SUCCESS)) {
            if (serverControls)
                ldap_controls_free(serverControls);
            Error e = searchFailure(rc != LDAP_SUCCESS ? rc : resultCode);
            e.args.insert(QStringLiteral("entries"), count);
            return e;
        }
        if (pageSize > 0 && serverControls) {
            if (LDAPControl* response = ldap_control_find(LDAP_CONTROL_PAGEDRESULTS, serverControls, nullptr)) {
                ber_int_t estimate = 0;
                cookie = static_cast<berval*>(ber_memcalloc(1, sizeof(berval)));
                if (ldap_parse_pageresponse_control(ld, response, &estimate, cookie) != LDAP_SUCCESS) {
                    freeCookie();
                }
            }
        }
        if (serverControls)
            ldap_controls_free(serverControls);
        if (!cookie || cookie->bv_len == 0 || !cookie->bv_val) {
            freeCookie();
            return count;
        }
    }
}

} // namespace lanyard
