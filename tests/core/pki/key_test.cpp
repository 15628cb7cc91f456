// certportal pki tests: entropy, DRBG, key pairs, plain PKCS#8, signatures, time helpers.
#include <gtest/gtest.h>
#include <mbedtls/bignum.h>
#include <mbedtls/pk.h>
#include <mbedtls/rsa.h>

#include <string>
#include <vector>

#include "pki/key.h"
#include "pki/random.h"
#include "pki/time.h"
#include "pki_test_util.h"

namespace cp::pki {
namespace {

using test::kNow;

TEST(PkiRandom, EntropyFillsLargeBuffersInChunks) {
    Bytes a(1000, 0), b(1000, 0);
    ASSERT_TRUE(fill_entropy(a));
    ASSERT_TRUE(fill_entropy(b));
    EXPECT_NE(a, b);
}

TEST(PkiRandom, DeterministicSeedRepeatsAndEntropySeedDoesNot) {
    Drbg d1, d2, e1, e2;
    ASSERT_PKI_OK(d1.seed_deterministic_for_tests(as_bytes("seed")));
    ASSERT_PKI_OK(d2.seed_deterministic_for_tests(as_bytes("seed")));
    ASSERT_PKI_OK(e1.seed_from_entropy("a"));
    ASSERT_PKI_OK(e2.seed_from_entropy("a"));
    Bytes x(64), y(64), u(64), v(64);
    ASSERT_PKI_OK(d1.random(x));
    ASSERT_PKI_OK(d2.random(y));
    ASSERT_PKI_OK(e1.random(u));
    ASSERT_PKI_OK(e2.random(v));
    EXPECT_EQ(x, y);
    EXPECT_NE(u, v);
    EXPECT_EQ(PkiError::InvalidArgument, d1.seed_from_entropy());  // seeding twice is a mistake
}

TEST(PkiRandom, UnseededGeneratorFails) {
    Drbg rng;
    Bytes x(16);
    EXPECT_EQ(PkiError::RandomFailed, rng.random(x));
}

TEST(PkiTime, CivilRoundTripAndX509Strings) {
    EXPECT_EQ("20240401000000", x509_time_string(kNow));
    const CivilTime c = civil_from_unix(kNow);
    EXPECT_EQ(2024, c.year);
    EXPECT_EQ(4, c.month);
    EXPECT_EQ(kNow, unix_from_civil(c));
    EXPECT_EQ("1950-01-01 00:00:00 UTC", iso_time_string(kMinX509Time));
    EXPECT_EQ("9999-12-31 23:59:59 UTC", iso_time_string(kMaxX509Time));
    // 2024-02-29 + 1 year = 2025-02-28
    EXPECT_EQ("2025-02-28 00:00:00 UTC", iso_time_string(add_years(1709164800, 1)));
}

TEST(PkiKey, EcP256GenerateSignVerify) {
    Drbg rng;
    test::seed_for_test(rng, "ec");
    KeyPair key;
    ASSERT_PKI_OK(key.generate(KeyType::EcP256, rng));
    EXPECT_TRUE(key.has_private_key());
    EXPECT_EQ(KeyType::EcP256, key.type());
    Bytes sig;
    ASSERT_PKI_OK(key.sign_sha256(as_bytes("hello"), rng, sig));
    EXPECT_PKI_OK(key.verify_sha256(as_bytes("hello"), sig));
    EXPECT_EQ(PkiError::SignatureInvalid, key.verify_sha256(as_bytes("hellO"), sig));
}

// Every RSA key we generate is a valid RSA-2048 private key by Mbed TLS's own checks
// (mbedtls_rsa_check_privkey: p, q, d, dP, dQ, qInv consistent; the primes pass Miller-Rabin again).
// In the wasm build this runs on the patched Mbed TLS (64-bit limbs, deeper sieve): several keys,
// each from its own seed, so that different prime searches are covered.
TEST(PkiKey, GeneratedRsaKeysPassMbedtlsPrivateKeyCheck) {
    std::vector<const KeyPair*> keys{&test::shared_rsa_key()};
    std::vector<KeyPair> fresh(3);
    for (std::size_t i = 0; i < fresh.size(); ++i) {
        Drbg rng;
        test::seed_for_test(rng, "rsa check " + std::to_string(i));
        ASSERT_PKI_OK(fresh[i].generate(KeyType::Rsa2048, rng));
        keys.push_back(&fresh[i]);
    }
    for (const KeyPair* key : keys) {
        ASSERT_EQ(MBEDTLS_PK_RSA, mbedtls_pk_get_type(key->raw()));
        const mbedtls_rsa_context* rsa = mbedtls_pk_rsa(*key->raw());
        EXPECT_EQ(0, mbedtls_rsa_check_privkey(rsa));
        EXPECT_EQ(2048u, mbedtls_rsa_get_bitlen(rsa));
        mbedtls_mpi p, q;
        mbedtls_mpi_init(&p);
        mbedtls_mpi_init(&q);
        ASSERT_EQ(0, mbedtls_rsa_export(rsa, nullptr, &p, &q, nullptr, nullptr));
        EXPECT_EQ(1024u, mbedtls_mpi_bitlen(&p));
        EXPECT_EQ(1024u, mbedtls_mpi_bitlen(&q));
        mbedtls_mpi_free(&p);
        mbedtls_mpi_free(&q);
    }
}

TEST(PkiKey, Rsa2048SignVerifyWithCachedKey) {
    const KeyPair& key = test::shared_rsa_key();
    EXPECT_EQ(KeyType::Rsa2048, key.type());
    Drbg rng;
    test::seed_for_test(rng, "rsa sign");
    Bytes sig;
    ASSERT_PKI_OK(key.sign_sha256(as_bytes("hello"), rng, sig));
    EXPECT_EQ(256u, sig.size());
    EXPECT_PKI_OK(key.verify_sha256(as_bytes("hello"), sig));
    sig[10] ^= 1;
    EXPECT_EQ(PkiError::SignatureInvalid, key.verify_sha256(as_bytes("hello"), sig));
}

TEST(PkiKey, Pkcs8RoundTripPemAndDer) {
    for (const KeyPair* key : {&test::shared_ec_key(), &test::shared_rsa_key()}) {
        SecretBytes der, pem;
        ASSERT_PKI_OK(key->write_pkcs8_der(der));
        ASSERT_PKI_OK(key->write_pkcs8_pem(pem));
        EXPECT_EQ(0, to_string(pem.view()).rfind("-----BEGIN PRIVATE KEY-----\n", 0));
        KeyPair a, b;
        ASSERT_PKI_OK(a.parse_private_key(der.view()));
        ASSERT_PKI_OK(b.parse_private_key(pem.view()));
        EXPECT_EQ(key->type(), a.type());
        Drbg rng;
        test::seed_for_test(rng, "pair");
        EXPECT_PKI_OK(a.matches_public_key_of(*key, rng));
        EXPECT_PKI_OK(b.matches_public_key_of(*key, rng));
    }
}

TEST(PkiKey, PublicKeyRoundTripAndMismatch) {
    Bytes spki;
    ASSERT_PKI_OK(test::shared_ec_key().write_public_der(spki));
    KeyPair pub;
    ASSERT_PKI_OK(pub.parse_public_key(spki));
    EXPECT_FALSE(pub.has_private_key());
    Drbg rng;
    test::seed_for_test(rng, "mismatch");
    EXPECT_PKI_OK(test::shared_ec_key().matches_public_key_of(pub, rng));
    KeyPair other;
    ASSERT_PKI_OK(other.generate(KeyType::EcP256, rng));
    EXPECT_EQ(PkiError::KeyMismatch, other.matches_public_key_of(pub, rng));
    EXPECT_EQ(PkiError::KeyMismatch, test::shared_rsa_key().matches_public_key_of(pub, rng));
    // A public-only key cannot sign or be exported as PKCS#8.
    Bytes sig;
    EXPECT_EQ(PkiError::InvalidArgument, pub.sign_sha256(as_bytes("x"), rng, sig));
    SecretBytes der;
    EXPECT_EQ(PkiError::InvalidArgument, pub.write_pkcs8_der(der));
}

TEST(PkiKey, MovedFromKeyIsEmpty) {
    Drbg rng;
    test::seed_for_test(rng, "move");
    KeyPair a;
    ASSERT_PKI_OK(a.generate(KeyType::EcP256, rng));
    KeyPair b = std::move(a);
    EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): documented state
    EXPECT_TRUE(b.has_private_key());
}

}  // namespace
}  // namespace cp::pki
