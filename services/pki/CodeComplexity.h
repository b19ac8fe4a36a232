#pragma once

#include "core/Result.h"

#include <QString>

namespace lanyard {

// The authentication code complexity grammar "mm-nnULSN": minimum length, maximum length,
// then character classes (U upper-case letters, L lower-case letters, S symbols, N digits).
// An upper-case class letter means the code must contain that class, a lower-case one that
// it may. "04-08N" is four to eight digits.
class CodeComplexity {
public:
    enum class Need { No, May, Must };

    static Result<CodeComplexity> parse(const QString& text);

    int minLength() const { return m_min; }
    int maxLength() const { return m_max; }
    Need upper() const { return m_upper; }
    Need lower() const { return m_lower; }
    Need symbols() const { return m_symbols; }
    Need digits() const { return m_digits; }

    QString alphabet() const; // every character a code may contain
    // Whether a typed code (spaces already removed) fits the grammar.
    bool accepts(const QString& code) const;
    QString toString() const;

    static QString symbolSet();

private:
    int m_min = 4;
    int m_max = 8;
    Need m_upper = Need::No;
    Need m_lower = Need::No;
    Need m_symbols = Need::No;
    Need m_digits = Need::Must;
};

} // namespace lanyard
