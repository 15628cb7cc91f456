// Test support: a bank built from a preset with deterministic randomness, the real CA on the PKI
// core (P-256: fast; RSA-2048 stays the product default and has its own test), the two PCs' key
// services (LocalKeyJobRunner, TestDeviceKey), and a cheap PBKDF2 (tests check the rules, not
// the hash cost).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <string>

#include "bank/bank.h"
#include "bank/pki_authority.h"
#include "pki/jobs.h"
#include "pki/protection.h"
#include "procedures/admin_login.h"
#include "procedures/user_certificate_maintenance.h"
#include "procedures/user_pickup.h"
#include "sim/presets.h"

namespace cp {
// gtest prints results by name.
inline void PrintTo(FlowResult r, std::ostream* os) { *os << result_name(r); }
inline void PrintTo(BankResult r, std::ostream* os) { *os << result_name(r); }
inline void PrintTo(PcResult r, std::ostream* os) { *os << result_name(r); }
inline void PrintTo(PersistResult r, std::ostream* os) { *os << result_name(r); }
}  // namespace cp

namespace cp::test {

inline BankConfig fast_config() {
    BankConfig c;
    c.pin_hash_iterations = 2;
    return c;
}

inline pki::ByteView label_bytes(const std::string& s) { return pki::as_bytes(s); }

// One simulated PC's key services. Immediate: jobs complete before submit returns; Deferred:
// they wait for jobs.run_pending() (the browser's worker, in slow motion).
struct TestPc {
    explicit TestPc(const std::string& label, pki::LocalKeyJobRunner::Mode mode = pki::LocalKeyJobRunner::Mode::Immediate)
        : jobs(rng, mode), device_key(label_bytes("device key of " + label)) {
        if (rng.seed_deterministic_for_tests(label_bytes("pc " + label)) != pki::PkiError::Ok) ADD_FAILURE();
    }
    pki::Drbg rng;
    pki::LocalKeyJobRunner jobs;
    pki::TestDeviceKey device_key;
    pki::KeyType key_type = pki::KeyType::EcP256;
    PcServices services() { return PcServices{&jobs, &device_key, &rng, key_type, 1000}; }
};

// The real CA with a test seam: fail_next_issue() makes the next issue() fail as a CA error would.
class FlakyAuthority final : public CertificateAuthority {
public:
    explicit FlakyAuthority(CertificateAuthority& real) : real_(real) {}
    void fail_next_issue() { fail_next_ = true; }
    BankResult issue(const IssueRequest& r, std::span<const std::uint8_t> csr, IssuedCertificate& out) override {
        if (fail_next_) {
            fail_next_ = false;
            return BankResult::IssuingFailed;
        }
        return real_.issue(r, csr, out);
    }
    BankResult revoke(std::string_view serial, SimTime now) override { return real_.revoke(serial, now); }
    BankResult refresh_revocation_list(SimTime now) override { return real_.refresh_revocation_list(now); }
    BankResult read_certificate(std::span<const std::uint8_t> c, IssuedCertificate& out) override {
        return real_.read_certificate(c, out);
    }
    BankResult login_server(tls::ServerConfig& out) const override { return real_.login_server(out); }

private:
    CertificateAuthority& real_;
    bool fail_next_ = false;
};

struct TestBank {
    explicit TestBank(Preset preset = Preset::SeedWorld, std::uint64_t seed = 42, BankConfig config = fast_config())
        : random(seed), pki(ca_rng), authority(pki), admin_pc("admin " + std::to_string(seed)),
          user_pc("user " + std::to_string(seed)) {
        if (ca_rng.seed_deterministic_for_tests(label_bytes("ca " + std::to_string(seed))) != pki::PkiError::Ok)
            ADD_FAILURE();
        pki::CaSetup setup;
        setup.key_type = pki::KeyType::EcP256;
        if (pki.create(setup, kPresetCaNotBefore) != FlowResult::Ok) ADD_FAILURE() << "CA";
        FlowResult built = FlowResult::WrongStep;  // stays when make_preset did not complete at once
        make_preset(preset, random, authority, PresetPcs{admin_pc.services(), user_pc.services()}, config,
                    [&](FlowResult r, World w) {
                        built = r;
                        world = std::move(w);
                    });
        if (built != FlowResult::Ok) ADD_FAILURE() << "preset: " << result_name(built);
        bank = std::make_unique<Bank>(world.bank, random, authority);
    }
    SeededRandom random;
    pki::Drbg ca_rng;
    PkiAuthority pki;
    FlakyAuthority authority;
    TestPc admin_pc;
    TestPc user_pc;
    World world;  // world.bank is the preset's initial state; `bank` evolves
    std::unique_ptr<Bank> bank;

    const InstalledCertificate& admin_cert() const { return world.admin_pc.certificates.front(); }
    const InstalledCertificate& user_cert(std::string_view id) const {
        for (const auto& c : world.user_pc.certificates)
            if (c.subject.holder_id == id) return c;
        return world.user_pc.certificates.front();
    }
    const User& user(std::string_view id) const { return *bank->find_user(id); }
};

// What the Session does once a PC's store has saved what a procedure installed (docs/domain.md,
// "Issuance: what the bank records before a PC installs"): the bank confirms each certificate
// awaiting installation that `pc` holds.
inline void pc_saved(Bank& bank, const PcCertificateStore& pc) {
    const std::vector<Issuance> awaiting = bank.state().issuances;
    for (const Issuance& i : awaiting)
        if (pc.find(i.serial) != nullptr) {
            EXPECT_EQ(bank.confirm_installation(i.serial), BankResult::Ok);
        }
}
inline void pc_saved(TestBank& tb) {
    pc_saved(*tb.bank, tb.world.admin_pc);
    pc_saved(*tb.bank, tb.world.user_pc);
}

inline bool has_mail(const Bank& bank, MailKind kind, const Holder& holder = Holder::admin()) {
    for (const auto& m : bank.state().mailbox)
        if (m.kind == kind && m.holder == holder) return true;
    return false;
}

inline std::string card_answer(const Bank& bank, std::uint8_t symbol) {
    const int v = bank.state().contract.card.numbers[symbol];
    return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10);
}

// 証明書の選択 and, for a 中 key, 「アクセス許可の付与」: the certificate step's outcome.
template <class Login>
FlowResult choose(Login& login, const InstalledCertificate& certificate) {
    FlowResult r = login.choose_certificate(certificate);
    if (r == FlowResult::Ok && login.step() == Login::Step::KeyAccess) r = login.grant_key_access();
    return login.step() == Login::Step::Failed ? login.failure() : r;
}

// Runs 管理者ログオン to the menu with the seed's secrets (ticking nothing at the notices).
inline bool login_admin(TestBank& tb, AdminLogin& login) {
    if (choose(login, tb.world.admin_pc.certificates.back()) != FlowResult::Ok) return false;
    if (login.enter_contract_pin(kSeedSecrets.contract_pin) != FlowResult::Ok) return false;
    const CardChallenge c = login.challenge();
    if (login.answer_card(card_answer(*tb.bank, c.first), card_answer(*tb.bank, c.second)) != FlowResult::Ok)
        return false;
    if (login.step() == AdminLogin::Step::Notices) (void)login.acknowledge_notices(false);
    return login.logged_in();
}

// The admin's part of the seed: 管理者ログイン → 利用者情報登録／変更 → the user → 変更 → 再発行 +
// ご契約先確認暗証番号.
inline void reissue(TestBank& tb, std::string_view user_id) {
    AdminLogin login(*tb.bank, tb.admin_pc.services());
    ASSERT_TRUE(login_admin(tb, login));
    UserCertificateMaintenance m(*tb.bank, login);
    ASSERT_EQ(m.select_user(user_id), FlowResult::Ok);
    ASSERT_EQ(m.choose_change(), FlowResult::Ok);
    ASSERT_EQ(m.apply(UserCertificateAction::Reissue, kSeedSecrets.confirmation_pin), FlowResult::Ok);
    ASSERT_EQ(m.step(), UserCertificateMaintenance::Step::Done);
}

// S0001's pickup up to the acquisition app running (IDs, one-time password, app started).
inline void to_app_ready(TestBank& tb, UserPickup& p) {
    ASSERT_EQ(p.enter_ids(kSeedSecrets.contract_id, "S0001", kSeedSecrets.s0001_pin), FlowResult::Ok);
    ASSERT_EQ(p.enter_one_time_password(tb.bank->token_display("S0001")), FlowResult::Ok);
    ASSERT_EQ(p.start_app(), FlowResult::Ok);
}

}  // namespace cp::test
