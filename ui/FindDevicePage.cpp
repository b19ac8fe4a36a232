#include "FindDevicePage.h"

#include "ErrorText.h"
#include "OperatorActions.h"
#include "RecordTable.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace lanyard {

FindDevicePage::FindDevicePage(const OperatorActions& actions, QWidget* parent)
    : QWidget(parent)
    , m_model(RecordModels::devices(this))
{
    setObjectName(QStringLiteral("find-device"));
    auto* layout = new QVBoxLayout(this);
    m_query = new QLineEdit(this);
    m_query->setObjectName(QStringLiteral("deviceQuery"));
    m_query->setPlaceholderText(tr("Serial number or DNS name"));
    m_query->setClearButtonEnabled(true);
    layout->addWidget(m_query);
    m_view = makeRecordTable(m_model, QStringLiteral("devices"), this);
    layout->addWidget(m_view, 1);
    m_status = new QLabel(this);
    layout->addWidget(m_status);
    Engine& engine = actions.engine();
    const OperatorSession session = actions.session();
    auto* debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(150);
    connect(m_query, &QLineEdit::textEdited, debounce, qOverload<>(&QTimer::start));
    connect(m_query, &QLineEdit::returnPressed, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, [this, &engine, session] {
        const QString text = m_query->text();
        m_model->setLoader([&engine, session, text] { return engine.findDevices(session, text); });
    });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& index) { Q_EMIT openDevice(index.data(DeviceListModel::IdRole).toLongLong()); });
    connect(m_model, &DeviceListModel::loaded, this, [this] {
        m_status->setText(m_model->rowCount() == 0 ? tr("No device found.") : tr("%n device(s)", nullptr, m_model->rowCount()));
    });
    connect(m_model, &DeviceListModel::failed, this, [this](const Error& e) { m_status->setText(ErrorText::describe(e)); });
}

void FindDevicePage::search(const QString& text)
{
    m_query->setText(text);
    Q_EMIT m_query->returnPressed();
}

} // namespace lanyard
