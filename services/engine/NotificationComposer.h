#pragma once

#include "EngineContext.h"
#include "Settings.h"

#include <QJsonObject>
#include <QMap>
#include <QSqlDatabase>

namespace lanyard {

// Turns a template and its field values into the stored message body for one channel:
// subject, plain text, and HTML when the mail format asks for it.
class NotificationComposer {
public:
    NotificationComposer(const EngineContext& context, QSqlDatabase db);

    // `kind` is the template family ("collection-link", "auth-code", "renewal").
    Result<QJsonObject> compose(const QString& kind, const QString& channel, const QMap<QString, QString>& values, const Settings& settings);

private:
    const EngineContext& m_ctx;
    QSqlDatabase m_db;
};

} // namespace lanyard
