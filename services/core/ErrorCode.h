#pragma once

#include <QString>

namespace lanyard {

// Stable error identities. The numeric values and the ids returned by errorId() are part of
// the remote API and of the translation catalogue: append, never renumber.
enum class ErrorCode {
    InvalidArgument = 1,
    NotFound,
    PermissionDenied,
    OutOfScope,
    InvalidTransition,
    NotAuthenticated,
    LogonFailed,
    AccountDisabled,
    CodeInvalid,
    CodeExpired,
    CodeUsed,
    CodeLocked,
    ComplexityInvalid,
    DnTemplateInvalid,
    CsrInvalid,
    CsrSignatureInvalid,
    KeyAlgorithmNotAllowed,
    CryptoFailure,
    StorageFailure,
    StorageBusy,
    StorageReadOnly,
    SchemaTooNew,
    SettingInvalid,
    ProfileNotAvailable,
    AuditChainBroken,
    SecretStoreUnavailable,
    MasterKeyMismatch,
    ValidationRequired,
    NoContactDetails,
    Conflict,
    DeliveryFailed,
    ChannelDisabled,
    ServiceBusy, // too many collections at once: retry later (HTTP 503 to mobile clients)
    DeviceNotAllowed, // the profile's mobile device restriction refuses this phone
    BiometricsIncompatible, // biometric checks are switched on; mobile identities cannot do them
    MobileIssuanceDisabled, // the maximum session count is 0
    SessionExpired, // a collection session that timed out or was replaced
    TrustFailure, // a server's or bundle's certificate is not trusted
    NetworkFailure, // the server could not be reached
    PcscUnavailable, // the smart card service (pcscd) is not running
    NoCard, // no card in the reader, or the card was removed mid-operation
    CardError, // the card refused a command or answered something unreadable
    WrongPin, // args: triesLeft, reference ("pin" or "puk")
    PinBlocked, // args: reference
    CertificateExpired, // a card's certificate is outside its validity
    CertificateUntrusted, // no path to a configured trust anchor
    CertificateRevoked, // listed on the issuer's CRL
    PossessionFailed, // the card's signature over the challenge did not verify
    NoMatchingPerson, // no person matches the card's identifiers
    CardIdentityMismatch, // the card's signed CHUID names another card or person than its certificate
    CardIdentifierTaken, // another person already holds this FASC-N or card UUID
    DirectoryFailure, // the LDAP directory could not be reached, bound or searched; args: problem
};

// A lower-case, dash-separated identifier, e.g. "invalid-transition".
QString errorId(ErrorCode code);

} // namespace lanyard
