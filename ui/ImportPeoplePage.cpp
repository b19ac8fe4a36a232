#include "ImportPeoplePage.h"

#include "DomainText.h"
#include "ErrorText.h"
#include "OperatorActions.h"
#include "PeopleImportController.h"
#include "engine/PersonRules.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace lanyard {

namespace {
constexpr int kPreviewRows = 10;

QString actionText(ImportAction a, bool dryRun)
{
    switch (a) {
    case ImportAction::Added:
        return dryRun ? ImportPeoplePage::tr("would be added") : ImportPeoplePage::tr("added");
    case ImportAction::Updated:
        return dryRun ? ImportPeoplePage::tr("would be updated") : ImportPeoplePage::tr("updated");
    case ImportAction::Unchanged:
        return ImportPeoplePage::tr("unchanged");
    case ImportAction::Refused:
        return ImportPeoplePage::tr("refused");
    }
    return {};
}
} // namespace

ImportPeoplePage::ImportPeoplePage(const OperatorActions& actions, bool mayAssignRoles, QWidget* parent)
    : QWidget(parent)
    , m_actions(new OperatorActions(actions.engine(), actions.session(), this))
    , m_controller(new PeopleImportController(actions.engine(), actions.session(), this))
{
    setObjectName(QStringLiteral("import-people"));
    auto* layout = new QVBoxLayout(this);
    auto* fileRow = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("importPath"));
    m_path->setPlaceholderText(tr("A CSV file in UTF-8, its first line naming the columns"));
    auto* browse = new QPushButton(tr("&Choose File…"), this);
    browse->setObjectName(QStringLiteral("importBrowse"));
    auto* read = new QPushButton(tr("&Read"), this);
    read->setObjectName(QStringLiteral("importRead"));
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);
    fileRow->addWidget(read);
    layout->addLayout(fileRow);

    auto* middle = new QHBoxLayout;
    auto* mapping = new QFormLayout;
    for (const QString& field : PersonRules::fieldNames()) {
        auto* box = new QComboBox(this);
        box->setObjectName(QStringLiteral("importColumn_") + field);
        box->setEnabled(false);
        QString label = DomainText::personField(field);
        label[0] = label.at(0).toUpper();
        mapping->addRow(tr("%1:").arg(label), box);
        m_columns.append({ field, box });
        connect(box, &QComboBox::currentIndexChanged, this, [this, field, box] { m_controller->setColumn(field, box->currentData().toInt()); });
    }
    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("importRole"));
    m_role->addItem(tr("(none)"), 0);
    m_role->setVisible(mayAssignRoles);
    if (mayAssignRoles) {
        mapping->addRow(tr("New people get the &role:"), m_role);
        connect(m_actions, &OperatorActions::rolesLoaded, this, [this](const QList<Role>& roles) {
            for (const Role& r : roles)
                m_role->addItem(r.name, r.id);
        });
        m_actions->loadRoles();
    }
    middle->addLayout(mapping);
    m_preview = new QTableWidget(this);
    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    middle->addWidget(m_preview, 1);
    layout->addLayout(middle, 1);

    auto* buttons = new QHBoxLayout;
    m_dryRun = new QPushButton(tr("&Dry Run"), this);
    m_dryRun->setObjectName(QStringLiteral("importDryRun"));
    m_dryRun->setToolTip(tr("Check every row and report, keeping nothing"));
    m_import = new QPushButton(tr("&Import"), this);
    m_import->setObjectName(QStringLiteral("importRun"));
    m_cancel = new QPushButton(tr("Ca&ncel"), this);
    m_cancel->setObjectName(QStringLiteral("importCancel"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    for (QPushButton* b : { m_dryRun, m_import, m_cancel })
        b->setEnabled(false);
    buttons->addWidget(m_dryRun);
    buttons->addWidget(m_import);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);
    layout->addLayout(buttons);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("importStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_report = new QTableWidget(0, 4, this);
    m_report->setObjectName(QStringLiteral("importReport"));
    m_report->setHorizontalHeaderLabels({ tr("Line"), tr("Logon name"), tr("Outcome"), tr("Reason") });
    m_report->horizontalHeader()->setStretchLastSection(true);
    m_report->verticalHeader()->hide();
    m_report->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_report, 1);

    connect(browse, &QPushButton::clicked, this, [this] {
        // Not the static helper: it would run an event loop of its own.
        auto* dialog = new QFileDialog(this, tr("Import People"), QString(), tr("CSV files (*.csv *.txt);;All files (*)"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::ExistingFile);
        connect(dialog, &QFileDialog::fileSelected, this, &ImportPeoplePage::openFile);
        dialog->open();
    });
    connect(read, &QPushButton::clicked, this, [this] { openFile(m_path->text()); });
    connect(m_path, &QLineEdit::returnPressed, this, [this] { openFile(m_path->text()); });
    connect(m_dryRun, &QPushButton::clicked, this, [this] { run(true); });
    connect(m_import, &QPushButton::clicked, this, [this] { run(false); });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_controller->cancel();
        m_cancel->setEnabled(false);
        m_status->setText(tr("Stopping after the rows already sent…"));
    });
    connect(m_controller, &PeopleImportController::loaded, this, &ImportPeoplePage::showTable);
    connect(m_controller, &PeopleImportController::failed, this, [this](const Error& e) { m_status->setText(ErrorText::describe(e)); });
    connect(m_controller, &PeopleImportController::progress, this, [this](int done, int total) {
        m_progress->setMaximum(qMax(1, total));
        m_progress->setValue(done);
    });
    connect(m_controller, &PeopleImportController::finished, this, &ImportPeoplePage::showOutcomes);
}

QComboBox* ImportPeoplePage::columnFor(const QString& field) const
{
    for (const auto& [name, box] : m_columns) {
        if (name == field)
            return box;
    }
    return nullptr;
}

void ImportPeoplePage::openFile(const QString& path)
{
    m_path->setText(path);
    m_status->setText(tr("Reading…"));
    m_controller->load(path);
}

void ImportPeoplePage::showTable()
{
    const CsvTable& table = m_controller->table();
    for (const auto& [field, box] : m_columns) {
        const QSignalBlocker quiet(box);
        box->clear();
        box->addItem(tr("(not in the file)"), -1);
        for (int c = 0; c < table.header.size(); ++c)
            box->addItem(table.header.at(c), c);
        box->setCurrentIndex(box->findData(m_controller->column(field)));
        box->setEnabled(true);
    }
    m_preview->clear();
    m_preview->setColumnCount(int(table.header.size()));
    m_preview->setHorizontalHeaderLabels(table.header);
    const int shown = int(qMin<qsizetype>(kPreviewRows, table.rows.size()));
    m_preview->setRowCount(shown);
    for (int r = 0; r < shown; ++r) {
        for (int c = 0; c < table.rows.at(r).size() && c < table.header.size(); ++c)
            m_preview->setItem(r, c, new QTableWidgetItem(table.rows.at(r).at(c)));
    }
    m_status->setText(tr("%n row(s) read; the first are shown. Check the column of each field, then make a dry run.", nullptr, int(table.rows.size())));
    m_dryRun->setEnabled(true);
    m_import->setEnabled(true);
    m_report->setRowCount(0);
}

void ImportPeoplePage::run(bool dryRun)
{
    if (m_controller->column(QStringLiteral("logonName")) < 0 && m_controller->column(QStringLiteral("employeeId")) < 0) {
        m_status->setText(ErrorText::describe(Error(ErrorCode::InvalidArgument, {}, { { QStringLiteral("problem"), QStringLiteral("import-key-missing") } })));
        return;
    }
    m_dryRun->setEnabled(false);
    m_import->setEnabled(false);
    m_cancel->setEnabled(true);
    m_report->setRowCount(0);
    m_status->setText(dryRun ? tr("Checking…") : tr("Importing…"));
    m_controller->start(dryRun, m_role->currentData().toLongLong());
}

void ImportPeoplePage::showOutcomes(bool dryRun, bool cancelled)
{
    // The refused rows first: they are what the operator has to act on.
    QList<ImportOutcome> outcomes = m_controller->outcomes();
    std::stable_partition(outcomes.begin(), outcomes.end(), [](const ImportOutcome& o) { return o.action == ImportAction::Refused; });
    QHash<ImportAction, int> counts;
    m_report->setRowCount(int(outcomes.size()));
    for (int r = 0; r < outcomes.size(); ++r) {
        const ImportOutcome& o = outcomes.at(r);
        ++counts[o.action];
        m_report->setItem(r, 0, new QTableWidgetItem(QString::number(o.line)));
        m_report->setItem(r, 1, new QTableWidgetItem(o.logonName));
        m_report->setItem(r, 2, new QTableWidgetItem(actionText(o.action, dryRun)));
        QString reason;
        if (o.action == ImportAction::Refused) {
            const QString field = o.error.args.value(QStringLiteral("field")).toString();
            reason = (field.isEmpty() ? QString() : DomainText::personField(field) + QStringLiteral(": ")) + ErrorText::describe(o.error);
        } else if (o.action == ImportAction::Updated) {
            QStringList fields;
            for (const QString& f : o.changed)
                fields << DomainText::personField(f);
            reason = tr("changed: %1").arg(fields.join(QStringLiteral(", ")));
        }
        m_report->setItem(r, 3, new QTableWidgetItem(reason));
    }
    const QString summary = tr("%1 added, %2 updated, %3 unchanged, %4 refused.")
                                .arg(counts.value(ImportAction::Added))
                                .arg(counts.value(ImportAction::Updated))
                                .arg(counts.value(ImportAction::Unchanged))
                                .arg(counts.value(ImportAction::Refused));
    if (cancelled)
        m_status->setText(tr("Stopped: the rows listed were %1; the rest of the file was not touched. %2").arg(dryRun ? tr("checked") : tr("applied"), summary));
    else
        m_status->setText(dryRun ? tr("Dry run, nothing kept: %1").arg(summary) : tr("Import done: %1").arg(summary));
    m_dryRun->setEnabled(true);
    m_import->setEnabled(true);
    m_cancel->setEnabled(false);
}

} // namespace lanyard
