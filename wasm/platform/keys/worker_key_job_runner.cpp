#include "keys/worker_key_job_runner.h"

#include <emscripten/emscripten.h>

#include <cstdint>
#include <utility>

extern "C" {
void cp_js_keyworker_generate(std::uint32_t id, int key_type);
void cp_js_keyworker_csr(std::uint32_t id, const std::uint8_t* key, int key_size, int role, const char* contract_id,
                         const char* bank_code, const char* user_id, const char* organization);
void cp_js_keyworker_terminate(void);
}

namespace cp::platform {
namespace {
// The one runner the JavaScript completions go to (the module has a single UI thread).
WorkerKeyJobRunner* g_runner = nullptr;
}  // namespace

WorkerKeyJobRunner::WorkerKeyJobRunner() { g_runner = this; }

WorkerKeyJobRunner::~WorkerKeyJobRunner() {
    cp_js_keyworker_terminate();
    if (g_runner == this) g_runner = nullptr;
}

pki::JobId WorkerKeyJobRunner::submit_key_generation(pki::KeyType type, pki::KeyJobDone done) {
    const std::uint32_t id = next_id_++;
    pending_[id] = Pending{pki::JobKind::KeyGeneration, std::move(done)};
    cp_js_keyworker_generate(id, static_cast<int>(type));
    return pki::JobId{id};
}

pki::JobId WorkerKeyJobRunner::submit_csr_creation(pki::ByteView key, const pki::ClientSubject& subject, pki::KeyJobDone done) {
    const std::uint32_t id = next_id_++;
    pending_[id] = Pending{pki::JobKind::CsrCreation, std::move(done)};
    cp_js_keyworker_csr(id, key.data(), static_cast<int>(key.size()), static_cast<int>(subject.role), subject.contract_id.c_str(),
                        subject.bank_code.c_str(), subject.user_id.c_str(), subject.organization.c_str());
    return pki::JobId{id};
}

bool WorkerKeyJobRunner::cancel(pki::JobId id) {
    auto it = pending_.find(id.value);
    if (it == pending_.end()) return false;
    Pending job = std::move(it->second);
    pending_.erase(it);
    pki::KeyJobResult r;
    r.id = id;
    r.kind = job.kind;
    r.error = pki::PkiError::Cancelled;
    if (job.done) job.done(std::move(r));
    return true;
}

void WorkerKeyJobRunner::on_done(std::uint32_t id, int error, pki::ByteView private_key, pki::ByteView public_key, pki::ByteView csr) {
    auto it = pending_.find(id);
    if (it == pending_.end()) return;  // cancelled: the key is dropped (JS zeroes its heap copy)
    Pending job = std::move(it->second);
    pending_.erase(it);
    pki::KeyJobResult r;
    r.id = pki::JobId{id};
    r.kind = job.kind;
    r.error = static_cast<pki::PkiError>(error);
    if (r.error == pki::PkiError::Ok) {
        r.private_key_pkcs8 = pki::SecretBytes(private_key);
        r.public_key_der.assign(public_key.begin(), public_key.end());
        r.csr_der.assign(csr.begin(), csr.end());
    }
    if (job.done) job.done(std::move(r));
}

void WorkerKeyJobRunner::on_worker_failed() {
    cp_js_keyworker_terminate();  // the next job starts a fresh worker
    std::map<std::uint32_t, Pending> failed;
    failed.swap(pending_);
    for (auto& [id, job] : failed) {
        pki::KeyJobResult r;
        r.id = pki::JobId{id};
        r.kind = job.kind;
        r.error = job.kind == pki::JobKind::KeyGeneration ? pki::PkiError::KeyGenerationFailed : pki::PkiError::SigningFailed;
        if (job.done) job.done(std::move(r));
    }
}

}  // namespace cp::platform

extern "C" {

EMSCRIPTEN_KEEPALIVE void cp_on_key_job_done(std::uint32_t id, int error, const std::uint8_t* private_key, int private_key_size,
                                             const std::uint8_t* public_key, int public_key_size, const std::uint8_t* csr, int csr_size) {
    using cp::pki::ByteView;
    if (cp::platform::g_runner == nullptr) return;
    cp::platform::g_runner->on_done(id, error, ByteView(private_key, static_cast<std::size_t>(private_key_size)),
                                    ByteView(public_key, static_cast<std::size_t>(public_key_size)),
                                    ByteView(csr, static_cast<std::size_t>(csr_size)));
}

EMSCRIPTEN_KEEPALIVE void cp_on_key_worker_failed(void) {
    if (cp::platform::g_runner != nullptr) cp::platform::g_runner->on_worker_failed();
}

}  // extern "C"
