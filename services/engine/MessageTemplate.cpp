#include "MessageTemplate.h"

#include <QFile>
#include <QRegularExpression>

namespace lanyard {

namespace {
const QRegularExpression& fieldPattern()
{
    static const QRegularExpression re(QStringLiteral("\\{\\{([A-Za-z]+)\\}\\}"));
    return re;
}

Error templateError(const QString& name, const QString& problem, const QString& field, const QString& detail)
{
    return Error(ErrorCode::InvalidArgument, QStringLiteral("template %1: %2").arg(name, detail),
        { { QStringLiteral("problem"), problem }, { QStringLiteral("template"), name }, { QStringLiteral("field"), field } });
}
} // namespace

QStringList MessageTemplate::names()
{
    return { QStringLiteral("collection-link-email"), QStringLiteral("collection-link-sms"), QStringLiteral("vsc-ready-email"), QStringLiteral("auth-code-email"),
        QStringLiteral("auth-code-sms"), QStringLiteral("renewal-email"), QStringLiteral("renewal-sms"),
        QStringLiteral("incident-email") };
}

QStringList MessageTemplate::allowedFields(const QString& name)
{
    QStringList common { QStringLiteral("FullName"), QStringLiteral("Expires") };
    if (name.startsWith(QLatin1String("collection-link")))
        return common << QStringLiteral("Url") << QStringLiteral("AndroidUrl") << QStringLiteral("IosUrl");
    if (name.startsWith(QLatin1String("vsc-ready")))
        return common << QStringLiteral("Url");
    if (name.startsWith(QLatin1String("auth-code")))
        return common << QStringLiteral("Code");
    // To the helpdesk: what a holder reported in Self-Service, and the request it made.
    if (name.startsWith(QLatin1String("incident")))
        return { QStringLiteral("FullName"), QStringLiteral("LogonName"), QStringLiteral("DeviceSerial"), QStringLiteral("Incident"), QStringLiteral("Reported"),
            QStringLiteral("Revokes"), QStringLiteral("Request"), QStringLiteral("Details") };
    // RenewHow: how the holder renews, as the renewal window setting says.
    return common << QStringLiteral("DeviceSerial") << QStringLiteral("RenewHow");
}

QStringList MessageTemplate::requiredFields(const QString& name)
{
    if (name.startsWith(QLatin1String("collection-link")) || name.startsWith(QLatin1String("vsc-ready")))
        return { QStringLiteral("Url") };
    if (name.startsWith(QLatin1String("auth-code")))
        return { QStringLiteral("Code") };
    if (name.startsWith(QLatin1String("incident")))
        return { QStringLiteral("DeviceSerial"), QStringLiteral("Incident") };
    return { QStringLiteral("Expires") };
}

Result<MessageTemplate> MessageTemplate::builtIn(const QString& name)
{
    if (!names().contains(name))
        return Error(ErrorCode::NotFound, QStringLiteral("no message template %1").arg(name), { { QStringLiteral("what"), QStringLiteral("template") } });
    QFile text(QStringLiteral(":/lanyard/templates/%1.txt").arg(name));
    if (!text.open(QIODevice::ReadOnly))
        return Error(ErrorCode::StorageFailure, QStringLiteral("the built-in template %1 is missing").arg(name));
    // First line: the subject; after one blank line: the body.
    const QString all = QString::fromUtf8(text.readAll());
    MessageTemplate t;
    t.name = name;
    t.subject = all.section(QLatin1Char('\n'), 0, 0).trimmed();
    t.body = all.section(QLatin1Char('\n'), 2).trimmed();
    QFile html(QStringLiteral(":/lanyard/templates/%1.html").arg(name));
    if (html.open(QIODevice::ReadOnly))
        t.html = QString::fromUtf8(html.readAll()).trimmed();
    return t;
}

Result<void> MessageTemplate::validate() const
{
    if (!names().contains(name))
        return templateError(name, QStringLiteral("template-unknown"), {}, QStringLiteral("unknown template"));
    if (body.trimmed().isEmpty())
        return templateError(name, QStringLiteral("template-empty"), {}, QStringLiteral("the text is empty"));
    if (!isSms(name) && subject.trimmed().isEmpty())
        return templateError(name, QStringLiteral("template-subject"), {}, QStringLiteral("an email needs a subject"));
    const QStringList allowed = allowedFields(name);
    for (const QString* part : { &subject, &body, &html }) {
        auto it = fieldPattern().globalMatch(*part);
        while (it.hasNext()) {
            const QString field = it.next().captured(1);
            if (!allowed.contains(field)) {
                // The link and the code travel in separate messages: neither template may name the other.
                const bool otherHalf = field == QLatin1String("Code") || field == QLatin1String("Url");
                return templateError(name, otherHalf ? QStringLiteral("template-both-halves") : QStringLiteral("template-field"), field,
                    QStringLiteral("{{%1}} cannot be used here").arg(field));
            }
        }
    }
    for (const QString& field : requiredFields(name)) {
        const QString token = QStringLiteral("{{%1}}").arg(field);
        if (!body.contains(token) || (!html.isEmpty() && !html.contains(token)))
            return templateError(name, QStringLiteral("template-required"), field, QStringLiteral("{{%1}} is missing").arg(field));
    }
    return {};
}

QString MessageTemplate::render(const QString& text, const QMap<QString, QString>& values, bool escapeHtml)
{
    QString out;
    qsizetype last = 0;
    auto it = fieldPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        const QString value = values.value(m.captured(1));
        out += escapeHtml ? value.toHtmlEscaped() : value;
        last = m.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

} // namespace lanyard
