#include "KioskWindow.h"

#include "ErrorText.h"
#include "QrCodeWidget.h"

#include <QApplication>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace lanyard {

namespace {
QLabel* label(QWidget* parent, const QString& name, int pointSize, bool bold = false)
{
    auto* l = new QLabel(parent);
    l->setObjectName(name);
    l->setWordWrap(true);
    l->setAlignment(Qt::AlignCenter);
    QFont f = l->font();
    f.setPointSize(pointSize);
    f.setBold(bold);
    l->setFont(f);
    return l;
}

QrCodeWidget* qr(QWidget* parent, const QString& name, const QString& text)
{
    auto* w = new QrCodeWidget(parent);
    w->setObjectName(name);
    if (auto code = QrCode::encode(text))
        w->setCode(*code);
    return w;
}
} // namespace

KioskWindow::KioskWindow(KioskController& controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("kiosk"));
    setWindowTitle(tr("Lanyard: derived credential"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 32, 48, 32);
    m_progress = label(this, QStringLiteral("progress"), 16);
    layout->addWidget(m_progress);
    m_pages = new QStackedWidget(this);
    layout->addWidget(m_pages, 1);

    m_pages->addWidget(page(QStringLiteral("insertPage"), &m_insertHeading, &m_insertBody));

    QLabel* unused = nullptr;
    m_pages->addWidget(page(QStringLiteral("readingPage"), &m_readingHeading, &unused));

    QWidget* pinPage = page(QStringLiteral("pinPage"), &m_pinHeading, &m_pinBody);
    m_pinTries = label(pinPage, QStringLiteral("pinTries"), 18);
    m_pin = new QLineEdit(pinPage);
    m_pin->setObjectName(QStringLiteral("pin"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setMaxLength(8);
    m_pin->setAlignment(Qt::AlignCenter);
    QFont big = m_pin->font();
    big.setPointSize(32);
    m_pin->setFont(big);
    m_pin->setMaximumWidth(420);
    m_pinOk = new QPushButton(tr("&Continue"), pinPage);
    m_pinOk->setObjectName(QStringLiteral("pinOk"));
    m_pinOk->setFont(big);
    auto* pinLayout = static_cast<QVBoxLayout*>(pinPage->layout());
    pinLayout->insertWidget(2, m_pin, 0, Qt::AlignHCenter);
    pinLayout->insertWidget(3, m_pinTries);
    pinLayout->insertWidget(4, m_pinOk, 0, Qt::AlignHCenter);
    connect(m_pinOk, &QPushButton::clicked, this, [this] {
        const QString pin = m_pin->text();
        m_pin->clear(); // the PIN does not stay in the widget
        m_controller.submitPin(pin);
    });
    connect(m_pin, &QLineEdit::returnPressed, m_pinOk, &QPushButton::click);
    m_pages->addWidget(pinPage);

    m_pages->addWidget(page(QStringLiteral("problemPage"), &m_problemHeading, &m_problemBody));

    auto* collect = new QWidget(this);
    collect->setObjectName(QStringLiteral("collectPage"));
    auto* grid = new QGridLayout(collect);
    m_collectHeading = label(collect, QStringLiteral("collectHeading"), 28, true);
    grid->addWidget(m_collectHeading, 0, 0, 1, 3);
    m_android = qr(collect, QStringLiteral("androidQr"), QString());
    m_ios = qr(collect, QStringLiteral("iosQr"), QString());
    m_collection = qr(collect, QStringLiteral("collectionQr"), QString());
    m_androidCaption = label(collect, QStringLiteral("androidCaption"), 16);
    m_iosCaption = label(collect, QStringLiteral("iosCaption"), 16);
    auto* collectionCaption = label(collect, QStringLiteral("collectionCaption"), 16, true);
    collectionCaption->setText(tr("2. In the app, scan this code"));
    m_androidCaption->setText(tr("1. Get the app: Android"));
    m_iosCaption->setText(tr("1. Get the app: iPhone"));
    grid->addWidget(m_androidCaption, 1, 0);
    grid->addWidget(m_iosCaption, 1, 1);
    grid->addWidget(collectionCaption, 1, 2);
    grid->addWidget(m_android, 2, 0);
    grid->addWidget(m_ios, 2, 1);
    grid->addWidget(m_collection, 2, 2);
    m_code = label(collect, QStringLiteral("code"), 40, true);
    QFont mono = m_code->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_code->setFont(mono);
    m_code->setTextInteractionFlags(Qt::NoTextInteraction);
    grid->addWidget(m_code, 3, 0, 1, 3);
    auto* done = label(collect, QStringLiteral("collectHint"), 18);
    done->setText(tr("3. Type this code in the app when it asks. Then remove your card: the screen clears."));
    grid->addWidget(done, 4, 0, 1, 3);
    m_pages->addWidget(collect);

    connect(&m_controller, &KioskController::stepChanged, this, &KioskWindow::onStep);
    connect(&m_controller, &KioskController::pinRejected, this, [this](const Error& e) {
        m_pinBody->setText(ErrorText::describe(e));
        onStep(KioskController::Step::EnterPin);
    });
    connect(&m_controller, &KioskController::serviceAvailableChanged, this, [this] {
        if (m_controller.step() == KioskController::Step::InsertCard)
            showInsertCard();
    });
    qApp->installEventFilter(this);
    showInsertCard();
}

QWidget* KioskWindow::page(const QString& name, QLabel** heading, QLabel** body)
{
    auto* w = new QWidget(this);
    w->setObjectName(name);
    auto* v = new QVBoxLayout(w);
    v->addStretch(1);
    *heading = label(w, name + QStringLiteral("Heading"), 36, true);
    v->addWidget(*heading);
    auto* b = label(w, name + QStringLiteral("Body"), 20);
    v->addWidget(b);
    if (body)
        *body = b;
    v->addStretch(2);
    return w;
}

void KioskWindow::showKiosk()
{
    setWindowFlags(Qt::Window | Qt::FramelessWindowHint);
    showFullScreen();
}

bool KioskWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress || event->type() == QEvent::MouseButtonPress || event->type() == QEvent::TouchBegin)
        m_controller.touch();
    return QWidget::eventFilter(watched, event);
}

void KioskWindow::keyPressEvent(QKeyEvent* event)
{
    // No way out of the kiosk from the keyboard but starting over.
    if (event->key() == Qt::Key_Escape) {
        m_controller.startOver();
        return;
    }
    QWidget::keyPressEvent(event);
}

void KioskWindow::showInsertCard()
{
    if (!m_controller.serviceAvailable()) {
        m_insertHeading->setText(tr("Out of service"));
        m_insertBody->setText(ErrorText::describe(Error(ErrorCode::PcscUnavailable)));
    } else if (m_controller.waitingForRemoval()) {
        m_insertHeading->setText(tr("Please remove your card"));
        m_insertBody->setText(tr("Then insert it again to start over."));
    } else {
        m_insertHeading->setText(tr("Insert your PIV card"));
        m_insertBody->setText(tr("Get a derived credential on your phone: insert your card, enter its PIN, and scan a code with the app."));
    }
    m_pages->setCurrentWidget(m_insertHeading->parentWidget());
}

void KioskWindow::onStep(KioskController::Step step)
{
    using Step = KioskController::Step;
    const int position = step == Step::InsertCard ? 1 : step == Step::Reading || step == Step::EnterPin || step == Step::Working ? 2 : 3;
    m_progress->setText(tr("1 Insert card  ·  2 PIN  ·  3 Phone   (step %1 of 3)").arg(position));
    switch (step) {
    case Step::InsertCard:
        m_pin->clear();
        m_pinBody->clear();
        m_code->clear();
        for (QrCodeWidget* w : { m_android, m_ios, m_collection })
            w->setCode(QrCode());
        return showInsertCard();
    case Step::Reading:
        m_readingHeading->setText(tr("Reading your card…"));
        m_pages->setCurrentWidget(m_readingHeading->parentWidget());
        return;
    case Step::Working:
        m_readingHeading->setText(tr("Checking your PIN and card…"));
        m_pages->setCurrentWidget(m_readingHeading->parentWidget());
        return;
    case Step::EnterPin:
        m_pinHeading->setText(tr("Hello %1. Enter your card's PIN").arg(m_controller.holder().personName));
        if (m_pinBody->text().isEmpty())
            m_pinBody->setText(tr("Your derived credential (%1) will be linked to this card.").arg(m_controller.holder().profileName));
        // The card has been read by now: no count means the card does not give one.
        m_pinTries->setText(m_controller.triesLeft() >= 0 ? tr("%n attempt(s) left", nullptr, m_controller.triesLeft()) : tr("Attempts left: unknown"));
        m_pages->setCurrentWidget(m_pinHeading->parentWidget());
        m_pin->setFocus();
        return;
    case Step::Problem:
        m_problemHeading->setText(tr("This card cannot be used here"));
        m_problemBody->setText(ErrorText::describe(m_controller.problem()) + QStringLiteral("\n\n") + tr("Remove your card."));
        m_pages->setCurrentWidget(m_problemHeading->parentWidget());
        return;
    case Step::Collect: {
        const IssuedRequest& r = m_controller.request();
        m_collectHeading->setText(tr("Your derived credential is ready to collect"));
        const ParentCardCheck& h = m_controller.holder();
        if (auto c = QrCode::encode(h.androidAppUrl))
            m_android->setCode(*c);
        if (auto c = QrCode::encode(h.iosAppUrl))
            m_ios->setCode(*c);
        if (auto c = QrCode::encode(r.collectionUrl))
            m_collection->setCode(*c);
        m_android->setVisible(!h.androidAppUrl.isEmpty());
        m_androidCaption->setVisible(!h.androidAppUrl.isEmpty());
        m_ios->setVisible(!h.iosAppUrl.isEmpty());
        m_iosCaption->setVisible(!h.iosAppUrl.isEmpty());
        m_code->setText(r.code);
        m_pages->setCurrentWidget(m_collectHeading->parentWidget());
        return;
    }
    }
}

} // namespace lanyard
