#include "RevocationReason.h"

namespace lanyard {

QString revocationReasonId(RevocationReason r)
{
    switch (r) {
    case RevocationReason::Unspecified:
        return QStringLiteral("unspecified");
    case RevocationReason::KeyCompromise:
        return QStringLiteral("keyCompromise");
    case RevocationReason::CaCompromise:
        return QStringLiteral("cACompromise");
    case RevocationReason::AffiliationChanged:
        return QStringLiteral("affiliationChanged");
    case RevocationReason::Superseded:
        return QStringLiteral("superseded");
    case RevocationReason::CessationOfOperation:
        return QStringLiteral("cessationOfOperation");
    case RevocationReason::CertificateHold:
        return QStringLiteral("certificateHold");
    }
    return {};
}

bool revocationReasonFromId(const QString& id, RevocationReason* r)
{
    for (int i = 0; i <= 6; ++i) {
        if (revocationReasonId(RevocationReason(i)) == id) {
            *r = RevocationReason(i);
            return true;
        }
    }
    return false;
}

} // namespace lanyard
