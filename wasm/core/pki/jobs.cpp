// certportal pki: key jobs.
#include "pki/jobs.h"

#include "pki/certificate.h"
#include "pki/random.h"

namespace cp::pki {

PkiError generate_key_pkcs8(KeyType type, Drbg& rng, SecretBytes& private_key_pkcs8, Bytes& public_key_der) {
    private_key_pkcs8.clear();
    public_key_der.clear();
    KeyPair key;
    PkiError e = key.generate(type, rng);
    if (e != PkiError::Ok) return e;
    e = key.write_pkcs8_der(private_key_pkcs8);
    if (e != PkiError::Ok) return e;
    e = key.write_public_der(public_key_der);
    if (e != PkiError::Ok) private_key_pkcs8.clear();
    return e;
}

PkiError create_csr_from_pkcs8(ByteView private_key_pkcs8, const ClientSubject& subject, Drbg& rng, Bytes& csr_der) {
    csr_der.clear();
    KeyPair key;
    const PkiError e = key.parse_private_key(private_key_pkcs8);
    if (e != PkiError::Ok) return e;
    return create_client_csr(key, subject, rng, csr_der);
}

LocalKeyJobRunner::LocalKeyJobRunner(Drbg& rng, Mode mode) : rng_(rng), mode_(mode) {}

JobId LocalKeyJobRunner::enqueue(Job job) {
    job.id = JobId{next_id_++};
    if (next_id_ == 0) next_id_ = 1;
    const JobId id = job.id;
    if (mode_ == Mode::Immediate) {
        run(job);
    } else {
        queue_.push_back(std::move(job));
    }
    return id;
}

JobId LocalKeyJobRunner::submit_key_generation(KeyType type, KeyJobDone done) {
    Job job;
    job.kind = JobKind::KeyGeneration;
    job.key_type = type;
    job.done = std::move(done);
    return enqueue(std::move(job));
}

JobId LocalKeyJobRunner::submit_csr_creation(ByteView private_key_pkcs8, const ClientSubject& subject, KeyJobDone done) {
    Job job;
    job.kind = JobKind::CsrCreation;
    job.private_key_pkcs8.assign(private_key_pkcs8);
    job.subject = subject;
    job.done = std::move(done);
    return enqueue(std::move(job));
}

void LocalKeyJobRunner::run(Job& job) {
    KeyJobResult r;
    r.id = job.id;
    r.kind = job.kind;
    if (job.kind == JobKind::KeyGeneration) {
        r.error = generate_key_pkcs8(job.key_type, rng_, r.private_key_pkcs8, r.public_key_der);
    } else {
        r.error = create_csr_from_pkcs8(job.private_key_pkcs8.view(), job.subject, rng_, r.csr_der);
    }
    job.private_key_pkcs8.clear();
    if (job.done) job.done(std::move(r));
}

bool LocalKeyJobRunner::cancel(JobId id) {
    for (auto it = queue_.begin(); it != queue_.end(); ++it) {
        if (it->id == id) {
            Job job = std::move(*it);
            queue_.erase(it);
            KeyJobResult r;
            r.id = job.id;
            r.kind = job.kind;
            r.error = PkiError::Cancelled;
            job.private_key_pkcs8.clear();
            if (job.done) job.done(std::move(r));
            return true;
        }
    }
    return false;
}

std::size_t LocalKeyJobRunner::run_pending() {
    std::size_t n = 0;
    while (!queue_.empty()) {
        Job job = std::move(queue_.front());
        queue_.pop_front();
        run(job);
        ++n;
    }
    return n;
}

}  // namespace cp::pki
