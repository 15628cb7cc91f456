// certportal platform: the device key of protection level 中 (Medium), on WebCrypto.
//
// One AES-GCM 256 key per simulated PC, generated with extractable = false and kept in IndexedDB
// (database "certportal-device-keys", store "keys", key = the PC's name): the browser can use
// it to encrypt and decrypt, but no script — ours included — can read its bytes. This stands in
// for the OS binding a protected private key to the machine: copying a PC's certificate store to
// another profile does not copy a usable key.
//
// seal():   a fresh 96-bit IV, AES-GCM encrypt → "CPDK1" || IV || ciphertext+tag
// unseal(): the reverse; a wrong device key or any tampering → DeviceKeyFailed
// Both complete from the event loop (WebCrypto is Promise-based), exactly once.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "pki/protection.h"

namespace cp::platform {

class WebCryptoDeviceKey final : public pki::DeviceKeyProtector {
public:
    explicit WebCryptoDeviceKey(std::string pc_name);
    ~WebCryptoDeviceKey() override;

    void seal(pki::ByteView plaintext, SealDone done) override;
    void unseal(pki::ByteView sealed, UnsealDone done) override;

    // Completion from JavaScript (through the exported C function in the .cpp).
    static void on_done(std::uint32_t request, int ok, pki::ByteView output);

private:
    std::string pc_name_;
};

}  // namespace cp::platform
