#include "automation/webhook_signature.hpp"

#include <sodium.h>

#include <array>

#include "base/encoding.hpp"

namespace pipecrm::automation {

std::string HmacSha256Hex(std::string_view key, std::string_view message) {
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()),
                                key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                  message.size());
    std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
    crypto_auth_hmacsha256_final(&state, mac.data());
    return HexEncode(std::string_view(reinterpret_cast<const char*>(mac.data()), mac.size()));
}

std::string SignatureHeader(std::string_view secret, Instant at, std::string_view body) {
    const std::string t = std::to_string(ToUnixSeconds(at));
    std::string signed_text = t;
    signed_text += '.';
    signed_text += body;
    return "t=" + t + ",v1=" + HmacSha256Hex(secret, signed_text);
}

}  // namespace pipecrm::automation
