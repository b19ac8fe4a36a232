#include "CredentialProfile.h"

#include "core/IdTable.h"

namespace lanyard {

namespace {
constexpr auto kEncoding = makeIdTable<CardEncoding>(std::pair { CardEncoding::IdentityAgent, "identity-agent" },
    std::pair { CardEncoding::VirtualSmartCard, "virtual-smart-card" }, std::pair { CardEncoding::DerivedCredential, "derived-credential" },
    std::pair { CardEncoding::PivCard, "piv-card" });
constexpr auto kScheme = makeIdTable<NotificationScheme>(std::pair { NotificationScheme::Default, "default" },
    std::pair { NotificationScheme::None, "none" }, std::pair { NotificationScheme::MobileAuthCodeEmail, "mobile-auth-code-email" },
    std::pair { NotificationScheme::MobileAuthCodeSms, "mobile-auth-code-sms" });
constexpr auto kRestriction = makeIdTable<DeviceRestriction>(std::pair { DeviceRestriction::Any, "any" },
    std::pair { DeviceRestriction::KnownMobiles, "known-mobiles" }, std::pair { DeviceRestriction::MyMobilesOnly, "my-mobiles-only" });
constexpr auto kRecovery = makeIdTable<KeyRecovery>(std::pair { KeyRecovery::IssueNew, "issue-new" },
    std::pair { KeyRecovery::UseExisting, "use-existing" }, std::pair { KeyRecovery::HistoricOnly, "historic-only" });
constexpr auto kCharRule = makeIdTable<CharRule>(std::pair { CharRule::NotAllowed, "not-allowed" },
    std::pair { CharRule::Optional, "optional" }, std::pair { CharRule::Mandatory, "mandatory" });

template <typename Table, typename E>
bool lookup(const Table& table, const QString& id, E* out)
{
    const auto found = table.find(id);
    if (found)
        *out = *found;
    return found.has_value();
}
} // namespace

QString cardEncodingId(CardEncoding v) { return kEncoding.id(v); }
bool cardEncodingFromId(const QString& id, CardEncoding* v) { return lookup(kEncoding, id, v); }
QString notificationSchemeId(NotificationScheme v) { return kScheme.id(v); }
bool notificationSchemeFromId(const QString& id, NotificationScheme* v) { return lookup(kScheme, id, v); }
QString deviceRestrictionId(DeviceRestriction v) { return kRestriction.id(v); }
bool deviceRestrictionFromId(const QString& id, DeviceRestriction* v) { return lookup(kRestriction, id, v); }
QString keyRecoveryId(KeyRecovery v) { return kRecovery.id(v); }
bool keyRecoveryFromId(const QString& id, KeyRecovery* v) { return lookup(kRecovery, id, v); }
QString charRuleId(CharRule v) { return kCharRule.id(v); }
bool charRuleFromId(const QString& id, CharRule* v) { return lookup(kCharRule, id, v); }

QStringList knownAuthTypes()
{
    return { QStringLiteral("pin"), QStringLiteral("face"), QStringLiteral("fingerprint") };
}

QList<KeyAlgorithm> keyAlgorithmsMadeBy(CardEncoding encoding)
{
    switch (encoding) {
    case CardEncoding::VirtualSmartCard:
    case CardEncoding::PivCard:
        return { KeyAlgorithm::Rsa2048, KeyAlgorithm::EcP256 };
    case CardEncoding::IdentityAgent:
    case CardEncoding::DerivedCredential:
        break;
    }
    return { KeyAlgorithm::Rsa2048, KeyAlgorithm::Rsa3072, KeyAlgorithm::EcP256 };
}

PinLengthRange pinLengthRange(CardEncoding encoding)
{
    switch (encoding) {
    case CardEncoding::VirtualSmartCard:
        return { 8, 24 };
    case CardEncoding::PivCard:
    case CardEncoding::DerivedCredential:
        return { 6, 8 };
    case CardEncoding::IdentityAgent:
        break;
    }
    return {};
}

} // namespace lanyard
