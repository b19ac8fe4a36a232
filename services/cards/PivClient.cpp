#include "PivClient.h"

#include "BerTlv.h"
#include "CompressedCertificate.h"

namespace lanyard {

namespace {
const QByteArray kPivAid = QByteArray::fromHex("A000000308000010000100");

QString referenceId(PinReference reference)
{
    return reference == PinReference::Puk ? QStringLiteral("puk") : QStringLiteral("pin");
}

Error refused(const char* command, const ResponseApdu& r)
{
    return Error(ErrorCode::CardError, QStringLiteral("the card refused %1 with status %2").arg(QLatin1String(command)).arg(r.sw, 4, 16, QLatin1Char('0')));
}

QByteArray tagList(quint32 tag)
{
    return BerTlv::encode(0x5C, BerTlv::encodeTag(tag));
}
} // namespace

Result<ResponseApdu> PivClient::send(const CommandApdu& command)
{
    return m_transport.transmit(command);
}

Result<void> PivClient::select()
{
    CommandApdu c { 0x00, 0xA4, 0x04, 0x00, kPivAid, 0 };
    auto r = send(c);
    if (!r)
        return r.error();
    if (r->sw == 0x6A82)
        return Error(ErrorCode::CardError, QStringLiteral("no PIV application on this card"), { { QStringLiteral("problem"), QStringLiteral("not-piv") } });
    if (!r->isSuccess())
        return refused("SELECT", *r);
    return {};
}

Result<QByteArray> PivClient::getData(quint32 tag)
{
    CommandApdu c { 0x00, 0xCB, 0x3F, 0xFF, tagList(tag), 256 };
    auto r = send(c);
    if (!r)
        return r.error();
    if (r->sw == 0x6A82)
        return Error(ErrorCode::NotFound, QStringLiteral("the card holds no object %1").arg(tag, 0, 16));
    if (r->sw == 0x6982)
        return Error(ErrorCode::CardError, QStringLiteral("object %1 needs the PIN first").arg(tag, 0, 16));
    if (!r->isSuccess())
        return refused("GET DATA", *r);
    return BerTlv::valueOf(r->data, tag == piv::kDiscoveryTag ? piv::kDiscoveryTag : 0x53);
}

Result<Chuid> PivClient::readChuid()
{
    auto content = getData(piv::kChuidTag);
    if (!content)
        return content.error();
    return Chuid::parse(*content);
}

Result<QByteArray> PivClient::readCertificate(PivSlot slot)
{
    auto content = getData(piv::certificateTag(slot));
    if (!content)
        return content.error();
    auto elements = BerTlv::parse(*content);
    if (!elements)
        return elements.error();
    const auto der = BerTlv::find(*elements, 0x70);
    if (!der || der->isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("the certificate object of slot %1 is empty").arg(quint8(slot), 0, 16));
    const auto info = BerTlv::find(*elements, 0x71);
    if (info && !info->isEmpty() && (quint8(info->at(0)) & 0x01))
        return CompressedCertificate::inflate(*der);
    return *der;
}

Result<QByteArray> PivClient::readAuthenticationCertificate()
{
    auto certificate = readCertificate(PivSlot::Authentication);
    if (!certificate && certificate.error().code == ErrorCode::NotFound)
        return Error(ErrorCode::CardError, certificate.error().detail, { { QStringLiteral("problem"), QStringLiteral("no-authentication-certificate") } });
    return certificate;
}

QByteArray PivClient::padded(const QString& value)
{
    QByteArray out = value.toLatin1();
    out.append(QByteArray(8 - out.size(), char(0xFF)));
    return out;
}

Result<void> PivClient::checkPinFormat(PinReference reference, const QString& value)
{
    const QVariantMap args { { QStringLiteral("problem"), reference == PinReference::Puk ? QStringLiteral("puk-format") : QStringLiteral("pin-format") } };
    if (reference == PinReference::Puk) {
        if (value.size() != 8)
            return Error(ErrorCode::InvalidArgument, QStringLiteral("a PUK has 8 characters"), args);
        for (QChar c : value) {
            if (c.unicode() < 0x20 || c.unicode() > 0x7E)
                return Error(ErrorCode::InvalidArgument, QStringLiteral("a PUK is printable ASCII"), args);
        }
        return {};
    }
    if (value.size() < 6 || value.size() > 8)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("a PIN has 6 to 8 digits"), args);
    for (QChar c : value) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return Error(ErrorCode::InvalidArgument, QStringLiteral("a PIN has only digits"), args);
    }
    return {};
}

Result<void> PivClient::pinOutcome(const ResponseApdu& r, PinReference reference)
{
    const QVariantMap ref { { QStringLiteral("reference"), referenceId(reference) } };
    if (r.isSuccess())
        return {};
    if (r.sw1() == 0x63 && (r.sw2() & 0xF0) == 0xC0) {
        const int left = r.sw2() & 0x0F;
        QVariantMap args = ref;
        args.insert(QStringLiteral("triesLeft"), left);
        if (left == 0)
            return Error(ErrorCode::PinBlocked, QStringLiteral("the %1 is blocked").arg(referenceId(reference)), ref);
        return Error(ErrorCode::WrongPin, QStringLiteral("wrong %1, %2 tries left").arg(referenceId(reference)).arg(left), args);
    }
    if (r.sw == 0x6983)
        return Error(ErrorCode::PinBlocked, QStringLiteral("the %1 is blocked").arg(referenceId(reference)), ref);
    return refused("the PIN command", r);
}

Result<PinStatus> PivClient::pinStatus(PinReference reference)
{
    auto r = send(CommandApdu { 0x00, 0x20, 0x00, quint8(reference), {}, -1 });
    if (!r)
        return r.error();
    PinStatus s;
    if (r->isSuccess()) {
        s.verified = true;
        return s;
    }
    if (r->sw1() == 0x63 && (r->sw2() & 0xF0) == 0xC0) {
        s.triesLeft = r->sw2() & 0x0F;
        s.blocked = s.triesLeft == 0;
        return s;
    }
    if (r->sw == 0x6983) {
        s.triesLeft = 0;
        s.blocked = true;
        return s;
    }
    // Cards that take VERIFY only with a PIN answer a status query with "wrong length" or
    // "wrong parameters".
    if (r->sw == 0x6700 || r->sw == 0x6A86) {
        s.triesUnknown = true;
        return s;
    }
    return refused("VERIFY (status)", *r);
}

Result<void> PivClient::verifyPin(const QString& pin)
{
    if (auto f = checkPinFormat(PinReference::Pin, pin); !f)
        return f;
    auto r = send(CommandApdu { 0x00, 0x20, 0x00, quint8(PinReference::Pin), padded(pin), -1 });
    if (!r)
        return r.error();
    return pinOutcome(*r, PinReference::Pin);
}

Result<void> PivClient::logout()
{
    auto r = send(CommandApdu { 0x00, 0x20, 0xFF, quint8(PinReference::Pin), {}, -1 });
    if (!r)
        return r.error();
    return {};
}

Result<void> PivClient::changeReference(PinReference reference, const QString& current, const QString& replacement)
{
    if (auto f = checkPinFormat(reference, current); !f)
        return f;
    if (auto f = checkPinFormat(reference, replacement); !f)
        return f;
    auto r = send(CommandApdu { 0x00, 0x24, 0x00, quint8(reference), padded(current) + padded(replacement), -1 });
    if (!r)
        return r.error();
    return pinOutcome(*r, reference);
}

Result<void> PivClient::resetRetryCounter(const QString& puk, const QString& newPin)
{
    if (auto f = checkPinFormat(PinReference::Puk, puk); !f)
        return f;
    if (auto f = checkPinFormat(PinReference::Pin, newPin); !f)
        return f;
    auto r = send(CommandApdu { 0x00, 0x2C, 0x00, quint8(PinReference::Pin), padded(puk) + padded(newPin), -1 });
    if (!r)
        return r.error();
    return pinOutcome(*r, PinReference::Puk);
}

Result<QByteArray> PivClient::generalAuthenticate(PivAlgorithm algorithm, PivSlot slot, const QByteArray& input)
{
    const QByteArray inner = BerTlv::encode(0x82, {}) + BerTlv::encode(0x81, input);
    auto r = send(CommandApdu { 0x00, 0x87, quint8(algorithm), quint8(slot), BerTlv::encode(0x7C, inner), 256 });
    if (!r)
        return r.error();
    if (r->sw == 0x6982)
        return Error(ErrorCode::CardError, QStringLiteral("the key in slot %1 needs the PIN first").arg(quint8(slot), 0, 16),
            { { QStringLiteral("problem"), QStringLiteral("pin-required") } });
    if (r->sw == 0x6A80 || r->sw == 0x6A86)
        return Error(ErrorCode::CardError, QStringLiteral("slot %1 holds no key of this type").arg(quint8(slot), 0, 16));
    if (!r->isSuccess())
        return refused("GENERAL AUTHENTICATE", *r);
    auto dynamic = BerTlv::valueOf(r->data, 0x7C);
    if (!dynamic)
        return dynamic.error();
    auto result = BerTlv::valueOf(*dynamic, 0x82);
    if (!result)
        return result.error();
    if (result->isEmpty())
        return Error(ErrorCode::CardError, QStringLiteral("the card returned an empty signature"));
    return *result;
}

} // namespace lanyard
