// certportal pki tests: shared fixtures.
#include "pki_test_util.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>

namespace cp::pki::test {

void seed_for_test(Drbg& rng, const std::string& label) {
    ASSERT_EQ(PkiError::Ok, rng.seed_deterministic_for_tests(as_bytes(label)));
}

const CaHierarchy& shared_ca() {
    static const CaHierarchy* ca = [] {
        auto* h = new CaHierarchy;
        Drbg rng;
        if (rng.seed_deterministic_for_tests(as_bytes("shared ca")) != PkiError::Ok) std::abort();
        CaSetup setup;
        setup.key_type = KeyType::EcP256;
        setup.organization = "テスト信用金庫";
        if (create_ca_hierarchy(setup, kNow - 30 * kDay, rng, *h) != PkiError::Ok) std::abort();
        return h;
    }();
    return *ca;
}

const KeyPair& shared_ec_key() {
    static const KeyPair* key = [] {
        auto* k = new KeyPair;
        Drbg rng;
        if (rng.seed_deterministic_for_tests(as_bytes("shared ec key")) != PkiError::Ok) std::abort();
        if (k->generate(KeyType::EcP256, rng) != PkiError::Ok) std::abort();
        return k;
    }();
    return *key;
}

const KeyPair& shared_rsa_key() {
    static const KeyPair* key = [] {
        auto* k = new KeyPair;
        Drbg rng;
        if (rng.seed_deterministic_for_tests(as_bytes("shared rsa key")) != PkiError::Ok) std::abort();
        if (k->generate(KeyType::Rsa2048, rng) != PkiError::Ok) std::abort();
        return k;
    }();
    return *key;
}

ClientSubject admin_subject() {
    ClientSubject s;
    s.role = CertificateRole::Administrator;
    s.contract_id = "00009876543";
    s.bank_code = "1635";
    s.organization = "株式会社テスト商事";
    return s;
}

ClientSubject user_subject() {
    ClientSubject s;
    s.role = CertificateRole::User;
    s.contract_id = "00009876543";
    s.user_id = "S0001";
    s.organization = "株式会社テスト商事";
    return s;
}

Bytes issue_for(const KeyPair& key, const ClientSubject& subject, UnixTime not_before, int validity_days) {
    Drbg rng;
    if (rng.seed_from_entropy("test issue") != PkiError::Ok) return {};
    Bytes csr;
    if (create_client_csr(key, subject, rng, csr) != PkiError::Ok) return {};
    IssueOptions options;
    options.not_before = not_before;
    options.validity_days = validity_days;
    Bytes cert;
    if (shared_ca().issuing.issue_client_certificate(csr, subject, options, rng, cert) != PkiError::Ok) return {};
    return cert;
}

#ifdef __EMSCRIPTEN__
bool openssl_available() { return false; }
TempDir::TempDir() {}
TempDir::~TempDir() {}
void TempDir::write(const std::string&, ByteView) const {}
void TempDir::write(const std::string&, const std::string&) const {}
Bytes TempDir::read(const std::string&) const { return {}; }
CommandResult run_openssl(const std::string&) { return {}; }
#else
bool openssl_available() {
#ifdef CERTPORTAL_OPENSSL
    return true;
#else
    return false;
#endif
}

TempDir::TempDir() {
    char tmpl[] = "/tmp/certportal-pki-XXXXXX";
    const char* d = mkdtemp(tmpl);
    dir_ = d != nullptr ? d : "/tmp";
}

TempDir::~TempDir() {
    if (dir_.rfind("/tmp/certportal-pki-", 0) == 0) {
        const std::string cmd = "rm -rf '" + dir_ + "'";
        (void)std::system(cmd.c_str());
    }
}

void TempDir::write(const std::string& name, ByteView bytes) const {
    std::ofstream f(path(name), std::ios::binary);
    f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

void TempDir::write(const std::string& name, const std::string& text) const { write(name, as_bytes(text)); }

Bytes TempDir::read(const std::string& name) const {
    std::ifstream f(path(name), std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

CommandResult run_openssl(const std::string& args) {
    CommandResult r;
#ifdef CERTPORTAL_OPENSSL
    const std::string cmd = std::string(CERTPORTAL_OPENSSL) + " " + args + " 2>&1";
    FILE* p = popen(cmd.c_str(), "r");
    if (p == nullptr) return r;
    char buf[4096];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
    const int status = pclose(p);
    r.exit_code = (status >= 0 && (status & 0x7F) == 0) ? ((status >> 8) & 0xFF) : -1;
#else
    (void)args;
#endif
    return r;
}
#endif

}  // namespace cp::pki::test
