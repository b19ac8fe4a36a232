#pragma once

#include "pki/KeyAlgorithm.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace lanyard {

// What a certificate of one kind says and how it is made. A policy is versioned: saving it
// adds a version, profiles issue under the current one, and a certificate names the version it
// was issued under.
struct CertificatePolicy {
    qint64 id = 0; // the policy, the same across its versions; what profiles point at
    // The version this is. When saving, the version the edit started from: a save on top of a
    // newer version than that is refused rather than silently undoing it.
    int version = 0;
    qint64 versionId = 0; // the stored version, which certificates name
    bool isCurrent = true;
    QDateTime createdAt;
    QString name;
    QList<KeyAlgorithm> keyAlgorithms { KeyAlgorithm::EcP256, KeyAlgorithm::Rsa2048 };
    int validityDays = 365;
    QString keyUsage = QStringLiteral("digitalSignature");
    QString extendedKeyUsage = QStringLiteral("clientAuth");
    QString dnTemplate = QStringLiteral("CN=[[People.FullName]]");
    // Subject alternative names, each from the person's record. The card's identifiers bind
    // the certificate to one card, so a certificate is not issued without them; an e-mail
    // address or UPN the record lacks is left out (and the policy editor's example says so).
    bool sanEmail = false;
    bool sanUpn = false;
    bool sanFascn = false; // otherName pivFASC-N, from the person's PIV card identifiers
    bool sanCardUuid = false; // URI urn:uuid:, likewise
    bool archiveKeys = false;

    bool operator==(const CertificatePolicy&) const = default;
};

// A policy applied to one person, for the editor's live example: the subject and alternative
// names a certificate would carry, and what the person's record lacks for it.
struct CertificatePolicyExample {
    QString subject;
    QStringList alternativeNames; // "email:…", "UPN:…", "FASC-N:…", "URI:urn:uuid:…"
    // Ids of the values the policy asks for and the person has none of: fascn and card-uuid
    // stop issuance; email and upn are left out of the certificate.
    QStringList missing;
    QStringList leftOut;
};

} // namespace lanyard
