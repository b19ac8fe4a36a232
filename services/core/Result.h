#pragma once

#include "Error.h"

#include <utility>
#include <variant>

namespace lanyard {

// std::expected is C++23; this is the subset we need, with the same spirit: a value or an Error.
template <typename T>
class [[nodiscard]] Result {
public:
    // Only for containers that need a default (QFuture's result store); reads as a failure.
    Result()
        : m_data(std::in_place_index<1>, Error(ErrorCode::StorageFailure, QStringLiteral("no result")))
    {
    }
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {
    }
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    {
    }
    Result(ErrorCode code, QString detail = {}, QVariantMap args = {})
        : m_data(std::in_place_index<1>, Error(code, std::move(detail), std::move(args)))
    {
    }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<0>(m_data); }
    T& value() & { return std::get<0>(m_data); }
    T&& value() && { return std::get<0>(std::move(m_data)); }
    const T* operator->() const { return &std::get<0>(m_data); }
    T* operator->() { return &std::get<0>(m_data); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_failed(true)
    {
    }
    Result(ErrorCode code, QString detail = {}, QVariantMap args = {})
        : m_error(code, std::move(detail), std::move(args))
        , m_failed(true)
    {
    }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

using VoidResult = Result<void>;

} // namespace lanyard
