#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace lanyard {

// One email as sent over SMTP: RFC 5322 headers, UTF-8 bodies in base64, and when there is an
// HTML part, multipart/alternative so every mail reader shows something.
struct MailMessage {
    QString from;
    QString to;
    QString subject;
    QString text;
    QString html; // empty: text only
    QString messageId; // without angle brackets
    QDateTime date;

    QByteArray toMime() const;
};

} // namespace lanyard
