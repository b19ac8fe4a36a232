#pragma once

#include "core/Result.h"

#include <QByteArray>

namespace lanyard {

// A certificate a PIV card keeps gzip-compressed (CertInfo 0x71 = 01, SP 800-73-4 part 1,
// 5.1.1). The bytes come from a card we do not trust: the output is bounded, and anything
// that is not one complete gzip member is refused (problem "certificate-compressed-damaged").
class CompressedCertificate {
public:
    static constexpr qsizetype kMaxCertificateBytes = 16 * 1024;
    static Result<QByteArray> inflate(const QByteArray& gzip);
};

} // namespace lanyard
