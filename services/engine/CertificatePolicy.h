#pragma once

#include "pki/KeyAlgorithm.h"

#include <QList>
#include <QString>

namespace lanyard {

struct CertificatePolicy {
    qint64 id = 0;
    QString name;
    QList<KeyAlgorithm> keyAlgorithms { KeyAlgorithm::EcP256, KeyAlgorithm::Rsa2048 };
    int validityDays = 365;
    QString keyUsage = QStringLiteral("digitalSignature");
    QString extendedKeyUsage = QStringLiteral("clientAuth");
    QString dnTemplate = QStringLiteral("CN=[[People.FullName]]");
    bool sanEmail = false;
    bool sanUpn = false;
    bool archiveKeys = false;
};

} // namespace lanyard
