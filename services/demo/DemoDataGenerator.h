#pragma once

#include "engine/EngineContext.h"
#include "core/Result.h"

#include <QSqlDatabase>

#include <functional>

namespace lanyard {

struct DemoOptions {
    int people = 2000;
    int issuedDevices = 40;
    quint32 seed = 20261122;
    std::function<void(int done, int total)> progress;
};

struct DemoSummary {
    int people = 0;
    int devices = 0;
    int pendingRequests = 0;
    QString operatorLogon;
    QString operatorPassword;
};

// Fills an empty engine with a reproducible organisation: roles, policies, profiles, people
// (with groups, emails, mobile numbers and UPNs), some issued devices and pending requests.
// The same seed gives the same people; it scales to a million people for benchmarks.
class DemoDataGenerator {
public:
    static constexpr const char* kOperatorLogon = "demo";
    static constexpr const char* kOperatorPassword = "lanyard-demo";
    static constexpr const char* kValidatorLogon = "validator";
    // The account a derived-credential kiosk logs on with (same demo password).
    static constexpr const char* kKioskLogon = "kiosk";

    DemoDataGenerator(const EngineContext& context, QSqlDatabase db);
    Result<DemoSummary> generate(const DemoOptions& options);

private:
    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
