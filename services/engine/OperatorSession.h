#pragma once

#include <QString>

namespace lanyard {

// Who is calling the engine. The engine reloads the operator's roles on every call, so a
// session never carries more rights than the database grants right now.
struct OperatorSession {
    qint64 personId = 0;
    QString logonName;
    QString fullName;
    QString token; // bearer token for the remote engine; empty when embedded

    bool isValid() const { return personId > 0; }
};

} // namespace lanyard
