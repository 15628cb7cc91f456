// certportal: PKI micro-benchmark (not a test). Same source natively and as wasm under Node:
//   tools/bench_pki.sh [runs]
// Prints one line per operation: median and p95 in milliseconds over `runs` (default 30).
// `bench_pki <runs> fixed` seeds the generator deterministically: the same RSA prime searches in
// every build, so that configurations (MBEDTLS_MPI_WINDOW_SIZE, -O levels) compare without the
// keygen's large natural variance.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "pki/ca.h"
#include "pki/certificate.h"
#include "pki/key.h"
#include "pki/pkcs8.h"
#include "pki/random.h"
#include "pki/verify.h"

using namespace cp::pki;

namespace {

double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

void report(const char* name, std::vector<double> t) {
    std::sort(t.begin(), t.end());
    const double median = t[t.size() / 2];
    const double p95 = t[std::min(t.size() - 1, (t.size() * 95 + 99) / 100 - 1)];
    std::printf("%-34s median %9.2f ms   p95 %9.2f ms   min %8.2f   max %8.2f   (n=%zu)\n", name, median, p95,
                t.front(), t.back(), t.size());
}

void bench(const char* name, int runs, const std::function<void()>& f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const double a = now_ms();
        f();
        t.push_back(now_ms() - a);
    }
    report(name, t);
}

void check(PkiError e) {
    if (e != PkiError::Ok) {
        std::fprintf(stderr, "bench_pki: %s\n", pki_error_message(e));
        std::exit(1);
    }
}

}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::atoi(argv[1]) : 30;
    const UnixTime now = 1711929600;
    Drbg rng;
    const bool fixed = argc > 2 && std::string(argv[2]) == "fixed";
    check(fixed ? rng.seed_deterministic_for_tests(as_bytes("bench")) : rng.seed_from_entropy("bench"));
    ClientSubject subject;
    subject.contract_id = "00009876543";
    subject.bank_code = "1635";
    subject.organization = "株式会社テスト商事";

    CaHierarchy rsa_ca;
    CaSetup setup;
    check(create_ca_hierarchy(setup, now, rng, rsa_ca));
    TrustStore store;
    store.roots.push_back(&rsa_ca.root.certificate());
    store.intermediates.push_back(&rsa_ca.issuing.certificate());

    for (KeyType type : {KeyType::Rsa2048, KeyType::EcP256}) {
        const std::string t = key_type_name(type);
        bench((t + " keygen").c_str(), runs, [&] {
            KeyPair k;
            check(k.generate(type, rng));
        });
        KeyPair key;
        check(key.generate(type, rng));
        Bytes sig;
        bench((t + " sign").c_str(), runs, [&] { check(key.sign_sha256(as_bytes("challenge"), rng, sig)); });
        bench((t + " verify").c_str(), runs, [&] { check(key.verify_sha256(as_bytes("challenge"), sig)); });
        bench((t + " CSR + issue (RSA CA)").c_str(), runs, [&] {
            Bytes csr, cert;
            check(create_client_csr(key, subject, rng, csr));
            IssueOptions o;
            o.not_before = now;
            check(rsa_ca.issuing.issue_client_certificate(csr, subject, o, rng, cert));
        });
        bench((t + " keygen+CSR+issue+verify").c_str(), type == KeyType::Rsa2048 ? runs : runs, [&] {
            KeyPair k;
            check(k.generate(type, rng));
            Bytes csr, der;
            check(create_client_csr(k, subject, rng, csr));
            IssueOptions o;
            o.not_before = now;
            check(rsa_ca.issuing.issue_client_certificate(csr, subject, o, rng, der));
            Certificate c;
            check(c.parse(der));
            if (verify_certificate(c, store, now + 1).status != CertificateStatus::Valid) std::exit(1);
        });
    }
    KeyPair ec;
    check(ec.generate(KeyType::EcP256, rng));
    bench("PBKDF2 100k: encrypt PKCS#8 (高)", std::min(runs, 10), [&] {
        Bytes der;
        check(write_encrypted_pkcs8_der(ec, "password", kDefaultPbkdf2Iterations, rng, der));
    });
    return 0;
}
