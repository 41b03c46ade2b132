#include "auth/credentials.hpp"

#include <sodium.h>

#include "base/encoding.hpp"

namespace pipecrm::auth {

Status InitCrypto() {
    if (sodium_init() < 0) {
        return Internal("libsodium could not be initialised");
    }
    return Status::Ok();
}

std::string NewApiToken() {
    unsigned char bytes[20];
    randombytes_buf(bytes, sizeof bytes);
    return HexEncode(std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
}

std::string NewSessionSecret() {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return HexEncode(std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
}

std::string CsrfTokenFor(std::string_view session_secret) {
    // The purpose prefix keeps this digest apart from the stored SHA-256 one.
    const std::string input = "pipecrm csrf token v1\n" + std::string(session_secret);
    unsigned char digest[24];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(input.data()),
                       input.size(), nullptr, 0);
    return HexEncode(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

bool SecretsEqual(std::string_view a, std::string_view b) {
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string TokenDigest(std::string_view token) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
    return HexEncode(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

Result<std::string> HashPassword(std::string_view password) {
    if (password.size() < 8) {
        return InvalidArgument("the password must be at least 8 characters long", "password");
    }
    char encoded[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(
            encoded, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return Internal("out of memory while hashing the password");
    }
    return std::string(encoded);
}

bool VerifyPassword(std::string_view password, const std::string& encoded_hash) {
    if (encoded_hash.empty()) {
        return false;
    }
    return crypto_pwhash_str_verify(encoded_hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace pipecrm::auth
