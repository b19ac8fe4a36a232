#include "HardwarePage.h"

#include "ErrorText.h"
#include "OperatorActions.h"
#include "RecordTable.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace lanyard {

HardwarePage::HardwarePage(const OperatorActions& actions, QWidget* parent)
    : QWidget(parent)
    , m_actions(new OperatorActions(actions.engine(), actions.session(), this))
    , m_model(RecordModels::hardware(this))
{
    setObjectName(QStringLiteral("hardware"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Registered hardware")), this));
    auto* form = new QHBoxLayout;
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("hardwareKind"));
    m_kind->addItem(tr("Phone"), int(HardwareKind::Phone));
    m_kind->addItem(tr("Computer"), int(HardwareKind::Computer));
    m_identifier = new QLineEdit(this);
    m_identifier->setObjectName(QStringLiteral("hardwareIdentifier"));
    m_identifier->setPlaceholderText(tr("Phone serial or computer's full DNS name"));
    m_owner = new QLineEdit(this);
    m_owner->setObjectName(QStringLiteral("hardwareOwner"));
    m_owner->setPlaceholderText(tr("Owner's logon name (optional)"));
    m_description = new QLineEdit(this);
    m_description->setPlaceholderText(tr("Description"));
    auto* add = new QPushButton(tr("&Register"), this);
    add->setObjectName(QStringLiteral("registerHardware"));
    for (QWidget* w : { static_cast<QWidget*>(m_kind), static_cast<QWidget*>(m_identifier), static_cast<QWidget*>(m_owner),
             static_cast<QWidget*>(m_description), static_cast<QWidget*>(add) })
        form->addWidget(w);
    layout->addLayout(form);
    m_view = makeRecordTable(m_model, QStringLiteral("hardwareList"), this);
    layout->addWidget(m_view, 1);
    auto* bottom = new QHBoxLayout;
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("hardwareMessage"));
    m_message->setWordWrap(true);
    bottom->addWidget(m_message, 1);
    auto* deactivate = new QPushButton(tr("&Deactivate"), this);
    deactivate->setObjectName(QStringLiteral("deactivateHardware"));
    bottom->addWidget(deactivate);
    layout->addLayout(bottom);

    connect(add, &QPushButton::clicked, this, &HardwarePage::add);
    connect(m_identifier, &QLineEdit::returnPressed, this, &HardwarePage::add);
    connect(deactivate, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            m_actions->deactivateHardware(rows.first().data(HardwareListModel::IdRole).toLongLong());
    });
    connect(m_actions, &OperatorActions::hardwareChanged, this, [this] {
        m_message->setText(tr("Saved."));
        m_identifier->clear();
        m_description->clear();
        reload();
        Q_EMIT changed(true);
    });
    connect(m_actions, &OperatorActions::failed, this, [this](const Error& e) {
        m_message->setText(ErrorText::describe(e)); // what was typed stays for correction
        Q_EMIT changed(false);
    });
    connect(m_model, &AsyncListModel::failed, this, [this](const Error& e) { m_message->setText(ErrorText::describe(e)); });
    reload();
}

void HardwarePage::reload()
{
    Engine& engine = m_actions->engine();
    const OperatorSession session = m_actions->session();
    m_model->setLoader([&engine, session] { return engine.hardware(session); });
}

void HardwarePage::add()
{
    RegisteredHardware h;
    h.kind = HardwareKind(m_kind->currentData().toInt());
    h.identifier = m_identifier->text();
    h.ownerLogon = m_owner->text();
    h.description = m_description->text();
    m_actions->addHardware(h);
}

} // namespace lanyard
