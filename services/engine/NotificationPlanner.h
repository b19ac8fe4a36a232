#pragma once

#include "CredentialProfile.h"
#include "Notification.h"
#include "Person.h"
#include "core/Result.h"

namespace lanyard {

// Decides which messages a notification scheme sends for a request: the collection link by
// email, the code separately by email and/or SMS. The two halves never travel together.
class NotificationPlanner {
public:
    struct Planned {
        QString channel;
        QString recipient;
        QString templateName;
    };

    // showCode: the operator reads the code out, so messages that cannot be sent are skipped
    // rather than refused. Otherwise the request is refused when the user would not receive
    // both the link and the code.
    static Result<QList<Planned>> plan(NotificationScheme scheme, const Person& person, bool showCode, bool smsEnabled, bool emailEnabled);
};

} // namespace lanyard
