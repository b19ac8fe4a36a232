#pragma once

#include "pki/KeyAlgorithm.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace lanyard {

enum class CardEncoding { IdentityAgent, VirtualSmartCard, DerivedCredential, PivCard };
enum class NotificationScheme { Default, None, MobileAuthCodeEmail, MobileAuthCodeSms };
enum class DeviceRestriction { Any, KnownMobiles, MyMobilesOnly };
enum class KeyRecovery { IssueNew, UseExisting, HistoricOnly };

QString cardEncodingId(CardEncoding v);
bool cardEncodingFromId(const QString& id, CardEncoding* v);
QString notificationSchemeId(NotificationScheme v);
bool notificationSchemeFromId(const QString& id, NotificationScheme* v);
QString deviceRestrictionId(DeviceRestriction v);
bool deviceRestrictionFromId(const QString& id, DeviceRestriction* v);
QString keyRecoveryId(KeyRecovery v);
bool keyRecoveryFromId(const QString& id, KeyRecovery* v);

struct ProfilePolicy {
    qint64 policyId = 0;
    QString policyName;
    KeyRecovery recovery = KeyRecovery::IssueNew;

    bool operator==(const ProfilePolicy&) const = default;
};

// The columns of a profile's role matrix.
enum class ProfileRight { Request, Receive, Collect, Validate, Unlock };

struct ProfileRoleRights {
    qint64 roleId = 0;
    QString roleName;
    bool canRequest = false;
    bool canReceive = false;
    bool canCollect = false;
    bool canValidate = false;
    bool canUnlock = false;

    bool operator==(const ProfileRoleRights&) const = default;
};

// How a PIN may use one class of characters.
enum class CharRule { NotAllowed, Optional, Mandatory };
QString charRuleId(CharRule v);
bool charRuleFromId(const QString& id, CharRule* v);

// Known authentication types; the PIN is always one of them.
QStringList knownAuthTypes();

struct PinPolicy {
    int minLength = 6;
    int maxLength = 8;
    CharRule upper = CharRule::NotAllowed;
    CharRule lower = CharRule::NotAllowed;
    CharRule digits = CharRule::Mandatory;
    CharRule special = CharRule::NotAllowed;

    bool operator==(const PinPolicy&) const = default;
};

// The PIN lengths a card encoding can take: a virtual smart card's PIN is 8 to 24
// characters, a PIV card's (and so a credential derived from one) 6 to 8.
struct PinLengthRange {
    int minimum = 4;
    int maximum = 127;
};
PinLengthRange pinLengthRange(CardEncoding encoding);
// The key algorithms a credential of this encoding can make its keys with: a PIV card and a
// virtual smart card generate on the card (RSA 2048 and P-256, SP 800-78); the identity agent
// makes its keys in software.
QList<KeyAlgorithm> keyAlgorithmsMadeBy(CardEncoding encoding);

// A versioned profile: editing makes a new version (same lineage); devices keep the version
// they were issued with.
struct CredentialProfile {
    qint64 id = 0; // this version
    qint64 lineage = 0;
    int version = 1;
    bool isCurrent = true;
    QString name;
    CardEncoding encoding = CardEncoding::IdentityAgent;
    NotificationScheme notificationScheme = NotificationScheme::Default;
    DeviceRestriction deviceRestriction = DeviceRestriction::Any;
    bool requiresValidation = false;
    int lifetimeDays = 365;
    PinPolicy pinPolicy;
    QStringList authTypes { QStringLiteral("pin") };
    bool isParent = false;
    qint64 parentLineage = 0;
    QString credentialGroup;
    bool cancelPrevious = false;
    QString badgeLayout;
    QDateTime createdAt;
    QList<ProfilePolicy> policies;
    QList<ProfileRoleRights> roleRights;

    bool operator==(const CredentialProfile&) const = default;
};

} // namespace lanyard
