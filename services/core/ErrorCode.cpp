#include "ErrorCode.h"

#include <array>
#include <utility>

namespace lanyard {

namespace {
constexpr std::array kIds {
    std::pair { ErrorCode::InvalidArgument, "invalid-argument" },
    std::pair { ErrorCode::NotFound, "not-found" },
    std::pair { ErrorCode::PermissionDenied, "permission-denied" },
    std::pair { ErrorCode::OutOfScope, "out-of-scope" },
    std::pair { ErrorCode::InvalidTransition, "invalid-transition" },
    std::pair { ErrorCode::NotAuthenticated, "not-authenticated" },
    std::pair { ErrorCode::LogonFailed, "logon-failed" },
    std::pair { ErrorCode::AccountDisabled, "account-disabled" },
    std::pair { ErrorCode::CodeInvalid, "code-invalid" },
    std::pair { ErrorCode::CodeExpired, "code-expired" },
    std::pair { ErrorCode::CodeUsed, "code-used" },
    std::pair { ErrorCode::CodeLocked, "code-locked" },
    std::pair { ErrorCode::ComplexityInvalid, "complexity-invalid" },
    std::pair { ErrorCode::DnTemplateInvalid, "dn-template-invalid" },
    std::pair { ErrorCode::CsrInvalid, "csr-invalid" },
    std::pair { ErrorCode::CsrSignatureInvalid, "csr-signature-invalid" },
    std::pair { ErrorCode::KeyAlgorithmNotAllowed, "key-algorithm-not-allowed" },
    std::pair { ErrorCode::CryptoFailure, "crypto-failure" },
    std::pair { ErrorCode::StorageFailure, "storage-failure" },
    std::pair { ErrorCode::StorageBusy, "storage-busy" },
    std::pair { ErrorCode::StorageReadOnly, "storage-read-only" },
    std::pair { ErrorCode::SchemaTooNew, "schema-too-new" },
    std::pair { ErrorCode::SettingInvalid, "setting-invalid" },
    std::pair { ErrorCode::ProfileNotAvailable, "profile-not-available" },
    std::pair { ErrorCode::AuditChainBroken, "audit-chain-broken" },
    std::pair { ErrorCode::SecretStoreUnavailable, "secret-store-unavailable" },
    std::pair { ErrorCode::MasterKeyMismatch, "master-key-mismatch" },
    std::pair { ErrorCode::ValidationRequired, "validation-required" },
    std::pair { ErrorCode::NoContactDetails, "no-contact-details" },
    std::pair { ErrorCode::Conflict, "conflict" },
    std::pair { ErrorCode::DeliveryFailed, "delivery-failed" },
    std::pair { ErrorCode::ChannelDisabled, "channel-disabled" },
    std::pair { ErrorCode::ServiceBusy, "service-busy" },
    std::pair { ErrorCode::DeviceNotAllowed, "device-not-allowed" },
    std::pair { ErrorCode::BiometricsIncompatible, "biometrics-incompatible" },
    std::pair { ErrorCode::MobileIssuanceDisabled, "mobile-issuance-disabled" },
    std::pair { ErrorCode::SessionExpired, "session-expired" },
    std::pair { ErrorCode::TrustFailure, "trust-failure" },
    std::pair { ErrorCode::NetworkFailure, "network-failure" },
    std::pair { ErrorCode::PcscUnavailable, "pcsc-unavailable" },
    std::pair { ErrorCode::NoCard, "no-card" },
    std::pair { ErrorCode::CardError, "card-error" },
    std::pair { ErrorCode::WrongPin, "wrong-pin" },
    std::pair { ErrorCode::PinBlocked, "pin-blocked" },
    std::pair { ErrorCode::CertificateExpired, "certificate-expired" },
    std::pair { ErrorCode::CertificateUntrusted, "certificate-untrusted" },
    std::pair { ErrorCode::CertificateRevoked, "certificate-revoked" },
    std::pair { ErrorCode::PossessionFailed, "possession-failed" },
    std::pair { ErrorCode::NoMatchingPerson, "no-matching-person" },
    std::pair { ErrorCode::CardIdentityMismatch, "card-identity-mismatch" },
    std::pair { ErrorCode::CardIdentifierTaken, "card-identifier-taken" },
    std::pair { ErrorCode::DirectoryFailure, "directory-failure" },
};
} // namespace

QString errorId(ErrorCode code)
{
    for (const auto& [c, id] : kIds) {
        if (c == code)
            return QString::fromLatin1(id);
    }
    return QStringLiteral("unknown");
}

} // namespace lanyard
