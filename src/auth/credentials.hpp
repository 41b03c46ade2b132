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

/// A new browser-session secret: 64 lower-case hex characters (256 random bits). Stored only
/// as its TokenDigest.
std::string NewSessionSecret();
/// The CSRF token of a session: a BLAKE2b digest of the session secret (hex), so it is fixed
/// for the session's life, needs no storage and cannot be turned back into the secret.
std::string CsrfTokenFor(std::string_view session_secret);
/// Compares two secrets in time that depends only on their lengths.
bool SecretsEqual(std::string_view a, std::string_view b);

/// argon2id with libsodium's interactive limits (opslimit 2, memlimit 64 MiB), as an
/// encoded string that carries its own parameters and salt. kInvalidArgument for a password
/// shorter than 8 bytes.
Result<std::string> HashPassword(std::string_view password);
/// True when `password` matches an encoded hash made by HashPassword.
bool VerifyPassword(std::string_view password, const std::string& encoded_hash);

}  // namespace pipecrm::auth
