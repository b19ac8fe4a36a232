#pragma once

#include "Result.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace lanyard {

// A configuration file of `key = value` lines, as /etc/lanyard/server.conf.
//
// One setting a line; blank lines and lines starting with `#` or `;` are ignored. The value is
// everything after the first `=`, trimmed, so a path may hold `#`, `=` or spaces inside it.
// The caller names the keys it knows: an unknown key, a repeated key or a line that is not
// `key = value` is refused with its line number, because a setting that is silently ignored
// (a misspelt "tls-crt") is one the administrator believes applies when it does not.
class ConfigFile {
public:
    static constexpr qsizetype kMaxBytes = 64 * 1024;

    // `source` names the file in error messages (its path).
    static Result<ConfigFile> parse(const QByteArray& text, const QStringList& knownKeys, const QString& source);
    static Result<ConfigFile> read(const QString& path, const QStringList& knownKeys);

    bool contains(const QString& key) const { return m_values.contains(key); }
    QString value(const QString& key) const { return m_values.value(key); }
    int lineOf(const QString& key) const { return m_lines.value(key); }
    QStringList keys() const { return m_order; }
    QString source() const { return m_source; }

private:
    QHash<QString, QString> m_values;
    QHash<QString, int> m_lines;
    QStringList m_order;
    QString m_source;
};

} // namespace lanyard
