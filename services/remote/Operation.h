#pragma once

#include "JsonCodec.h"
#include "JsonReader.h"
#include "engine/Engine.h"

#include <QJsonArray>
#include <QSet>

#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>

// How one operator operation travels: its name, its arguments with their JSON names, types
// and limits, and the shape of its answer. The table of every operation is in
// OperatorOperations.h; the server's dispatch, the remote engine's calls, the method list and
// the API-document test are all read off it, so nothing here is kept in step by hand.
namespace lanyard::wire {

// The value and arguments of an engine member, read off its type.
template <typename M>
struct MemberOf;
template <typename R, typename... A>
struct MemberOf<QFuture<Result<R>> (Engine::*)(const OperatorSession&, A...)> {
    using Value = R;
    using Arguments = std::tuple<std::remove_cvref_t<A>...>;
};

// ----- How a value is written and read -----------------------------------------------------

template <typename T>
struct Codec;

template <typename T, QJsonObject (*Write)(const T&), Result<T> (*Read)(const QJsonObject&)>
struct ObjectCodec {
    static QJsonValue write(const T& value) { return Write(value); }
    static Result<T> read(const QJsonValue& value)
    {
        if (!value.isObject())
            return Error(ErrorCode::InvalidArgument, QStringLiteral("not an object"));
        return Read(value.toObject());
    }
};

template <> struct Codec<Person> : ObjectCodec<Person, json::fromPerson, json::toPerson> {};
template <> struct Codec<PersonPage> : ObjectCodec<PersonPage, json::fromPersonPage, json::toPersonPage> {};
template <> struct Codec<PersonQuery> : ObjectCodec<PersonQuery, json::fromPersonQuery, json::toPersonQuery> {};
template <> struct Codec<PersonDetails> : ObjectCodec<PersonDetails, json::fromPersonDetails, json::toPersonDetails> {};
template <> struct Codec<PeopleImportBatch> : ObjectCodec<PeopleImportBatch, json::fromPeopleImportBatch, json::toPeopleImportBatch> {};
template <> struct Codec<BatchOutcome> : ObjectCodec<BatchOutcome, json::fromBatchOutcome, json::toBatchOutcome> {};
template <> struct Codec<ImportOutcome> : ObjectCodec<ImportOutcome, json::fromImportOutcome, json::toImportOutcome> {};
template <> struct Codec<DirectoryConfig> : ObjectCodec<DirectoryConfig, json::fromDirectoryConfig, json::toDirectoryConfig> {};
template <> struct Codec<DirectoryProbe> : ObjectCodec<DirectoryProbe, json::fromDirectoryProbe, json::toDirectoryProbe> {};
template <> struct Codec<DirectorySyncReport> : ObjectCodec<DirectorySyncReport, json::fromDirectorySyncReport, json::toDirectorySyncReport> {};
template <> struct Codec<CardIdentifiers> : ObjectCodec<CardIdentifiers, json::fromCardIdentifiers, json::toCardIdentifiers> {};
template <> struct Codec<Device> : ObjectCodec<Device, json::fromDevice, json::toDevice> {};
template <> struct Codec<DeviceAction> : ObjectCodec<DeviceAction, json::fromDeviceAction, json::toDeviceAction> {};
template <> struct Codec<DeviceChange> : ObjectCodec<DeviceChange, json::fromDeviceChange, json::toDeviceChange> {};
template <> struct Codec<CertificateRecord> : ObjectCodec<CertificateRecord, json::fromCertificate, json::toCertificate> {};
template <> struct Codec<Job> : ObjectCodec<Job, json::fromJob, json::toJob> {};
template <> struct Codec<JobQuery> : ObjectCodec<JobQuery, json::fromJobQuery, json::toJobQuery> {};
template <> struct Codec<IssuedRequest> : ObjectCodec<IssuedRequest, json::fromIssuedRequest, json::toIssuedRequest> {};
template <> struct Codec<LockSchedule> : ObjectCodec<LockSchedule, json::fromLockSchedule, json::toLockSchedule> {};
template <> struct Codec<TemporaryAccess> : ObjectCodec<TemporaryAccess, json::fromTemporaryAccess, json::toTemporaryAccess> {};
template <> struct Codec<Timezone> : ObjectCodec<Timezone, json::fromTimezone, json::toTimezone> {};
template <> struct Codec<VscLockTask> : ObjectCodec<VscLockTask, json::fromVscLockTask, json::toVscLockTask> {};
template <> struct Codec<VscLockOutcome> : ObjectCodec<VscLockOutcome, json::fromVscLockOutcome, json::toVscLockOutcome> {};
template <> struct Codec<VscUnblockChallenge> : ObjectCodec<VscUnblockChallenge, json::fromVscUnblockChallenge, json::toVscUnblockChallenge> {};
template <> struct Codec<ParentCard> : ObjectCodec<ParentCard, json::fromParentCard, json::toParentCard> {};
template <> struct Codec<ParentCardCheck> : ObjectCodec<ParentCardCheck, json::fromParentCardCheck, json::toParentCardCheck> {};
template <> struct Codec<ParentTrustEnd> : ObjectCodec<ParentTrustEnd, json::fromParentTrustEnd, json::toParentTrustEnd> {};
template <> struct Codec<ParentTrustReport> : ObjectCodec<ParentTrustReport, json::fromParentTrustReport, json::toParentTrustReport> {};
template <> struct Codec<RegisteredHardware> : ObjectCodec<RegisteredHardware, json::fromHardware, json::toHardware> {};
template <> struct Codec<Role> : ObjectCodec<Role, json::fromRole, json::toRole> {};
template <> struct Codec<CredentialProfile> : ObjectCodec<CredentialProfile, json::fromCredentialProfile, json::toCredentialProfile> {};
template <> struct Codec<CertificatePolicy> : ObjectCodec<CertificatePolicy, json::fromCertificatePolicy, json::toCertificatePolicy> {};
template <> struct Codec<CertificatePolicyExample> : ObjectCodec<CertificatePolicyExample, json::fromCertificatePolicyExample, json::toCertificatePolicyExample> {};
template <> struct Codec<Notification> : ObjectCodec<Notification, json::fromNotification, json::toNotification> {};
template <> struct Codec<MessageTemplate> : ObjectCodec<MessageTemplate, json::fromMessageTemplate, json::toMessageTemplate> {};
template <> struct Codec<Settings> : ObjectCodec<Settings, json::fromSettings, json::toSettings> {};
template <> struct Codec<AuditEvent> : ObjectCodec<AuditEvent, json::fromAuditEvent, json::toAuditEvent> {};
template <> struct Codec<AuditQuery> : ObjectCodec<AuditQuery, json::fromAuditQuery, json::toAuditQuery> {};
template <> struct Codec<AuditVerification> : ObjectCodec<AuditVerification, json::fromAuditVerification, json::toAuditVerification> {};

template <>
struct Codec<qint64> {
    static QJsonValue write(qint64 value) { return value; }
    static Result<qint64> read(const QJsonValue& value)
    {
        if (!value.isDouble())
            return Error(ErrorCode::InvalidArgument, QStringLiteral("not a number"));
        return value.toInteger();
    }
};

template <>
struct Codec<QString> {
    static QJsonValue write(const QString& value) { return value; }
    static Result<QString> read(const QJsonValue& value)
    {
        if (!value.isString())
            return Error(ErrorCode::InvalidArgument, QStringLiteral("not a text"));
        return value.toString();
    }
};

template <>
struct Codec<Workflow> {
    static QJsonValue write(Workflow w) { return workflowId(w); }
    static Result<Workflow> read(const QJsonValue& value)
    {
        Workflow w;
        if (!workflowFromId(value.toString(), &w))
            return Error(ErrorCode::InvalidArgument, QStringLiteral("unknown workflow '%1'").arg(value.toString().left(40)));
        return w;
    }
};

template <typename T>
struct Codec<QList<T>> {
    static QJsonValue write(const QList<T>& items)
    {
        QJsonArray out;
        for (const T& item : items)
            out.append(Codec<T>::write(item));
        return out;
    }
    static Result<QList<T>> read(const QJsonValue& value)
    {
        if (!value.isArray())
            return Error(ErrorCode::InvalidArgument, QStringLiteral("not a list"));
        QList<T> out;
        for (const QJsonValue& item : value.toArray()) {
            auto r = Codec<T>::read(item);
            if (!r)
                return r.error();
            out << *r;
        }
        return out;
    }
};

// ----- Argument kinds ------------------------------------------------------------------------
// Every declared argument must be present: a caller that leaves one out, misspells it or sends
// it with the wrong type is refused with invalid-argument naming the field, never given a 0 or
// an empty text in its place.

struct Id { // a row id
    using Value = qint64;
    const char* name;
};
struct Flag {
    using Value = bool;
    const char* name;
};
struct Text {
    using Value = QString;
    const char* name;
    int maxLength;
    // Only where an empty text is a documented choice of its own (no target computer).
    bool mayBeLeftOut = false;
};
struct Number {
    using Value = int;
    const char* name;
    int min;
    int max;
};
struct Bytes { // base64 on the wire; the limit is on the decoded bytes
    using Value = QByteArray;
    const char* name;
    int maxBytes;
};
struct Ids { // a list of row ids
    using Value = QList<qint64>;
    const char* name;
    int maxItems;
};
struct Texts { // a list of texts, each at most maxLength characters
    using Value = QStringList;
    const char* name;
    int maxItems;
    int maxLength;
};
template <typename T>
struct Object { // a nested object, read by the type's codec
    using Value = T;
    const char* name;
};
template <typename T>
struct Fields { // the type's fields at the top level of the arguments
    using Value = T;
};

namespace detail {
// An error from a nested codec, with the field it names put under `outer`.
inline Error nestedError(Error e, const char* outer)
{
    const QString inner = e.args.value(QStringLiteral("field")).toString();
    const QString field = inner.isEmpty() ? QLatin1String(outer) : QLatin1String(outer) + QLatin1Char('.') + inner;
    e.args.insert(QStringLiteral("field"), field);
    if (inner.isEmpty())
        e.detail = QStringLiteral("field '%1': %2").arg(field, e.detail);
    return e;
}
} // namespace detail

inline qint64 read(const Id& a, json::JsonReader& r, const QJsonObject&)
{
    r.require(a.name);
    return r.integer(a.name, 1);
}
inline bool read(const Flag& a, json::JsonReader& r, const QJsonObject&)
{
    r.require(a.name);
    return r.boolean(a.name);
}
inline QString read(const Text& a, json::JsonReader& r, const QJsonObject&)
{
    if (!a.mayBeLeftOut)
        r.require(a.name);
    return r.text(a.name, a.maxLength);
}
inline int read(const Number& a, json::JsonReader& r, const QJsonObject&)
{
    r.require(a.name);
    return r.number(a.name, a.min, a.max);
}
inline QByteArray read(const Bytes& a, json::JsonReader& r, const QJsonObject&)
{
    r.require(a.name);
    const QByteArray bytes = r.base64(a.name, (a.maxBytes + 2) / 3 * 4);
    if (bytes.size() > a.maxBytes)
        r.fail(QLatin1String(a.name), QStringLiteral("longer than %1 bytes").arg(a.maxBytes));
    return bytes;
}
namespace detail {
// The list under `name`, when it is one of at most maxItems (else the reader names the fault).
inline std::optional<QJsonArray> listOf(const char* name, int maxItems, json::JsonReader& r, const QJsonObject& args)
{
    r.require(name);
    const QJsonValue value = args.value(QLatin1String(name));
    if (!r.ok())
        return std::nullopt;
    if (!value.isArray()) {
        r.fail(QLatin1String(name), QStringLiteral("not a list"));
        return std::nullopt;
    }
    if (value.toArray().size() > maxItems) {
        r.fail(QLatin1String(name), QStringLiteral("more than %1 items").arg(maxItems));
        return std::nullopt;
    }
    return value.toArray();
}
} // namespace detail

inline QList<qint64> read(const Ids& a, json::JsonReader& r, const QJsonObject& args)
{
    const auto items = detail::listOf(a.name, a.maxItems, r, args);
    if (!items)
        return {};
    QList<qint64> out;
    for (const QJsonValue& item : *items) {
        if (!item.isDouble() || item.toDouble() != double(item.toInteger()) || item.toInteger() < 1) {
            r.fail(QLatin1String(a.name), QStringLiteral("holds something that is not a row id"));
            return {};
        }
        out << item.toInteger();
    }
    return out;
}
inline QStringList read(const Texts& a, json::JsonReader& r, const QJsonObject& args)
{
    const auto items = detail::listOf(a.name, a.maxItems, r, args);
    if (!items)
        return {};
    QStringList out;
    for (const QJsonValue& item : *items) {
        if (!item.isString() || item.toString().size() > a.maxLength) {
            r.fail(QLatin1String(a.name), QStringLiteral("holds something that is not a text of at most %1 characters").arg(a.maxLength));
            return {};
        }
        out << item.toString();
    }
    return out;
}
template <typename T>
T read(const Object<T>& a, json::JsonReader& r, const QJsonObject& args)
{
    r.require(a.name);
    if (!r.ok() || !args.value(QLatin1String(a.name)).isObject()) {
        r.object(a.name); // names a wrong type
        return T {};
    }
    auto value = Codec<T>::read(args.value(QLatin1String(a.name)));
    if (!value) {
        r.adopt(detail::nestedError(value.error(), a.name));
        return T {};
    }
    return *value;
}
template <typename T>
T read(const Fields<T>&, json::JsonReader& r, const QJsonObject& args)
{
    auto value = Codec<T>::read(args);
    if (!value) {
        r.adopt(value.error());
        return T {};
    }
    return *value;
}

inline void write(const Id& a, qint64 v, QJsonObject& out) { out.insert(QLatin1String(a.name), v); }
inline void write(const Flag& a, bool v, QJsonObject& out) { out.insert(QLatin1String(a.name), v); }
inline void write(const Text& a, const QString& v, QJsonObject& out) { out.insert(QLatin1String(a.name), v); }
inline void write(const Number& a, int v, QJsonObject& out) { out.insert(QLatin1String(a.name), v); }
inline void write(const Ids& a, const QList<qint64>& v, QJsonObject& out)
{
    QJsonArray items;
    for (qint64 id : v)
        items.append(id);
    out.insert(QLatin1String(a.name), items);
}
inline void write(const Texts& a, const QStringList& v, QJsonObject& out) { out.insert(QLatin1String(a.name), QJsonArray::fromStringList(v)); }
inline void write(const Bytes& a, const QByteArray& v, QJsonObject& out) { out.insert(QLatin1String(a.name), QString::fromLatin1(v.toBase64())); }
template <typename T>
void write(const Object<T>& a, const T& v, QJsonObject& out)
{
    out.insert(QLatin1String(a.name), Codec<T>::write(v));
}
template <typename T>
void write(const Fields<T>&, const T& v, QJsonObject& out)
{
    const QJsonObject fields = Codec<T>::write(v).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it)
        out.insert(it.key(), it.value());
}

// The top-level names an argument takes.
template <typename A>
QStringList namesOf(const A& a)
{
    return { QLatin1String(a.name) };
}
template <typename T>
QStringList namesOf(const Fields<T>&)
{
    return Codec<T>::write(T {}).toObject().keys();
}

// ----- Operations --------------------------------------------------------------------------

// Where the answer's value is: under a key of the answer object, or the object itself.
struct Answer {
    const char* key;
};
inline constexpr Answer itself { nullptr };

template <auto M>
struct MethodTag {};

template <auto Method, typename... Args>
struct Operation {
    static constexpr auto method = Method;
    using Tag = MethodTag<Method>;
    using Value = typename MemberOf<decltype(Method)>::Value;
    using Arguments = typename MemberOf<decltype(Method)>::Arguments;

    const char* name;
    Answer answer;
    std::tuple<Args...> arguments;

    QStringList argumentNames() const
    {
        QStringList all;
        std::apply([&](const auto&... a) { ((all += namesOf(a)), ...); }, arguments);
        return all;
    }

    // The caller's JSON as the engine member's arguments, or the first field that is wrong.
    Result<Arguments> readArguments(const QJsonObject& args) const
    {
        json::JsonReader r(args);
        const QStringList known = argumentNames();
        for (auto it = args.begin(); it != args.end(); ++it) {
            if (!known.contains(it.key()))
                r.fail(it.key().left(60), QStringLiteral("%1 takes no such argument").arg(QLatin1String(name)));
        }
        Arguments values = std::apply([&](const auto&... a) { return Arguments { read(a, r, args)... }; }, arguments);
        if (!r.ok())
            return r.error();
        return values;
    }

    template <typename... Values>
    QJsonObject writeArguments(const Values&... values) const
    {
        static_assert(sizeof...(Values) == sizeof...(Args));
        QJsonObject out;
        std::apply([&](const auto&... a) { (write(a, values, out), ...); }, arguments);
        return out;
    }

    // Templates only so that an operation without a value never forms `const void&`.
    template <typename V = Value>
    QJsonObject writeAnswer(const V& value) const
    {
        if (!answer.key)
            return Codec<V>::write(value).toObject();
        return QJsonObject { { QLatin1String(answer.key), Codec<V>::write(value) } };
    }

    template <typename V = Value>
    Result<V> readAnswer(const QJsonObject& o) const
    {
        if (!answer.key)
            return Codec<V>::read(o);
        if (!o.contains(QLatin1String(answer.key)))
            return Error(ErrorCode::InvalidArgument, QStringLiteral("the answer to %1 has no '%2'").arg(QLatin1String(name), QLatin1String(answer.key)));
        return Codec<V>::read(o.value(QLatin1String(answer.key)));
    }
};

// An operation whose declared arguments must match the engine member's, in order and type.
template <auto Method, typename... Args>
constexpr Operation<Method, Args...> operation(const char* name, Answer answer, Args... args)
{
    static_assert(std::is_same_v<std::tuple<typename Args::Value...>, typename MemberOf<decltype(Method)>::Arguments>,
        "the arguments declared do not match the engine member's parameters");
    return { name, answer, { args... } };
}

// The entry of `table` for the engine member, found at compile time.
template <auto Method, std::size_t I = 0, typename Table>
constexpr const auto& find(const Table& table)
{
    static_assert(I < std::tuple_size_v<Table>, "this engine member is not in the operation table");
    if constexpr (std::is_same_v<typename std::tuple_element_t<I, Table>::Tag, MethodTag<Method>>)
        return std::get<I>(table);
    else
        return find<Method, I + 1>(table);
}

template <typename Table>
constexpr bool namesAreUnique(const Table& table)
{
    return std::apply(
        [](const auto&... op) {
            const std::string_view names[] = { std::string_view(op.name)... };
            for (std::size_t i = 0; i < std::size(names); ++i)
                for (std::size_t j = i + 1; j < std::size(names); ++j)
                    if (names[i] == names[j])
                        return false;
            return true;
        },
        table);
}

} // namespace lanyard::wire
