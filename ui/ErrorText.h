#pragma once

#include "core/Error.h"

#include <QCoreApplication>
#include <QString>

#include <span>

namespace lanyard {

// The one place that turns an engine error into a sentence for the operator: what happened
// and what to do about it. Everything else shows ErrorText::describe(error).
class ErrorText {
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    static QString describe(const Error& error);

    struct ProblemText {
        const char* id; // the args.problem the services send
        QString (*text)(const Error& error);
    };
    static std::span<const ProblemText> problemTexts();

private:
    // A sentence for a refusal that names its problem id; empty when there is none.
    static QString problem(const Error& error);
};

} // namespace lanyard
