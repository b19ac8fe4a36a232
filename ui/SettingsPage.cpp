#include "SettingsPage.h"

#include "ErrorText.h"
#include "OperatorActions.h"
#include "SettingLabels.h"
#include "engine/SettingsSchema.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lanyard {

SettingsPage::SettingsPage(const OperatorActions& actions, QWidget* parent)
    : QWidget(parent)
    , m_actions(new OperatorActions(actions.engine(), actions.session(), this))
{
    setObjectName(QStringLiteral("configuration"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Operation Settings")), this));
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto* body = new QWidget(scroll);
    auto* form = new QFormLayout(body);
    for (const SettingsSchema::Entry& e : SettingsSchema::entries()) {
        QWidget* editor = nullptr;
        switch (e.type) {
        case SettingsSchema::Type::Boolean:
            editor = new QCheckBox(body);
            break;
        case SettingsSchema::Type::Integer: {
            auto* spin = new QSpinBox(body);
            spin->setRange(e.minimum, e.maximum);
            editor = spin;
            break;
        }
        case SettingsSchema::Type::Choice: {
            auto* combo = new QComboBox(body);
            combo->addItems(e.choices);
            editor = combo;
            break;
        }
        case SettingsSchema::Type::Text:
        case SettingsSchema::Type::Url:
        case SettingsSchema::Type::Email:
        case SettingsSchema::Type::Complexity:
        case SettingsSchema::Type::DistinguishedName:
        case SettingsSchema::Type::CertificateFiles:
        case SettingsSchema::Type::CrlFiles:
            editor = new QLineEdit(body);
            break;
        case SettingsSchema::Type::Secret: {
            auto* line = new QLineEdit(body);
            line->setEchoMode(QLineEdit::Password);
            editor = line;
            break;
        }
        }
        editor->setObjectName(e.key);
        editor->setToolTip(SettingLabels::help(e.key));
        form->addRow(SettingLabels::label(e.key) + QLatin1Char(':'), editor);
        m_editors.insert(e.key, editor);
    }
    m_timezones = new QTableWidget(0, 2, body);
    m_timezones->setObjectName(QStringLiteral("timezones"));
    m_timezones->setHorizontalHeaderLabels({ tr("Display name"), tr("UTC offset (hours)") });
    m_timezones->horizontalHeader()->setStretchLastSection(true);
    m_timezones->setMinimumHeight(180);
    auto* zoneButtons = new QHBoxLayout;
    auto* add = new QPushButton(tr("&Add timezone"), body);
    auto* remove = new QPushButton(tr("&Remove timezone"), body);
    zoneButtons->addWidget(add);
    zoneButtons->addWidget(remove);
    zoneButtons->addStretch(1);
    auto* zones = new QVBoxLayout;
    zones->addWidget(m_timezones);
    zones->addLayout(zoneButtons);
    form->addRow(SettingLabels::label(QStringLiteral("timezones")) + QLatin1Char(':'), zones);
    scroll->setWidget(body);
    layout->addWidget(scroll, 1);
    auto* bottom = new QHBoxLayout;
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);
    bottom->addWidget(m_message, 1);
    auto* revert = new QPushButton(tr("Re&vert"), this);
    m_save = new QPushButton(tr("&Save changes"), this);
    m_save->setObjectName(QStringLiteral("saveSettings"));
    bottom->addWidget(revert);
    bottom->addWidget(m_save);
    layout->addLayout(bottom);

    connect(add, &QPushButton::clicked, this, [this] {
        const int row = m_timezones->rowCount();
        m_timezones->insertRow(row);
        m_timezones->setItem(row, 0, new QTableWidgetItem);
        m_timezones->setItem(row, 1, new QTableWidgetItem);
        m_timezones->editItem(m_timezones->item(row, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_timezones->currentRow() >= 0)
            m_timezones->removeRow(m_timezones->currentRow());
    });
    connect(m_save, &QPushButton::clicked, this, &SettingsPage::save);
    connect(revert, &QPushButton::clicked, this, &SettingsPage::reload);
    connect(m_actions, &OperatorActions::settingsLoaded, this, &SettingsPage::show);
    connect(m_actions, &OperatorActions::settingsSaved, this, [this] {
        m_message->setText(tr("Saved. New requests use these settings at once."));
        m_save->setEnabled(true);
        Q_EMIT saved(true);
    });
    connect(m_actions, &OperatorActions::failed, this, [this](const Error& e) {
        m_message->setText(ErrorText::describe(e));
        m_save->setEnabled(true);
        const QString key = e.args.value(QStringLiteral("key")).toString();
        if (QWidget* w = key == QLatin1String("timezones") ? m_timezones : m_editors.value(key))
            w->setFocus();
        Q_EMIT saved(false);
    });
    reload();
}

void SettingsPage::reload()
{
    m_message->setText(tr("Loading…"));
    m_actions->loadSettings();
}

void SettingsPage::show(const Settings& s)
{
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        const QString value = s.value(it.key());
        if (auto* check = qobject_cast<QCheckBox*>(it.value()))
            check->setChecked(value == QLatin1String("true"));
        else if (auto* spin = qobject_cast<QSpinBox*>(it.value()))
            spin->setValue(value.toInt());
        else if (auto* combo = qobject_cast<QComboBox*>(it.value()))
            combo->setCurrentText(value);
        else if (auto* line = qobject_cast<QLineEdit*>(it.value()))
            line->setText(value);
    }
    m_timezones->setRowCount(0);
    for (const Timezone& z : s.timezones) {
        const int row = m_timezones->rowCount();
        m_timezones->insertRow(row);
        m_timezones->setItem(row, 0, new QTableWidgetItem(z.displayName));
        m_timezones->setItem(row, 1, new QTableWidgetItem(z.utcOffset));
    }
    m_message->clear();
    Q_EMIT loaded();
}

Settings SettingsPage::collect() const
{
    Settings s;
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        if (auto* check = qobject_cast<QCheckBox*>(it.value()))
            s.set(it.key(), check->isChecked() ? QStringLiteral("true") : QStringLiteral("false"));
        else if (auto* spin = qobject_cast<QSpinBox*>(it.value()))
            s.set(it.key(), QString::number(spin->value()));
        else if (auto* combo = qobject_cast<QComboBox*>(it.value()))
            s.set(it.key(), combo->currentText());
        else if (auto* line = qobject_cast<QLineEdit*>(it.value()))
            s.set(it.key(), line->text().trimmed());
    }
    for (int row = 0; row < m_timezones->rowCount(); ++row) {
        const auto text = [this, row](int column) { return m_timezones->item(row, column) ? m_timezones->item(row, column)->text().trimmed() : QString(); };
        s.timezones.append({ text(0), text(1) });
    }
    return s;
}

void SettingsPage::save()
{
    m_save->setEnabled(false);
    m_message->setText(tr("Saving…"));
    m_actions->saveSettings(collect());
}

} // namespace lanyard
