// certportal pki: key generation and CSR creation as jobs (request → completion).
//
// RSA-2048 key generation takes ~0.8 s (up to ~2.3 s) in wasm: in the browser it runs in a Web
// Worker (a small wasm module with certportal_pki and Mbed TLS only). The UI talks to a
// KeyJobRunner, whatever runs the jobs:
//
//   runner.submit_key_generation(KeyType::Rsa2048, [](KeyJobResult r) { … store r.private_key … });
//
// * Every submitted job completes exactly once: with its result, an error, or Cancelled.
// * cancel(id) before the completion: the completion runs with Cancelled and no key material;
//   the generated key (if the worker already made one) is wiped. "Cancel means nothing stored":
//   storing is the completion's job, and a cancelled completion has nothing to store.
// * The key may be generated speculatively (when the pickup or renewal procedure starts): the
//   CSR, which needs the subject, is a separate quick job on the finished key.
//
// LocalKeyJobRunner runs jobs on the calling thread: Immediate (completion before submit
// returns: native code and tests) or Deferred (jobs wait for run_pending(): a polled job, and
// how tests exercise cancellation). The browser's worker runner (wasm/platform, later) implements
// the same interface with postMessage, calling the pure entry points below inside the worker.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <string>

#include "pki/bytes.h"
#include "pki/error.h"
#include "pki/key.h"
#include "pki/name.h"

namespace cp::pki {

class Drbg;

// --- Pure entry points: bytes in, bytes out (what the worker module exports) ----------------

// A fresh key pair as PKCS#8 DER, with its SubjectPublicKeyInfo DER.
PkiError generate_key_pkcs8(KeyType type, Drbg& rng, SecretBytes& private_key_pkcs8, Bytes& public_key_der);
// A client CSR (DER) signed by the PKCS#8 key.
PkiError create_csr_from_pkcs8(ByteView private_key_pkcs8, const ClientSubject& subject, Drbg& rng, Bytes& csr_der);

// --- Jobs ---------------------------------------------------------------------------------

struct JobId {
    std::uint32_t value = 0;  // 0: no job
    friend bool operator==(JobId a, JobId b) { return a.value == b.value; }
};

enum class JobKind : std::uint8_t { KeyGeneration, CsrCreation };

struct KeyJobResult {
    JobId id;
    JobKind kind = JobKind::KeyGeneration;
    PkiError error = PkiError::Internal;
    SecretBytes private_key_pkcs8;  // KeyGeneration
    Bytes public_key_der;           // KeyGeneration
    Bytes csr_der;                  // CsrCreation
};

using KeyJobDone = std::function<void(KeyJobResult)>;

class KeyJobRunner {
public:
    virtual ~KeyJobRunner() = default;
    virtual JobId submit_key_generation(KeyType type, KeyJobDone done) = 0;
    virtual JobId submit_csr_creation(ByteView private_key_pkcs8, const ClientSubject& subject, KeyJobDone done) = 0;
    // True when the job was still pending: its completion runs (now or when due) with Cancelled.
    virtual bool cancel(JobId id) = 0;
    virtual std::size_t pending() const = 0;
};

class LocalKeyJobRunner final : public KeyJobRunner {
public:
    enum class Mode : std::uint8_t { Immediate, Deferred };
    // `rng` must outlive the runner (tests pass a deterministic one).
    LocalKeyJobRunner(Drbg& rng, Mode mode);

    JobId submit_key_generation(KeyType type, KeyJobDone done) override;
    JobId submit_csr_creation(ByteView private_key_pkcs8, const ClientSubject& subject, KeyJobDone done) override;
    bool cancel(JobId id) override;
    std::size_t pending() const override { return queue_.size(); }
    // Deferred mode: runs the queued jobs in order (each job's completion before the next job).
    std::size_t run_pending();

private:
    struct Job {
        JobId id;
        JobKind kind = JobKind::KeyGeneration;
        KeyType key_type = KeyType::Rsa2048;
        SecretBytes private_key_pkcs8;
        ClientSubject subject;
        KeyJobDone done;
    };
    JobId enqueue(Job job);
    void run(Job& job);

    Drbg& rng_;
    Mode mode_;
    std::uint32_t next_id_ = 1;
    std::deque<Job> queue_;
};

}  // namespace cp::pki
