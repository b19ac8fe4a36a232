#include "QrCode.h"

#include <qrencode.h>

#include <memory>

namespace lanyard {

Result<QrCode> QrCode::encode(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    if (utf8.isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("nothing to encode"));
    // Medium error correction: survives a smudged screen or a glare, keeps the code small.
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("text too long for a QR code (%1 bytes)").arg(utf8.size()));
    QrCode qr;
    qr.m_size = code->width;
    qr.m_text = text;
    qr.m_modules.resize(code->width * code->width);
    for (int i = 0; i < code->width * code->width; ++i)
        qr.m_modules.setBit(i, code->data[i] & 0x01);
    return qr;
}

QString QrCode::toSvg(int moduleSize) const
{
    const int quiet = 4;
    const int side = (m_size + 2 * quiet) * moduleSize;
    QString path;
    for (int y = 0; y < m_size; ++y) {
        for (int x = 0; x < m_size; ++x) {
            if (isDark(x, y))
                path += QStringLiteral("M%1 %2h%3v%3h-%3z").arg((x + quiet) * moduleSize).arg((y + quiet) * moduleSize).arg(moduleSize);
        }
    }
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%1\" viewBox=\"0 0 %1 %1\" shape-rendering=\"crispEdges\">"
                          "<rect width=\"%1\" height=\"%1\" fill=\"#fff\"/><path fill=\"#000\" d=\"%2\"/></svg>\n")
        .arg(side)
        .arg(path);
}

} // namespace lanyard
