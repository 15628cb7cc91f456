// certportal bank: a stand-in CertificateAuthority without cryptography, so the bank's rules and
// procedures run and are tested on their own. It keeps a ledger of what it issued: serials are
// sequential, the "protected key" is 32 random bytes whose SHA-256 the ledger remembers, and a
// login proof is "the presented key hashes to the ledger's value". Never a security boundary:
// the PKI core replaces it in the product.
#pragma once

#include <map>
#include <string>

#include "bank/byte_codec.h"
#include "bank/certificate_authority.h"
#include "bank/digest.h"
#include "bank/random.h"

namespace cp {

class SimulatedAuthority final : public CertificateAuthority {
public:
    explicit SimulatedAuthority(RandomSource& random) : random_(random) {}

    BankResult issue(const IssueRequest& request, InstalledCertificate& out) override;
    BankResult revoke(std::string_view serial, SimTime now) override;
    BankResult verify_login(const InstalledCertificate& certificate, SimTime now) override;

    // Test hook: the next issue() fails with IssuingFailed (a PKI error mid-procedure).
    void fail_next_issue() { fail_next_issue_ = true; }
    std::size_t issued_count() const { return ledger_.size(); }
    bool is_revoked(std::string_view serial) const;

    // Saved alongside the bank (the real CA has its own persistence).
    void encode(ByteWriter& w) const;
    bool decode(ByteReader& r);

private:
    struct Entry {
        CertificateSubject subject;
        SimTime not_after = 0;
        Sha256Digest key_digest{};
        bool revoked = false;
    };
    RandomSource& random_;
    std::map<std::string, Entry> ledger_;
    std::uint64_t next_serial_ = 1;
    bool fail_next_issue_ = false;
};

}  // namespace cp
