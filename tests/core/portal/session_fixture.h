// Test support for the portal layer and the screens: a Session on a Simulation whose databases
// are MemoryStorage kept by the test ("the browser profile"), so that a second Session sees what
// the first saved, as after a reload. Deterministic randomness, P-256 keys, cheap PBKDF2 (the
// bank's tests check the rules; this checks the session and its flows).
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "bank_test_support.h"
#include "portal/session.h"
#include "sim/presets.h"
#include "storage/memory_storage.h"

namespace cp::test {

// What every database of a profile shares: the commits in order (database names) and, for the
// fault-injection tests, how many more commits complete before the tab is killed (-1: no limit).
struct CommitLog {
    std::vector<std::string> databases;
    int left = -1;
};

// A Storage the Simulation owns that forwards to a MemoryStorage the test keeps.
class ForwardingStorage final : public Storage {
public:
    explicit ForwardingStorage(MemoryStorage& target, CommitLog* log = nullptr, std::string name = {})
        : target_(target), log_(log), name_(std::move(name)) {}
    void open(const StorageSchema& schema, Opened done) override { target_.open(schema, std::move(done)); }
    void read_store(const std::string& store, Read done) override { target_.read_store(store, std::move(done)); }
    void commit(WriteBatch batch, Done done) override {
        if (hold_commits) {  // a slow database: the commit completes when the test releases it
            held_.emplace_back(std::move(batch), std::move(done));
            return;
        }
        ++commits;
        if (log_ != nullptr && log_->left == 0) {  // the tab is gone: nothing more reaches storage
            done(StorageStatus::Interrupted);
            return;
        }
        if (log_ != nullptr) {
            log_->databases.push_back(name_);
            if (log_->left > 0) --log_->left;
        }
        if (fail_commits) {
            done(StorageStatus::Interrupted);
            return;
        }
        target_.commit(std::move(batch), std::move(done));
    }
    // Stops holding and lets the held commits through, in order.
    void release_held() {
        hold_commits = false;
        std::vector<std::pair<WriteBatch, Done>> held = std::move(held_);
        held_.clear();
        for (auto& [batch, done] : held) commit(std::move(batch), std::move(done));
    }
    std::size_t held() const { return held_.size(); }
    int commits = 0;  // the ones that reached this database (not the held ones)
    bool fail_commits = false;
    bool hold_commits = false;

private:
    MemoryStorage& target_;
    CommitLog* log_;
    std::string name_;
    std::vector<std::pair<WriteBatch, Done>> held_;
};

struct BrowserProfile {
    std::map<std::string, MemoryStorage> databases;
    std::map<std::string, ForwardingStorage*> opened;  // the live handles (owned by the Simulation)
    CommitLog log;
};

// One page load: a Session started on `profile`, Ready when the constructor returns (every
// service completes at once natively).
struct PageLoad {
    // `admin_jobs`: Deferred lets a test see 管理者のパソコン's key work in progress (a world that
    // needs no new keys: one saved in `profile` by an earlier page load).
    // `browser`: another name gives both PCs other device keys (another browser's WebCrypto keys).
    explicit PageLoad(BrowserProfile& profile, std::uint64_t seed = 7,
                      pki::LocalKeyJobRunner::Mode admin_jobs = pki::LocalKeyJobRunner::Mode::Immediate,
                      const std::string& browser = "")
        : random(seed), admin("admin pc" + browser, admin_jobs), user("user pc" + browser) {
        // The default seed's CA is the one every test has used; another seed makes another world
        // (other serials), as another browser's first visit does.
        const std::string ca_label = seed == 7 ? "session ca" : "session ca " + std::to_string(seed);
        if (ca_rng.seed_deterministic_for_tests(label_bytes(ca_label)) != pki::PkiError::Ok) ADD_FAILURE();
        SimulationDesc desc;
        desc.open_database = [&profile](const std::string& name, const StorageSchema& schema,
                                        std::function<void(std::unique_ptr<Storage>, StorageStatus)> done) {
            auto storage = std::make_unique<ForwardingStorage>(profile.databases[name], &profile.log, name);
            profile.opened[name] = storage.get();
            if (open_now(*storage, schema) != StorageStatus::Ok) ADD_FAILURE() << "open " << name;
            done(std::move(storage), StorageStatus::Ok);
        };
        desc.pc_database = [](const std::string& pc) { return "pc:" + pc; };
        desc.admin_pc = admin.services();
        desc.user_pc = user.services();
        desc.random = &random;
        desc.ca_rng = &ca_rng;
        desc.ca_setup.key_type = pki::KeyType::EcP256;
        desc.config = fast_config();
        session.start(std::move(desc), [this] { ++changes; });
        EXPECT_NE(session.bank(), nullptr) << "the simulation is ready";
    }
    Bank& bank() { return *session.simulation()->bank(); }
    AdminFlow& flow() { return *session.admin_flow(); }
    // Applies a command of any kind.
    template <class T>
    bool apply(T c) { return session.apply(make_command(std::move(c))).changed; }
    AdminFlow::Screen screen() { return session.admin_flow() != nullptr ? flow().screen() : AdminFlow::Screen::Failed; }
    // 証明書更新's step while it runs (AdminFlow::Screen::Renewal); Count_ when no renewal runs.
    RenewalFlow::Screen renewal_screen() {
        const RenewalFlow* r = session.admin_flow() != nullptr ? flow().renewal_flow() : nullptr;
        return r != nullptr ? r->screen() : RenewalFlow::Screen::Count_;
    }
    // Replaces the world by `preset` (Session::reset; synchronous natively).
    void load_preset(Preset preset) {
        FlowResult r = FlowResult::WrongStep;
        session.reset(preset, [&](FlowResult result) { r = result; });
        ASSERT_EQ(r, FlowResult::Ok) << result_name(r);
    }

    SeededRandom random;
    pki::Drbg ca_rng;
    TestPc admin;
    TestPc user;
    Session session;  // last: destroyed first (it uses the services above)
    int changes = 0;
};

// OK with the right answers to the card challenge on screen.
inline cmd::SubmitCardAnswers card_answers(PageLoad& page) {
    const CardChallenge& c = page.flow().login().challenge();
    return {Secret(card_answer(page.bank(), c.first)), Secret(card_answer(page.bank(), c.second))};
}

// 電子証明書方式 管理者ログイン → 証明書の選択 (this PC's last certificate) → 許可: where the
// certificate step leads (ContractPin, or Failed with the reason).
inline void choose_certificate(PageLoad& page) {
    ASSERT_TRUE(page.apply(cmd::StartAdminLogin{}));
    ASSERT_EQ(page.screen(), AdminFlow::Screen::ChooseCertificate);
    page.apply(cmd::ChooseCertificate{page.flow().store().certificates.back().serial});
    if (page.screen() == AdminFlow::Screen::KeyAccess) page.apply(cmd::GrantKeyAccess{});
}

// 電子証明書方式 管理者ログイン → the menu, with the seed's secrets, on 管理者のパソコン.
inline void log_in_as_admin(PageLoad& page) {
    choose_certificate(page);
    ASSERT_EQ(page.screen(), AdminFlow::Screen::ContractPin) << result_name(page.flow().failure());
    page.apply(cmd::SubmitContractPin{Secret(kSeedSecrets.contract_pin)});
    ASSERT_EQ(page.screen(), AdminFlow::Screen::CardChallenge);
    page.apply(card_answers(page));
    if (page.screen() == AdminFlow::Screen::Notices) page.apply(cmd::AcknowledgeNotices{});
    ASSERT_EQ(page.screen(), AdminFlow::Screen::Menu);
}

}  // namespace cp::test
