#pragma once

#include "CredentialProfile.h"
#include "core/Result.h"

#include <QJsonObject>
#include <QString>

namespace lanyard {

// Whether a PIN meets a profile's PIN policy, as the agent checks it before it makes a key and
// the engine when a policy is saved. The classes are ASCII: upper case A-Z, lower case a-z,
// digits 0-9, special the other printable characters from '!' to '~'. Anything else (a space,
// a control character, a letter beyond ASCII) belongs to no class, so no policy allows it: a
// PIN is typed on whatever keyboard the holder has at hand. Refusals are invalid-argument with
// args.problem pin-too-short / pin-too-long (args.minimum, args.maximum), pin-class-missing /
// pin-class-not-allowed (args.class: upper, lower, digits, special) or pin-character.
class PinCheck {
public:
    static Result<void> check(const PinPolicy& policy, const QString& pin);
    // The policy in words, for the holder who is choosing a PIN.
    static QString describe(const PinPolicy& policy);
    // Its form in a collection session and a bundle, where an agent reads it:
    // {"minLength", "maxLength", "upper", "lower", "digits", "special"} (not-allowed, optional,
    // mandatory). Reading refuses a missing or unknown value: an agent must not guess a policy.
    static QJsonObject toJson(const PinPolicy& policy);
    static Result<PinPolicy> fromJson(const QJsonObject& o);
};

} // namespace lanyard
