// certportal key-generation worker module: the PKI's pure entry points, run inside a Web Worker.
//
// A separate, small wasm module (certportal_pki + Mbed TLS, no ImGui, no UI) loaded by
// web/keyworker.js the first time a key is needed, so that RSA-2048 generation (a fraction of a
// second, with a long tail) never blocks the page's main thread. The worker script calls these exports and
// copies the outputs out; cpw_wipe() then zeroes every output before the next job.
#include <emscripten/emscripten.h>
#include <mbedtls/bignum.h>

#include <cstdint>
#include <string>

#include "pki/jobs.h"
#include "pki/random.h"

namespace {

struct WorkerState {
    cp::pki::Drbg rng;
    cp::pki::SecretBytes private_key;  // output 0
    cp::pki::Bytes public_key;         // output 1
    cp::pki::Bytes csr;                // output 2
};

WorkerState* g_worker = nullptr;

WorkerState& worker() {
    if (g_worker == nullptr) g_worker = new WorkerState();
    return *g_worker;
}

cp::pki::PkiError ensure_seeded() {
    WorkerState& w = worker();
    return w.rng.seeded() ? cp::pki::PkiError::Ok : w.rng.seed_from_entropy("certportal key worker");
}

std::string text(const char* s) { return s != nullptr ? std::string(s) : std::string(); }

}  // namespace

extern "C" {

// Runs the key generation's hot paths once (random candidates, trial division, Miller-Rabin,
// Montgomery multiplication) on two 512-bit primes, ~10 ms: V8 first runs wasm in its baseline
// tier and optimizes functions once they are hot, so the first real key gets optimized code.
// web/keyworker.js calls it when the worker starts. Returns PkiError.
EMSCRIPTEN_KEEPALIVE int cpw_warm_up(void) {
    const cp::pki::PkiError e = ensure_seeded();
    if (e != cp::pki::PkiError::Ok) return static_cast<int>(e);
    mbedtls_mpi prime;
    mbedtls_mpi_init(&prime);
    int ret = 0;
    for (int i = 0; i < 2 && ret == 0; ++i)
        ret = mbedtls_mpi_gen_prime(&prime, 512, 0, cp::pki::Drbg::rng_callback, worker().rng.rng_context());
    mbedtls_mpi_free(&prime);
    return static_cast<int>(ret == 0 ? cp::pki::PkiError::Ok : cp::pki::PkiError::KeyGenerationFailed);
}

// Generates a key pair; outputs 0 (PKCS#8 DER) and 1 (SubjectPublicKeyInfo DER). Returns PkiError.
EMSCRIPTEN_KEEPALIVE int cpw_generate_key(int key_type) {
    cp::pki::PkiError e = ensure_seeded();
    if (e != cp::pki::PkiError::Ok) return static_cast<int>(e);
    if (key_type != static_cast<int>(cp::pki::KeyType::Rsa2048) && key_type != static_cast<int>(cp::pki::KeyType::EcP256))
        return static_cast<int>(cp::pki::PkiError::InvalidArgument);
    WorkerState& w = worker();
    e = cp::pki::generate_key_pkcs8(static_cast<cp::pki::KeyType>(key_type), w.rng, w.private_key, w.public_key);
    return static_cast<int>(e);
}

// Creates a CSR with the given PKCS#8 key; output 2 (CSR DER). Returns PkiError.
EMSCRIPTEN_KEEPALIVE int cpw_create_csr(const std::uint8_t* pkcs8, int pkcs8_size, int role, const char* contract_id,
                                        const char* bank_code, const char* user_id, const char* organization) {
    cp::pki::PkiError e = ensure_seeded();
    if (e != cp::pki::PkiError::Ok) return static_cast<int>(e);
    if (pkcs8 == nullptr || pkcs8_size <= 0) return static_cast<int>(cp::pki::PkiError::InvalidArgument);
    cp::pki::ClientSubject subject;
    subject.role = static_cast<cp::pki::CertificateRole>(role);
    subject.contract_id = text(contract_id);
    subject.bank_code = text(bank_code);
    subject.user_id = text(user_id);
    subject.organization = text(organization);
    WorkerState& w = worker();
    e = cp::pki::create_csr_from_pkcs8(cp::pki::ByteView(pkcs8, static_cast<std::size_t>(pkcs8_size)), subject, w.rng, w.csr);
    return static_cast<int>(e);
}

EMSCRIPTEN_KEEPALIVE const std::uint8_t* cpw_output(int which) {
    WorkerState& w = worker();
    switch (which) {
        case 0: return w.private_key.view().data();
        case 1: return w.public_key.data();
        default: return w.csr.data();
    }
}

EMSCRIPTEN_KEEPALIVE int cpw_output_size(int which) {
    WorkerState& w = worker();
    switch (which) {
        case 0: return static_cast<int>(w.private_key.view().size());
        case 1: return static_cast<int>(w.public_key.size());
        default: return static_cast<int>(w.csr.size());
    }
}

// Zeroes and drops every output (the private key above all) once the worker script copied them.
EMSCRIPTEN_KEEPALIVE void cpw_wipe(void) {
    WorkerState& w = worker();
    w.private_key.clear();
    w.public_key.clear();
    w.csr.clear();
}

}  // extern "C"
