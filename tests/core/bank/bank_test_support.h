// Test support: a bank built from a preset with deterministic randomness, the simulated CA and
// a cheap PBKDF2 (tests check the rules, not the hash cost).
#pragma once

#include <memory>

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

}  // namespace cp::test
