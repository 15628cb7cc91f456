// certportal pki tests: protection levels (低/中/高) and the key job API.
#include <gtest/gtest.h>

#include <optional>

#include "pki/jobs.h"
#include "pki/protection.h"
#include "pki_test_util.h"

namespace cp::pki {
namespace {

struct Outcome {
    bool called = false;
    PkiError error = PkiError::Internal;
};

TEST(PkiProtection, LowIsPlainPkcs8) {
    Drbg rng;
    test::seed_for_test(rng, "low");
    StoredKey stored;
    Outcome o;
    ProtectOptions opt;
    opt.level = ProtectionLevel::Low;
    protect_private_key(test::shared_ec_key(), opt, rng, [&](PkiError e, StoredKey s) {
        o = {true, e};
        stored = std::move(s);
    });
    ASSERT_TRUE(o.called);
    ASSERT_PKI_OK(o.error);
    EXPECT_FALSE(requires_consent(stored.level));
    KeyPair k;
    ASSERT_PKI_OK(k.parse_private_key(stored.blob));
    Outcome u;
    unlock_private_key(stored, UnlockOptions{}, [&](PkiError e, KeyPair key) {
        u = {true, e};
        EXPECT_TRUE(key.has_private_key());
    });
    EXPECT_TRUE(u.called);
    EXPECT_PKI_OK(u.error);
}

TEST(PkiProtection, MediumSealsWithDeviceKeyAsynchronously) {
    Drbg rng;
    test::seed_for_test(rng, "medium");
    TestDeviceKey device;
    device.set_deferred(true);  // like WebCrypto: completes later
    ProtectOptions opt;
    opt.level = ProtectionLevel::Medium;
    opt.device_key = &device;
    std::optional<StoredKey> stored;
    protect_private_key(test::shared_ec_key(), opt, rng, [&](PkiError e, StoredKey s) {
        ASSERT_PKI_OK(e);
        stored = std::move(s);
    });
    EXPECT_FALSE(stored.has_value());
    EXPECT_EQ(1u, device.run_pending());
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(ProtectionLevel::Medium, stored->level);
    EXPECT_TRUE(requires_consent(stored->level));
    KeyPair plain;
    EXPECT_NE(PkiError::Ok, plain.parse_private_key(stored->blob));  // not readable without the device key

    UnlockOptions u;
    u.device_key = &device;
    Outcome o;
    unlock_private_key(*stored, u, [&](PkiError e, KeyPair key) {
        o = {true, e};
        EXPECT_PKI_OK(key.matches_public_key_of(test::shared_ec_key(), rng));
    });
    EXPECT_FALSE(o.called);
    device.run_pending();
    EXPECT_TRUE(o.called);
    EXPECT_PKI_OK(o.error);

    // Tampered blob, another device, refusing device: DeviceKeyFailed.
    device.set_deferred(false);
    StoredKey tampered = *stored;
    tampered.blob[20] ^= 1;
    unlock_private_key(tampered, u, [&](PkiError e, KeyPair) { EXPECT_EQ(PkiError::DeviceKeyFailed, e); });
    TestDeviceKey other(as_bytes("another device"));
    UnlockOptions uo;
    uo.device_key = &other;
    unlock_private_key(*stored, uo, [&](PkiError e, KeyPair) { EXPECT_EQ(PkiError::DeviceKeyFailed, e); });
    device.set_refuse(true);
    unlock_private_key(*stored, u, [&](PkiError e, KeyPair) { EXPECT_EQ(PkiError::DeviceKeyFailed, e); });
    unlock_private_key(*stored, UnlockOptions{}, [&](PkiError e, KeyPair) { EXPECT_EQ(PkiError::InvalidArgument, e); });
}

TEST(PkiProtection, HighAsksForThePasswordAtEveryUse) {
    Drbg rng;
    test::seed_for_test(rng, "high");
    ProtectOptions opt;
    opt.level = ProtectionLevel::High;
    opt.password = "秘密のパスワード";
    opt.pbkdf2_iterations = 1000;
    StoredKey stored;
    protect_private_key(test::shared_ec_key(), opt, rng, [&](PkiError e, StoredKey s) {
        ASSERT_PKI_OK(e);
        stored = std::move(s);
    });
    EXPECT_TRUE(requires_password(stored.level));
    UnlockOptions u;
    unlock_private_key(stored, u, [](PkiError e, KeyPair) { EXPECT_EQ(PkiError::PasswordRequired, e); });
    u.password = "違う";
    unlock_private_key(stored, u, [](PkiError e, KeyPair) { EXPECT_EQ(PkiError::WrongPassword, e); });
    u.password = "秘密のパスワード";
    bool ok = false;
    unlock_private_key(stored, u, [&](PkiError e, KeyPair key) { ok = e == PkiError::Ok && key.has_private_key(); });
    EXPECT_TRUE(ok);
    opt.password.clear();
    protect_private_key(test::shared_ec_key(), opt, rng, [](PkiError e, StoredKey) { EXPECT_EQ(PkiError::InvalidArgument, e); });
    EXPECT_STREQ("高", protection_level_label_ja(ProtectionLevel::High));
}

TEST(PkiJobs, ImmediateRunnerCompletesBeforeSubmitReturns) {
    Drbg rng;
    test::seed_for_test(rng, "jobs");
    LocalKeyJobRunner runner(rng, LocalKeyJobRunner::Mode::Immediate);
    std::optional<KeyJobResult> key_result;
    const JobId id = runner.submit_key_generation(KeyType::EcP256, [&](KeyJobResult r) { key_result = std::move(r); });
    ASSERT_TRUE(key_result.has_value());
    EXPECT_EQ(id, key_result->id);
    ASSERT_PKI_OK(key_result->error);
    EXPECT_FALSE(runner.cancel(id));  // already done
    std::optional<KeyJobResult> csr_result;
    runner.submit_csr_creation(key_result->private_key_pkcs8.view(), test::user_subject(),
                               [&](KeyJobResult r) { csr_result = std::move(r); });
    ASSERT_TRUE(csr_result.has_value());
    ASSERT_PKI_OK(csr_result->error);
    Csr csr;
    ASSERT_PKI_OK(csr.parse_and_verify(csr_result->csr_der));
    KeyPair csr_key, pub;
    ASSERT_PKI_OK(csr.public_key(csr_key));
    ASSERT_PKI_OK(pub.parse_public_key(key_result->public_key_der));
    Bytes a, b;
    ASSERT_PKI_OK(csr_key.write_public_der(a));
    ASSERT_PKI_OK(pub.write_public_der(b));
    EXPECT_EQ(a, b);
}

TEST(PkiJobs, DeferredRunnerCancelMeansNothingProduced) {
    Drbg rng;
    test::seed_for_test(rng, "jobs cancel");
    LocalKeyJobRunner runner(rng, LocalKeyJobRunner::Mode::Deferred);
    std::vector<KeyJobResult> results;
    const JobId a = runner.submit_key_generation(KeyType::EcP256, [&](KeyJobResult r) { results.push_back(std::move(r)); });
    const JobId b = runner.submit_key_generation(KeyType::EcP256, [&](KeyJobResult r) { results.push_back(std::move(r)); });
    EXPECT_EQ(2u, runner.pending());
    EXPECT_TRUE(results.empty());
    EXPECT_TRUE(runner.cancel(a));
    ASSERT_EQ(1u, results.size());
    EXPECT_EQ(a, results[0].id);
    EXPECT_EQ(PkiError::Cancelled, results[0].error);
    EXPECT_TRUE(results[0].private_key_pkcs8.empty());
    EXPECT_TRUE(results[0].public_key_der.empty());
    EXPECT_FALSE(runner.cancel(a));
    EXPECT_EQ(1u, runner.run_pending());
    ASSERT_EQ(2u, results.size());
    EXPECT_EQ(b, results[1].id);
    EXPECT_PKI_OK(results[1].error);
    EXPECT_FALSE(results[1].private_key_pkcs8.empty());
    EXPECT_EQ(0u, runner.pending());
}

TEST(PkiJobs, CsrJobReportsBadInput) {
    Drbg rng;
    test::seed_for_test(rng, "jobs bad");
    LocalKeyJobRunner runner(rng, LocalKeyJobRunner::Mode::Immediate);
    PkiError error = PkiError::Ok;
    runner.submit_csr_creation(as_bytes("not a key"), test::user_subject(), [&](KeyJobResult r) { error = r.error; });
    EXPECT_EQ(PkiError::MalformedInput, error);
    SecretBytes key;
    ASSERT_PKI_OK(test::shared_ec_key().write_pkcs8_der(key));
    ClientSubject bad = test::user_subject();
    bad.user_id.clear();
    runner.submit_csr_creation(key.view(), bad, [&](KeyJobResult r) { error = r.error; });
    EXPECT_EQ(PkiError::InvalidArgument, error);
}

}  // namespace
}  // namespace cp::pki
