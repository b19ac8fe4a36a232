#include "CompressedCertificate.h"

#include <zlib.h>

#include <memory>

namespace lanyard {

namespace {
Error damaged(const QString& why)
{
    return Error(ErrorCode::CardError, QStringLiteral("the card's compressed certificate cannot be read: %1").arg(why),
        { { QStringLiteral("problem"), QStringLiteral("certificate-compressed-damaged") } });
}

struct InflateEnd {
    void operator()(z_stream* s) const
    {
        inflateEnd(s);
        delete s;
    }
};
} // namespace

Result<QByteArray> CompressedCertificate::inflate(const QByteArray& gzip)
{
    if (gzip.isEmpty())
        return damaged(QStringLiteral("no data"));
    std::unique_ptr<z_stream, InflateEnd> stream(new z_stream {});
    // 16 + window bits: a gzip wrapper only, as the card stores it.
    if (inflateInit2(stream.get(), 16 + MAX_WBITS) != Z_OK)
        return damaged(QStringLiteral("zlib cannot start"));
    QByteArray out(kMaxCertificateBytes + 1, Qt::Uninitialized);
    stream->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gzip.constData()));
    stream->avail_in = uInt(gzip.size());
    stream->next_out = reinterpret_cast<Bytef*>(out.data());
    stream->avail_out = uInt(out.size());
    const int rc = ::inflate(stream.get(), Z_FINISH);
    const qsizetype produced = out.size() - qsizetype(stream->avail_out);
    if (produced > kMaxCertificateBytes)
        return damaged(QStringLiteral("it would be larger than %1 bytes").arg(kMaxCertificateBytes));
    if (rc != Z_STREAM_END)
        return damaged(stream->msg ? QString::fromLatin1(stream->msg) : QStringLiteral("the compressed data ends early"));
    if (stream->avail_in != 0)
        return damaged(QStringLiteral("%1 bytes after the compressed data").arg(stream->avail_in));
    out.truncate(produced);
    return out;
}

} // namespace lanyard
