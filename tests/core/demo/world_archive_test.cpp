// Progress you can keep: the whole world exported to a file and imported back equals the
// original; a damaged, foreign or incomplete file is refused with its reason and changes nothing;
// keys sealed by another browser's device key are listed as unusable.
#include "sim/world_archive.h"

#include <gtest/gtest.h>

#include <vector>

#include "bank/audit_log.h"
#include "bank/bank_codec.h"
#include "session_fixture.h"
#include "crypto/digest.h"
#include "storage/record_envelope.h"

namespace {

using cp::ArchiveError;
using cp::FlowResult;

std::vector<std::uint8_t> bytes_of(const cp::pki::SecretBytes& s) { return {s.view().begin(), s.view().end()}; }

// Everything the world is made of, for comparing two worlds.
struct Snapshot {
    std::vector<std::uint8_t> bank;
    std::vector<std::uint8_t> ca;
    cp::PcCertificateStore admin, user;
    bool operator==(const Snapshot&) const = default;
};
Snapshot snapshot(cp::Session& session) {
    const cp::Simulation& sim = *session.simulation();
    return {cp::encode_bank_state(session.bank()->state()), bytes_of(sim.authority().encode()), sim.admin_pc(), sim.user_pc()};
}

cp::WorldArchive decoded(const std::vector<std::uint8_t>& file) {
    cp::WorldArchive a;
    EXPECT_EQ(cp::decode_world_archive(file, a), ArchiveError::None);
    return a;
}

TEST(WorldArchive, EncodeDecodeKeepsEveryPart) {
    cp::test::BrowserProfile profile;
    cp::test::PageLoad page(profile);
    const cp::WorldArchive world = page.session.simulation()->export_world();
    ASSERT_EQ(world.pcs.size(), 2u);
    EXPECT_EQ(cp::device_sealed_key_count(world), 3u);  // the seed's three certificates, all at 中
    const cp::WorldArchive back = decoded(bytes_of(cp::encode_world_archive(world)));
    EXPECT_EQ(cp::encode_bank_state(back.bank), cp::encode_bank_state(world.bank));
    EXPECT_EQ(bytes_of(back.authority), bytes_of(world.authority));
    EXPECT_EQ(back.pcs, world.pcs);
}

TEST(WorldArchive, ExportThenImportGivesBackTheOriginal) {
    cp::test::BrowserProfile profile;
    cp::test::PageLoad page(profile);
    page.apply(cp::cmd::AdvanceClock{3});  // some history: a clock move, a mail
    const Snapshot original = snapshot(page.session);
    const std::vector<std::uint8_t> file = bytes_of(page.session.export_world());
    page.load_preset(cp::Preset::HundredUsers);  // another world in between
    ASSERT_NE(snapshot(page.session), original);
    FlowResult result = FlowResult::WrongStep;
    ASSERT_EQ(page.session.import_world(file, [&](FlowResult r) { result = r; }), ArchiveError::None);
    ASSERT_EQ(result, FlowResult::Ok);
    EXPECT_EQ(snapshot(page.session), original);
    EXPECT_TRUE(page.session.simulation()->unusable_keys().empty());  // same browser: every key opens
    // Saved: a reload finds the imported world.
    cp::test::PageLoad reload(profile);
    EXPECT_EQ(snapshot(reload.session), original);
    // And it works: the administrator logs on with the imported certificate.
    cp::test::log_in_as_admin(reload);
}

TEST(WorldArchive, ImportIntoTheSameWorldKeepsItsCertificates) {
    cp::test::BrowserProfile profile;
    cp::test::PageLoad page(profile);
    const Snapshot original = snapshot(page.session);
    const std::vector<std::uint8_t> file = bytes_of(page.session.export_world());
    FlowResult result = FlowResult::WrongStep;
    ASSERT_EQ(page.session.import_world(file, [&](FlowResult r) { result = r; }), ArchiveError::None);
    ASSERT_EQ(result, FlowResult::Ok);
    cp::test::PageLoad reload(profile);  // the same serials were rewritten, not deleted
    EXPECT_EQ(snapshot(reload.session), original);
}

TEST(WorldArchive, DamagedOrForeignFilesChangeNothing) {
    cp::test::BrowserProfile profile;
    cp::test::PageLoad page(profile);
    const std::vector<std::uint8_t> file = bytes_of(page.session.export_world());
    page.apply(cp::cmd::AdvanceClock{1});
    const Snapshot before = snapshot(page.session);
    auto refused = [&](const std::vector<std::uint8_t>& bad, ArchiveError why) {
        bool called = false;
        EXPECT_EQ(page.session.import_world(bad, [&](FlowResult) { called = true; }), why);
        EXPECT_FALSE(called);
        EXPECT_EQ(snapshot(page.session), before);
    };
    // Truncated anywhere, or one byte altered anywhere (a sample of positions).
    for (std::size_t n : {std::size_t{0}, std::size_t{3}, std::size_t{40}, file.size() / 2, file.size() - 1}) {
        std::vector<std::uint8_t> cut(file.begin(), file.begin() + static_cast<std::ptrdiff_t>(n));
        refused(cut, n < 4 ? ArchiveError::NotAnArchive : ArchiveError::Damaged);
    }
    for (std::size_t at = 4; at < file.size(); at += file.size() / 37 + 1) {
        std::vector<std::uint8_t> flipped = file;
        flipped[at] ^= 0x20;
        refused(flipped, ArchiveError::Damaged);
    }
    const std::string text = "{\"not\": \"a certportal file\"}";
    refused({text.begin(), text.end()}, ArchiveError::NotAnArchive);
    // A certportal record of another kind (a database's bank record).
    refused(cp::wrap_record(cp::RecordKind::BankState, cp::encode_bank_state(page.session.bank()->state())),
            ArchiveError::NotAnArchive);
    // Written by a newer format: the version raised and the digest made to match.
    std::vector<std::uint8_t> newer = file;
    newer[4] = static_cast<std::uint8_t>(cp::kRecordFormatVersion + 1);
    const cp::Sha256Digest d = cp::sha256(std::span(newer).first(newer.size() - 32));
    std::copy(d.begin(), d.end(), newer.end() - 32);
    refused(newer, ArchiveError::NewerFormat);
    // A well-formed file without the user's PC.
    cp::WorldArchive partial = page.session.simulation()->export_world();
    partial.pcs.pop_back();
    refused(bytes_of(cp::encode_world_archive(partial)), ArchiveError::MissingPc);
}

// What the file's checks stand for, case by case (README "Demo console and links"). Each file is
// crafted as someone editing an export would: decode, change, encode again (which recomputes the
// envelope's SHA-256, as anyone can: it is not keyed).
struct Crafted {
    cp::test::BrowserProfile profile;
    cp::test::PageLoad page{profile};
    cp::WorldArchive world;
    Snapshot before;
    Crafted() {
        page.apply(cp::cmd::AdvanceClock{1});  // a history of a few entries
        world = decoded(bytes_of(page.session.export_world()));
        before = snapshot(page.session);
    }
    std::vector<std::uint8_t> file() const { return bytes_of(cp::encode_world_archive(world)); }
    ArchiveError import(FlowResult* result) {
        return page.session.import_world(file(), [result](FlowResult r) { *result = r; });
    }
};

// The audit chain covers the audit entries only: the company name (or any other part of the
// state) edited with the digest recomputed is a well-formed world, and is accepted.
TEST(WorldArchive, AnEditOutsideTheAuditLogWithTheDigestRecomputedIsAccepted) {
    Crafted c;
    ASSERT_NE(c.world.bank.contract.company, "改ざん商事株式会社");
    c.world.bank.contract.company = "改ざん商事株式会社";
    FlowResult result = FlowResult::WrongStep;
    ASSERT_EQ(c.import(&result), ArchiveError::None);
    ASSERT_EQ(result, FlowResult::Ok);
    EXPECT_EQ(c.page.session.bank()->state().contract.company, "改ざん商事株式会社");
    EXPECT_TRUE(c.page.session.bank()->state().audit.verify());
}

// An audit entry edited, removed or reordered without the hashes after it recomputed: refused
// before anything is replaced, with its own reason.
TEST(WorldArchive, ABrokenAuditChainIsRefusedAndChangesNothing) {
    Crafted c;
    auto& entries = c.world.bank.audit.mutable_entries_for_tests();
    ASSERT_GE(entries.size(), 3u);
    const std::vector<cp::AuditEntry> original = entries;
    auto refused = [&](const char* what) {
        SCOPED_TRACE(what);
        bool called = false;
        EXPECT_EQ(c.page.session.import_world(c.file(), [&](FlowResult) { called = true; }), ArchiveError::AuditChainBroken);
        EXPECT_FALSE(called);
        EXPECT_EQ(snapshot(c.page.session), c.before);
        entries = original;
    };
    entries[1].actor = "someone else";
    refused("an entry edited");
    entries.erase(entries.begin() + 1);
    refused("an entry removed");
    std::swap(entries[1], entries[2]);
    refused("two entries swapped");
    entries.back().hash[0] ^= 1;
    refused("the last hash altered");
    // The same file with the log as it was is accepted (the crafting itself breaks nothing).
    FlowResult result = FlowResult::WrongStep;
    EXPECT_EQ(c.import(&result), ArchiveError::None);
    EXPECT_EQ(result, FlowResult::Ok);
}

// The chain is anchored nowhere (no copy of its last hash outside the file): an entry edited and
// every hash from it on recomputed is a consistent chain, and is accepted. The README says so.
TEST(WorldArchive, AConsistentlyRewrittenChainIsNotDetected) {
    Crafted c;
    auto& entries = c.world.bank.audit.mutable_entries_for_tests();
    ASSERT_GE(entries.size(), 2u);
    entries[1].actor = "someone else";
    for (std::size_t i = 1; i < entries.size(); ++i) entries[i].hash = cp::audit_chain_hash(entries[i], entries[i - 1].hash);
    FlowResult result = FlowResult::WrongStep;
    ASSERT_EQ(c.import(&result), ArchiveError::None);
    ASSERT_EQ(result, FlowResult::Ok);
    EXPECT_EQ(c.page.session.bank()->state().audit.entries()[1].actor, "someone else");
    EXPECT_TRUE(c.page.session.bank()->state().audit.verify());
}

// A PC store is keyed by serial: one serial twice is not a store this program saved.
TEST(WorldArchive, TwoCertificatesWithOneSerialOnAPcAreRefused) {
    Crafted c;
    cp::PcCertificateStore& pc = c.world.pcs.front();
    ASSERT_FALSE(pc.certificates.empty());
    cp::InstalledCertificate twin = pc.certificates.front();
    pc.certificates.push_back(std::move(twin));
    bool called = false;
    EXPECT_EQ(c.page.session.import_world(c.file(), [&](FlowResult) { called = true; }), ArchiveError::Damaged);
    EXPECT_FALSE(called);
    EXPECT_EQ(snapshot(c.page.session), c.before);
}

TEST(WorldArchive, KeysSealedByAnotherBrowserAreListedAsUnusable) {
    cp::test::BrowserProfile first, second;
    cp::test::PageLoad here(first);
    const std::vector<std::uint8_t> file = bytes_of(here.session.export_world());
    cp::test::PageLoad elsewhere(second, 7, cp::pki::LocalKeyJobRunner::Mode::Immediate, " of another browser");
    FlowResult result = FlowResult::WrongStep;
    ASSERT_EQ(elsewhere.session.import_world(file, [&](FlowResult r) { result = r; }), ArchiveError::None);
    ASSERT_EQ(result, FlowResult::Ok);
    const auto& unusable = elsewhere.session.simulation()->unusable_keys();
    EXPECT_EQ(unusable.size(), 3u);
    for (const auto* pc : {&here.session.simulation()->admin_pc(), &here.session.simulation()->user_pc()})
        for (const cp::InstalledCertificate& c : pc->certificates)
            EXPECT_NE(std::find(unusable.begin(), unusable.end(), c.serial), unusable.end());
    // The world itself came over: same bank, same certificates listed.
    EXPECT_EQ(cp::encode_bank_state(elsewhere.session.bank()->state()), cp::encode_bank_state(here.session.bank()->state()));
    // A reset forgets the list (the preset's keys are this browser's own).
    elsewhere.load_preset(cp::Preset::SeedWorld);
    EXPECT_TRUE(elsewhere.session.simulation()->unusable_keys().empty());
}

}  // namespace
