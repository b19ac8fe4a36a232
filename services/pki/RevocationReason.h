#pragma once

#include <QString>

namespace lanyard {

// RFC 5280 CRLReason values; certificateHold marks a certificate on hold (reversible).
enum class RevocationReason {
    Unspecified = 0,
    KeyCompromise = 1,
    CaCompromise = 2,
    AffiliationChanged = 3,
    Superseded = 4,
    CessationOfOperation = 5,
    CertificateHold = 6,
};

QString revocationReasonId(RevocationReason r);
bool revocationReasonFromId(const QString& id, RevocationReason* r);

} // namespace lanyard
