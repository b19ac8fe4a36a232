#pragma once

#include "core/Result.h"

#include <QBitArray>
#include <QString>

namespace lanyard {

// A QR code as a square matrix of modules. Hides libqrencode; knows nothing about drawing, so
// the UI can scale it crisply and export it as PNG or SVG.
class QrCode {
public:
    static Result<QrCode> encode(const QString& text);

    int size() const { return m_size; } // modules per side, without the quiet zone
    bool isDark(int x, int y) const { return m_modules.testBit(y * m_size + x); }
    QString text() const { return m_text; }
    // An SVG document (one path) with a four-module quiet zone.
    QString toSvg(int moduleSize = 8) const;

private:
    int m_size = 0;
    QBitArray m_modules;
    QString m_text;
};

} // namespace lanyard
