#include "QrImageReader.h"

#include <QFile>

#include <png.h>
#include <zbar.h>

// In C++, zbar.h puts its C API into namespace zbar.
using namespace zbar;

#include <memory>
#include <vector>

namespace lanyard {

namespace {
Error unreadable(const QString& path, const QString& why)
{
    return Error(ErrorCode::InvalidArgument, QStringLiteral("%1: %2").arg(path, why), { { QStringLiteral("problem"), QStringLiteral("qr-image") } });
}

struct PngImage {
    png_image image {};
    PngImage() { image.version = PNG_IMAGE_VERSION; }
    ~PngImage() { png_image_free(&image); }
};

struct ScannerDeleter {
    void operator()(zbar_image_scanner_t* s) const { zbar_image_scanner_destroy(s); }
};
struct ImageDeleter {
    void operator()(zbar_image_t* i) const { zbar_image_destroy(i); }
};
} // namespace

Result<QString> QrImageReader::readPng(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return unreadable(path, file.errorString());
    if (file.size() > 32 * 1024 * 1024)
        return unreadable(path, QStringLiteral("larger than 32 MiB"));
    const QByteArray bytes = file.readAll();

    PngImage png;
    if (!png_image_begin_read_from_memory(&png.image, bytes.constData(), size_t(bytes.size())))
        return unreadable(path, QStringLiteral("not a PNG picture (%1)").arg(QString::fromLatin1(png.image.message)));
    if (png.image.width == 0 || png.image.height == 0 || png.image.width > 16384 || png.image.height > 16384)
        return unreadable(path, QStringLiteral("a picture of %1×%2 pixels cannot hold a readable QR code").arg(png.image.width).arg(png.image.height));
    png.image.format = PNG_FORMAT_GRAY;
    std::vector<unsigned char> gray(PNG_IMAGE_SIZE(png.image));
    if (!png_image_finish_read(&png.image, nullptr, gray.data(), 0, nullptr))
        return unreadable(path, QStringLiteral("damaged PNG (%1)").arg(QString::fromLatin1(png.image.message)));

    std::unique_ptr<zbar_image_scanner_t, ScannerDeleter> scanner(zbar_image_scanner_create());
    zbar_image_scanner_set_config(scanner.get(), ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
    zbar_image_scanner_set_config(scanner.get(), ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
    std::unique_ptr<zbar_image_t, ImageDeleter> image(zbar_image_create());
    zbar_image_set_format(image.get(), zbar_fourcc('Y', '8', '0', '0'));
    zbar_image_set_size(image.get(), png.image.width, png.image.height);
    // zbar only reads the pixels; the vector outlives the image.
    zbar_image_set_data(image.get(), gray.data(), gray.size(), nullptr);
    if (zbar_scan_image(scanner.get(), image.get()) <= 0)
        return unreadable(path, QStringLiteral("no QR code found in the picture"));
    for (const zbar_symbol_t* symbol = zbar_image_first_symbol(image.get()); symbol; symbol = zbar_symbol_next(symbol)) {
        if (zbar_symbol_get_type(symbol) == ZBAR_QRCODE)
            return QString::fromUtf8(zbar_symbol_get_data(symbol), int(zbar_symbol_get_data_length(symbol)));
    }
    return unreadable(path, QStringLiteral("no QR code found in the picture"));
}

} // namespace lanyard
