#include "QrCodeWidget.h"

#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>

namespace lanyard {

namespace {
constexpr int kQuietZone = 4;
}

QrCodeWidget::QrCodeWidget(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("QR code"));
}

void QrCodeWidget::setCode(const QrCode& code)
{
    m_code = code;
    setAccessibleDescription(code.text());
    update();
}

QImage QrCodeWidget::toImage(int moduleSize) const
{
    const int side = (m_code.size() + 2 * kQuietZone) * moduleSize;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    for (int y = 0; y < m_code.size(); ++y) {
        for (int x = 0; x < m_code.size(); ++x) {
            if (m_code.isDark(x, y))
                p.fillRect((x + kQuietZone) * moduleSize, (y + kQuietZone) * moduleSize, moduleSize, moduleSize, Qt::black);
        }
    }
    return image;
}

bool QrCodeWidget::savePng(const QString& path) const
{
    return m_code.size() > 0 && toImage().save(path, "PNG");
}

bool QrCodeWidget::saveSvg(const QString& path) const
{
    QFile f(path);
    if (m_code.size() == 0 || !f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(m_code.toSvg().toUtf8()) > 0;
}

void QrCodeWidget::copyToClipboard() const
{
    if (m_code.size() > 0)
        QGuiApplication::clipboard()->setImage(toImage());
}

void QrCodeWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    if (m_code.size() == 0)
        return;
    const int modules = m_code.size() + 2 * kQuietZone;
    // Whole device pixels per module keep the edges sharp at every size.
    const int module = qMax(1, qMin(width(), height()) / modules);
    const int side = module * modules;
    const QPoint origin((width() - side) / 2, (height() - side) / 2);
    p.fillRect(QRect(origin, QSize(side, side)), Qt::white);
    for (int y = 0; y < m_code.size(); ++y) {
        for (int x = 0; x < m_code.size(); ++x) {
            if (m_code.isDark(x, y))
                p.fillRect(origin.x() + (x + kQuietZone) * module, origin.y() + (y + kQuietZone) * module, module, module, Qt::black);
        }
    }
}

} // namespace lanyard
