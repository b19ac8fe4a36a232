#include "MessageTemplatesPage.h"

#include "DomainText.h"
#include "ErrorText.h"
#include "OperatorActions.h"

#include <algorithm>

#include <QApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace lanyard {

namespace {
// What the preview fills in; the real values come from the request at send time.
QMap<QString, QString> sampleValues()
{
    return {
        { QStringLiteral("FullName"), QCoreApplication::translate("lanyard::MessageTemplatesPage", "Alex Example") },
        { QStringLiteral("Expires"), DomainText::dateTime(QDateTime::currentDateTime().addDays(7)) },
        { QStringLiteral("Url"), QStringLiteral("https://lanyard.example.org/collect/3f9c2a7e") },
        { QStringLiteral("AndroidUrl"), QStringLiteral("https://play.google.com/store/apps/details?id=org.example.lanyard") },
        { QStringLiteral("IosUrl"), QStringLiteral("https://apps.apple.com/app/id000000000") },
        { QStringLiteral("Code"), QStringLiteral("482 913") },
        { QStringLiteral("DeviceSerial"), QStringLiteral("R58M42XK") },
    };
}

// One SMS holds 160 plain characters (153 when split), or 70 (67) with other characters.
int smsParts(const QString& text)
{
    const bool plain = std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 128; });
    const int single = plain ? 160 : 70;
    const int part = plain ? 153 : 67;
    if (text.size() <= single)
        return 1;
    return int((text.size() + part - 1) / part);
}
} // namespace

MessageTemplatesPage::MessageTemplatesPage(const OperatorActions& actions, QWidget* parent)
    : QWidget(parent)
    , m_actions(new OperatorActions(actions.engine(), actions.session(), this))
{
    setObjectName(QStringLiteral("templates"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Message templates")), this));
    auto* splitter = new QSplitter(this);
    layout->addWidget(splitter, 1);

    m_list = new QListWidget(splitter);
    m_list->setObjectName(QStringLiteral("templateList"));
    for (const QString& name : MessageTemplate::names()) {
        auto* item = new QListWidgetItem(DomainText::messageTemplate(name), m_list);
        item->setData(Qt::UserRole, name);
    }
    m_list->setMaximumWidth(260);

    auto* editor = new QWidget(splitter);
    auto* form = new QFormLayout(editor);
    m_heading = new QLabel(editor);
    m_heading->setObjectName(QStringLiteral("templateHeading"));
    m_heading->setWordWrap(true);
    form->addRow(m_heading);
    m_subject = new QLineEdit(editor);
    m_subject->setObjectName(QStringLiteral("templateSubject"));
    m_subjectLabel = new QLabel(tr("S&ubject:"), editor);
    m_subjectLabel->setBuddy(m_subject);
    form->addRow(m_subjectLabel, m_subject);
    m_body = new QPlainTextEdit(editor);
    m_body->setObjectName(QStringLiteral("templateBody"));
    auto* bodyLabel = new QLabel(tr("&Text:"), editor);
    bodyLabel->setBuddy(m_body);
    form->addRow(bodyLabel, m_body);
    m_html = new QPlainTextEdit(editor);
    m_html->setObjectName(QStringLiteral("templateHtml"));
    m_html->setPlaceholderText(tr("Optional. Used when the mail format is HTML; the text above goes along as the plain alternative."));
    m_htmlLabel = new QLabel(tr("&HTML:"), editor);
    m_htmlLabel->setBuddy(m_html);
    form->addRow(m_htmlLabel, m_html);
    m_fields = new QWidget(editor);
    m_fields->setObjectName(QStringLiteral("templateFields"));
    new QHBoxLayout(m_fields);
    m_fields->layout()->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Insert field:"), m_fields);
    m_check = new QLabel(editor);
    m_check->setObjectName(QStringLiteral("templateCheck"));
    m_check->setWordWrap(true);
    form->addRow(m_check);
    auto* buttons = new QHBoxLayout;
    m_save = new QPushButton(tr("&Save template"), editor);
    m_save->setObjectName(QStringLiteral("saveTemplate"));
    m_reset = new QPushButton(tr("Reset to &default"), editor);
    m_reset->setObjectName(QStringLiteral("resetTemplate"));
    buttons->addWidget(m_save);
    buttons->addWidget(m_reset);
    buttons->addStretch(1);
    form->addRow(buttons);
    m_message = new QLabel(editor);
    m_message->setObjectName(QStringLiteral("templateMessage"));
    m_message->setWordWrap(true);
    form->addRow(m_message);

    auto* previewBox = new QWidget(splitter);
    auto* previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(new QLabel(tr("Preview with sample values:"), previewBox));
    m_preview = new QTextBrowser(previewBox);
    m_preview->setObjectName(QStringLiteral("templatePreview"));
    m_preview->setOpenLinks(false);
    previewLayout->addWidget(m_preview, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 2);

    m_lastEditor = m_body;
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget*, QWidget* now) {
        if (now == m_subject || now == m_body || now == m_html)
            m_lastEditor = now;
    });
    connect(m_subject, &QLineEdit::textChanged, this, &MessageTemplatesPage::updatePreview);
    connect(m_body, &QPlainTextEdit::textChanged, this, &MessageTemplatesPage::updatePreview);
    connect(m_html, &QPlainTextEdit::textChanged, this, &MessageTemplatesPage::updatePreview);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item)
            show(item->data(Qt::UserRole).toString());
    });
    connect(m_save, &QPushButton::clicked, this, &MessageTemplatesPage::save);
    connect(m_reset, &QPushButton::clicked, this, &MessageTemplatesPage::resetToDefault);
    connect(m_actions, &OperatorActions::messageTemplatesLoaded, this, [this](const QList<MessageTemplate>& templates) {
        for (const MessageTemplate& t : templates)
            m_stored.insert(t.name, t);
        if (m_current.isEmpty())
            m_list->setCurrentRow(0);
        else
            show(m_current);
    });
    connect(m_actions, &OperatorActions::messageTemplateSaved, this, [this](const QString& name) {
        m_drafts.remove(name);
        m_message->setText(tr("Saved. Messages queued from now on use this wording."));
        m_actions->loadMessageTemplates();
        Q_EMIT saved(true);
    });
    connect(m_actions, &OperatorActions::failed, this, [this](const Error& e) {
        m_message->setText(ErrorText::describe(e)); // the editor keeps what was typed
        Q_EMIT saved(false);
    });
    connect(m_actions, &OperatorActions::busyChanged, this, [this](bool busy) {
        m_save->setEnabled(!busy);
        m_reset->setEnabled(!busy);
    });
    m_actions->loadMessageTemplates();
}

void MessageTemplatesPage::select(const QString& name)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toString() == name)
            m_list->setCurrentRow(row);
    }
}

void MessageTemplatesPage::show(const QString& name)
{
    if (!m_current.isEmpty() && m_current != name)
        rememberEdits();
    if (m_current != name)
        m_message->clear();
    m_current = name;
    const bool sms = MessageTemplate::isSms(name);
    const MessageTemplate t = m_drafts.value(name, m_stored.value(name));
    m_showing = true;
    m_subject->setText(t.subject);
    m_body->setPlainText(t.body);
    m_html->setPlainText(t.html);
    m_showing = false;
    for (QWidget* w : std::initializer_list<QWidget*> { m_subject, m_subjectLabel, m_html, m_htmlLabel })
        w->setVisible(!sms);
    m_lastEditor = m_body;

    // One button per field this template may use; a required field is marked.
    QLayout* row = m_fields->layout();
    while (QLayoutItem* item = row->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QStringList required = MessageTemplate::requiredFields(name);
    for (const QString& field : MessageTemplate::allowedFields(name)) {
        auto* button = new QToolButton(m_fields);
        button->setObjectName(QStringLiteral("field") + field);
        button->setText(required.contains(field) ? tr("%1 (required)").arg(field) : field);
        button->setToolTip(tr("Insert {{%1}} where the cursor is").arg(field));
        connect(button, &QToolButton::clicked, this, [this, field] { insertField(field); });
        row->addWidget(button);
        button->show(); // the layout would only show it on the next pass of the event loop
    }
    updatePreview();
}

MessageTemplate MessageTemplatesPage::edited() const
{
    MessageTemplate t = m_stored.value(m_current);
    t.name = m_current;
    t.subject = m_subject->text();
    t.body = m_body->toPlainText();
    t.html = m_html->toPlainText();
    return t;
}

void MessageTemplatesPage::rememberEdits()
{
    const MessageTemplate t = edited();
    const MessageTemplate& stored = m_stored.value(m_current);
    if (t.subject != stored.subject || t.body != stored.body || t.html != stored.html)
        m_drafts.insert(m_current, t);
    else
        m_drafts.remove(m_current);
}

void MessageTemplatesPage::insertField(const QString& field)
{
    const QString text = QStringLiteral("{{%1}}").arg(field);
    if (auto* line = qobject_cast<QLineEdit*>(m_lastEditor); line && line->isVisible())
        line->insert(text);
    else if (auto* edit = qobject_cast<QPlainTextEdit*>(m_lastEditor); edit && edit->isVisible())
        edit->insertPlainText(text);
    else
        m_body->insertPlainText(text);
}

void MessageTemplatesPage::updatePreview()
{
    if (m_showing || m_current.isEmpty())
        return;
    const MessageTemplate t = edited();
    const QMap<QString, QString> values = sampleValues();
    QString html;
    if (!MessageTemplate::isSms(m_current))
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Subject:"), MessageTemplate::render(t.subject, values).toHtmlEscaped());
    html += QStringLiteral("<pre style=\"white-space: pre-wrap\">%1</pre>").arg(MessageTemplate::render(t.body, values).toHtmlEscaped());
    if (!t.html.trimmed().isEmpty())
        html += QStringLiteral("<hr/><p><i>%1</i></p>%2").arg(tr("HTML version:"), MessageTemplate::render(t.html, values, true));
    m_preview->setHtml(html);

    QString status;
    if (auto ok = t.validate(); !ok)
        status = QStringLiteral("⚠ ") + ErrorText::describe(ok.error());
    else
        status = t.subject == m_stored.value(m_current).subject && t.body == m_stored.value(m_current).body && t.html == m_stored.value(m_current).html
            ? (m_stored.value(m_current).customised ? tr("Customised wording, saved.") : tr("Built-in wording."))
            : tr("Changed; not saved yet.");
    if (MessageTemplate::isSms(m_current)) {
        const QString rendered = MessageTemplate::render(t.body, values);
        status += QLatin1Char(' ') + tr("With the sample values: %n character(s)", nullptr, int(rendered.size()))
            + QLatin1Char(' ') + tr("(%n SMS part(s)).", nullptr, smsParts(rendered));
    }
    m_check->setText(status);
}

void MessageTemplatesPage::save()
{
    m_message->clear();
    m_actions->saveMessageTemplate(edited());
}

void MessageTemplatesPage::resetToDefault()
{
    auto builtIn = MessageTemplate::builtIn(m_current);
    if (!builtIn) {
        m_message->setText(ErrorText::describe(builtIn.error()));
        return;
    }
    m_message->clear();
    // Saving the built-in text makes the engine forget the customised version.
    m_actions->saveMessageTemplate(*builtIn);
}

} // namespace lanyard
