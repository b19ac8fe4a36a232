#pragma once

#include <QString>

#include <array>
#include <optional>
#include <utility>

namespace lanyard {

// Maps an enum to the stable text ids stored in the database and sent over the API.
template <typename E, std::size_t N>
struct IdTable {
    std::array<std::pair<E, const char*>, N> entries;

    QString id(E value) const
    {
        for (const auto& [e, text] : entries) {
            if (e == value)
                return QString::fromLatin1(text);
        }
        return {};
    }
    std::optional<E> find(const QString& text) const
    {
        for (const auto& [e, t] : entries) {
            if (text == QLatin1String(t))
                return e;
        }
        return std::nullopt;
    }
};

template <typename E, typename... P>
constexpr auto makeIdTable(P... pairs)
{
    return IdTable<E, sizeof...(P)> { { { pairs... } } };
}

} // namespace lanyard
