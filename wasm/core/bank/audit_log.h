// certportal bank: the audit log (操作履歴監査). Every bank operation appends one entry with the
// simulated time, the actor, the target and the result. Entries form a SHA-256 hash chain:
// hash[i] = SHA-256(encoding of entry i || hash[i-1]), hash[-1] = 32 zero bytes, so editing,
// removing or reordering an entry is detected by verify().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bank/clock.h"
#include "bank/result.h"
#include "storage/byte_codec.h"
#include "crypto/digest.h"

namespace cp {

enum class AuditAction : std::uint8_t {
    AdminCertificateCheck,   // certificate chosen at 管理者ログオン
    ContractPinCheck,
    CardCheck,
    ConfirmationPinCheck,
    AdminLogin,
    NoticesHidden,
    UserCertificateContinue,
    UserCertificateReissue,
    UserCertificateRevoke,
    TokenRegister,
    UserSuspensionLift,
    UserPinCheck,
    OneTimePasswordCheck,
    CertificatePickup,
    CertificateInstallFailed,
    AdminRenewal,
    UserLogin,
    UserAdd,
    BranchRequestSubmit,
    BranchRequestDone,
    CardReportedLost,
    MailSent,
    ClockAdvanced,
    ContractLockedEvent,
    UserSuspendedEvent,
    PresetLoaded,
    UserRenewal,             // a user's own 証明書更新 (seed 000 A3); new values go last: saved logs keep theirs
    CertificateInstalled,    // the PC's store holds an issued certificate: the bank records it (Bank::confirm_installation)
    Count_
};

const char* audit_action_name(AuditAction action);

// Who did what the log records. Saved and hashed as text ("admin", "system", "branch" or the
// 利用者ID), so the saved form and the chain stay as they are; the kind is read from it.
enum class AuditActor : unsigned char { Admin, System, Branch, User };
inline constexpr const char* kAuditActorAdmin = "admin";
inline constexpr const char* kAuditActorSystem = "system";
inline constexpr const char* kAuditActorBranch = "branch";
AuditActor audit_actor_of(std::string_view actor);

struct AuditEntry {
    std::uint64_t sequence = 0;
    SimTime time = 0;
    std::string actor;    // kAuditActorAdmin, kAuditActorSystem, kAuditActorBranch or a 利用者ID
    AuditAction action = AuditAction::AdminLogin;
    std::string target;   // what was acted on: a 利用者ID, a serial, a request number
    FlowResult result = FlowResult::Ok;  // any layer's code: saved and hashed as its number
    Sha256Digest hash{};  // chain hash including this entry
    bool operator==(const AuditEntry&) const = default;
};

// The bytes hashed for an entry (everything but the hash itself).
void encode_audit_entry_body(ByteWriter& w, const AuditEntry& e);
Sha256Digest audit_chain_hash(const AuditEntry& e, const Sha256Digest& previous);

// What 検証 found: the chain intact over `entries`, or broken from `first_invalid`.
struct AuditCheck {
    std::size_t entries = 0;
    std::size_t first_invalid = 0;  // == entries when the chain verifies
    bool intact() const { return first_invalid == entries; }
};

class AuditLog {
public:
    void append(SimTime time, std::string actor, AuditAction action, std::string target, FlowResult result);
    const std::vector<AuditEntry>& entries() const { return entries_; }
    // Index of the first entry whose hash or sequence does not check, or entries().size() when
    // the whole chain verifies.
    std::size_t first_invalid() const;
    bool verify() const { return first_invalid() == entries_.size(); }
    // Loading: entries as saved (verify() tells whether they were tampered with).
    void restore(std::vector<AuditEntry> entries) { entries_ = std::move(entries); }
    std::vector<AuditEntry>& mutable_entries_for_tests() { return entries_; }

private:
    std::vector<AuditEntry> entries_;
};

}  // namespace cp
