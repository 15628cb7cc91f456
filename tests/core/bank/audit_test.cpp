#include "bank/audit_log.h"

#include <gtest/gtest.h>

#include <iterator>
#include <span>
#include <string>
#include <vector>

#include "audit_format2_fixture.h"
#include "bank/bank_codec.h"
#include "bank_test_support.h"
#include "storage/record_envelope.h"

namespace {

TEST(Audit, EveryOperationIsLoggedWithTimeActorTargetResult) {
    cp::test::TestBank tb;
    cp::Bank& bank = *tb.bank;
    const std::size_t before = bank.state().audit.entries().size();
    EXPECT_EQ(bank.check_contract_pin("wrongpin1"), cp::BankResult::WrongContractPin);
    const cp::AuditEntry& e = bank.state().audit.entries().back();
    EXPECT_EQ(bank.state().audit.entries().size(), before + 1);
    EXPECT_EQ(e.time, bank.now());
    EXPECT_EQ(e.actor, "admin");
    EXPECT_EQ(e.action, cp::AuditAction::ContractPinCheck);
    EXPECT_EQ(e.target, "00009876543");
    EXPECT_EQ(e.result, cp::BankResult::WrongContractPin);
}

TEST(Audit, ChainVerifies) {
    cp::test::TestBank tb;
    cp::Bank& bank = *tb.bank;
    (void)bank.check_contract_pin(cp::kSeedSecrets.contract_pin);
    (void)bank.advance_time(cp::days(40));
    EXPECT_GT(bank.state().audit.entries().size(), 3u);
    EXPECT_TRUE(bank.state().audit.verify());
}

TEST(Audit, TamperingIsDetected) {
    cp::test::TestBank tb;
    cp::Bank& bank = *tb.bank;
    (void)bank.check_contract_pin("wrongpin1");
    (void)bank.check_contract_pin(cp::kSeedSecrets.contract_pin);
    (void)bank.advance_time(60);
    const cp::AuditLog good = bank.state().audit;
    ASSERT_TRUE(good.verify());
    const std::size_t n = good.entries().size();

    cp::AuditLog edited = good;  // a failure rewritten as a success
    edited.mutable_entries_for_tests()[n - 3].result = cp::BankResult::Ok;
    EXPECT_EQ(edited.first_invalid(), n - 3);

    cp::AuditLog removed = good;  // an entry deleted
    removed.mutable_entries_for_tests().erase(removed.mutable_entries_for_tests().begin() + 1);
    EXPECT_EQ(removed.first_invalid(), 1u);

    cp::AuditLog rehashed = good;  // an entry edited and its own hash recomputed: the next one breaks
    auto& entries = rehashed.mutable_entries_for_tests();
    entries[1].actor = "someone";
    entries[1].hash = cp::audit_chain_hash(entries[1], entries[0].hash);
    EXPECT_EQ(rehashed.first_invalid(), 2u);

    cp::AuditLog swapped = good;  // reordered
    std::swap(swapped.mutable_entries_for_tests()[0], swapped.mutable_entries_for_tests()[1]);
    EXPECT_EQ(swapped.first_invalid(), 0u);
}

// Bank::revision() is what the autosave keys on (sim/autosave.h): it moves with every change the
// bank must save, and with nothing else.
TEST(Revision, MovesWithEveryChangeToSaveAndNotWithPassingSecondsAlone) {
    cp::test::TestBank tb(cp::Preset::AdminRenewalWindow);
    cp::Bank& bank = *tb.bank;
    std::uint64_t r = bank.revision();
    EXPECT_EQ(bank.check_contract_pin("wrongpin1"), cp::BankResult::WrongContractPin);
    EXPECT_GT(bank.revision(), r) << "an operation (counted toward the lock, audited)";
    r = bank.revision();
    EXPECT_EQ(bank.check_contract_pin("1"), cp::BankResult::InvalidInput);
    EXPECT_EQ(bank.revision(), r) << "a PIN the form refuses changes nothing";

    ASSERT_FALSE(bank.state().mailbox.empty()) << "電子証明書更新のお知らせ";
    const cp::Mail mail = bank.state().mailbox.back();
    ASSERT_FALSE(mail.read);
    bank.mark_mail_read(mail.id);
    EXPECT_EQ(bank.revision(), r + 1) << "a mail read: no audit entry, still a change";
    bank.mark_mail_read(mail.id);
    bank.mark_mail_read(0);
    EXPECT_EQ(bank.revision(), r + 1) << "reading it again, or no mail, changes nothing";

    r = bank.revision();
    bank.let_time_pass(30);
    EXPECT_EQ(bank.revision(), r) << "passing seconds are saved with the next change";
    EXPECT_EQ(bank.advance_time(cp::days(1)), cp::BankResult::Ok);
    EXPECT_GT(bank.revision(), r) << "a clock move";
    r = bank.revision();
    const std::size_t mails = bank.state().mailbox.size();
    bank.let_time_pass(cp::days(400));
    ASSERT_GT(bank.state().mailbox.size(), mails) << "the expiry mail fell due";
    EXPECT_GT(bank.revision(), r) << "the due work time set off is a change";
}

TEST(Audit, NamesForEveryAction) {
    for (int i = 0; i < static_cast<int>(cp::AuditAction::Count_); ++i)
        EXPECT_STRNE(cp::audit_action_name(static_cast<cp::AuditAction>(i)), "?");
    for (std::uint8_t i = 0; i < cp::kResultCodeCount; ++i)
        EXPECT_STRNE(cp::result_name(cp::FlowResult::from_saved(i)), "?");
}

// An audit log saved before the results were split by layer (one BankResult for every layer) still
// loads: its hash chain covers each entry's result number, so the numbers must mean what they
// meant then. The fixture holds one entry per code 0..47 in that order.
TEST(Audit, SavedCodesKeepTheirMeaning) {
    static const char* const kMeaning[] = {
        "Ok", "InvalidInput", "UnknownContractOrUser", "UnknownUser", "UserAlreadyExists", "WrongContractPin",
        "WrongConfirmationPin", "WrongUserPin", "WrongCardAnswer", "ContractLocked", "UserSuspended",
        "UserAccidentRegistered", "CardLost", "NoTokenRegistered", "WrongOneTimePassword", "OneTimePasswordReused",
        "NotAdminCertificate", "NotUserCertificate", "CertificateUnknown", "CertificateExpired", "CertificateRevoked",
        "CertificateSuperseded", "AdminCertificateExpired", "NoPendingCertificate", "PickupWindowPassed",
        "NotInRenewalWindow", "AcquisitionAppNotRunning", "InstallDeclined", "AppClosedDuringAcquisition",
        "IssuingFailed", "KeyGenerationFailed", "KeyProtectionFailed", "KeyAccessDenied", "WrongKeyPassword",
        "LoginProofInvalid", "DeletingOnlyValidCertificate", "DeletingNewerCertificate", "NoSuchInstalledCertificate",
        "WrongStep", "Cancelled", "RequestNotNeeded", "RequestPending", "StateCorrupted", "StateVersionUnsupported",
        "StorageFailed", "NothingSaved", "CertificateNotRecorded", "InstallInterrupted"};
    std::vector<std::uint8_t> payload;
    std::uint16_t version = 0;
    ASSERT_EQ(cp::unwrap_record(cp::test::kAuditFormat2Record, cp::RecordKind::BankState, payload, &version),
              cp::RecordError::None);
    EXPECT_EQ(version, 2);
    cp::BankState state;
    ASSERT_EQ(cp::decode_bank_state(payload, state, version), cp::PersistResult::Ok);
    EXPECT_TRUE(state.audit.verify()) << "first invalid entry: " << state.audit.first_invalid();
    const std::vector<cp::AuditEntry>& entries = state.audit.entries();
    ASSERT_EQ(entries.size(), std::size(kMeaning));
    for (std::size_t i = 0; i < entries.size(); ++i)
        EXPECT_STREQ(cp::result_name(entries[i].result), kMeaning[i]) << "code " << i;
    // Saved again, the entries are the same bytes: the chain the bank keeps extending is the old one.
    // (Format 3 appends the TLS version: the format-2 record is the same bytes without it.)
    std::vector<std::uint8_t> again = cp::encode_bank_state(state);
    ASSERT_EQ(again.back(), static_cast<std::uint8_t>(cp::TlsVersion::Tls13)) << "format 2 loads with TLS 1.3";
    again.pop_back();
    EXPECT_EQ(cp::wrap_record(cp::RecordKind::BankState, again, version),
              std::vector<std::uint8_t>(std::begin(cp::test::kAuditFormat2Record), std::end(cp::test::kAuditFormat2Record)));
}

}  // namespace
