#pragma once

#include "CredentialProfile.h"
#include "DeviceFacts.h"
#include "Job.h"
#include "pki/KeyAlgorithm.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace lanyard {

// The phone's side of the provisioning loop (DESIGN.md §3): start a session with the token from
// the QR code and the code, send one PKCS#10 request per certificate, receive a signed bundle,
// confirm. The types here are what the collection endpoints carry.

struct CollectionStart {
    QString token;
    QString code;
    DeviceFacts device;
};

struct RequestedCertificate {
    int index = 0;
    QString policyName;
    QList<KeyAlgorithm> keyAlgorithms; // the first is preferred
    // The engine makes (or recovers from its archive) this key and sends it sealed to the
    // agent's transport key; the agent sends no request for it.
    bool serverKey = false;
};

struct CollectionSession {
    QString id;
    qint64 jobId = 0;
    JobType jobType = JobType::Issue;
    QString personName;
    QString profileName;
    QDateTime expiresAt;
    QList<RequestedCertificate> certificates;
    bool needsTransportKey = false;
    // What the profile asks of the holder: the agent checks the PIN before it makes a key, and
    // offers the other ways of unlocking the credential (face, fingerprint) it names.
    PinPolicy pinPolicy;
    QStringList authTypes;
};

struct CollectionSubmission {
    QString sessionId;
    QList<QByteArray> requests; // one per certificate, in order; empty for server keys
    QByteArray transportKey; // RSA public key (SPKI), when a certificate has a server key
};

struct CollectionBundle {
    QByteArray signedData; // CMS SignedData (DER) over the JSON payload
    QString deviceSerial;
    qint64 deviceId = 0;
};

} // namespace lanyard
