// certportal pki tests: shared fixtures (deterministic generators, a cached CA, OpenSSL runner).
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "pki/ca.h"
#include "pki/certificate.h"
#include "pki/crl.h"
#include "pki/error.h"
#include "pki/key.h"
#include "pki/random.h"

namespace cp::pki::test {

// 2024-04-01T00:00:00Z: the simulated "now" of most tests.
inline constexpr UnixTime kNow = 1711929600;
inline constexpr UnixTime kDay = 86400;

#define ASSERT_PKI_OK(expr) ASSERT_EQ(::cp::pki::PkiError::Ok, (expr)) << #expr
#define EXPECT_PKI_OK(expr) EXPECT_EQ(::cp::pki::PkiError::Ok, (expr)) << #expr

// A deterministic generator: same label, same bytes.
void seed_for_test(Drbg& rng, const std::string& label);

// A P-256 hierarchy (fast) created once per process at kNow - 30 days; tests must not modify it.
const CaHierarchy& shared_ca();
// A P-256 key pair created once per process; and a cached RSA-2048 one.
const KeyPair& shared_ec_key();
const KeyPair& shared_rsa_key();

ClientSubject admin_subject();  // 00009876543 1635, organization 株式会社テスト商事
ClientSubject user_subject();   // 00009876543 S0001

// Issues a client certificate from the shared CA for `key` (CSR made with `key`).
Bytes issue_for(const KeyPair& key, const ClientSubject& subject, UnixTime not_before, int validity_days = 0);

// --- OpenSSL (native only) -------------------------------------------------------------------
#define CP_SKIP_WITHOUT_OPENSSL()                                                                \
    do {                                                                                         \
        if (!::cp::pki::test::openssl_available())                                               \
            GTEST_SKIP() << "OpenSSL CLI interop runs natively only (no processes under wasm)"; \
    } while (0)

bool openssl_available();
// A fresh temporary directory for one test; removed by the destructor.
class TempDir {
public:
    TempDir();
    ~TempDir();
    std::string path(const std::string& name) const { return dir_ + "/" + name; }
    void write(const std::string& name, ByteView bytes) const;
    void write(const std::string& name, const std::string& text) const;
    Bytes read(const std::string& name) const;

private:
    std::string dir_;
};
struct CommandResult {
    int exit_code = -1;
    std::string output;  // stdout + stderr
};
// Runs `openssl <args>` through the shell.
CommandResult run_openssl(const std::string& args);

}  // namespace cp::pki::test
