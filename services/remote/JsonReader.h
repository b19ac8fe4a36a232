#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace lanyard::json {

// Times travel as ISO 8601 in UTC with milliseconds; an unset time as an empty text.
inline QString isoTime(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// Reads fields of one JSON object with their expected types. A missing or null field reads as
// the default; a field of another type, an unknown enum id, a number out of range or an
// over-long text is remembered as the first error, so a parser reads every field it needs and
// then asks ok() once instead of checking after each line.
class JsonReader {
public:
    explicit JsonReader(const QJsonObject& object, QString path = {})
        : m_object(object)
        , m_path(std::move(path))
    {
    }

    bool ok() const { return !m_error; }
    const Error& error() const { return *m_error; }
    // Adopts a nested reader's error (the first error still wins).
    void take(const JsonReader& nested)
    {
        if (!m_error && !nested.ok())
            m_error = nested.error();
    }
    // Takes an error found elsewhere (a nested codec's) as this reader's, unless it has one.
    void adopt(const Error& e)
    {
        if (!m_error)
            m_error = e;
    }
    void fail(const QString& name, const QString& why)
    {
        if (m_error)
            return;
        const QString field = m_path.isEmpty() ? name : m_path + QLatin1Char('.') + name;
        m_error = Error(ErrorCode::InvalidArgument, QStringLiteral("field '%1': %2").arg(field, why), { { QStringLiteral("field"), field } });
    }

    QString text(const char* name, int maxLength = 100000)
    {
        const QJsonValue v = typed(name, QJsonValue::String);
        if (v.toString().size() > maxLength)
            fail(QLatin1String(name), QStringLiteral("longer than %1 characters").arg(maxLength));
        return v.toString();
    }
    qint64 integer(const char* name, qint64 min = std::numeric_limits<qint32>::min(), qint64 max = std::numeric_limits<qint64>::max() / 2)
    {
        const QJsonValue v = typed(name, QJsonValue::Double);
        if (v.isUndefined())
            return std::clamp<qint64>(0, min, max);
        const double d = v.toDouble();
        // Range first: converting an out-of-range double to an integer is undefined.
        if (!(d >= double(min) && d <= double(max)) || d != std::floor(d)) {
            fail(QLatin1String(name), QStringLiteral("not a whole number between %1 and %2").arg(min).arg(max));
            return std::clamp<qint64>(0, min, max);
        }
        return qint64(d);
    }
    int number(const char* name, int min = std::numeric_limits<int>::min(), int max = std::numeric_limits<int>::max())
    {
        return int(integer(name, min, max));
    }
    // A whole number, or fallback when the field is missing.
    int numberOr(const char* name, int fallback, int min, int max)
    {
        return has(name) ? number(name, min, max) : fallback;
    }
    bool boolean(const char* name) { return typed(name, QJsonValue::Bool).toBool(); }
    QDateTime time(const char* name)
    {
        const QString t = text(name, 64);
        if (t.isEmpty())
            return {};
        QDateTime out = QDateTime::fromString(t, Qt::ISODateWithMs);
        if (!out.isValid())
            fail(QLatin1String(name), QStringLiteral("not an ISO 8601 time"));
        return out;
    }
    QByteArray base64(const char* name, int maxLength = 4 * 1024 * 1024)
    {
        const QString t = text(name, maxLength);
        auto decoded = QByteArray::fromBase64Encoding(t.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            fail(QLatin1String(name), QStringLiteral("not base64"));
        return decoded.decoded;
    }
    QJsonObject object(const char* name) { return typed(name, QJsonValue::Object).toObject(); }
    QJsonArray array(const char* name, int maxItems = 100000)
    {
        const QJsonArray a = typed(name, QJsonValue::Array).toArray();
        if (a.size() > maxItems) {
            fail(QLatin1String(name), QStringLiteral("more than %1 items").arg(maxItems));
            return {};
        }
        return a;
    }
    QStringList texts(const char* name, int maxItems = 1000)
    {
        QStringList out;
        for (const QJsonValue& v : array(name, maxItems)) {
            if (!v.isString())
                fail(QLatin1String(name), QStringLiteral("each item is a string"));
            out << v.toString();
        }
        return out;
    }
    // An enum by its stable id; fallback when the field is missing or empty.
    template <typename E>
    E choice(const char* name, bool (*fromId)(const QString&, E*), E fallback)
    {
        const QString id = text(name, 64);
        if (id.isEmpty())
            return fallback;
        E out;
        if (!fromId(id, &out)) {
            fail(QLatin1String(name), QStringLiteral("unknown value '%1'").arg(id.left(40)));
            return fallback;
        }
        return out;
    }
    // Each item of an array of objects, read by a function taking a nested reader.
    template <typename T, typename F>
    QList<T> objects(const char* name, F read, int maxItems = 100000)
    {
        QList<T> out;
        const QJsonArray a = array(name, maxItems);
        for (int i = 0; i < a.size(); ++i) {
            if (!a.at(i).isObject()) {
                fail(QLatin1String(name), QStringLiteral("each item is an object"));
                break;
            }
            JsonReader nested(a.at(i).toObject(), QStringLiteral("%1[%2]").arg(QLatin1String(name)).arg(i));
            out << read(nested);
            take(nested);
        }
        return out;
    }
    // Refuses a missing (or null) field: for what has no sensible default.
    bool require(const char* name)
    {
        if (has(name))
            return true;
        fail(QLatin1String(name), QStringLiteral("missing"));
        return false;
    }
    bool has(const char* name) const
    {
        const QJsonValue v = m_object.value(QLatin1String(name));
        return !v.isUndefined() && !v.isNull();
    }

private:
    QJsonValue typed(const char* name, QJsonValue::Type type)
    {
        const QJsonValue v = m_object.value(QLatin1String(name));
        if (v.isUndefined() || v.isNull())
            return QJsonValue(QJsonValue::Undefined);
        if (v.type() != type) {
            fail(QLatin1String(name), QStringLiteral("wrong type"));
            return QJsonValue(QJsonValue::Undefined);
        }
        return v;
    }

    QJsonObject m_object;
    QString m_path;
    std::optional<Error> m_error;
};

// The reader's value, or its first error.
template <typename T>
Result<T> finish(const JsonReader& reader, T value)
{
    if (!reader.ok())
        return reader.error();
    return value;
}

} // namespace lanyard::json
