#include "SetupChecks.h"

#include "core/WhenFinished.h"
#include "notify/CurlTransport.h"
#include "pki/OpenSslThread.h"

#include <QtConcurrent>

namespace lanyard {

namespace {
constexpr int kAddressTimeoutSeconds = 10;
} // namespace

SetupChecks::SetupChecks(QObject* parent)
    : QObject(parent)
{
}

void SetupChecks::checkAddress(const QString& url)
{
    HttpRequest request;
    request.method = QStringLiteral("GET");
    request.url = url.trimmed();
    request.timeoutSeconds = kAddressTimeoutSeconds;
    // The check runs on a shared pool thread; what libcurl's TLS left in OpenSSL's per-thread
    // state is freed here, not by an exit handler racing the end of the process.
    whenFinished(QtConcurrent::run([request] {
        auto answer = CurlTransport::http(request);
        releaseOpenSslThreadState();
        return answer;
    }),
        this, [this, url](const Result<QByteArray>& answer) {
        // An HTTP error status is still a server answering at that address.
        const bool answered = answer.ok() || answer.error().args.contains(QStringLiteral("status"));
        Q_EMIT addressChecked(url, answered, answered ? Error() : answer.error());
    });
}

void SetupChecks::sendTestMail(const FirstSetupPlan& plan, const QString& to)
{
    const QString subject = tr("Lanyard: test mail for %1").arg(plan.organisation.trimmed());
    const QString text = tr("The Lanyard first-run wizard sent this mail through %1 to check the mail server. Codes and links will reach people the same way.")
                             .arg(plan.smtpHost.trimmed());
    whenFinished(QtConcurrent::run([plan, to, subject, text] {
        auto sent = plan.sendTestMail(to, subject, text);
        releaseOpenSslThreadState();
        return sent;
    }),
        this, [this](const Result<void>& sent) {
        Q_EMIT testMailFinished(sent.ok(), sent.ok() ? Error() : sent.error());
    });
}

} // namespace lanyard
