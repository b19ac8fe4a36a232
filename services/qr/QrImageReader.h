#pragma once

#include "core/Result.h"

#include <QString>

namespace lanyard {

// Reads the text of the QR code in a PNG picture (a screenshot or a photo of the operator's
// screen). Hides libpng and libzbar; refuses a file that is not a PNG, or holds no QR code,
// with a reason that names the file.
class QrImageReader {
public:
    static Result<QString> readPng(const QString& path);
};

} // namespace lanyard
