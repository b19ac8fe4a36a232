#pragma once

#include "engine/Settings.h"

#include <QMap>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace lanyard {

class OperatorActions;

// Operation Settings: every setting, with the right control for its type, and the timezone
// list. Saving sends everything to the engine, which validates; a refusal names the setting,
// focuses it, and keeps what the operator typed.
class SettingsPage : public QWidget {
    Q_OBJECT
public:
    SettingsPage(const OperatorActions& actions, QWidget* parent = nullptr);

    QWidget* editor(const QString& key) const { return m_editors.value(key); }
    QTableWidget* timezones() const { return m_timezones; }
    void save();
    void reload();

Q_SIGNALS:
    void loaded();
    void saved(bool ok);

private:
    void show(const Settings& settings);
    Settings collect() const;

    OperatorActions* m_actions;
    QMap<QString, QWidget*> m_editors;
    QTableWidget* m_timezones = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace lanyard
