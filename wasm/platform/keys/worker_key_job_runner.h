// certportal platform: pki::KeyJobRunner on a Web Worker (web/keyworker.js + the small
// keyworker_module.wasm), so RSA key generation never blocks the page's main thread.
//
// Completions arrive from the event loop, one per job, exactly once: with the result, an error,
// or Cancelled. A job cancelled while the worker works on it completes with Cancelled at once;
// the worker's later result for it is wiped and dropped. If the worker cannot start, every
// pending job completes with KeyGenerationFailed / SigningFailed and the next job tries anew.
#pragma once

#include <map>

#include "pki/jobs.h"

namespace cp::platform {

class WorkerKeyJobRunner final : public pki::KeyJobRunner {
public:
    WorkerKeyJobRunner();
    ~WorkerKeyJobRunner() override;

    pki::JobId submit_key_generation(pki::KeyType type, pki::KeyJobDone done) override;
    pki::JobId submit_csr_creation(pki::ByteView private_key_pkcs8, const pki::ClientSubject& subject, pki::KeyJobDone done) override;
    bool cancel(pki::JobId id) override;
    std::size_t pending() const override { return pending_.size(); }

    // Called from JavaScript (through the extern "C" exports in the .cpp).
    void on_done(std::uint32_t id, int error, pki::ByteView private_key, pki::ByteView public_key, pki::ByteView csr);
    void on_worker_failed();

private:
    struct Pending {
        pki::JobKind kind;
        pki::KeyJobDone done;
    };
    std::uint32_t next_id_ = 1;
    std::map<std::uint32_t, Pending> pending_;
};

}  // namespace cp::platform
