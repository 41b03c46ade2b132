// Secrets: API tokens (random, stored only as a SHA-256 digest) and passwords (argon2id).
#pragma once

#include <string>
#include <string_view>

#include "base/status.hpp"

namespace pipecrm::auth {

/// Initialises libsodium; call once before anything else here. kInternal if it cannot start.
Status InitCrypto();

/// A new API token: 40 lower-case hex characters (160 random bits), Pipedrive's format.
std::string NewApiToken();
/// The digest stored for a token: hex SHA-256. Tokens are random, so a fast hash suffices.
std::string TokenDigest(std::string_view token);

/// argon2id with libsodium's interactive limits (opslimit 2, memlimit 64 MiB), as an
/// encoded string that carries its own parameters and salt. kInvalidArgument for a password
/// shorter than 8 bytes.
Result<std::string> HashPassword(std::string_view password);
/// True when `password` matches an encoded hash made by HashPassword.
bool VerifyPassword(std::string_view password, const std::string& encoded_hash);

}  // namespace pipecrm::auth
