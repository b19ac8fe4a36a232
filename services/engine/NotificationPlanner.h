#pragma once

#include "CredentialProfile.h"
#include "Notification.h"
#include "Person.h"
#include "Settings.h"
#include "core/Result.h"

namespace lanyard {

// Decides which messages a notification scheme sends for a request: the collection link
// (by email, and by SMS for a phone credential when the settings say so), the code separately
// by email and/or SMS. The two halves never travel in one message. A virtual smart card's
// link says to collect it at its computer, not in a phone app.
class NotificationPlanner {
public:
    struct Planned {
        QString channel;
        QString recipient;
        QString templateName;
    };

    // Which channels the operation settings open.
    struct Channels {
        bool email = true; // notify.sendEmail
        bool sms = false; // notify.smsEmail
        bool linkByEmail = true; // notify.mobileProvisionViaEmail
        bool linkBySms = false; // notify.mobileProvisionViaSms
        // notify.mobileOtpViaSms: the code goes by SMS only, whatever the scheme says, so that
        // the link (by email) and the code never travel the same way.
        bool codeBySmsOnly = false;
    };
    static Channels channelsOf(const Settings& settings);

    // showCode: the operator reads the code out, so messages that cannot be sent are skipped
    // rather than refused. Otherwise the request is refused when the user would not receive
    // both the link and the code.
    static Result<QList<Planned>> plan(NotificationScheme scheme, const Person& person, bool showCode, const Channels& channels, CardEncoding encoding);
};

} // namespace lanyard
