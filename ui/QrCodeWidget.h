#pragma once

#include "qr/QrCode.h"

#include <QWidget>

namespace lanyard {

// Draws a QR code crisply at any size (whole pixels per module, centred, with a quiet zone)
// and exports it: copy to the clipboard, save as PNG or SVG.
class QrCodeWidget : public QWidget {
    Q_OBJECT
public:
    explicit QrCodeWidget(QWidget* parent = nullptr);

    void setCode(const QrCode& code);
    const QrCode& code() const { return m_code; }
    QImage toImage(int moduleSize = 8) const;
    bool savePng(const QString& path) const;
    bool saveSvg(const QString& path) const;
    void copyToClipboard() const;

    QSize sizeHint() const override { return { 260, 260 }; }
    QSize minimumSizeHint() const override { return { 140, 140 }; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QrCode m_code;
};

} // namespace lanyard
