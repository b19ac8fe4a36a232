#pragma once

#include "ErrorCode.h"

#include <QString>
#include <QVariantMap>

namespace lanyard {

// An error as a value. `detail` is for logs and developers (never secrets); the UI builds the
// user's sentence from `code` and `args` in one place (ui/ErrorText).
struct Error {
    ErrorCode code = ErrorCode::InvalidArgument;
    QString detail;
    QVariantMap args;

    Error() = default;
    Error(ErrorCode c, QString d = {}, QVariantMap a = {})
        : code(c)
        , detail(std::move(d))
        , args(std::move(a))
    {
    }

    QString id() const { return errorId(code); }
    QString toLogString() const { return detail.isEmpty() ? id() : id() + QStringLiteral(": ") + detail; }
};

} // namespace lanyard
