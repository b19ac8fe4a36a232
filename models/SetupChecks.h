#pragma once

#include "core/Error.h"
#include "engine/FirstSetup.h"

#include <QObject>

namespace lanyard {

// The first-run wizard's checks that leave the machine: whether the collection address
// answers from here, and a test mail through the mail server as typed. Each runs on a thread
// of its own and answers with a signal; nothing is saved.
class SetupChecks : public QObject {
    Q_OBJECT
public:
    explicit SetupChecks(QObject* parent = nullptr);

    void checkAddress(const QString& url);
    void sendTestMail(const FirstSetupPlan& plan, const QString& to);

Q_SIGNALS:
    // `answered`: a web server answered at the address (any HTTP status); else `why` says
    // what stopped it (no such host, refused, a certificate not trusted here, time-out).
    void addressChecked(const QString& url, bool answered, const lanyard::Error& why);
    void testMailFinished(bool sent, const lanyard::Error& why);
};

} // namespace lanyard
