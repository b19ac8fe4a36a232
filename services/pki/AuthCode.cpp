#include "AuthCode.h"

#include "SecureRandom.h"

namespace lanyard {

QString AuthCode::generate(const CodeComplexity& c)
{
    const QString alphabet = c.alphabet();
    for (;;) {
        QString code;
        for (int i = 0; i < c.maxLength(); ++i)
            code += alphabet.at(int(secureRandomBelow(quint32(alphabet.size()))));
        // Rejection keeps the distribution uniform over the codes that satisfy the grammar.
        if (c.accepts(code))
            return code;
    }
}

QString AuthCode::group(const QString& code)
{
    QString out;
    for (qsizetype i = 0; i < code.size(); ++i) {
        if (i > 0 && i % 4 == 0)
            out += QLatin1Char(' ');
        out += code.at(i);
    }
    return out;
}

QString AuthCode::normalise(const QString& typed)
{
    QString out;
    for (const QChar ch : typed) {
        if (!ch.isSpace())
            out += ch;
    }
    return out;
}

} // namespace lanyard
