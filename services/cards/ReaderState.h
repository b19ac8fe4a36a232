#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace lanyard {

// What one PC/SC reader holds right now.
struct ReaderState {
    QString name;
    bool cardPresent = false;
    bool exclusive = false; // another program holds the card exclusively
    QByteArray atr;
    quint32 pcscState = 0; // the service's last event state, handed back when waiting (0: unaware)

    friend bool operator==(const ReaderState& a, const ReaderState& b)
    {
        return a.name == b.name && a.cardPresent == b.cardPresent && a.exclusive == b.exclusive && a.atr == b.atr;
    }
};

} // namespace lanyard

Q_DECLARE_METATYPE(lanyard::ReaderState)
