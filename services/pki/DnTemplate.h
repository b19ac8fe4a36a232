#pragma once

#include "core/Result.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace lanyard {

using RelativeName = QPair<QString, QString>; // attribute type (e.g. "CN"), value
using DistinguishedName = QList<RelativeName>; // as written: most specific first (CN=..,O=..,C=..)

// A subject template such as "CN=[[People.FullName]],OU=[[People.Group]],O=Example".
// [[People.Field]] inserts the value escaped (RFC 4514), so a comma in a name stays inside
// its attribute; [[[People.Field]]] inserts it raw, so the value may add attributes itself.
class DnTemplate {
public:
    static QStringList knownFields(); // "People.FullName", ...
    static QStringList knownAttributes(); // "CN", "OU", ...

    static Result<DnTemplate> parse(const QString& text);
    // Parses a concrete DN string ("CN=a\,b,O=x") into attribute/value pairs.
    static Result<DistinguishedName> parseDn(const QString& dn);
    static QString escapeValue(const QString& value);

    // Substitutes the fields and parses the result. A field with no value renders empty; an
    // attribute left without a value is dropped, so an optional field does not break issuance.
    Result<DistinguishedName> render(const QHash<QString, QString>& fields) const;
    QStringList fields() const;
    QString text() const { return m_text; }

private:
    QString substitute(const QHash<QString, QString>& fields, const QString& rawSample) const;

    struct Segment {
        enum Kind { Literal, Escaped, Raw } kind;
        QString text; // literal text or field name
    };
    QString m_text;
    QList<Segment> m_segments;
};

} // namespace lanyard
