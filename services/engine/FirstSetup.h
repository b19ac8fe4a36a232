#pragma once

#include "Baseline.h"
#include "EngineContext.h"
#include "Settings.h"
#include "pki/KeyAlgorithm.h"

#include <QSqlDatabase>

namespace lanyard {

// What the desktop's first-run wizard gathers before anything is written: the organisation,
// its CA, the address phones collect from, the mail server and the first administrator. Each
// part is checked on its own, with the rule the engine applies, so the wizard refuses a step
// before Next and the engine never half-applies a plan.
struct FirstSetupPlan {
    QString organisation; // "Example Ltd"
    QString defaultDn; // appended to every subject: "O=Example Ltd,C=GB"
    QString caCommonName; // "Example Ltd Issuing CA"
    KeyAlgorithm caKeyAlgorithm = KeyAlgorithm::EcP256;
    int caValidityYears = 20;
    QString collectionUrl; // https only
    // Mail is optional: without a host, nothing is sent by mail until it is set.
    QString smtpHost;
    int smtpPort = 587;
    QString smtpSecurity = QStringLiteral("starttls"); // none, starttls, tls
    QString smtpUsername;
    QString smtpPassword;
    QString smtpSender;
    QString adminLogon;
    QString adminName;
    QString adminEmail;
    QString adminPassword;

    static constexpr int kMinimumPasswordLength = 8;

    // Problems: setup-organisation, setup-default-dn (with the parser's reason), setup-ca-name,
    // setup-ca-validity, setup-collection-url, the settings schema's for the mail fields,
    // setup-admin-logon, setup-admin-password.
    Result<void> checkOrganisation() const;
    Result<void> checkAuthority() const;
    Result<void> checkCollection() const;
    Result<void> checkMail() const;
    Result<void> checkAdministrator() const;
    Result<void> check() const;

    // The plan's address, default DN and mail server written over `base`.
    Settings settings(Settings base) const;
    // Sends a short mail through the plan's mail server, before anything is saved: blocking,
    // for a worker thread. Refused when the mail part does not check.
    Result<void> sendTestMail(const QString& to, const QString& subject, const QString& text) const;

    // The CA's subject: the common name, then the default DN.
    Result<QList<QPair<QString, QString>>> caSubject() const;
};

// Applies a plan to a new engine's database in one transaction: the baseline, the settings and
// the first administrator.
class FirstSetup {
public:
    FirstSetup(const EngineContext& context, QSqlDatabase db);

    Result<Baseline::Report> apply(const FirstSetupPlan& plan);

private:
    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
