#pragma once

#include "Certificate.h"

#include <QList>

namespace lanyard {

// Validates a certificate someone else issued (a PIV card's) against trust anchors, through
// intermediates, with a CRL for every certificate of the path but the anchor, and says which of the failures it is, because each calls for different
// advice: CertificateExpired, CertificateUntrusted (args "problem": "no-anchors",
// "crl-missing", "crl-stale" or the OpenSSL reason in "reason"), CertificateRevoked.
// A revocation status that cannot be established is a refusal, never a pass.
class CertificateValidator {
public:
    // `intermediates` are not trusted: they only help build a path from a leaf up to an anchor.
    CertificateValidator(QList<Certificate> anchors, QList<Certificate> intermediates, QList<QByteArray> crls)
        : m_anchors(std::move(anchors))
        , m_intermediates(std::move(intermediates))
        , m_crls(std::move(crls))
    {
    }

    // Reads PEM files (several certificates each) and CRL files (PEM or DER).
    static Result<QList<Certificate>> readCertificates(const QStringList& paths);
    static Result<QList<QByteArray>> readCrls(const QStringList& paths);

    Result<void> validate(const Certificate& leaf, const QDateTime& at) const;
    // Whether `leaf` is listed on a CRL from its issuer (no path validation).
    bool isRevoked(const Certificate& leaf) const;

private:
    QList<Certificate> m_anchors;
    QList<Certificate> m_intermediates;
    QList<QByteArray> m_crls; // DER
};

} // namespace lanyard
