#pragma once

#include "core/Result.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace lanyard {

// A notification's wording with {{Placeholder}} fields. Each template has a default shipped in
// the resources; an operator may replace it in the Configuration screens.
struct MessageTemplate {
    QString name; // e.g. "auth-code-sms"
    QString subject;
    QString body; // plain text; also the SMS text
    QString html; // empty: plain text only
    bool customised = false;

    static QStringList names();
    static bool isSms(const QString& name) { return name.endsWith(QLatin1String("-sms")); }
    // The fields a template of this name may use, and those it must use.
    static QStringList allowedFields(const QString& name);
    static QStringList requiredFields(const QString& name);
    static Result<MessageTemplate> builtIn(const QString& name);

    // Refuses unknown fields, a missing required one, and a link and code in one message.
    Result<void> validate() const;
    // Fills in the fields; `escapeHtml` for the HTML part.
    static QString render(const QString& text, const QMap<QString, QString>& values, bool escapeHtml = false);

    bool operator==(const MessageTemplate&) const = default;
};

} // namespace lanyard
