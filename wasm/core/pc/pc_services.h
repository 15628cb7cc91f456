// certportal pc: what a simulated PC brings to a certificate procedure besides its store — the
// PC side of the PKI. In the browser: the Web Worker key-job runner, the PC's WebCrypto device key
// (IndexedDB), the page's DRBG. Natively and in tests: pki::LocalKeyJobRunner (Immediate, or
// Deferred to test the waiting and cancel paths) and pki::TestDeviceKey.
// A desc struct: every pointer must be set and outlive the procedures that use it.
#pragma once

#include "pki/jobs.h"
#include "pki/key.h"
#include "pki/protection.h"
#include "pki/random.h"

namespace cp {

struct PcServices {
    pki::KeyJobRunner* key_jobs = nullptr;       // key generation and CSR creation (asynchronous)
    pki::DeviceKeyProtector* device_key = nullptr;  // 保護レベル 中 (asynchronous)
    pki::Drbg* rng = nullptr;                    // signatures, salts of 保護レベル 高
    pki::KeyType key_type = pki::KeyType::Rsa2048;  // docs/domain.md ("Every other number"); tests use EcP256
    unsigned pbkdf2_iterations = 0;              // 保護レベル 高: 0 = pki::kDefaultPbkdf2Iterations
    bool complete() const { return key_jobs != nullptr && device_key != nullptr && rng != nullptr; }
};

}  // namespace cp
