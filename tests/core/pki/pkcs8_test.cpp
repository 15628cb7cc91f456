// certportal pki tests: encrypted PKCS#8 (protection level 高).
#include <gtest/gtest.h>

#include "pki/pkcs8.h"
#include "pki_test_util.h"

namespace cp::pki {
namespace {

constexpr unsigned kFastIterations = 1000;  // tests are not about PBKDF2's cost

TEST(PkiPkcs8, EncryptedRoundTripPemAndDer) {
    Drbg rng;
    test::seed_for_test(rng, "epki");
    for (const KeyPair* key : {&test::shared_ec_key(), &test::shared_rsa_key()}) {
        Bytes der;
        std::string pem;
        ASSERT_PKI_OK(write_encrypted_pkcs8_der(*key, "パスワード123", kFastIterations, rng, der));
        ASSERT_PKI_OK(write_encrypted_pkcs8_pem(*key, "パスワード123", kFastIterations, rng, pem));
        EXPECT_EQ(0u, pem.rfind("-----BEGIN ENCRYPTED PRIVATE KEY-----\n", 0));
        KeyPair a, b;
        ASSERT_PKI_OK(read_encrypted_pkcs8(der, "パスワード123", a));
        ASSERT_PKI_OK(read_encrypted_pkcs8(as_bytes(pem), "パスワード123", b));
        EXPECT_PKI_OK(a.matches_public_key_of(*key, rng));
        EXPECT_PKI_OK(b.matches_public_key_of(*key, rng));
    }
}

TEST(PkiPkcs8, WrongPasswordIsItsOwnError) {
    Drbg rng;
    test::seed_for_test(rng, "epki wrong");
    Bytes der;
    ASSERT_PKI_OK(write_encrypted_pkcs8_der(test::shared_ec_key(), "correct horse", kFastIterations, rng, der));
    // Many wrong passwords: none may decrypt, each must say WrongPassword (not a crash, not Malformed).
    for (int i = 0; i < 20; ++i) {
        KeyPair key;
        EXPECT_EQ(PkiError::WrongPassword, read_encrypted_pkcs8(der, "wrong " + std::to_string(i), key));
        EXPECT_TRUE(key.empty());
    }
    KeyPair key;
    EXPECT_EQ(PkiError::PasswordRequired, read_encrypted_pkcs8(der, "", key));
}

TEST(PkiPkcs8, PlainKeyIsRefusedAndPlainParserAsksForPassword) {
    SecretBytes plain;
    ASSERT_PKI_OK(test::shared_ec_key().write_pkcs8_der(plain));
    KeyPair key;
    EXPECT_EQ(PkiError::MalformedInput, read_encrypted_pkcs8(plain.view(), "x", key));
    Drbg rng;
    test::seed_for_test(rng, "epki plain");
    Bytes der;
    ASSERT_PKI_OK(write_encrypted_pkcs8_der(test::shared_ec_key(), "pw", kFastIterations, rng, der));
    EXPECT_EQ(PkiError::PasswordRequired, key.parse_private_key(der));
}

TEST(PkiPkcs8, IterationCapAndArguments) {
    Drbg rng;
    test::seed_for_test(rng, "epki cap");
    Bytes der;
    ASSERT_PKI_OK(write_encrypted_pkcs8_der(test::shared_ec_key(), "pw", 5000, rng, der));
    KeyPair key;
    EXPECT_EQ(PkiError::UnsupportedAlgorithm, read_encrypted_pkcs8(der, "pw", key, 4999));
    EXPECT_PKI_OK(read_encrypted_pkcs8(der, "pw", key, 5000));
    EXPECT_EQ(PkiError::InvalidArgument, write_encrypted_pkcs8_der(test::shared_ec_key(), "", 1000, rng, der));
    EXPECT_EQ(PkiError::InvalidArgument, write_encrypted_pkcs8_der(test::shared_ec_key(), "pw", 0, rng, der));
    EXPECT_EQ(PkiError::InvalidArgument,
              write_encrypted_pkcs8_der(test::shared_ec_key(), "pw", kMaxPbkdf2Iterations + 1, rng, der));
}

}  // namespace
}  // namespace cp::pki
