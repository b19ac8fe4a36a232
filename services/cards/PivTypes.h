#pragma once

#include <QtGlobal>

namespace lanyard {

// PIV key slots and the data objects holding their certificates (SP 800-73-4).
enum class PivSlot : quint8 {
    Authentication = 0x9A,
    Signature = 0x9C,
    KeyManagement = 0x9D,
    CardAuthentication = 0x9E,
};

enum class PivAlgorithm : quint8 {
    Rsa2048 = 0x07,
    EcP256 = 0x11,
};

enum class PinReference : quint8 {
    Pin = 0x80,
    Puk = 0x81,
};

namespace piv {
constexpr quint32 kChuidTag = 0x5FC102;
constexpr quint32 kDiscoveryTag = 0x7E;

constexpr quint32 certificateTag(PivSlot slot)
{
    switch (slot) {
    case PivSlot::Authentication:
        return 0x5FC105;
    case PivSlot::Signature:
        return 0x5FC10A;
    case PivSlot::KeyManagement:
        return 0x5FC10B;
    case PivSlot::CardAuthentication:
        return 0x5FC101;
    }
    return 0;
}
} // namespace piv

} // namespace lanyard
