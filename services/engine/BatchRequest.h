#pragma once

#include "core/Error.h"

#include <QList>

#include <optional>

namespace lanyard {

// What one person of a batch request got: the request made for them (its job), or why none
// was (the refusal a single request would have given). Each person's request is whole or
// absent; a batch never leaves one half-made.
struct BatchOutcome {
    qint64 personId = 0;
    qint64 jobId = 0; // 0: refused
    std::optional<Error> problem;

    bool operator==(const BatchOutcome& o) const
    {
        return personId == o.personId && jobId == o.jobId && problem.has_value() == o.problem.has_value()
            && (!problem || (problem->code == o.problem->code && problem->args == o.problem->args));
    }
};

} // namespace lanyard
