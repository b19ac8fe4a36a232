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
};

// A lower-case, dash-separated identifier, e.g. "invalid-transition".
QString errorId(ErrorCode code);

} // namespace lanyard
