#pragma once

#include "CodeComplexity.h"

#include <QString>

namespace lanyard {

// One-time authentication codes: generated at the maximum length of the complexity, shown in
// groups of four for reading aloud; the spaces are optional when typed.
class AuthCode {
public:
    static QString generate(const CodeComplexity& complexity);
    static QString group(const QString& code);
    static QString normalise(const QString& typed); // drops spaces
};

} // namespace lanyard
