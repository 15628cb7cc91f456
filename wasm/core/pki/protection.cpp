// certportal pki: protection levels and the native test device key.
#include "pki/protection.h"

#include <mbedtls/cipher.h>
#include <mbedtls/md.h>

#include <cstring>
#include <memory>

#include "pki/pkcs8.h"
#include "pki/random.h"

namespace cp::pki {

const char* protection_level_label_ja(ProtectionLevel level) {
    switch (level) {
        case ProtectionLevel::Low: return "低";
        case ProtectionLevel::Medium: return "中";
        case ProtectionLevel::High: return "高";
    }
    return "?";
}

// --- TestDeviceKey ----------------------------------------------------------------------------

namespace {

bool equal_constant_time(const std::uint8_t* a, const std::uint8_t* b, std::size_t n) {
    unsigned diff = 0;
    for (std::size_t i = 0; i < n; ++i) diff |= static_cast<unsigned>(a[i] ^ b[i]);
    return diff == 0;
}

constexpr char kDefaultTestSecret[] = "certportal native test device key (not a secret)";

bool hmac_sha256(const std::uint8_t* key, std::size_t key_len, ByteView data, std::uint8_t (&out)[32]) {
    return mbedtls_md_hmac(mbedtls_md_info_from_type(MBEDTLS_MD_SHA256), key, key_len, data.data(), data.size(),
                           out) == 0;
}

bool aes_cbc(const std::uint8_t (&key)[32], const std::uint8_t* iv, ByteView in, mbedtls_operation_t op, Bytes& out) {
    mbedtls_cipher_context_t ctx;
    mbedtls_cipher_init(&ctx);
    out.assign(in.size() + 16, 0);
    std::size_t len = 0;
    const bool ok =
        mbedtls_cipher_setup(&ctx, mbedtls_cipher_info_from_type(MBEDTLS_CIPHER_AES_256_CBC)) == 0 &&
        mbedtls_cipher_setkey(&ctx, key, 256, op) == 0 &&
        mbedtls_cipher_set_padding_mode(&ctx, MBEDTLS_PADDING_PKCS7) == 0 &&
        mbedtls_cipher_crypt(&ctx, iv, 16, in.data(), in.size(), out.data(), &len) == 0;
    mbedtls_cipher_free(&ctx);
    out.resize(ok ? len : 0);
    return ok;
}

}  // namespace

TestDeviceKey::TestDeviceKey(ByteView secret) {
    const ByteView s = secret.empty() ? as_bytes(kDefaultTestSecret) : secret;
    if (!hmac_sha256(s.data(), s.size(), as_bytes("enc"), enc_key_) ||
        !hmac_sha256(s.data(), s.size(), as_bytes("mac"), mac_key_)) {
        refuse_ = true;
    }
}

std::size_t TestDeviceKey::run_pending() {
    std::vector<std::function<void()>> jobs;
    jobs.swap(pending_);
    for (auto& job : jobs) job();
    return jobs.size();
}

void TestDeviceKey::seal(ByteView plaintext, SealDone done) {
    Bytes sealed;
    PkiError e = PkiError::DeviceKeyFailed;
    if (!refuse_) {
        // iv(16) || ciphertext || HMAC(iv || ciphertext)(32)
        std::uint8_t iv[16] = {};
        const std::uint32_t c = ++counter_;
        std::uint8_t block[32];
        std::uint8_t cbuf[4] = {static_cast<std::uint8_t>(c >> 24), static_cast<std::uint8_t>(c >> 16),
                                static_cast<std::uint8_t>(c >> 8), static_cast<std::uint8_t>(c)};
        Bytes ct;
        if (hmac_sha256(mac_key_, sizeof mac_key_, ByteView(cbuf, 4), block) && (std::memcpy(iv, block, 16), true) &&
            aes_cbc(enc_key_, iv, plaintext, MBEDTLS_ENCRYPT, ct)) {
            sealed.assign(iv, iv + 16);
            sealed.insert(sealed.end(), ct.begin(), ct.end());
            std::uint8_t tag[32];
            if (hmac_sha256(mac_key_, sizeof mac_key_, sealed, tag)) {
                sealed.insert(sealed.end(), tag, tag + 32);
                e = PkiError::Ok;
            }
        }
    }
    if (e != PkiError::Ok) sealed.clear();
    if (deferred_) {
        auto shared = std::make_shared<Bytes>(std::move(sealed));
        pending_.push_back([done, e, shared]() { done(e, std::move(*shared)); });
    } else {
        done(e, std::move(sealed));
    }
}

void TestDeviceKey::unseal(ByteView sealed, UnsealDone done) {
    PkiError e = PkiError::DeviceKeyFailed;
    Bytes plain;
    if (!refuse_ && sealed.size() >= 16 + 16 + 32) {
        const ByteView body = sealed.first(sealed.size() - 32);
        std::uint8_t tag[32];
        if (hmac_sha256(mac_key_, sizeof mac_key_, body, tag) &&
            equal_constant_time(tag, sealed.data() + body.size(), 32) &&
            aes_cbc(enc_key_, sealed.data(), body.subspan(16), MBEDTLS_DECRYPT, plain)) {
            e = PkiError::Ok;
        }
    }
    auto secret = std::make_shared<SecretBytes>(std::move(plain));
    if (e != PkiError::Ok) secret->clear();
    if (deferred_) {
        pending_.push_back([done, e, secret]() { done(e, std::move(*secret)); });
    } else {
        done(e, std::move(*secret));
    }
}

// --- protect / unlock -------------------------------------------------------------------------

void protect_private_key(const KeyPair& key, const ProtectOptions& options, Drbg& rng, ProtectDone done) {
    if (!key.has_private_key()) {
        done(PkiError::InvalidArgument, StoredKey{});
        return;
    }
    StoredKey stored;
    stored.level = options.level;
    switch (options.level) {
        case ProtectionLevel::Low: {
            SecretBytes der;
            const PkiError e = key.write_pkcs8_der(der);
            if (e == PkiError::Ok) stored.blob.assign(der.view().begin(), der.view().end());
            done(e, std::move(stored));
            return;
        }
        case ProtectionLevel::High: {
            if (options.password.empty()) {
                done(PkiError::InvalidArgument, StoredKey{});
                return;
            }
            const unsigned iterations = options.pbkdf2_iterations != 0 ? options.pbkdf2_iterations : kDefaultPbkdf2Iterations;
            const PkiError e = write_encrypted_pkcs8_der(key, options.password, iterations, rng, stored.blob);
            done(e, e == PkiError::Ok ? std::move(stored) : StoredKey{});
            return;
        }
        case ProtectionLevel::Medium: {
            if (options.device_key == nullptr) {
                done(PkiError::InvalidArgument, StoredKey{});
                return;
            }
            SecretBytes der;
            const PkiError e = key.write_pkcs8_der(der);
            if (e != PkiError::Ok) {
                done(e, StoredKey{});
                return;
            }
            options.device_key->seal(der.view(), [done](PkiError se, Bytes sealed) {
                if (se != PkiError::Ok) {
                    done(PkiError::DeviceKeyFailed, StoredKey{});
                    return;
                }
                StoredKey s;
                s.level = ProtectionLevel::Medium;
                s.blob = std::move(sealed);
                done(PkiError::Ok, std::move(s));
            });
            return;
        }
    }
    done(PkiError::InvalidArgument, StoredKey{});
}

void unlock_private_key(const StoredKey& stored, const UnlockOptions& options, UnlockDone done) {
    switch (stored.level) {
        case ProtectionLevel::Low: {
            KeyPair key;
            const PkiError e = key.parse_private_key(stored.blob);
            done(e, std::move(key));
            return;
        }
        case ProtectionLevel::High: {
            KeyPair key;
            const PkiError e = read_encrypted_pkcs8(stored.blob, options.password, key);
            done(e, std::move(key));
            return;
        }
        case ProtectionLevel::Medium: {
            if (options.device_key == nullptr) {
                done(PkiError::InvalidArgument, KeyPair{});
                return;
            }
            options.device_key->unseal(stored.blob, [done](PkiError ue, SecretBytes plain) {
                if (ue != PkiError::Ok) {
                    done(PkiError::DeviceKeyFailed, KeyPair{});
                    return;
                }
                KeyPair key;
                const PkiError e = key.parse_private_key(plain.view());
                done(e, std::move(key));
            });
            return;
        }
    }
    done(PkiError::InvalidArgument, KeyPair{});
}

}  // namespace cp::pki
