#pragma once

#include "engine/MessageTemplate.h"

#include <QMap>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace lanyard {

class OperatorActions;

// Configuration › Message templates: the wording of each notification, with its placeholders,
// a live preview filled with sample values, save, and reset to the built-in default. Edits to
// a template survive switching to another one until they are saved or reset.
class MessageTemplatesPage : public QWidget {
    Q_OBJECT
public:
    explicit MessageTemplatesPage(const OperatorActions& actions, QWidget* parent = nullptr);

    QString currentName() const { return m_current; }
    void select(const QString& name);

Q_SIGNALS:
    void saved(bool ok);

private:
    void show(const QString& name);
    MessageTemplate edited() const;
    void rememberEdits();
    void insertField(const QString& field);
    void updatePreview();
    void save();
    void resetToDefault();

    OperatorActions* m_actions;
    QMap<QString, MessageTemplate> m_stored; // as the engine has them
    QMap<QString, MessageTemplate> m_drafts; // unsaved edits
    QString m_current;
    bool m_showing = false;
    QListWidget* m_list = nullptr;
    QLabel* m_heading = nullptr;
    QLineEdit* m_subject = nullptr;
    QPlainTextEdit* m_body = nullptr;
    QPlainTextEdit* m_html = nullptr;
    QLabel* m_subjectLabel = nullptr;
    QLabel* m_htmlLabel = nullptr;
    QWidget* m_fields = nullptr;
    QWidget* m_lastEditor = nullptr; // where a field button inserts
    QTextBrowser* m_preview = nullptr;
    QLabel* m_check = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_reset = nullptr;
};

} // namespace lanyard
