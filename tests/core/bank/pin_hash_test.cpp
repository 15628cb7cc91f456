#include "bank/pin_hash.h"

#include <gtest/gtest.h>

#include "crypto/digest.h"

namespace {

TEST(PinHash, VerifiesTheRightPinOnly) {
    cp::SeededRandom random(1);
    const cp::PinHash h = cp::hash_pin("shinkin01", random, 10);
    EXPECT_TRUE(cp::verify_pin(h, "shinkin01"));
    EXPECT_FALSE(cp::verify_pin(h, "shinkin02"));
    EXPECT_FALSE(cp::verify_pin(h, "Shinkin01"));  // case-sensitive
    EXPECT_FALSE(cp::verify_pin(h, ""));
}

TEST(PinHash, SaltedSoTheSamePinHashesDifferently) {
    cp::SeededRandom random(1);
    const cp::PinHash a = cp::hash_pin("shinkin01", random, 10);
    const cp::PinHash b = cp::hash_pin("shinkin01", random, 10);
    EXPECT_NE(a.salt, b.salt);
    EXPECT_NE(a.hash, b.hash);
}

TEST(PinHash, UnsetHashVerifiesNothing) { EXPECT_FALSE(cp::verify_pin(cp::PinHash{}, "anything1")); }

TEST(PinHash, Pbkdf2MatchesRfc7914Vector) {
    // RFC 7914 section 11: PBKDF2-HMAC-SHA256("passwd", "salt", 1, 64), first 16 bytes.
    const std::string pw = "passwd", salt = "salt";
    std::array<std::uint8_t, 64> out{};
    cp::pbkdf2_hmac_sha256({reinterpret_cast<const std::uint8_t*>(pw.data()), pw.size()},
                           {reinterpret_cast<const std::uint8_t*>(salt.data()), salt.size()}, 1, out);
    const std::array<std::uint8_t, 16> expected = {0x55, 0xac, 0x04, 0x6e, 0x56, 0xe3, 0x08, 0x9f,
                                                   0xec, 0x16, 0x91, 0xc2, 0x25, 0x44, 0xb6, 0x05};
    EXPECT_TRUE(std::equal(expected.begin(), expected.end(), out.begin()));
}

TEST(PinHash, ConstantTimeEqualComparesContentAndLength) {
    const std::array<std::uint8_t, 3> a{1, 2, 3}, b{1, 2, 3}, c{1, 2, 4};
    const std::array<std::uint8_t, 2> d{1, 2};
    EXPECT_TRUE(cp::constant_time_equal(a, b));
    EXPECT_FALSE(cp::constant_time_equal(a, c));
    EXPECT_FALSE(cp::constant_time_equal(a, d));
}

}  // namespace
