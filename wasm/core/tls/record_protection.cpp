// certportal tls: opening protected records with a key log's secrets (record_protection.h).
#include "tls/record_protection.h"

#include <algorithm>
#include <cstring>
#include <string>

#include <mbedtls/gcm.h>
#include <mbedtls/hkdf.h>
#include <mbedtls/md.h>
#include <mbedtls/platform_util.h>
#include <mbedtls/ssl.h>

namespace cp::tls {

namespace {

bool from_hex(std::string_view hex, pki::Bytes& out) {
    if (hex.empty() || hex.size() % 2 != 0) return false;
    out.clear();
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        // The key log is written in lower case (keylog.cpp); NSS's own files are too.
        constexpr std::string_view kDigits = "0123456789abcdef";
        const std::size_t hi = kDigits.find(hex[i]), lo = kDigits.find(hex[i + 1]);
        if (hi == std::string_view::npos || lo == std::string_view::npos) return false;
        out.push_back(static_cast<std::uint8_t>(hi << 4 | lo));
    }
    return true;
}

// HKDF-Expand-Label(secret, label, "", length) over SHA-256 (RFC 8446 7.1).
bool expand_label(pki::ByteView secret, const char* label, std::uint8_t* out, std::size_t length) {
    const std::string full = std::string("tls13 ") + label;
    pki::Bytes info;
    info.push_back(static_cast<std::uint8_t>(length >> 8));
    info.push_back(static_cast<std::uint8_t>(length));
    info.push_back(static_cast<std::uint8_t>(full.size()));
    info.insert(info.end(), full.begin(), full.end());
    info.push_back(0);  // empty context
    const mbedtls_md_info_t* sha256 = mbedtls_md_info_from_type(MBEDTLS_MD_SHA256);
    return sha256 != nullptr &&
           mbedtls_hkdf_expand(sha256, secret.data(), secret.size(), info.data(), info.size(), out, length) == 0;
}

}  // namespace

KeyLogSecrets read_key_log(std::string_view key_log, pki::ByteView client_random) {
    KeyLogSecrets s;
    while (!key_log.empty()) {
        const std::size_t end = key_log.find('\n');
        std::string_view line = key_log.substr(0, end);
        key_log = end == std::string_view::npos ? std::string_view{} : key_log.substr(end + 1);
        const std::size_t a = line.find(' ');
        if (a == std::string_view::npos) continue;
        const std::size_t b = line.find(' ', a + 1);
        if (b == std::string_view::npos) continue;
        const std::string_view label = line.substr(0, a);
        pki::Bytes random, secret;
        if (!from_hex(line.substr(a + 1, b - a - 1), random) || !from_hex(line.substr(b + 1), secret)) continue;
        if (random.size() != client_random.size() ||
            !std::equal(random.begin(), random.end(), client_random.begin()))
            continue;
        if (label == "CLIENT_RANDOM") s.master_secret = std::move(secret);
        else if (label == "CLIENT_HANDSHAKE_TRAFFIC_SECRET") s.client_handshake = std::move(secret);
        else if (label == "SERVER_HANDSHAKE_TRAFFIC_SECRET") s.server_handshake = std::move(secret);
        else if (label == "CLIENT_TRAFFIC_SECRET_0") s.client_application = std::move(secret);
        else if (label == "SERVER_TRAFFIC_SECRET_0") s.server_application = std::move(secret);
    }
    return s;
}

std::optional<RecordKey> RecordKey::tls13(pki::ByteView traffic_secret) {
    if (traffic_secret.size() != 32) return std::nullopt;  // SHA-256 suites only
    RecordKey k;
    k.tls13_ = true;
    if (!expand_label(traffic_secret, "key", k.key_, sizeof k.key_) || !expand_label(traffic_secret, "iv", k.iv_, sizeof k.iv_))
        return std::nullopt;
    return k;
}

std::optional<RecordKey> RecordKey::tls12(pki::ByteView master_secret, pki::ByteView client_random,
                                          pki::ByteView server_random, bool client) {
    if (master_secret.size() != 48 || client_random.size() != 32 || server_random.size() != 32) return std::nullopt;
    std::uint8_t seed[64];
    std::memcpy(seed, server_random.data(), 32);
    std::memcpy(seed + 32, client_random.data(), 32);
    // AES-128-GCM: no MAC keys; client key, server key (16 each), client salt, server salt (4 each).
    std::uint8_t block[40];
    if (mbedtls_ssl_tls_prf(MBEDTLS_SSL_TLS_PRF_SHA256, master_secret.data(), master_secret.size(), "key expansion",
                            seed, sizeof seed, block, sizeof block) != 0)
        return std::nullopt;
    RecordKey k;
    k.tls13_ = false;
    std::memcpy(k.key_, block + (client ? 0 : 16), 16);
    std::memcpy(k.iv_, block + (client ? 32 : 36), 4);
    mbedtls_platform_zeroize(block, sizeof block);
    return k;
}

std::optional<pki::Bytes> RecordKey::open(pki::ByteView record) {
    constexpr std::size_t kTag = 16;
    if (record.size() < 5) return std::nullopt;
    const pki::ByteView body = record.subspan(5);
    const std::size_t explicit_nonce = tls13_ ? 0 : 8;
    if (body.size() < explicit_nonce + kTag) return std::nullopt;
    const std::size_t length = body.size() - explicit_nonce - kTag;
    std::uint8_t nonce[12];
    std::uint8_t aad[13];
    std::size_t aad_len = 0;
    if (tls13_) {
        std::memcpy(nonce, iv_, 12);
        for (int i = 0; i < 8; ++i) nonce[4 + i] ^= static_cast<std::uint8_t>(sequence_ >> (56 - 8 * i));
        std::memcpy(aad, record.data(), 5);  // the record header as sent
        aad_len = 5;
    } else {
        std::memcpy(nonce, iv_, 4);
        std::memcpy(nonce + 4, body.data(), 8);
        for (int i = 0; i < 8; ++i) aad[i] = static_cast<std::uint8_t>(sequence_ >> (56 - 8 * i));
        aad[8] = record[0];
        aad[9] = record[1];
        aad[10] = record[2];
        aad[11] = static_cast<std::uint8_t>(length >> 8);
        aad[12] = static_cast<std::uint8_t>(length);
        aad_len = 13;
    }
    pki::Bytes plain(length);
    mbedtls_gcm_context gcm;
    mbedtls_gcm_init(&gcm);
    int rc = mbedtls_gcm_setkey(&gcm, MBEDTLS_CIPHER_ID_AES, key_, 128);
    if (rc == 0) {
        rc = mbedtls_gcm_auth_decrypt(&gcm, length, nonce, sizeof nonce, aad, aad_len, body.data() + explicit_nonce + length,
                                      kTag, body.data() + explicit_nonce, plain.data());
    }
    mbedtls_gcm_free(&gcm);
    if (rc != 0) return std::nullopt;
    ++sequence_;
    return plain;
}

bool split_inner_plaintext(pki::Bytes& plaintext, std::uint8_t& content_type) {
    while (!plaintext.empty() && plaintext.back() == 0) plaintext.pop_back();
    if (plaintext.empty()) return false;
    content_type = plaintext.back();
    plaintext.pop_back();
    return true;
}

}  // namespace cp::tls
