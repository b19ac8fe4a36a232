#include "MailMessage.h"

#include <QLocale>

namespace lanyard {

namespace {
QByteArray encodedWord(const QString& text)
{
    bool ascii = true;
    for (QChar c : text)
        ascii = ascii && c.unicode() >= 0x20 && c.unicode() < 0x7f;
    if (ascii)
        return text.toLatin1();
    return "=?UTF-8?B?" + text.toUtf8().toBase64() + "?=";
}

QByteArray base64Lines(const QString& text)
{
    const QByteArray b64 = text.toUtf8().toBase64();
    QByteArray out;
    for (qsizetype i = 0; i < b64.size(); i += 76)
        out += b64.mid(i, 76) + "\r\n";
    return out;
}

QByteArray part(const QByteArray& contentType, const QString& body)
{
    return "Content-Type: " + contentType + "; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64Lines(body);
}

// Header values come from settings and person records: a line break would start a new header.
QByteArray headerSafe(const QString& value)
{
    QString v = value;
    v.remove(QLatin1Char('\r'));
    v.remove(QLatin1Char('\n'));
    return encodedWord(v);
}
} // namespace

QByteArray MailMessage::toMime() const
{
    const QDateTime when = date.isValid() ? date : QDateTime::currentDateTimeUtc();
    QByteArray out;
    out += "Date: " + QLocale::c().toString(when.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")).toLatin1() + " +0000\r\n";
    out += "From: " + headerSafe(from) + "\r\n";
    out += "To: " + headerSafe(to) + "\r\n";
    out += "Subject: " + headerSafe(subject) + "\r\n";
    if (!messageId.isEmpty())
        out += "Message-ID: <" + headerSafe(messageId) + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    if (html.isEmpty()) {
        out += part("text/plain", text);
        return out;
    }
    const QByteArray boundary = "=_lanyard_" + QByteArray::number(qHash(messageId + text), 16);
    out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
    out += "--" + boundary + "\r\n" + part("text/plain", text);
    out += "--" + boundary + "\r\n" + part("text/html", html);
    out += "--" + boundary + "--\r\n";
    return out;
}

} // namespace lanyard
