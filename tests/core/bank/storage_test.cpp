// Persistence: round trips (memory and file), corruption and foreign records set aside, a
// certificate and its key in one transaction, commits interrupted between steps, quota,
// unavailable storage, schema migrations.
#include "sim/persistence.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "bank/bank_codec.h"
#include "bank_test_support.h"
#include "procedures/user_login.h"
#include "procedures/user_pickup.h"
#include "storage/file_storage.h"
#include "storage/memory_storage.h"

namespace {

// A world saved when the validity was a number of days (365) reads as the one year it meant;
// a validity no bank has (0, 11 years) is refused.
TEST(BankCodec, TheValiditySlotOfAnOlderWorldReadsAsOneYear) {
    cp::test::TestBank tb;
    cp::BankState state = tb.bank->state();
    state.config.certificate_validity_years = 365;
    cp::BankState read;
    ASSERT_EQ(cp::decode_bank_state(cp::encode_bank_state(state), read), cp::FlowResult::Ok);
    EXPECT_EQ(read.config.certificate_validity_years, 1u);
    for (std::uint32_t bad : {0u, 11u}) {
        state.config.certificate_validity_years = bad;
        EXPECT_NE(cp::decode_bank_state(cp::encode_bank_state(state), read), cp::FlowResult::Ok) << bad;
    }
}

using cp::FlowResult;
using cp::PersistResult;
using cp::StorageStatus;

FlowResult save(cp::Storage& s, const cp::test::TestBank& tb) {
    FlowResult out = PersistResult::StorageFailed;
    cp::save_bank(s, tb.bank->state(), tb.pki.encode().view(), [&](FlowResult r) { out = r; });
    return out;
}

struct Loaded {
    FlowResult result = PersistResult::StorageFailed;
    cp::BankState state;
    cp::pki::SecretBytes authority;
    cp::LoadReport report;
};
Loaded load(cp::Storage& s) {
    Loaded l;
    cp::load_bank(s, [&](FlowResult r, cp::BankState st, cp::pki::SecretBytes authority, cp::LoadReport rep) {
        l.result = r;
        l.state = std::move(st);
        l.authority = std::move(authority);
        l.report = std::move(rep);
    });
    return l;
}

struct LoadedPc {
    FlowResult result = PersistResult::StorageFailed;
    cp::PcCertificateStore pc;
    cp::LoadReport report;
};
LoadedPc load_pc(cp::Storage& s) {
    LoadedPc l;
    cp::load_pc_store(s, "user-pc", [&](FlowResult r, cp::PcCertificateStore pc, cp::LoadReport rep) {
        l.result = r;
        l.pc = std::move(pc);
        l.report = std::move(rep);
    });
    return l;
}

FlowResult save_cert(cp::Storage& s, const cp::InstalledCertificate& c) {
    FlowResult out = PersistResult::StorageFailed;
    cp::save_installed_certificate(s, c, [&](FlowResult r) { out = r; });
    return out;
}

std::string temp_path(const char* name) {
    const std::string p = ::testing::TempDir() + "certportal_bank_" + name;
    std::remove(p.c_str());
    std::remove((p + ".tmp").c_str());
    std::remove((p + ".corrupt").c_str());
    return p;
}

TEST(Storage, BankRoundTripInMemoryThenTheProcedureContinues) {
    cp::test::TestBank tb(cp::Preset::UserCertificateExpired);
    cp::MemoryStorage storage;
    ASSERT_EQ(cp::open_now(storage, cp::bank_database_schema()), StorageStatus::Ok);
    EXPECT_EQ(load(storage).result, PersistResult::NothingSaved);
    (void)tb.bank->check_contract_pin("wrongpin1");
    ASSERT_EQ(save(storage, tb), FlowResult::Ok);
    const Loaded l = load(storage);
    ASSERT_EQ(l.result, FlowResult::Ok);
    EXPECT_TRUE(l.report.set_aside.empty());
    EXPECT_EQ(cp::encode_bank_state(l.state), cp::encode_bank_state(tb.bank->state()));
    EXPECT_EQ(l.state.contract, tb.bank->state().contract);
    EXPECT_EQ(l.state.users, tb.bank->state().users);
    EXPECT_TRUE(l.state.audit.verify());
    // A fresh CA and bank from the saved bytes ("reload"): the old certificates still log in, the
    // reissue and pickup still work, and the new certificate logs in.
    cp::SeededRandom random(99);
    cp::pki::Drbg rng;
    ASSERT_EQ(rng.seed_from_entropy("reloaded bank"), cp::pki::PkiError::Ok);
    cp::PkiAuthority authority(rng);
    ASSERT_EQ(authority.decode(l.authority.view()), FlowResult::Ok);
    EXPECT_EQ(authority.crl().der().size(), tb.pki.crl().der().size());
    cp::Bank bank(l.state, random, authority);
    {
        cp::UserLogin s2(bank, tb.user_pc.services());
        EXPECT_EQ(cp::test::choose(s2, tb.user_cert("S0002")), FlowResult::Ok);
    }
    EXPECT_EQ(bank.state().contract.contract_pin_failures, 1u);
    ASSERT_EQ(bank.apply_user_certificate_action("S0001", cp::UserCertificateAction::Reissue,
                                                 cp::kSeedSecrets.confirmation_pin),
              FlowResult::Ok);
    cp::PcCertificateStore pc;
    cp::UserPickup p(bank, pc, tb.user_pc.services());
    ASSERT_EQ(p.enter_ids("00009876543", "S0001", cp::kSeedSecrets.s0001_pin), FlowResult::Ok);
    ASSERT_EQ(p.enter_one_time_password(bank.token_display("S0001")), FlowResult::Ok);
    ASSERT_EQ(p.start_app(), FlowResult::Ok);
    ASSERT_EQ(p.acquire(), FlowResult::Ok);
    ASSERT_EQ(p.finish(), FlowResult::Ok);
    cp::test::pc_saved(bank, pc);  // the PC saved it: the bank confirms
    cp::UserLogin s1(bank, tb.user_pc.services());
    EXPECT_EQ(cp::test::choose(s1, *pc.find(p.installed_serial())), FlowResult::Ok);
}

TEST(Storage, BankRoundTripThroughAFile) {
    const std::string path = temp_path("bank.db");
    cp::test::TestBank tb;
    {
        cp::FileStorage storage(path);
        ASSERT_EQ(cp::open_now(storage, cp::bank_database_schema()), StorageStatus::Ok);
        ASSERT_EQ(save(storage, tb), FlowResult::Ok);
    }
    cp::FileStorage reopened(path);  // "reload"
    ASSERT_EQ(cp::open_now(reopened, cp::bank_database_schema()), StorageStatus::Ok);
    const Loaded l = load(reopened);
    ASSERT_EQ(l.result, FlowResult::Ok);
    EXPECT_EQ(cp::encode_bank_state(l.state), cp::encode_bank_state(tb.bank->state()));
}

TEST(Clock, PersistsAcrossSaveAndLoad) {
    cp::test::TestBank tb;
    ASSERT_EQ(tb.bank->advance_time(cp::days(3) + 17), FlowResult::Ok);
    cp::MemoryStorage storage;
    ASSERT_EQ(cp::open_now(storage, cp::bank_database_schema()), StorageStatus::Ok);
    ASSERT_EQ(save(storage, tb), FlowResult::Ok);
    EXPECT_EQ(load(storage).state.now, tb.bank->now());
}

TEST(Storage, CorruptedStateIsReportedAndSetAside) {
    cp::test::TestBank tb;
    cp::MemoryStorage storage;
    ASSERT_EQ(cp::open_now(storage, cp::bank_database_schema()), StorageStatus::Ok);
    ASSERT_EQ(save(storage, tb), FlowResult::Ok);
    auto& value = storage.raw()["bank"]["state"];
    value[value.size() / 2] ^= 0x40;
    const Loaded l = load(storage);
    EXPECT_EQ(l.result, PersistResult::StateCorrupted);
    ASSERT_EQ(l.report.set_aside.size(), 1u);
    EXPECT_EQ(l.report.set_aside[0].reason, cp::RecordError::Corrupted);
    EXPECT_EQ(storage.raw()["bank"].count("state"), 0u);
    EXPECT_EQ(storage.raw()["quarantine"].count("bank/state"), 1u);
    EXPECT_EQ(storage.raw()["authority"].count("ca"), 1u);  // the rest stays
    // The storage keeps working: a preset can be saved again.
    ASSERT_EQ(save(storage, tb), FlowResult::Ok);
    EXPECT_EQ(load(storage).result, FlowResult::Ok);
}

TEST(Storage, ForeignRecordIsRecognised) {
    cp::MemoryStorage storage;
    ASSERT_EQ(cp::open_now(storage, cp::bank_database_schema()), StorageStatus::Ok);
    const std::string text = "{\"hello\": 1}";
    storage.raw()["bank"]["state"] = std::vector<std::uint8_t>(text.begin(), text.end());
    const Loaded l = load(storage);
    EXPECT_EQ(l.result, PersistResult::StateCorrupted);
    ASSERT_EQ(l.report.set_aside.size(), 1u);
    EXPECT_EQ(l.report.set_aside[0].reason, cp::RecordError::NotARecord);
}

TEST(Storage, WrongKindAndNewerFormatAreRefused) {
    std::vector<std::uint8_t> payload;
    const std::vector<std::uint8_t> inner{1, 2, 3};
    const auto rec = cp::wrap_record(cp::RecordKind::ProtectedKey, inner);
    EXPECT_EQ(cp::unwrap_record(rec, cp::RecordKind::BankState, payload), cp::RecordError::WrongKind);
    EXPECT_EQ(cp::unwrap_record(rec, cp::RecordKind::ProtectedKey, payload), cp::RecordError::None);
    EXPECT_EQ(payload, inner);
    // A record of the next format: same layout, higher version, valid digest.
    std::vector<std::uint8_t> v2(rec.begin(), rec.end() - 32);
    v2[4] = static_cast<std::uint8_t>(cp::kRecordFormatVersion + 1);
    const cp::Sha256Digest d = cp::sha256(v2);
    v2.insert(v2.end(), d.begin(), d.end());
    EXPECT_EQ(cp::unwrap_record(v2, cp::RecordKind::ProtectedKey, payload), cp::RecordError::NewerFormat);
}

TEST(Storage, EveryTruncationAndBitFlipOfTheStateDecodesSafely) {
    cp::test::TestBank tb;
    (void)tb.bank->advance_time(cp::days(40));  // mails and audit entries in the state
    const auto bytes = cp::encode_bank_state(tb.bank->state());
    cp::BankState out;
    for (std::size_t n = 0; n < bytes.size(); n += 7)
        EXPECT_EQ(cp::decode_bank_state(std::span(bytes).first(n), out), PersistResult::StateCorrupted) << n;
    for (std::size_t i = 0; i < bytes.size(); i += 5) {
        auto damaged = bytes;
        damaged[i] ^= 0xFF;
        const FlowResult r = cp::decode_bank_state(damaged, out);  // must not crash
        EXPECT_TRUE(r == FlowResult::Ok || r == PersistResult::StateCorrupted);
    }
    std::vector<std::uint8_t> longer = bytes;
    longer.push_back(0);
    EXPECT_EQ(cp::decode_bank_state(longer, out), PersistResult::StateCorrupted);
}

TEST(Storage, CertificateAndKeyAreWrittenTogether) {
    cp::test::TestBank tb;
    cp::MemoryStorage storage;
    ASSERT_EQ(cp::open_now(storage, cp::pc_database_schema()), StorageStatus::Ok);
    for (const auto& c : tb.world.user_pc.certificates) ASSERT_EQ(save_cert(storage, c), FlowResult::Ok);
    EXPECT_EQ(storage.raw()["certificates"].size(), 2u);
    EXPECT_EQ(storage.raw()["keys"].size(), 2u);
    const LoadedPc l = load_pc(storage);
    ASSERT_EQ(l.result, FlowResult::Ok);
    EXPECT_EQ(l.pc.certificates, tb.world.user_pc.certificates);  // keys included
}

TEST(Storage, InstallInterruptedBetweenCertificateAndKeyLeavesTheOldState) {
    cp::test::TestBank tb;
    cp::MemoryStorage storage;
    ASSERT_EQ(cp::open_now(storage, cp::pc_database_schema()), StorageStatus::Ok);
    ASSERT_EQ(save_cert(storage, tb.world.user_pc.certificates[0]), FlowResult::Ok);
    const cp::StorageSnapshot before = storage.raw();
    storage.interrupt_next_commit_after(1);  // the certificate written, the key not yet
    EXPECT_EQ(save_cert(storage, tb.world.user_pc.certificates[1]), PersistResult::StorageFailed);
    EXPECT_EQ(storage.raw(), before);
    const LoadedPc l = load_pc(storage);
    EXPECT_EQ(l.pc.certificates.size(), 1u);
    EXPECT_TRUE(l.report.set_aside.empty());
}

TEST(Storage, FileCrashBeforeRenameLeavesTheOldFile) {
    const std::string path = temp_path("pc.db");
    cp::test::TestBank tb;
    {
        cp::FileStorage storage(path);
        ASSERT_EQ(cp::open_now(storage, cp::pc_database_schema()), StorageStatus::Ok);
        ASSERT_EQ(save_cert(storage, tb.world.user_pc.certificates[0]), FlowResult::Ok);
        storage.crash_before_rename_on_next_commit();
        EXPECT_EQ(save_cert(storage, tb.world.user_pc.certificates[1]), PersistResult::StorageFailed);
    }
    cp::FileStorage reopened(path);
    ASSERT_EQ(cp::open_now(reopened, cp::pc_database_schema()), StorageStatus::Ok);
    const LoadedPc l = load_pc(reopened);
    ASSERT_EQ(l.pc.certificates.size(), 1u);
    EXPECT_EQ(l.pc.certificates[0].serial, tb.world.user_pc.certificates[0].serial);
}

TEST(Storage, OrphanOrDamagedCertificateIsSetAsideAndTheRestLoads) {
    cp::test::TestBank tb;
    cp::MemoryStorage storage;
    ASSERT_EQ(cp::open_now(storage, cp::pc_database_schema()), StorageStatus::Ok);
    for (const auto& c : tb.world.user_pc.certificates) ASSERT_EQ(save_cert(storage, c), FlowResult::Ok);
    const std::string a = tb.world.user_pc.certificates[0].serial, b = tb.world.user_pc.certificates[1].serial;
    storage.raw()["certificates"].erase(a);             // a key without its certificate
    storage.raw()["keys"][b].back() ^= 1;               // a damaged key
    storage.raw()["certificates"]["junk"] = {1, 2, 3};  // something foreign
    const LoadedPc l = load_pc(storage);
    EXPECT_EQ(l.result, FlowResult::Ok);
    EXPECT_TRUE(l.pc.certificates.empty());
    EXPECT_EQ(l.report.set_aside.size(), 4u);  // orphan key, b's certificate and key, junk
    EXPECT_TRUE(storage.raw()["keys"].empty());
    EXPECT_TRUE(storage.raw()["certificates"].empty());
    EXPECT_EQ(storage.raw()["quarantine"].size(), 4u);
    ASSERT_EQ(save_cert(storage, tb.world.user_pc.certificates[0]), FlowResult::Ok);  // still works
    EXPECT_EQ(load_pc(storage).pc.certificates.size(), 1u);
}

TEST(Storage, QuotaExceededWritesNothing) {
    cp::test::TestBank tb;
    cp::MemoryStorage storage;
    ASSERT_EQ(cp::open_now(storage, cp::pc_database_schema()), StorageStatus::Ok);
    storage.set_quota_bytes(64);
    cp::WriteBatch batch;
    batch.put("certificates", "x", std::vector<std::uint8_t>(100, 1));
    EXPECT_EQ(cp::commit_now(storage, std::move(batch)), StorageStatus::QuotaExceeded);
    EXPECT_EQ(save_cert(storage, tb.world.user_pc.certificates[0]), PersistResult::StorageFailed);
    EXPECT_TRUE(storage.raw()["certificates"].empty());
}

TEST(Storage, UnavailableStorageFallsBackToMemory) {
    cp::MemoryStorage private_mode;
    private_mode.set_unavailable(true);
    EXPECT_EQ(cp::open_now(private_mode, cp::bank_database_schema()), StorageStatus::Unavailable);
    cp::MemoryStorage fallback;
    EXPECT_EQ(cp::open_now(fallback, cp::bank_database_schema()), StorageStatus::Ok);
}

TEST(Storage, UnknownStoreIsRefused) {
    cp::MemoryStorage storage;
    ASSERT_EQ(cp::open_now(storage, cp::pc_database_schema()), StorageStatus::Ok);
    cp::WriteBatch batch;
    batch.put("certificates", "a", {1});
    batch.put("nope", "b", {2});
    EXPECT_EQ(cp::commit_now(storage, std::move(batch)), StorageStatus::UnknownStore);
    EXPECT_TRUE(storage.raw()["certificates"].empty());
}

TEST(Storage, MigrationRunsOnceFromAnOlderVersion) {
    const std::string path = temp_path("migrate.db");
    {
        cp::FileStorage v1(path);
        ASSERT_EQ(cp::open_now(v1, cp::StorageSchema{1, {"things"}, {}}), StorageStatus::Ok);
        cp::WriteBatch b;
        b.put("things", "old-name", {7});
        ASSERT_EQ(cp::commit_now(v1, std::move(b)), StorageStatus::Ok);
    }
    cp::StorageSchema v2{2, {"things", "extra"}, {}};
    int runs = 0;
    v2.migrations.push_back({2, [&](const cp::StorageSnapshot& before, cp::WriteBatch& changes) {
                                 ++runs;
                                 const auto& things = before.at("things");
                                 changes.put("things", "new-name", things.at("old-name"));
                                 changes.remove("things", "old-name");
                             }});
    {
        cp::FileStorage s(path);
        std::uint32_t previous = 0;
        ASSERT_EQ(cp::open_now(s, v2, &previous), StorageStatus::Ok);
        EXPECT_EQ(previous, 1u);
        cp::StoreRecords things;
        ASSERT_EQ(cp::read_now(s, "things", things), StorageStatus::Ok);
        EXPECT_EQ(things.count("old-name"), 0u);
        EXPECT_EQ(things.at("new-name"), std::vector<std::uint8_t>{7});
    }
    cp::FileStorage again(path);
    ASSERT_EQ(cp::open_now(again, v2), StorageStatus::Ok);
    EXPECT_EQ(runs, 1);
    cp::FileStorage older_program(path);
    EXPECT_EQ(cp::open_now(older_program, cp::StorageSchema{1, {"things"}, {}}), StorageStatus::VersionTooNew);
}

TEST(Storage, CorruptedDatabaseFileIsSetAsideAndStartsEmpty) {
    const std::string path = temp_path("garbage.db");
    {
        std::ofstream out(path, std::ios::binary);
        out << "this is not a certportal database";
    }
    cp::FileStorage s(path);
    EXPECT_EQ(cp::open_now(s, cp::bank_database_schema()), StorageStatus::Corrupted);
    std::ifstream aside(path + ".corrupt");
    EXPECT_TRUE(aside.good());
    cp::test::TestBank tb;
    ASSERT_EQ(save(s, tb), FlowResult::Ok);
    EXPECT_EQ(load(s).result, FlowResult::Ok);
}

}  // namespace
