#pragma once

#include "AccessControl.h"
#include "EngineContext.h"
#include "RegisteredHardware.h"

#include <QSqlDatabase>

namespace lanyard {

// Phones and computers the organisation knows: the basis of "Known Mobiles", "My Mobiles
// Only" and targeting a virtual smart card at one computer.
class HardwareService {
public:
    HardwareService(const EngineContext& context, QSqlDatabase db);

    Result<qint64> add(const AccessControl& ac, const RegisteredHardware& hardware);
    Result<void> deactivate(const AccessControl& ac, qint64 id);
    Result<QList<RegisteredHardware>> list(const AccessControl& ac, bool activeOnly);
    // Whether an active entry of this kind and identifier exists (and, if ownerId > 0, is theirs).
    Result<bool> isKnown(HardwareKind kind, const QString& identifier, qint64 ownerId = 0);

    static QString kindId(HardwareKind kind);

private:
    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
