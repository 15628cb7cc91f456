// Issuance the bank always knows (docs/domain.md, "Issuance: what the bank records before a PC
// installs"): for each procedure that installs a certificate — the user's pickup by the acquisition
// app and in IE mode, the administrator's renewal, a user's own renewal, 管理者電子証明書取得 — the
// saves run in the order bank (intent) → PC → bank (confirmation), one PC write per install, and a
// tab killed after any number of them leaves, after the next start, a bank and PCs that agree:
// every certificate on a PC is recorded by the bank or revoked, and nothing recorded is lost.
//
// The kill: the profile's commit budget (CommitLog::left) lets the first k commits after the
// person's last click complete and refuses every later one, as a closed tab writes nothing more.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "bank/bank_codec.h"
#include "session_fixture.h"
#include "sim/persistence.h"

namespace {

using cp::BankResult;
using cp::FlowResult;
using cp::test::BrowserProfile;
using cp::test::PageLoad;
namespace cmd = cp::cmd;
namespace ucmd = cp::cmd::user;

constexpr const char* kBankDb = "certportal-bank";
constexpr const char* kUserPcDb = "pc:user-pc";
constexpr const char* kAdminPcDb = "pc:admin-pc";

enum class Procedure { PickupByApp, PickupInIeMode, AdminRenewal, UserRenewal, AdminPickup };

const char* name_of(Procedure p) {
    switch (p) {
        case Procedure::PickupByApp: return "the user's pickup, acquisition app";
        case Procedure::PickupInIeMode: return "the user's pickup, IE mode";
        case Procedure::AdminRenewal: return "the administrator's renewal";
        case Procedure::UserRenewal: return "a user's own renewal";
        case Procedure::AdminPickup: return "管理者電子証明書取得";
    }
    return "?";
}

bool is_pickup(Procedure p) { return p == Procedure::PickupByApp || p == Procedure::PickupInIeMode || p == Procedure::AdminPickup; }
bool on_admin_pc(Procedure p) { return p == Procedure::AdminRenewal || p == Procedure::AdminPickup; }
cp::Holder holder_of(Procedure p) { return on_admin_pc(p) ? cp::Holder::admin() : cp::Holder::user("S0001"); }

const cp::CertificateRecord& record(PageLoad& page, const cp::Holder& holder) {
    return holder.is_admin() ? page.bank().state().contract.admin_certificate
                             : page.bank().find_user(holder.user_id())->certificate;
}
const cp::PcCertificateStore& store(PageLoad& page, Procedure p) {
    return *page.session.pc_store(on_admin_pc(p) ? cp::PcId::Admin : cp::PcId::User);
}

cp::UserFlow& user_flow(PageLoad& page) { return *page.session.user_flow(); }

// 利用者のパソコン: the IDs and the token's code (IE mode: after 「Internet Explorer モードで再読み込み」).
void user_pickup_to_the_app_or_question(PageLoad& page, bool ie_mode) {
    ASSERT_EQ(page.bank().apply_user_certificate_action("S0001", cp::UserCertificateAction::Reissue,
                                                        cp::kSeedSecrets.confirmation_pin),
              FlowResult::Ok);
    page.session.update();
    page.apply(cmd::SwitchPc{cp::PcId::User});
    if (ie_mode) page.apply(cmd::ReloadInIeMode{});
    ASSERT_TRUE(page.apply(cmd::StartUserPickup{}));
    page.apply(ucmd::SubmitIds{std::string(cp::kSeedSecrets.contract_id), "S0001", cp::Secret(cp::kSeedSecrets.s0001_pin)});
    page.apply(ucmd::SubmitOneTimePassword{cp::Secret(page.bank().token_display("S0001"))});
    if (ie_mode) {
        ASSERT_EQ(user_flow(page).screen(), cp::UserFlow::Screen::PickupWebAccess);
        return;
    }
    page.apply(ucmd::Download{});
    page.apply(ucmd::OpenDownload{});
    ASSERT_EQ(user_flow(page).app_window(), cp::UserFlow::AppWindow::Ready);
}

// 利用者のパソコン → 利用者ログイン with `serial`: the certificate step's outcome (Ok: the PIN is asked).
FlowResult user_certificate_login(PageLoad& page, const std::string& serial) {
    page.apply(cmd::SwitchPc{cp::PcId::User});
    page.apply(cmd::StartUserLogin{});
    page.apply(ucmd::ChooseCertificate{serial});
    if (user_flow(page).screen() == cp::UserFlow::Screen::LoginKeyAccess) page.apply(ucmd::GrantKeyAccess{});
    const FlowResult r = user_flow(page).screen() == cp::UserFlow::Screen::LoginPin ? FlowResult::Ok : user_flow(page).failure();
    page.apply(cmd::LeaveFlow{});
    return r;
}

// 管理者のパソコン → 電子証明書方式 管理者ログイン with `serial`: Ok when the contract PIN is asked.
FlowResult admin_certificate_login(PageLoad& page, const std::string& serial) {
    page.apply(cmd::SwitchPc{cp::PcId::Admin});
    page.apply(cmd::StartAdminLogin{});
    page.apply(cmd::ChooseCertificate{serial});
    if (page.screen() == cp::AdminFlow::Screen::KeyAccess) page.apply(cmd::GrantKeyAccess{});
    const FlowResult r = page.screen() == cp::AdminFlow::Screen::ContractPin ? FlowResult::Ok : page.flow().failure();
    page.apply(cmd::LeaveFlow{});
    return r;
}

FlowResult certificate_login(PageLoad& page, const cp::InstalledCertificate& c) {
    return c.subject.kind == cp::HolderKind::Administrator ? admin_certificate_login(page, c.serial)
                                                           : user_certificate_login(page, c.serial);
}

// Loads the procedure's preset and runs it to the person's last decision before the CA issues.
void prepare(PageLoad& page, Procedure p) {
    switch (p) {
        case Procedure::PickupByApp: return user_pickup_to_the_app_or_question(page, false);
        case Procedure::PickupInIeMode: return user_pickup_to_the_app_or_question(page, true);
        case Procedure::AdminRenewal:
            page.load_preset(cp::Preset::AdminRenewalWindow);
            cp::test::log_in_as_admin(page);
            page.apply(cmd::OpenRenewal{});
            page.apply(cmd::StartRenewal{});
            for (std::uint32_t i = 0; i < page.bank().state().config.web_access_confirmations; ++i)
                page.apply(cmd::AnswerWebAccess{true});
            ASSERT_EQ(page.renewal_screen(), cp::RenewalFlow::Screen::Protection);
            return;
        case Procedure::UserRenewal: {
            page.load_preset(cp::Preset::UserRenewalWindow);
            page.apply(cmd::SwitchPc{cp::PcId::User});
            page.apply(cmd::StartUserLogin{});
            page.apply(ucmd::ChooseCertificate{record(page, cp::Holder::user("S0001")).serial});
            if (user_flow(page).screen() == cp::UserFlow::Screen::LoginKeyAccess) page.apply(ucmd::GrantKeyAccess{});
            page.apply(ucmd::SubmitPin{cp::Secret(cp::kSeedSecrets.s0001_pin)});
            ASSERT_TRUE(user_flow(page).renewal_offered());
            page.apply(cmd::OpenRenewal{});
            page.apply(cmd::StartRenewal{});
            for (std::uint32_t i = 0; i < page.bank().state().config.web_access_confirmations; ++i)
                page.apply(cmd::AnswerWebAccess{true});
            ASSERT_EQ(user_flow(page).renewal_flow()->screen(), cp::RenewalFlow::Screen::Protection);
            return;
        }
        case Procedure::AdminPickup:
            page.apply(cmd::SubmitBranchRequest{cp::BranchRequestKind::ReissueAdminCertificate});
            page.apply(cmd::AdvanceClock{static_cast<std::int32_t>(page.bank().state().config.admin_reissue_days)});
            ASSERT_EQ(record(page, cp::Holder::admin()).status, cp::CertStatus::PendingPickup);
            page.apply(cmd::StartAdminPickup{});
            page.apply(cmd::SubmitPickupIds{std::string(cp::kSeedSecrets.contract_id), cp::Secret(cp::kSeedSecrets.contract_pin)});
            ASSERT_EQ(page.session.admin_pickup()->screen(), cp::AdminPickupFlow::Screen::WebAccess);
            return;
    }
}

// The person's last clicks: the CA issues, the PC installs, the window is closed.
void finish(PageLoad& page, Procedure p) {
    switch (p) {
        case Procedure::PickupByApp:
            page.apply(ucmd::Acquire{});
            page.apply(ucmd::CloseApp{});  // 閉じる after 取得完了
            return;
        case Procedure::PickupInIeMode: page.apply(ucmd::AnswerWebAccess{true}); return;
        case Procedure::AdminRenewal:
        case Procedure::UserRenewal:
            page.apply(cmd::AnswerProtection{true});  // 中 → OK: the CA issues
            page.apply(cmd::AnswerWebAccess{true});   // install: はい
            return;
        case Procedure::AdminPickup: page.apply(cmd::AnswerPickupWebAccess{true}); return;
    }
}

struct KilledRun {
    std::string old_serial;  // the holder's record before (empty for a pickup)
    std::string new_serial;  // what the CA issued and the PC installed in memory
    std::vector<std::string> commits;  // databases written after the person's last decision
};

// One page load on `profile` that runs `p` with `budget` commits left after the last decision
// (-1: all), then the tab is gone.
KilledRun run_and_kill(BrowserProfile& profile, Procedure p, int budget) {
    KilledRun run;
    PageLoad page(profile);
    prepare(page, p);
    if (testing::Test::HasFatalFailure()) return run;
    run.old_serial = record(page, holder_of(p)).serial;
    std::vector<std::string> before;
    for (const cp::InstalledCertificate& c : store(page, p).certificates) before.push_back(c.serial);
    const std::size_t logged = profile.log.databases.size();
    profile.log.left = budget;
    finish(page, p);
    for (const cp::InstalledCertificate& c : store(page, p).certificates)
        if (std::find(before.begin(), before.end(), c.serial) == before.end()) run.new_serial = c.serial;
    run.commits.assign(profile.log.databases.begin() + static_cast<std::ptrdiff_t>(logged), profile.log.databases.end());
    return run;  // the page (the tab) is destroyed here
}

// Every certificate on both PCs logs on, or is refused as revoked, superseded or expired: never as a
// certificate the bank does not know.
void every_certificate_is_recorded_or_revoked(PageLoad& page) {
    for (cp::PcId pc : {cp::PcId::Admin, cp::PcId::User}) {
        const std::vector<cp::InstalledCertificate> certificates = page.session.pc_store(pc)->certificates;
        for (const cp::InstalledCertificate& c : certificates) {
            const FlowResult r = certificate_login(page, c);
            EXPECT_TRUE(r == FlowResult::Ok || r == BankResult::CertificateRevoked || r == BankResult::CertificateSuperseded ||
                        r == BankResult::CertificateExpired || r == BankResult::AdminCertificateExpired)
                << c.subject.display_name() << " " << c.serial << ": " << result_name(r);
        }
    }
}

bool audit_has(PageLoad& page, cp::AuditAction action, const std::string& target, FlowResult result) {
    for (const cp::AuditEntry& e : page.bank().state().audit.entries())
        if (e.action == action && e.target == target && e.result == result) return true;
    return false;
}

void check_every_ordering(Procedure p) {
    SCOPED_TRACE(name_of(p));
    // The whole procedure, nothing killed: the order of the writes.
    std::size_t total = 0;
    {
        BrowserProfile profile;
        const KilledRun run = run_and_kill(profile, p, -1);
        ASSERT_FALSE(run.new_serial.empty());
        const std::string pc_db = on_admin_pc(p) ? kAdminPcDb : kUserPcDb;
        EXPECT_EQ(run.commits, (std::vector<std::string>{kBankDb, pc_db, kBankDb}))
            << "the bank's intent, one PC write, the bank's confirmation";
        total = run.commits.size();
    }
    for (int k = 0; k <= static_cast<int>(total); ++k) {
        SCOPED_TRACE("killed after " + std::to_string(k) + " of the writes");
        BrowserProfile profile;
        const KilledRun run = run_and_kill(profile, p, k);
        ASSERT_FALSE(run.new_serial.empty());
        const bool intent_saved = k >= 1, pc_saved = k >= 2;
        profile.log.left = -1;
        PageLoad reload(profile);  // a new tab on the same profile: the start reconciles
        EXPECT_TRUE(reload.bank().state().issuances.empty()) << "nothing left awaiting installation";
        EXPECT_TRUE(reload.bank().state().audit.verify());
        const cp::Holder holder = holder_of(p);
        const cp::CertificateRecord& rec = record(reload, holder);
        EXPECT_EQ(store(reload, p).find(run.new_serial) != nullptr, pc_saved);
        if (pc_saved) {
            // Installed: confirmed, at the start if not before.
            EXPECT_EQ(rec.serial, run.new_serial);
            EXPECT_EQ(rec.status, cp::CertStatus::Valid);
            EXPECT_TRUE(audit_has(reload, cp::AuditAction::CertificateInstalled, run.new_serial, FlowResult::Ok));
        } else if (intent_saved) {
            // Issued and recorded, never installed: revoked with the reason.
            EXPECT_TRUE(audit_has(reload, cp::AuditAction::CertificateInstallFailed, run.new_serial,
                                  BankResult::InstallInterrupted));
            if (is_pickup(p)) {
                EXPECT_EQ(rec.status, cp::CertStatus::Revoked) << "the pickup is used up: the seed's 再発行手続き";
            } else {
                EXPECT_EQ(rec.serial, run.old_serial) << "the old certificate stays in use";
                EXPECT_EQ(rec.status, cp::CertStatus::Valid);
                EXPECT_TRUE(reload.bank().in_renewal_window(holder)) << "証明書更新 is offered again";
            }
        } else {
            // Nothing reached storage: the world as before the click.
            EXPECT_EQ(rec.serial, run.old_serial);
            EXPECT_EQ(rec.status, is_pickup(p) ? cp::CertStatus::PendingPickup : cp::CertStatus::Valid);
        }
        if (!is_pickup(p)) {  // a renewal never loses the holder's logon
            const std::string current = rec.serial;
            const cp::InstalledCertificate* c = store(reload, p).find(current);
            ASSERT_NE(c, nullptr) << "the certificate the bank holds is on the PC";
            EXPECT_EQ(certificate_login(reload, *c), FlowResult::Ok);
        } else if (pc_saved) {
            EXPECT_EQ(certificate_login(reload, *store(reload, p).find(run.new_serial)), FlowResult::Ok);
        }
        every_certificate_is_recorded_or_revoked(reload);
    }
}

TEST(Issuance, PickupByTheAcquisitionAppEveryOrderingOfTheSaves) { check_every_ordering(Procedure::PickupByApp); }
TEST(Issuance, PickupInInternetExplorerModeEveryOrderingOfTheSaves) { check_every_ordering(Procedure::PickupInIeMode); }
TEST(Issuance, AdministratorsRenewalEveryOrderingOfTheSaves) { check_every_ordering(Procedure::AdminRenewal); }
TEST(Issuance, UsersOwnRenewalEveryOrderingOfTheSaves) { check_every_ordering(Procedure::UserRenewal); }
TEST(Issuance, AdministratorPickupEveryOrderingOfTheSaves) { check_every_ordering(Procedure::AdminPickup); }

TEST(Issuance, APickupWritesThePcOnce) {
    for (Procedure p : {Procedure::PickupByApp, Procedure::PickupInIeMode}) {
        SCOPED_TRACE(name_of(p));
        BrowserProfile profile;
        const KilledRun run = run_and_kill(profile, p, -1);
        EXPECT_EQ(std::count(run.commits.begin(), run.commits.end(), std::string(kUserPcDb)), 1)
            << "certificate and key in one write, not written again by the general PC save";
    }
}

// The person leaves 利用者のパソコン while the pickup's certificate is being written: that write is
// the one write, and once it ends the bank confirms it; the certificate is not written again.
TEST(Issuance, APickupLeftWhileItsPcWriteIsInFlightIsWrittenOnce) {
    BrowserProfile profile;
    PageLoad page(profile);
    user_pickup_to_the_app_or_question(page, false);
    if (testing::Test::HasFatalFailure()) return;
    cp::test::ForwardingStorage* user_db = profile.opened[kUserPcDb];
    const int writes = user_db->commits;
    user_db->hold_commits = true;
    page.apply(ucmd::Acquire{});
    ASSERT_EQ(user_db->held(), 1u) << "the bank's intent is saved; the PC's write is in flight";
    ASSERT_TRUE(page.session.saving());
    ASSERT_EQ(page.bank().state().issuances.size(), 1u);
    const std::string serial = page.bank().state().issuances.front().serial;
    page.apply(cmd::SwitchPc{cp::PcId::Admin});  // the person stands up
    EXPECT_EQ(page.session.user_flow(), nullptr);
    user_db->release_held();
    EXPECT_FALSE(page.session.saving());
    EXPECT_EQ(user_db->commits, writes + 1) << "one write per install";
    EXPECT_EQ(record(page, cp::Holder::user("S0001")).serial, serial);
    EXPECT_EQ(record(page, cp::Holder::user("S0001")).status, cp::CertStatus::Valid) << "confirmed once the PC held it";
    EXPECT_TRUE(page.bank().state().issuances.empty());
}

// Rewrites the saved bank record through `change`, as `version` of the record format wrote it.
void rewrite_bank_record(BrowserProfile& profile, const std::function<void(cp::BankState&)>& change,
                         std::uint16_t version = cp::kRecordFormatVersion) {
    cp::MemoryStorage& bank = profile.databases[kBankDb];
    cp::StoreRecords records;
    bank.read_store("bank", [&](cp::StorageStatus s, cp::StoreRecords r) {
        ASSERT_EQ(s, cp::StorageStatus::Ok);
        records = std::move(r);
    });
    std::vector<std::uint8_t> payload;
    ASSERT_EQ(cp::unwrap_record(records.at("state"), cp::RecordKind::BankState, payload), cp::RecordError::None);
    cp::BankState state;
    ASSERT_EQ(cp::decode_bank_state(payload, state), FlowResult::Ok);
    change(state);
    std::vector<std::uint8_t> encoded = cp::encode_bank_state(state);
    if (version < 3) encoded.pop_back();  // format 3 appended the TLS version
    if (version < 2) {  // format 1 ended after the audit log: no issuances count
        ASSERT_TRUE(state.issuances.empty());
        encoded.resize(encoded.size() - 4);
    }
    cp::WriteBatch batch;
    batch.put("bank", "state", cp::wrap_record(cp::RecordKind::BankState, encoded, version));
    bank.commit(std::move(batch), [](cp::StorageStatus s) { ASSERT_EQ(s, cp::StorageStatus::Ok); });
}

// The hole before this order: the PC saved a certificate the bank never recorded (a format-1
// world whose tab closed between the two saves). Logging on with it says what is true.
TEST(Issuance, ACertificateTheBankNeverRecordedIsRefusedAsNotRecorded) {
    BrowserProfile profile;
    const KilledRun run = run_and_kill(profile, Procedure::UserRenewal, 2);  // intent and PC saved
    // The same, as a world saved before the intent existed: no record of the issue at all.
    rewrite_bank_record(profile, [](cp::BankState& s) { s.issuances.clear(); }, 1);
    PageLoad reload(profile);
    ASSERT_NE(store(reload, Procedure::UserRenewal).find(run.new_serial), nullptr);
    EXPECT_EQ(record(reload, cp::Holder::user("S0001")).serial, run.old_serial);
    EXPECT_EQ(user_certificate_login(reload, run.new_serial), BankResult::CertificateNotRecorded)
        << "the newest certificate on the PC: not 「更新済みの古い電子証明書」";
    EXPECT_EQ(user_certificate_login(reload, run.old_serial), FlowResult::Ok);
}

// A world saved by the previous record format (no issuances section) still loads, and the next
// save writes the current format.
TEST(Issuance, AWorldSavedByTheFormerRecordFormatStillLoads) {
    BrowserProfile profile;
    std::string serial;
    {
        PageLoad page(profile);
        serial = record(page, cp::Holder::user("S0001")).serial;
    }
    rewrite_bank_record(profile, [](cp::BankState&) {}, 1);
    PageLoad reload(profile);
    EXPECT_FALSE(reload.session.simulation()->created_this_run()) << "loaded, not made anew";
    EXPECT_TRUE(reload.session.simulation()->set_aside().empty());
    EXPECT_EQ(record(reload, cp::Holder::user("S0001")).serial, serial);
    EXPECT_TRUE(reload.bank().state().audit.verify());
}

}  // namespace
