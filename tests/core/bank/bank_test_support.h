// Test support: a bank built from a preset with deterministic randomness, the simulated CA and
// a cheap PBKDF2 (tests check the rules, not the hash cost).
#pragma once

#include <memory>

#include "bank/admin_login.h"
#include "bank/bank.h"
#include "bank/presets.h"
#include "bank/simulated_authority.h"

namespace cp::test {

inline BankConfig fast_config() {
    BankConfig c;
    c.pin_hash_iterations = 2;
    return c;
}

struct TestBank {
    explicit TestBank(Preset preset = Preset::SeedWorld, std::uint64_t seed = 42, BankConfig config = fast_config())
        : random(seed), authority(random), world(make_preset(preset, random, authority, config)),
          bank(std::make_unique<Bank>(world.bank, random, authority)) {}
    SeededRandom random;
    SimulatedAuthority authority;
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

inline bool has_mail(const Bank& bank, MailKind kind, std::string_view holder = "") {
    for (const auto& m : bank.state().mailbox)
        if (m.kind == kind && m.holder == holder) return true;
    return false;
}

inline std::string card_answer(const Bank& bank, std::uint8_t symbol) {
    const int v = bank.state().contract.card.numbers[symbol];
    return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10);
}

// Runs 管理者ログオン to the menu with the seed's secrets (ticking nothing at the notices).
inline bool login_admin(TestBank& tb, AdminLogin& login) {
    if (login.choose_certificate(tb.world.admin_pc.certificates.back()) != BankResult::Ok) return false;
    if (login.enter_contract_pin(kSeedSecrets.contract_pin) != BankResult::Ok) return false;
    const CardChallenge c = login.challenge();
    if (login.answer_card(card_answer(*tb.bank, c.first), card_answer(*tb.bank, c.second)) != BankResult::Ok)
        return false;
    if (login.step() == AdminLogin::Step::Notices) (void)login.acknowledge_notices(false);
    return login.logged_in();
}

}  // namespace cp::test
