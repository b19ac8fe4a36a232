#pragma once

#include <QCoreApplication>
#include <QString>

namespace lanyard {

// What each operation setting is called on screen, and a line on what it does.
class SettingLabels {
    Q_DECLARE_TR_FUNCTIONS(SettingLabels)
public:
    static QString label(const QString& key);
    static QString help(const QString& key);
};

} // namespace lanyard
