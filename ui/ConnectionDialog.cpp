#include "ConnectionDialog.h"

#include "ErrorText.h"
#include "remote/RemoteEngine.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace lanyard {

ConnectionDialog::ConnectionDialog(const ConnectionSettings& current, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(tr("Connection"));
    setMinimumWidth(520);
    auto* layout = new QVBoxLayout(this);
    m_embedded = new QRadioButton(tr("&This computer (embedded engine)"), this);
    m_embedded->setObjectName(QStringLiteral("embeddedEngine"));
    m_database = new QLineEdit(current.databasePath, this);
    m_database->setObjectName(QStringLiteral("databasePath"));
    m_database->setPlaceholderText(tr("Default database"));
    m_server = new QRadioButton(tr("A Lanyard &server"), this);
    m_server->setObjectName(QStringLiteral("serverEngine"));
    m_url = new QLineEdit(current.serverUrl, this);
    m_url->setObjectName(QStringLiteral("serverUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://lanyard.example.org:8443"));
    m_caFile = new QLineEdit(current.caFile, this);
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_caFile->setPlaceholderText(tr("System CAs"));
    auto* browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &ConnectionDialog::browseCaFile);

    layout->addWidget(m_embedded);
    auto* embeddedForm = new QFormLayout;
    embeddedForm->addRow(tr("&Database file:"), m_database);
    layout->addLayout(embeddedForm);
    layout->addWidget(m_server);
    auto* serverForm = new QFormLayout;
    serverForm->addRow(tr("Server &address:"), m_url);
    auto* caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);
    serverForm->addRow(tr("Trusted &CA file:"), caRow);
    layout->addLayout(serverForm);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("connectionMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("C&onnect"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    (current.isServer() ? m_server : m_embedded)->setChecked(true);
    connect(m_embedded, &QRadioButton::toggled, this, &ConnectionDialog::updateEnabled);
    updateEnabled();
}

void ConnectionDialog::updateEnabled()
{
    const bool server = m_server->isChecked();
    m_database->setEnabled(!server);
    m_url->setEnabled(server);
    m_caFile->setEnabled(server);
}

void ConnectionDialog::browseCaFile()
{
    // Opened with open(), not exec(): no nested event loop while the operator browses.
    auto* files = new QFileDialog(this, tr("Trusted CA file"), QString(), tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    files->setAttribute(Qt::WA_DeleteOnClose);
    files->setFileMode(QFileDialog::ExistingFile);
    connect(files, &QFileDialog::fileSelected, m_caFile, &QLineEdit::setText);
    files->open();
}

ConnectionSettings ConnectionDialog::settings() const
{
    ConnectionSettings s;
    s.kind = m_server->isChecked() ? ConnectionSettings::Kind::Server : ConnectionSettings::Kind::Embedded;
    s.databasePath = m_database->text().trimmed();
    s.serverUrl = m_url->text().trimmed();
    s.caFile = m_caFile->text().trimmed();
    return s;
}

void ConnectionDialog::accept()
{
    const ConnectionSettings s = settings();
    if (s.isServer()) {
        auto checked = RemoteEngine::checkOptions({ s.serverAddress(), s.caFile });
        if (!checked) {
            m_message->setText(ErrorText::describe(checked.error()));
            adjustSize(); // room for the whole reason
            (checked.error().args.value(QStringLiteral("problem")) == QLatin1String("ca-file") ? m_caFile : m_url)->setFocus();
            return;
        }
    }
    QDialog::accept();
}

} // namespace lanyard
