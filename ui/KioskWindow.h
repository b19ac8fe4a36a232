#pragma once

#include "KioskController.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace lanyard {

class QrCodeWidget;

// The full-screen derived-credential kiosk: one instruction per screen in large type, a line
// showing the steps, no window controls. Everything it shows comes from KioskController.
class KioskWindow : public QWidget {
    Q_OBJECT
public:
    explicit KioskWindow(KioskController& controller, QWidget* parent = nullptr);

    void showKiosk(); // full screen, frameless

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void onStep(KioskController::Step step);
    void showInsertCard();
    QWidget* page(const QString& name, QLabel** heading, QLabel** body);

    KioskController& m_controller;
    QLabel* m_progress;
    QStackedWidget* m_pages;
    QLabel* m_insertHeading;
    QLabel* m_insertBody;
    QLabel* m_readingHeading;
    QLabel* m_pinHeading;
    QLabel* m_pinBody;
    QLabel* m_pinTries;
    QLineEdit* m_pin;
    QPushButton* m_pinOk;
    QLabel* m_problemHeading;
    QLabel* m_problemBody;
    QLabel* m_collectHeading;
    QLabel* m_code;
    QrCodeWidget* m_android;
    QrCodeWidget* m_ios;
    QrCodeWidget* m_collection;
    QLabel* m_androidCaption;
    QLabel* m_iosCaption;
};

} // namespace lanyard
