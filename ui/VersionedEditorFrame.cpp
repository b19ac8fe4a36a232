#include "VersionedEditorFrame.h"

#include "AsyncListModel.h"
#include "DomainText.h"
#include "RecordTable.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace lanyard {

VersionedEditorFrame::VersionedEditorFrame(QWidget* page, Texts texts, AsyncListModel* records, AsyncListModel* versionModel)
    : m_texts(std::move(texts))
{
    const QString capitalised = m_texts.prefix.left(1).toUpper() + m_texts.prefix.mid(1);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(QStringLiteral("<h2>%1</h2>").arg(m_texts.title), page));
    heading = new QLabel(page);
    heading->setObjectName(m_texts.prefix + QStringLiteral("Heading"));
    heading->setWordWrap(true);
    layout->addWidget(heading);
    auto* splitter = new QSplitter(page);
    layout->addWidget(splitter, 1);

    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    list = makeRecordTable(records, m_texts.prefix + QStringLiteral("List"), left);
    leftLayout->addWidget(list, 2);
    add = new QPushButton(m_texts.newButton, left);
    add->setObjectName(QStringLiteral("new") + capitalised);
    leftLayout->addWidget(add);
    leftLayout->addWidget(new QLabel(m_texts.versionsLabel, left));
    versions = makeRecordTable(versionModel, m_texts.prefix + QStringLiteral("Versions"), left);
    leftLayout->addWidget(versions, 1);

    auto* scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    auto* body = new QWidget(scroll);
    form = new QFormLayout(body);
    scroll->setWidget(body);
    splitter->setStretchFactor(1, 1);

    auto* bottom = new QHBoxLayout;
    message = new QLabel(page);
    message->setObjectName(m_texts.prefix + QStringLiteral("Message"));
    message->setWordWrap(true);
    bottom->addWidget(message, 1);
    save = new QPushButton(page);
    save->setObjectName(QStringLiteral("save") + capitalised);
    bottom->addWidget(save);
    layout->addLayout(bottom);
}

void VersionedEditorFrame::showVersion(const QString& name, int version, int currentVersion, const QDateTime& saved)
{
    if (currentVersion <= 0) {
        heading->setText(m_texts.newHeading);
        save->setText(m_texts.createButton);
        return;
    }
    const QString when = saved.isValid() && saved.toMSecsSinceEpoch() > 0 ? DomainText::dateTime(saved) : tr("before versions were kept");
    if (version == currentVersion)
        heading->setText(tr("<b>%1</b>, version %2 (current), saved %3").arg(name.toHtmlEscaped()).arg(version).arg(when));
    else
        heading->setText(tr("<b>%1</b>: version %2 of %3, saved %4. Saving makes version %5 from what is shown.")
                             .arg(name.toHtmlEscaped())
                             .arg(version)
                             .arg(currentVersion)
                             .arg(when)
                             .arg(currentVersion + 1));
    save->setText(tr("&Save as version %1").arg(currentVersion + 1));
}

} // namespace lanyard
