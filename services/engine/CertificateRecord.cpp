#include "CertificateRecord.h"

namespace lanyard {

QString certificateStatusId(CertificateStatus s)
{
    switch (s) {
    case CertificateStatus::Active:
        return QStringLiteral("active");
    case CertificateStatus::OnHold:
        return QStringLiteral("on-hold");
    case CertificateStatus::Revoked:
        return QStringLiteral("revoked");
    }
    return {};
}

bool certificateStatusFromId(const QString& id, CertificateStatus* s)
{
    for (CertificateStatus c : { CertificateStatus::Active, CertificateStatus::OnHold, CertificateStatus::Revoked }) {
        if (certificateStatusId(c) == id) {
            *s = c;
            return true;
        }
    }
    return false;
}

} // namespace lanyard
