// certportal pki: private-key protection levels, after Windows' strong private key protection.
//
//   低 Low     the key is stored as plain PKCS#8; used without asking.
//   中 Medium  the key is encrypted at rest by a device key the platform holds (in the browser a
//             non-extractable WebCrypto AES-GCM key kept in IndexedDB; natively TestDeviceKey);
//             the UI asks for consent before each use (requires_consent()).
//   高 High    the key is an encrypted PKCS#8 (pki/pkcs8.h); the password is asked at every use.
//
// The device key is reached only through DeviceKeyProtector, whose operations complete through a
// callback: WebCrypto is asynchronous (Promises), so the browser's implementation calls `done`
// later, from the event loop; TestDeviceKey calls it at once. protect_private_key() and
// unlock_private_key() are asynchronous in the same way: their `done` runs exactly once, either
// before they return or later, and nothing else is stored or kept.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "pki/bytes.h"
#include "pki/error.h"
#include "pki/key.h"

namespace cp::pki {

class Drbg;

enum class ProtectionLevel : std::uint8_t {
    Low = 0,     // 低
    Medium = 1,  // 中
    High = 2,    // 高
};

const char* protection_level_label_ja(ProtectionLevel level);  // "低" / "中" / "高"
inline bool requires_consent(ProtectionLevel level) { return level != ProtectionLevel::Low; }
inline bool requires_password(ProtectionLevel level) { return level == ProtectionLevel::High; }

// The platform's device key. Implementations must call `done` exactly once per call (possibly
// later, but on the same thread as the caller), with DeviceKeyFailed on any failure or refusal.
class DeviceKeyProtector {
public:
    using SealDone = std::function<void(PkiError, Bytes sealed)>;
    using UnsealDone = std::function<void(PkiError, SecretBytes plaintext)>;
    virtual ~DeviceKeyProtector() = default;
    virtual void seal(ByteView plaintext, SealDone done) = 0;
    virtual void unseal(ByteView sealed, UnsealDone done) = 0;
};

// Native stand-in for the browser's device key: AES-256-CBC + HMAC-SHA256 (encrypt-then-MAC)
// under keys derived from a fixed test secret. Not a security boundary: a test double.
// With set_deferred(true) it queues completions until run_pending() (to test async callers).
class TestDeviceKey final : public DeviceKeyProtector {
public:
    explicit TestDeviceKey(ByteView secret = {});
    void seal(ByteView plaintext, SealDone done) override;
    void unseal(ByteView sealed, UnsealDone done) override;

    void set_refuse(bool refuse) { refuse_ = refuse; }      // simulate a failing/denied device key
    void set_deferred(bool deferred) { deferred_ = deferred; }
    std::size_t run_pending();                              // completes queued calls; returns how many

private:
    std::uint8_t enc_key_[32] = {};
    std::uint8_t mac_key_[32] = {};
    std::uint32_t counter_ = 0;  // IV source (deterministic test double)
    bool refuse_ = false;
    bool deferred_ = false;
    std::vector<std::function<void()>> pending_;
};

// What the key store keeps for one private key. `blob` is plain PKCS#8 DER (Low), the device
// key's sealed PKCS#8 (Medium) or an encrypted PKCS#8 DER (High).
struct StoredKey {
    ProtectionLevel level = ProtectionLevel::Low;
    Bytes blob;
};

struct ProtectOptions {
    ProtectionLevel level = ProtectionLevel::Low;
    std::string password;                        // High: the password set at creation
    unsigned pbkdf2_iterations = 0;              // High: 0 = kDefaultPbkdf2Iterations
    DeviceKeyProtector* device_key = nullptr;    // Medium
};

struct UnlockOptions {
    std::string password;                        // High: asked at every use
    DeviceKeyProtector* device_key = nullptr;    // Medium
};

using ProtectDone = std::function<void(PkiError, StoredKey)>;
using UnlockDone = std::function<void(PkiError, KeyPair)>;

void protect_private_key(const KeyPair& key, const ProtectOptions& options, Drbg& rng, ProtectDone done);
void unlock_private_key(const StoredKey& stored, const UnlockOptions& options, UnlockDone done);

}  // namespace cp::pki
